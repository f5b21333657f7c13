"""search index

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28 09:00:00.000000

The full-text index behind `GET /v1/search` (app/search/). SQLite FTS5 virtual tables are not
SQLAlchemy tables (nor in SQLModel.metadata), so this revision writes their DDL by hand;
app/search/index.py fills them.

On PostgreSQL the same index is a table with a stored `tsvector` (GIN) under an accent-folding
English configuration, and a words table with a trigram index for suggestions; their DDL is
in `_postgres` below, and app/search/postgres_index.py fills them.
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


def _postgres() -> bool:
    return op.get_bind().dialect.name == "postgresql"


# PostgreSQL. The configuration mirrors FTS5's 'porter unicode61 remove_diacritics 2': accents
# off (unaccent), English stemming, and no stop words (FTS5 has none: "the" is findable).
# The documents are tokenized by the service before they get here (see postgres_index.py), so
# PostgreSQL's parser only ever splits plain words.
PG_CREATE = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE TEXT SEARCH DICTIONARY article_facts_stem (TEMPLATE = snowball, Language = english)",
    "CREATE TEXT SEARCH CONFIGURATION article_facts (COPY = english)",
    "ALTER TEXT SEARCH CONFIGURATION article_facts ALTER MAPPING FOR asciiword, asciihword,"
    " hword_asciipart, word, hword, hword_part, numword, numhword, hword_numpart"
    " WITH unaccent, article_facts_stem",
    # rowid: the insertion order, as FTS5's rowid; document: the weighted, stemmed lexemes
    # (title A, aliases B, body D); words: the same text unstemmed, for the vocabulary.
    """
    CREATE TABLE search_index (
        rowid bigserial PRIMARY KEY,
        title text NOT NULL,
        body text NOT NULL,
        aliases text NOT NULL,
        type text COLLATE "C" NOT NULL,
        id text COLLATE "C" NOT NULL,
        article text COLLATE "C",
        section text COLLATE "C",
        label text NOT NULL,
        actors text NOT NULL,
        document tsvector NOT NULL,
        words tsvector NOT NULL
    )
    """,
    "CREATE INDEX ix_search_index_document ON search_index USING gin (document)",
    "CREATE INDEX ix_search_index_article ON search_index (article)",
    # The unstemmed vocabulary with the number of rows each word is in (fts5vocab's `doc`).
    'CREATE TABLE search_words (word text COLLATE "C" PRIMARY KEY, rows integer NOT NULL)',
    "CREATE INDEX ix_search_words_trgm ON search_words USING gin (word gin_trgm_ops)",
]

# The extensions stay: other schemas of the database may use them.
PG_DROP = [
    "DROP TABLE search_words",
    "DROP TABLE search_index",
    "DROP TEXT SEARCH CONFIGURATION article_facts",
    "DROP TEXT SEARCH DICTIONARY article_facts_stem",
]


def upgrade() -> None:
    if _postgres():
        for statement in PG_CREATE:
            op.execute(statement)
        return
    op.execute(CREATE_INDEX)
    op.execute(CREATE_WORDS)
    op.execute(CREATE_VOCAB)
    # Rows are written by the loader (app.search.index.rebuild_index), which runs right after
    # the migrations and indexes every article that has no rows here yet.


def downgrade() -> None:
    if _postgres():
        for statement in PG_DROP:
            op.execute(statement)
        return
    op.execute("DROP TABLE search_vocab")
    op.execute("DROP TABLE search_words")
    op.execute("DROP TABLE search_index")
