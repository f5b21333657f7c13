"""search engine

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-06 03:00:00.000000

SQLite's search moves from FTS5 to an index of its own beside the database file
(app/search/engine/): `search_generation` names the generation of that index the data goes
with, written in each load's transaction (app/search/engine/store.py). The FTS5 tables go;
the first load or `article-facts migrate` after the upgrade indexes every article again
(`search_stems` is recounted then). PostgreSQL keeps its own search tables; the new table is
created there too, so both backends carry the same schema.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_FTS5_TABLES = ("search_vocab", "search_words", "search_rows", "search_index")


# As migrations 0002 and 0012 made them.
_FTS5_CREATE = (
    "CREATE VIRTUAL TABLE search_index USING fts5(title, body, aliases, type UNINDEXED,"
    " id UNINDEXED, article UNINDEXED, section UNINDEXED, label UNINDEXED, actors UNINDEXED,"
    " tokenize = 'porter unicode61 remove_diacritics 2')",
    "CREATE VIRTUAL TABLE search_words USING fts5(title, body, aliases, content = '',"
    " tokenize = 'unicode61 remove_diacritics 2')",
    "CREATE VIRTUAL TABLE search_vocab USING fts5vocab(search_words, 'row')",
)


def _sqlite() -> bool:
    return op.get_bind().dialect.name == "sqlite"


def upgrade() -> None:
    op.execute(
        "CREATE TABLE search_generation (id INTEGER PRIMARY KEY CHECK (id = 1), name TEXT NOT NULL)"
    )
    if _sqlite():
        for table in _FTS5_TABLES:
            op.execute(f"DROP TABLE IF EXISTS {table}")


def downgrade() -> None:
    op.execute("DROP TABLE search_generation")
    if not _sqlite():
        return
    # Empty: the version that reads them indexes every article with no rows at its next load.
    for statement in _FTS5_CREATE:
        op.execute(statement)
    op.execute(
        "CREATE TABLE search_rows (rowid INTEGER PRIMARY KEY, type TEXT NOT NULL, article TEXT,"
        " language TEXT)"
    )
    op.execute("CREATE INDEX ix_search_rows_article ON search_rows (article)")
    op.execute("CREATE INDEX ix_search_rows_type ON search_rows (type)")
    op.execute("DELETE FROM search_stems")
