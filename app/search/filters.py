"""What a search may be narrowed to: types, an article, a section, publisher and dates."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app.queries.published import Published
from app.search.schemas import SearchType


@dataclass(frozen=True)
class SearchFilters:
    types: tuple[SearchType, ...] = ()
    article: str | None = None
    section: str | None = None
    published: Published = field(default_factory=Published)

    def where(self) -> tuple[str, list[Any]]:
        """SQL conditions with placeholders: no value is ever written into the SQL."""
        clauses: list[str] = []
        params: list[Any] = []
        if self.types:
            clauses.append(f"type IN ({', '.join('?' * len(self.types))})")
            params += [t.value for t in self.types]
        if self.article is not None:
            # Actors belong to no article: they are in it when the article mentions them.
            clauses.append(
                "(article = ? OR (type = 'actor' AND id IN"
                " (SELECT actor_id FROM mention WHERE article_id = ?)))"
            )
            params += [self.article, self.article]
        if self.section is not None:
            clauses.append("section = ?")
            params.append(self.section)
        if self.published:
            # An actor is in the articles when one of them mentions it.
            articles, values = self.published.articles_positional()
            clauses.append(
                f"(article IN ({articles}) OR (type = 'actor' AND id IN"  # noqa: S608 (placeholders only)
                f" (SELECT actor_id FROM mention WHERE article_id IN ({articles}))))"
            )
            params += [*values, *values]
        return "".join(f" AND {c}" for c in clauses), params
