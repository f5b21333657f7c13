"""Filling the PostgreSQL search tables (migration 0002's PostgreSQL branch) from the facts.

The rows are the very rows the SQLite index gets (`index._actor_rows`/`_article_rows`); only
the indexing differs. PostgreSQL's parser does not split words as FTS5's unicode61 does ("U.S."
is one token to it, a file name), so the service tokenizes each column itself, with the same
folding and splitting as the query side (`query.tokens(fold(...))`), and PostgreSQL only stems
the plain words it is given. Search then matches the same words on both backends.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import bindparam, text
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session

from app.core.folding import fold
from app.search.index import IndexRow, _actor_rows, _article_rows
from app.search.query import tokens


class IndexLimitError(RuntimeError):
    """A row that PostgreSQL's text search cannot index."""


# The text search configuration of migration 0002: unaccent, then English stems, no stop words.
CONFIG = "article_facts"

# title A, aliases B, body D: the weights ts_rank_cd gives each (postgres_backend.WEIGHTS).
_INSERT = text(
    "INSERT INTO search_index"  # noqa: S608 (constants and placeholders only)
    " (title, body, aliases, type, id, article, section, label, actors, document, words)"
    " VALUES (:title, :body, :aliases, :type, :id, :article, :section, :label, :actors,"
    f"  setweight(to_tsvector('{CONFIG}', :title_words), 'A')"
    f"  || setweight(to_tsvector('{CONFIG}', :aliases_words), 'B')"
    f"  || setweight(to_tsvector('{CONFIG}', :body_words), 'D'),"
    "  to_tsvector('simple', :all_words))"
)
_DELETE_ARTICLES = text("DELETE FROM search_index WHERE article IN :ids").bindparams(
    bindparam("ids", expanding=True)
)


def words(text_: str) -> str:
    """'Chávez’s U.S.' -> 'chavez s u s': the words FTS5 would index, space-separated."""
    return " ".join(tokens(fold(text_)))


def _with_words(row: IndexRow) -> dict[str, Any]:
    title, body, aliases = words(row.title), words(row.body), words(row.aliases)
    return {
        **row._asdict(),
        "title_words": title,
        "body_words": body,
        "aliases_words": aliases,
        "all_words": f"{title} {body} {aliases}",
    }


def rebuild_index(session: Session, article_ids: Sequence[str]) -> int:
    """`index.rebuild_index` for PostgreSQL: the same rows, in the caller's transaction."""
    session.flush()
    conn = session.connection()
    unindexed = conn.execute(
        text(
            "SELECT id FROM article WHERE id NOT IN"
            " (SELECT article FROM search_index WHERE article IS NOT NULL) ORDER BY id"
        )
    ).scalars()
    stale = sorted({*article_ids, *unindexed})
    conn.execute(text("DELETE FROM search_index WHERE type = 'actor'"))
    conn.execute(
        text(
            "DELETE FROM search_index"
            " WHERE type <> 'actor' AND article NOT IN (SELECT id FROM article)"
        )
    )
    if stale:
        conn.execute(_DELETE_ARTICLES, {"ids": stale})
    rows = [_with_words(row) for row in (*_actor_rows(session), *_article_rows(session, stale))]
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
    # The vocabulary is refilled whole from the stored unstemmed words: milliseconds here.
    conn.execute(text("DELETE FROM search_words"))
    conn.execute(
        text(
            "INSERT INTO search_words (word, rows)"
            " SELECT word, ndoc FROM ts_stat('SELECT words FROM search_index')"
        )
    )
    return len(rows)
