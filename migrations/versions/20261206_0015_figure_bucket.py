"""figure bucket

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-06 05:00:00.000000

Each figure's group of related figures, by name, so that a load reads the figures of the
groups it changes through one index (docs/performance.md, "Writing one article into a large
corpus"). A new table; the load that runs this revision regroups every figure, which fills it.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "figure_bucket",
        sa.Column("figure_id", sa.String(), nullable=False),
        sa.Column("bucket", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(["figure_id"], ["figure.id"]),
        sa.PrimaryKeyConstraint("figure_id"),
    )
    op.create_index("ix_figure_bucket_bucket", "figure_bucket", ["bucket"])


def downgrade() -> None:
    op.drop_index("ix_figure_bucket_bucket", table_name="figure_bucket")
    op.drop_table("figure_bucket")
