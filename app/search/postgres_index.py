"""Filling the PostgreSQL full-text tables (migration 0002's PostgreSQL branch) from the facts.

Search no longer reads them: each replica searches its own copy of the embedded index
(app/search/engine/replica.py). Loads still write them because `search_stems`, which search
reads, is kept exact from the texts they hold (a dropped row's words come off it); dropping
them is the next step (docs/postgres.md). The rows are the very rows the embedded index gets
(`index.actor_rows`/`article_rows`), tokenized by the service (`query.tokens(fold(...))`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session

from app.core.folding import fold
from app.search import names, stems
from app.search.index import IndexRow, actor_rows, article_languages, article_rows
from app.search.query import tokens


class IndexLimitError(RuntimeError):
    """A row that PostgreSQL's text search cannot index."""


# The text search configuration of migration 0002: unaccent, then English stems, no stop words.
CONFIG = "article_facts"

# title A, aliases B, body D: the weights ts_rank_cd gives each (postgres_backend.WEIGHTS).
_INSERT = text(
    "INSERT INTO search_index"  # noqa: S608 (constants and placeholders only)
    " (title, body, aliases, type, id, article, section, label, actors, language, document,"
    " words)"
    " VALUES (:title, :body, :aliases, :type, :id, :article, :section, :label, :actors,"
    "  :language,"
    f"  setweight(to_tsvector('{CONFIG}', :title_words), 'A')"
    f"  || setweight(to_tsvector('{CONFIG}', :aliases_words), 'B')"
    f"  || setweight(to_tsvector('{CONFIG}', :body_words), 'D'),"
    "  to_tsvector('simple', :all_words))"
)


def words(text_: str) -> str:
    """'Chávez’s U.S.' -> 'chavez s u s': the service's words, space-separated."""
    return " ".join(tokens(fold(text_)))


def _with_words(row: IndexRow, languages: dict[str, str]) -> dict[str, Any]:
    title, body, aliases = words(row.title), words(row.body), words(row.aliases)
    return {
        **row._asdict(),
        "language": languages.get(row.article) if row.article is not None else None,
        "title_words": title,
        "body_words": body,
        "aliases_words": aliases,
        "all_words": f"{title} {body} {aliases}",
    }


def rebuild_index(session: Session, article_ids: Sequence[str], gone: Sequence[str] = ()) -> int:
    """The index for PostgreSQL: the same rows, in the caller's transaction. The
    vocabulary's counts are corrected by the words of the rows dropped and added only."""
    session.flush()
    conn = session.connection()
    unindexed = conn.execute(
        text(
            "SELECT id FROM article WHERE NOT EXISTS"
            " (SELECT 1 FROM search_index WHERE search_index.article = article.id) ORDER BY id"
        )
    ).scalars()
    stale = sorted({*article_ids, *unindexed})
    doomed = [*stale, *gone]
    _count_words(conn, _DOOMED, {"ids": doomed}, sign=-1)
    dropped = conn.execute(_STEMMED_ROWS, {"ids": doomed, "languages": list(stems.STEMMED)})
    stems.write_counts(conn, stems.count_words(stems.texts(dropped)), sign=-1)
    conn.execute(_DELETE, {"ids": doomed})
    first = conn.execute(text("SELECT coalesce(max(rowid), 0) + 1 FROM search_index")).scalar_one()
    languages = article_languages(conn, stale)
    rows = [
        _with_words(row, languages) for row in (*actor_rows(session), *article_rows(session, stale))
    ]
    if rows:
        try:
            conn.execute(_INSERT, rows)
        except DBAPIError as exc:
            # 54000: PostgreSQL's tsvector holds at most 1 MB (a section of some hundred
            # thousand distinct words); the load is refused as a whole, nothing written.
            if getattr(exc.orig, "sqlstate", None) != "54000":
                raise
            raise IndexLimitError(
                "a section is too large for PostgreSQL's search index (at most 1 MB of"
                " indexed words a section): split it into sections"
            ) from None
        _count_words(conn, _ADDED, {"first": first}, sign=1)
    conn.execute(text("DELETE FROM search_words WHERE rows <= 0"))
    added = ((r["language"], r["title"], r["body"], r["aliases"]) for r in rows)
    stems.write_counts(conn, stems.count_words(added), sign=1)
    names.write_names(conn)
    return len(rows)


# The rows a load replaces: every actor's, and those of the articles written or gone. An
# actor's row has no article: asking `article IS NULL` beside its type lets PostgreSQL find
# both kinds through ix_search_index_article (a bitmap OR of two index scans). Asked by type
# alone, with no index on it, the OR was a scan of the whole table: 180-420 ms each of the
# two statements at 10,000 articles (815,000 rows), for the 24 actors' rows and an article's
# hundred.
_REPLACED = "(article IS NULL AND type = 'actor') OR article = ANY(:ids)"
_DOOMED = f"SELECT words FROM search_index WHERE {_REPLACED}"  # noqa: S608 (constants only)
_DELETE = text(f"DELETE FROM search_index WHERE {_REPLACED}")  # noqa: S608 (constants only)
# The rows it drops whose words search_stems counts (stems.py).
_STEMMED_ROWS = text(
    "SELECT language, title, body, aliases FROM search_index"
    " WHERE article = ANY(:ids) AND language = ANY(:languages)"
)
# The rows it adds (rowids are a sequence: the new ones are above every old one).
_ADDED = "SELECT words FROM search_index WHERE rowid >= :first"


def _count_words(conn: Connection, rows_sql: str, params: dict[str, Any], sign: int) -> None:
    """Adds (sign 1) or takes away (sign -1) the rows those words are in to the vocabulary's
    counts. ts_stat reads a query given as text, with no parameters: the rows are copied into
    a temporary table first, so nothing is ever pasted into it."""
    conn.execute(text("DROP TABLE IF EXISTS pg_temp.search_delta"))
    conn.execute(text("CREATE TEMP TABLE search_delta (words tsvector NOT NULL) ON COMMIT DROP"))
    conn.execute(text(f"INSERT INTO pg_temp.search_delta (words) {rows_sql}"), params)
    conn.execute(
        text(
            "INSERT INTO search_words (word, rows)"
            " SELECT word, :sign * ndoc FROM ts_stat('SELECT words FROM pg_temp.search_delta')"
            " ON CONFLICT (word) DO UPDATE SET rows = search_words.rows + excluded.rows"
        ),
        {"sign": sign},
    )
