"""A search's answer, whichever engine found it: the page's hits, the total, the facets."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypedDict

from app.core.bidi import balance
from app.search.schemas import SearchMode

# Values listed per facet, most results first: a facet is for narrowing, and a common word in
# a large corpus is in tens of thousands of sections.
FACET_VALUES = 100
# type, id, article, section, actors (space-separated ids): what the facets count of a match.
FacetRow = tuple[str, str, str | None, str | None, str]


class Hit(TypedDict):
    """One result on the page, keys in the order of `SearchHit`'s fields: a dict, because orjson
    writes dicts several times faster than dataclasses (render.py)."""

    type: str
    id: str
    title: str
    snippet: str
    score: float
    section: str | None
    article: str | None
    article_meta: dict[str, str | None] | None


def hit(
    kind: str,
    id_: str,
    title: str,
    snippet: str,
    score: float,
    section: str | None,
    article: str | None,
    meta: dict[str, dict[str, Any]],
) -> Hit:
    return {
        "type": kind,
        "id": id_,
        # A claim's title is its sentence cut short: the cut can leave a bidi opener open.
        "title": balance(title),
        "snippet": snippet,
        "score": score,
        "section": section,
        "article": article,
        "article_meta": meta[article] if article is not None else None,
    }


@dataclass(frozen=True, slots=True)
class Result:
    """A page of results, in the order of `SearchPage`'s fields."""

    items: list[Hit]
    total: int
    limit: int
    offset: int
    mode: SearchMode
    facets: dict[str, list[tuple[str, int]]]  # type, section, actor, article -> (value, count)
    suggestion: str | None
    facets_exact: bool = True


def _most_first(item: tuple[str, int]) -> tuple[int, str]:
    return -item[1], item[0]


def facets(matches: Sequence[FacetRow]) -> dict[str, list[tuple[str, int]]]:
    """Counts by type, section, actor and article over all the matches: most first, ties by
    value. Actors belong to no article, so they are in no article's count."""
    types: dict[str, int] = {}
    sections: dict[str, int] = {}
    actors: dict[str, int] = {}
    articles: dict[str, int] = {}
    for kind, _, article, section, names in matches:
        types[kind] = types.get(kind, 0) + 1
        if section is not None:
            sections[section] = sections.get(section, 0) + 1
        if article is not None:
            articles[article] = articles.get(article, 0) + 1
        for actor in names.split():
            actors[actor] = actors.get(actor, 0) + 1
    return {
        "type": sorted(types.items(), key=_most_first)[:FACET_VALUES],
        "section": sorted(sections.items(), key=_most_first)[:FACET_VALUES],
        "actor": sorted(actors.items(), key=_most_first)[:FACET_VALUES],
        "article": sorted(articles.items(), key=_most_first)[:FACET_VALUES],
    }
