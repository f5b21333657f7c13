"""Articles: their metadata and counts, and their source text.

Titles are answered with their bidi controls balanced (app/core/bidi.py); the text never is.
"""

from __future__ import annotations

from typing import Any

from app.core.bidi import balance
from app.queries.common import NotFoundError, lookup
from app.queries.rows import Row, Rows, json_list, page

# length(): the text's length in characters (code points) on both backends, without reading it.
_COLUMNS = (
    "a.id, a.title, a.source_name, a.language, a.keywords, a.sha256, length(a.source_text),"
    " (SELECT count(*) FROM section WHERE article_id = a.id),"
    " (SELECT count(DISTINCT actor_id) FROM mention WHERE article_id = a.id),"
    " (SELECT count(*) FROM figure WHERE article_id = a.id),"
    " (SELECT count(*) FROM claim WHERE article_id = a.id)"
)
_ARTICLES = f"SELECT {_COLUMNS} FROM article a"  # noqa: S608 (constants only)


def _public(row: Row) -> dict[str, Any]:
    id_, title, source, language, keywords, sha256, length, *counts = row
    sections, actors, figures, claims = (int(n) for n in counts)
    return {
        "id": id_,
        "title": balance(title),
        "source": source,
        "language": language,
        "keywords": json_list(keywords),
        "sha256": sha256,
        "length": length,
        "counts": {"sections": sections, "actors": actors, "figures": figures, "claims": claims},
    }


def list_articles(rows: Rows, *, limit: int, offset: int) -> tuple[list[dict[str, Any]], int]:
    found, total = page(rows, _COLUMNS, "FROM article a", {}, "a.id", limit=limit, offset=offset)
    return [_public(row) for row in found], total


def get_article(rows: Rows, article_id: str) -> dict[str, Any]:
    found = rows.all(f"{_ARTICLES} WHERE a.id = :key", lookup("article", article_id))
    if not found:
        raise NotFoundError("article", article_id)
    return _public(found[0])


def get_text(rows: Rows, article_id: str) -> str:
    found = rows.all(
        "SELECT source_text FROM article WHERE id = :key", lookup("article", article_id)
    )
    if not found:
        raise NotFoundError("article", article_id)
    return str(found[0][0])
