"""drop PostgreSQL's text search tables

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-06 05:00:00.000000

PostgreSQL's full-text tables of migration 0002 (`search_index`, a `tsvector` with a GIN index,
and `search_words`, with a trigram index) go, with the text search configuration and
dictionary made for them: each replica searches its own copy of the embedded index
(app/search/engine/replica.py), built from the facts tables, and loads keep `search_stems`
exact from the facts tables too (app/search/stem_counts.py). `search_stems` and `search_names`
are counted anew from the stored articles as the tables go, so an upgraded database holds what
a fresh load of its articles would. The extensions stay (as 0002's downgrade leaves them:
other schemas of the database may use them). SQLite dropped its FTS5 tables in 0014: nothing
to do there.
"""

from collections.abc import Sequence

from alembic import op
from sqlmodel import Session

from app.search import stem_counts

revision: str = "0016"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_DROP = (
    "DROP TABLE IF EXISTS search_words",
    "DROP TABLE IF EXISTS search_index",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS article_facts",
    "DROP TEXT SEARCH DICTIONARY IF EXISTS article_facts_stem",
)

# As migrations 0002 and 0013 made them.
_CREATE = (
    "CREATE TEXT SEARCH DICTIONARY article_facts_stem (TEMPLATE = snowball, Language = english)",
    "CREATE TEXT SEARCH CONFIGURATION article_facts (COPY = english)",
    "ALTER TEXT SEARCH CONFIGURATION article_facts ALTER MAPPING FOR asciiword, asciihword,"
    " hword_asciipart, word, hword, hword_part, numword, numhword, hword_numpart"
    " WITH unaccent, article_facts_stem",
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
        words tsvector NOT NULL,
        language text
    )
    """,
    "CREATE INDEX ix_search_index_document ON search_index USING gin (document)",
    "CREATE INDEX ix_search_index_article ON search_index (article)",
    'CREATE TABLE search_words (word text COLLATE "C" PRIMARY KEY, rows integer NOT NULL)',
    "CREATE INDEX ix_search_words_trgm ON search_words USING gin (word gin_trgm_ops)",
)


def _postgres() -> bool:
    return op.get_bind().dialect.name == "postgresql"


def upgrade() -> None:
    if not _postgres():
        return
    for statement in _DROP:
        op.execute(statement)
    with Session(bind=op.get_bind()) as session:
        stem_counts.recount(session)


def downgrade() -> None:
    if not _postgres():
        return
    for statement in _CREATE:
        op.execute(statement)
    # Empty: the version that reads them indexes every article with no rows at its next load,
    # and counts its words into search_stems again.
    op.execute("DELETE FROM search_stems")
