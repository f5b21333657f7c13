"""Articles: their metadata and counts, and their source text.

Titles are answered with their bidi controls balanced (app/core/bidi.py); the text never is.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from app.core.bidi import balance, balance_each
from app.queries.common import NotFoundError, lookup
from app.queries.rows import (
    Conditions,
    Facets,
    Row,
    Rows,
    Table,
    Values,
    json_list,
    page,
    transposed,
)

# length(): the text's length in characters (code points) on both backends, without reading it.
_COLUMNS = (
    "a.id, a.title, a.source_name, a.language, a.keywords, a.sha256, length(a.source_text),"
    " a.source_url, a.publisher, a.authors, a.published, a.added, a.updated,"
    " (SELECT count(*) FROM section WHERE article_id = a.id),"
    " (SELECT count(DISTINCT actor_id) FROM mention WHERE article_id = a.id),"
    " (SELECT count(*) FROM figure WHERE article_id = a.id),"
    " (SELECT count(*) FROM claim WHERE article_id = a.id)"
)
_ARTICLES = f"SELECT {_COLUMNS} FROM article a"  # noqa: S608 (constants only)


class ArticleFacet(StrEnum):
    """The fields a list of articles can be faceted by (`?facet=`)."""

    PUBLISHER = "publisher"
    LANGUAGE = "language"


# What each facet counts: a column of the list's own table.
FACET_COLUMNS = {
    ArticleFacet.PUBLISHER: "a.publisher",
    ArticleFacet.LANGUAGE: "a.language",
}


@dataclass(frozen=True)
class ArticleFilters:
    publisher: str | None = None
    published_from: str | None = None  # ISO 8601 dates, inclusive
    published_to: str | None = None
    language: str | None = None  # ISO 639-1, or "und"

    def where(self) -> Conditions:
        conditions = Conditions()
        if self.publisher is not None:
            conditions.add("a.publisher = :publisher", publisher=self.publisher)
        if self.published_from is not None:
            conditions.add("a.published >= :published_from", published_from=self.published_from)
        if self.published_to is not None:
            conditions.add("a.published <= :published_to", published_to=self.published_to)
        if self.language is not None:
            conditions.add("a.language = :language", language=self.language)
        return conditions


def _public(row: Row) -> dict[str, Any]:
    id_, title, source, language, keywords, sha256, length, *rest = row
    source_url, publisher, authors, published, added, updated, *counts = rest
    sections, actors, figures, claims = (int(n) for n in counts)
    return {
        "id": id_,
        "title": balance(title),
        "source": source,
        "language": language,
        "keywords": json_list(keywords),
        "sha256": sha256,
        "length": length,
        "source_url": source_url,
        "publisher": publisher,
        "authors": json_list(authors),
        "published": published,
        "added": added,
        "updated": updated,
        "counts": {"sections": sections, "actors": actors, "figures": figures, "claims": claims},
    }


class ArticleTable(Table):
    """Articles as `_COLUMNS` reads them: the schema's fields in order, the counts last."""

    def items(self) -> list[dict[str, Any]]:
        return [_public(row) for row in self.rows]

    def columns(self) -> list[Values]:
        id_, title, source, language, keywords, *rest = transposed(self.rows)
        sha256, length, source_url, publisher, authors, published, added, updated, *counts = rest
        return [
            id_,
            balance_each(title),
            source,
            language,
            list(map(json_list, keywords)),
            sha256,
            length,
            source_url,
            publisher,
            list(map(json_list, authors)),
            published,
            added,
            updated,
            *(list(map(int, count)) for count in counts),
        ]


def list_articles(
    rows: Rows,
    filters: ArticleFilters | None = None,
    *,
    limit: int,
    offset: int,
    facets: Facets | None = None,
) -> tuple[ArticleTable, int]:
    conditions = (filters or ArticleFilters()).where()
    source = f"FROM article a{conditions.sql()}"
    found, total = page(
        rows,
        _COLUMNS,
        source,
        conditions.params,
        "a.id",
        limit=limit,
        offset=offset,
        facets=facets,
    )
    return ArticleTable(found), total


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
