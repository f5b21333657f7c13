"""Sections: listing with filters, and one with everything it holds.

Titles are answered with their bidi controls balanced (app/core/bidi.py); `body` as stored.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from app.core.bidi import balance, balance_each
from app.queries import claims as claim_queries
from app.queries import figures as figure_queries
from app.queries.common import NotFoundError, lookup
from app.queries.published import Published
from app.queries.rows import Conditions, Facets, Row, Rows, Table, Values, page, transposed

_COLUMNS = (
    's.id, s.article_id, s.number, s.title, s.level, s.parent_id, s.position, s.start, s."end"'
)
_SECTIONS = f"SELECT {_COLUMNS} FROM section s"  # noqa: S608 (constants only)
# The section's actor mentions, in reading order.
_MENTIONS = (
    'SELECT m.actor_id, m.surface, m.start, m."end" FROM mention m'
    " WHERE m.section_id = :key ORDER BY m.start, m.actor_id"
)
# The section's actors, most mentioned first.
_ACTORS = (
    "SELECT a.id, a.name, a.kind, count(m.id) AS mentions FROM actor a"
    " JOIN mention m ON m.actor_id = a.id WHERE m.section_id = :key"
    " GROUP BY a.id, a.name, a.kind ORDER BY mentions DESC, a.id"
)


class SectionFacet(StrEnum):
    """The fields a list of sections can be faceted by (`?facet=`)."""

    ARTICLE = "article"
    LEVEL = "level"
    PARENT = "parent"


# What each facet counts: a column of the list's own table.
FACET_COLUMNS = {
    SectionFacet.ARTICLE: "s.article_id",
    SectionFacet.LEVEL: "s.level",
    SectionFacet.PARENT: "s.parent_id",
}


@dataclass(frozen=True)
class SectionFilters:
    article: str | None = None
    number: str | None = None
    level: int | None = None
    parent: str | None = None
    published: Published = field(default_factory=Published)


def _public(row: Row) -> dict[str, Any]:
    id_, article, number, title, level, parent, position, start, end = row
    return {
        "id": id_,
        "article": article,
        "number": number,
        "title": balance(title),
        "level": level,
        "parent": parent,
        "position": position,
        "start": start,
        "end": end,
    }


class SectionTable(Table):
    """Sections as `_COLUMNS` reads them: the schema's fields in order."""

    def items(self) -> list[dict[str, Any]]:
        return [_public(row) for row in self.rows]

    def columns(self) -> list[Values]:
        columns = transposed(self.rows)
        columns[3] = balance_each(columns[3])  # the titles
        return columns


def list_sections(
    rows: Rows, filters: SectionFilters, *, limit: int, offset: int, facets: Facets | None = None
) -> tuple[SectionTable, int]:
    where = Conditions()
    if filters.article is not None:
        where.add("s.article_id = :article", article=filters.article)
    if filters.number is not None:
        where.add("s.number = :number", number=filters.number)
    if filters.level is not None:
        where.add("s.level = :level", level=filters.level)
    if filters.parent is not None:
        where.add("s.parent_id = :parent", parent=filters.parent)
    filters.published.narrow(where, "s.article_id")
    found, total = page(
        rows,
        _COLUMNS,
        f"FROM section s{where.sql()}",
        where.params,
        "s.article_id, s.position",
        limit=limit,
        offset=offset,
        facets=facets,
    )
    return SectionTable(found), total


def get_section(rows: Rows, section_id: str) -> dict[str, Any]:
    key = lookup("section", section_id)
    found = rows.all(f"SELECT {_COLUMNS}, s.body FROM section s WHERE s.id = :key", key)  # noqa: S608 (constants and placeholders only)
    if not found:
        raise NotFoundError("section", section_id)
    children = rows.all(f"{_SECTIONS} WHERE s.parent_id = :key ORDER BY s.position", key)
    actors = rows.all(_ACTORS, key)
    mentions = rows.all(_MENTIONS, key)
    return {
        **_public(found[0][:-1]),
        "body": found[0][-1],
        "children": [_public(row) for row in children],
        "actors": [
            {"id": id_, "name": name, "kind": kind, "mentions": mentions}
            for id_, name, kind, mentions in actors
        ],
        "figures": figure_queries.figures(rows, figure_queries.OF_SECTION, key),
        "claims": claim_queries.claims(rows, claim_queries.OF_SECTION, key),
        "mentions": [
            {"actor": actor, "quote": quote, "start": start, "end": end}
            for actor, quote, start, end in mentions
        ],
    }
