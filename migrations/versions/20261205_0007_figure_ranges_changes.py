"""figure ranges and changes

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-05 08:00:00.000000

A figure's upper end when it is a range ("5 to 7 percent": `value_max` 7) and the direction of
a change ("rose 5%": `change` "rise"). Figures stored before this revision have neither; the
next load of their article fills them (its fingerprint differs, so it is read again).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Plain ADD COLUMN, no table rebuild: rebuilding `figure` in a loaded SQLite database would
    # drop the table `claim_figure` and `figure_actor` reference.
    op.add_column("figure", sa.Column("value_max", sa.Float(), nullable=True))
    op.add_column("figure", sa.Column("change", sa.String(), nullable=True))
    op.create_index("ix_figure_change", "figure", ["change"])


def downgrade() -> None:
    op.drop_index("ix_figure_change", table_name="figure")
    op.drop_column("figure", "change")
    op.drop_column("figure", "value_max")
