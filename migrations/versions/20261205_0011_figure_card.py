"""figure card

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-05 12:30:00.000000

Each figure that is some figure's related one, serialised as `GET /v1/figures` lists it, so a
page of related figures is one statement (docs/performance.md, Related figures). A new table;
the load that runs this revision regroups every figure, which fills it.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "figure_card",
        sa.Column("figure_id", sa.String(), nullable=False),
        sa.Column("item", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(["figure_id"], ["figure.id"]),
        sa.PrimaryKeyConstraint("figure_id"),
    )


def downgrade() -> None:
    op.drop_table("figure_card")
