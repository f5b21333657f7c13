"""search rows

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-05 12:30:00.000000

Writing one article used to cost as much as the whole corpus on SQLite: FTS5 can find a row
only by rowid or by a word, so dropping an article's rows, the actor rows and the rows of
deleted articles scanned every row of `search_index` (a gigabyte at 10,000 articles), and the
unstemmed twin `search_words` was refilled whole. This revision adds `search_rows`, a plain
table with each index row's rowid, type and article (indexed), which app/search/index.py keeps
beside the FTS5 table: the rows to drop are found through it, and `search_words` loses just
their words (FTS5's 'delete' command) and gains the new rows'. It is filled here from the
index as it stands. PostgreSQL's search_index is an ordinary table with its own index on
`article`: nothing to do there.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _sqlite() -> bool:
    return op.get_bind().dialect.name == "sqlite"


def upgrade() -> None:
    if not _sqlite():
        return
    op.execute(
        "CREATE TABLE search_rows (rowid INTEGER PRIMARY KEY, type TEXT NOT NULL, article TEXT)"
    )
    op.execute("CREATE INDEX ix_search_rows_article ON search_rows (article)")
    op.execute("CREATE INDEX ix_search_rows_type ON search_rows (type)")
    op.execute(
        "INSERT INTO search_rows (rowid, type, article) SELECT rowid, type, article FROM search_index"
    )


def downgrade() -> None:
    if _sqlite():
        op.execute("DROP TABLE search_rows")
