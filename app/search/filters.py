"""What a search may be narrowed to: types, an article, a section, publisher and dates."""

from __future__ import annotations

from dataclasses import dataclass, field

from app.queries.published import Published
from app.search.schemas import SearchType


@dataclass(frozen=True)
class SearchFilters:
    types: tuple[SearchType, ...] = ()
    article: str | None = None
    section: str | None = None
    published: Published = field(default_factory=Published)
