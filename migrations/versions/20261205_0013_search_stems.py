"""search stems

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-05 17:00:00.000000

Spanish in search (app/search/stems.py, app/search/names.py), on both backends:

- `search_stems`: each word of the rows of Spanish articles, with its Spanish Snowball stem and
  the number of rows it is in; a query's word gains the words that share its stem.
- `search_names`: country actors' names in Spanish ("Rusia"), read with the actors' own names
  when a query is expanded.
- each index row's article language (`search_rows.language` on SQLite, `search_index.language`
  on PostgreSQL), so that dropping a row takes its words off `search_stems`.

Upgraded in place: the languages are copied from the articles, and both tables are filled from
the rows and actors as they stand (nothing is re-indexed; FTS5's table is untouched).
"""

from collections.abc import Sequence

from alembic import op
from sqlalchemy import bindparam, text

from app.search import names, stems

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# "C" on PostgreSQL: words and names order by their bytes, as SQLite orders them.
_COLLATE = {"postgresql": ' COLLATE "C"', "sqlite": ""}


def upgrade() -> None:
    bind = op.get_bind()
    collate = _COLLATE.get(bind.dialect.name, "")
    op.execute(
        f"CREATE TABLE search_stems (language TEXT{collate} NOT NULL, word TEXT{collate} NOT NULL,"
        f" stem TEXT{collate} NOT NULL, rows INTEGER NOT NULL, PRIMARY KEY (language, word))"
    )
    op.execute("CREATE INDEX ix_search_stems_stem ON search_stems (language, stem)")
    op.execute(
        f"CREATE TABLE search_names (actor TEXT{collate} NOT NULL, position INTEGER NOT NULL,"
        f" name TEXT NOT NULL, language TEXT NOT NULL, PRIMARY KEY (actor, position))"
    )
    rows = "search_rows" if bind.dialect.name == "sqlite" else "search_index"
    op.execute(f"ALTER TABLE {rows} ADD COLUMN language TEXT")
    op.execute(
        f"UPDATE {rows} SET language = (SELECT language FROM article WHERE article.id = {rows}.article)"  # noqa: S608 (constants only)
        " WHERE article IS NOT NULL"
    )
    source = (
        "SELECT r.language, i.title, i.body, i.aliases FROM search_rows r"
        " JOIN search_index i ON i.rowid = r.rowid WHERE r.language IN :languages"
        if bind.dialect.name == "sqlite"
        else "SELECT language, title, body, aliases FROM search_index WHERE language IN :languages"
    )
    query = text(source).bindparams(bindparam("languages", expanding=True))
    found = bind.execute(query, {"languages": list(stems.STEMMED)})
    stems.write_counts(bind, stems.count_words(stems.texts(found)), sign=1)
    names.write_names(bind)


def downgrade() -> None:
    bind = op.get_bind()
    op.execute("DROP TABLE search_names")
    op.execute("DROP TABLE search_stems")
    rows = "search_rows" if bind.dialect.name == "sqlite" else "search_index"
    op.execute(f"ALTER TABLE {rows} DROP COLUMN language")
