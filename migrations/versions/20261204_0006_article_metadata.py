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
    # Plain ADD COLUMN, no table rebuild: rebuilding `article` in a loaded SQLite database would
    # drop the table every fact references. The defaults fill the rows there are (SQLite adds
    # a NOT NULL column only with one); the loader always writes every column itself.
    now = op.get_bind().execute(sa.text("SELECT CURRENT_TIMESTAMP")).scalar_one()
    stamp = str(now)[:19].replace(" ", "T") + "+00:00"
    op.add_column("article", sa.Column("source_url", sa.String(), nullable=True))
    op.add_column("article", sa.Column("publisher", sa.String(), nullable=True))
    op.add_column(
        "article", sa.Column("authors", sa.JSON(), nullable=False, server_default=sa.text("'[]'"))
    )
    op.add_column("article", sa.Column("published", sa.String(), nullable=True))
    op.add_column("article", sa.Column("added", sa.String(), nullable=False, server_default=stamp))
    op.add_column(
        "article", sa.Column("updated", sa.String(), nullable=False, server_default=stamp)
    )
    op.create_index("ix_article_publisher", "article", ["publisher"])
    op.create_index("ix_article_published", "article", ["published"])


def downgrade() -> None:
    op.drop_index("ix_article_published", table_name="article")
    op.drop_index("ix_article_publisher", table_name="article")
    for name in ("updated", "added", "published", "authors", "publisher", "source_url"):
        op.drop_column("article", name)
