"""A list narrowed to the articles of a publisher or of a span of publication dates.

Figures, claims, sections, actors and search hits belong to an article; the condition is an
indexed lookup of the article table (`article.publisher` and `article.published` are indexed)
that the database plans as a semi-join, never a filter in Python.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from app.queries.rows import Conditions, Rows, in_list


@dataclass(frozen=True)
class Published:
    """`?publisher=`, `?published_from=` and `?published_to=` (ISO 8601 dates, inclusive)."""

    publisher: str | None = None
    published_from: str | None = None
    published_to: str | None = None

    def __bool__(self) -> bool:
        return any(v is not None for v in (self.publisher, self.published_from, self.published_to))

    def _clauses(self) -> list[tuple[str, str, str]]:
        """(column, operator, parameter name) of each condition asked for."""
        found = []
        if self.publisher is not None:
            found.append(("a.publisher", "=", "publisher"))
        if self.published_from is not None:
            found.append(("a.published", ">=", "published_from"))
        if self.published_to is not None:
            found.append(("a.published", "<=", "published_to"))
        return found

    def articles(self) -> tuple[str, dict[str, Any]]:
        """`SELECT a.id FROM article a WHERE ...` with named placeholders, and their values."""
        clauses = self._clauses()
        where = " AND ".join(f"{column} {op} :{name}" for column, op, name in clauses)
        params = {name: getattr(self, name) for _, _, name in clauses}
        return f"SELECT a.id FROM article a WHERE {where}", params  # noqa: S608 (placeholders only)

    def narrow(self, where: Conditions, article_column: str) -> None:
        """Adds `article_column IN (the matching articles)` to `where`, when anything is asked."""
        if self:
            articles, params = self.articles()
            where.add(f"{article_column} IN ({articles})", **params)


def article_meta(rows: Rows, ids: Iterable[str | None]) -> dict[str, dict[str, Any]]:
    """The title, publisher and date of each of these articles (`ArticleMeta`), by id: what
    a page of search hits names beside each hit, read in one statement."""
    condition, params = in_list("id", sorted({id_ for id_ in ids if id_ is not None}))
    found = rows.all(
        f"SELECT id, title, publisher, published FROM article WHERE id IN {condition}",  # noqa: S608 (placeholders only)
        params,
    )
    return {
        id_: {"title": title, "publisher": publisher, "published": published}
        for id_, title, publisher, published in found
    }
