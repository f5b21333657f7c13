"""data version

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29 09:00:00.000000

One row, one counter: every load that changes the data adds one to it in its own transaction.
Serving processes poll it (app/core/data_version.py) to drop their response caches, so a load
through one replica is seen by all of them. On SQLite the file swap already tells them, but
the counter is kept there too so both backends have the same schema.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    table = op.create_table(
        "data_version",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        # Exactly one row: the loader updates it, it never inserts.
        sa.CheckConstraint("id = 1", name="ck_data_version_one_row"),
    )
    op.bulk_insert(table, [{"id": 1, "version": 0}])


def downgrade() -> None:
    op.drop_table("data_version")
