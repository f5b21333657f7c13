"""search index

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28 09:00:00.000000

The full-text index behind `GET /v1/search` (app/search/). SQLite FTS5 virtual tables are not
SQLAlchemy tables (nor in SQLModel.metadata), so this revision writes their DDL by hand;
app/search/index.py fills them.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# One row per searchable fact. The three first columns are searched (and weighted by bm25 in
# that order); the UNINDEXED ones are carried along so a search never joins the fact tables.
# porter wraps unicode61: stems English words after unicode61 has folded case and accents and
# split on punctuation (so curly and straight apostrophes, dashes and hyphens all separate).
CREATE_INDEX = """
CREATE VIRTUAL TABLE search_index USING fts5(
    title,
    body,
    aliases,
    type UNINDEXED,
    id UNINDEXED,
    article UNINDEXED,
    section UNINDEXED,
    label UNINDEXED,
    actors UNINDEXED,
    tokenize = 'porter unicode61 remove_diacritics 2'
)
"""

# The same text indexed without stemming and without a copy of it (contentless): its
# vocabulary holds whole words ("caracas", not the stem "caraca"), which is what a
# "did you mean" suggestion must offer. (External content cannot point at an FTS5 table.)
CREATE_WORDS = """
CREATE VIRTUAL TABLE search_words USING fts5(
    title,
    body,
    aliases,
    content = '',
    tokenize = 'unicode61 remove_diacritics 2'
)
"""

CREATE_VOCAB = "CREATE VIRTUAL TABLE search_vocab USING fts5vocab(search_words, 'row')"


def upgrade() -> None:
    op.execute(CREATE_INDEX)
    op.execute(CREATE_WORDS)
    op.execute(CREATE_VOCAB)
    # Rows are written by the loader (app.search.index.rebuild_index), which runs right after
    # the migrations and indexes every article that has no rows here yet.


def downgrade() -> None:
    op.execute("DROP TABLE search_vocab")
    op.execute("DROP TABLE search_words")
    op.execute("DROP TABLE search_index")
