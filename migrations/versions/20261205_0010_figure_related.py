"""figure related

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05 12:00:00.000000

Figures of different articles about the same thing (`GET /v1/figures/{id}/related`): each
figure's related figures, ranked as the API lists them, with how alike their measures are and
whether their values agree. A new table, so no rebuild of another; the load that runs this
revision fills it for every stored figure (app/ingest/related_index.py).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "figure_related",
        sa.Column("figure_id", sa.String(), nullable=False),
        sa.Column("rank", sa.Integer(), nullable=False),
        sa.Column("related_id", sa.String(), nullable=False),
        sa.Column("similarity", sa.Float(), nullable=False),
        sa.Column("agrees", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["figure_id"], ["figure.id"]),
        sa.ForeignKeyConstraint(["related_id"], ["figure.id"]),
        sa.PrimaryKeyConstraint("figure_id", "rank"),
    )
    op.create_index("ix_figure_related_related_id", "figure_related", ["related_id"])


def downgrade() -> None:
    op.drop_index("ix_figure_related_related_id", table_name="figure_related")
    op.drop_table("figure_related")
