"""article metadata

Revision ID: 0006
Revises: 0003
Create Date: 2026-12-04 19:00:00.000000

Where an article came from (source URL, publisher, authors, publication date) and when a load
first wrote and last changed it. Articles stored before this revision have no metadata; their
`added` and `updated` are the time of the upgrade, the first moment the database knew them by it.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    now = op.get_bind().execute(sa.text("SELECT CURRENT_TIMESTAMP")).scalar_one()
    stamp = str(now)[:19].replace(" ", "T") + "+00:00"
    with op.batch_alter_table("article") as batch:
        batch.add_column(sa.Column("source_url", sa.String(), nullable=True))
        batch.add_column(sa.Column("publisher", sa.String(), nullable=True))
        batch.add_column(
            sa.Column("authors", sa.JSON(), nullable=False, server_default=sa.text("'[]'"))
        )
        batch.add_column(sa.Column("published", sa.String(), nullable=True))
        batch.add_column(sa.Column("added", sa.String(), nullable=False, server_default=stamp))
        batch.add_column(sa.Column("updated", sa.String(), nullable=False, server_default=stamp))
        batch.create_index("ix_article_publisher", ["publisher"])
        batch.create_index("ix_article_published", ["published"])
    # The defaults only filled the rows there were; the loader always writes every column.
    with op.batch_alter_table("article") as batch:
        for name in ("authors", "added", "updated"):
            batch.alter_column(name, server_default=None)


def downgrade() -> None:
    with op.batch_alter_table("article") as batch:
        batch.drop_index("ix_article_published")
        batch.drop_index("ix_article_publisher")
        for name in ("updated", "added", "published", "authors", "publisher", "source_url"):
            batch.drop_column(name)
