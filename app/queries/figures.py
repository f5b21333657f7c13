"""Figures: listing with filters, and one by id."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from app.models.vocabulary import Change, FigureKind
from app.queries.common import NotFoundError, grouped, in_order, lookup
from app.queries.published import Published
from app.queries.rows import (
    Conditions,
    Facets,
    Params,
    Row,
    Rows,
    Table,
    Values,
    in_list,
    page,
    transposed,
)

# `where` below is always one of this package's own conditions on `f` (the figure table), with
# placeholders for every value.
# The schema's fields in order, but for the actors (read apart, `_ACTORS`).
_FIGURES = (
    "SELECT f.id, f.article_id, f.section_id, f.quote, f.kind, f.value, f.value_max, f.unit,"
    " f.comparator, f.change, f.period_start, f.period_end, f.measure, f.claim_id, f.start,"
    ' f."end", a.title, a.publisher, a.published'
    " FROM figure f JOIN article a ON a.id = f.article_id"
)
_ACTORS = (
    "SELECT fa.figure_id, fa.actor_id FROM figure_actor fa JOIN figure f ON f.id = fa.figure_id"
    " WHERE {where} ORDER BY fa.figure_id, fa.actor_id"
)
OF_SECTION = "f.section_id = :key"
OF_ACTOR = "f.id IN (SELECT figure_id FROM figure_actor WHERE actor_id = :key)"


class FigureFacet(StrEnum):
    """The fields a list of figures can be faceted by (`?facet=`)."""

    ARTICLE = "article"
    SECTION = "section"
    KIND = "kind"
    UNIT = "unit"
    COMPARATOR = "comparator"


# What each facet counts: a column of the list's own table.
FACET_COLUMNS = {
    FigureFacet.ARTICLE: "f.article_id",
    FigureFacet.SECTION: "f.section_id",
    FigureFacet.KIND: "f.kind",
    FigureFacet.UNIT: "f.unit",
    FigureFacet.COMPARATOR: "f.comparator",
}


class FigureSort(StrEnum):
    POSITION = "position"
    VALUE = "value"
    VALUE_DESC = "-value"


@dataclass(frozen=True)
class FigureFilters:
    article: str | None = None
    section: str | None = None
    actor: str | None = None
    kind: FigureKind | None = None
    unit: str | None = None
    change: Change | None = None
    min: float | None = None
    max: float | None = None
    from_year: int | None = None
    to_year: int | None = None
    claim: str | None = None
    published: Published = field(default_factory=Published)


class FigureTable(Table):
    """Figures as `_FIGURES` reads them, with the ids of their actors by figure."""

    def __init__(self, rows: list[Row], actors: Mapping[str, list[str]]) -> None:
        super().__init__(rows)
        self.actors = actors

    def items(self) -> list[dict[str, Any]]:
        actors = self.actors
        return [
            {
                "id": id_,
                "article": article,
                "section": section,
                "quote": quote,
                "kind": kind,
                "value": value,
                "value_max": value_max,
                "unit": unit,
                "comparator": comparator,
                "change": change,
                "period_start": period_start,
                "period_end": period_end,
                "measure": measure,
                "actors": actors.get(id_, []),
                "claim": claim,
                "start": start,
                "end": end,
                "article_meta": {"title": title, "publisher": publisher, "published": published},
            }
            for (
                id_,
                article,
                section,
                quote,
                kind,
                value,
                value_max,
                unit,
                comparator,
                change,
                period_start,
                period_end,
                measure,
                claim,
                start,
                end,
                title,
                publisher,
                published,
            ) in self.rows
        ]

    def columns(self) -> list[Values]:
        columns = transposed(self.rows)
        actors = [self.actors.get(id_, []) for id_ in columns[0]]
        return [*columns[:13], actors, *columns[13:]]


def figure_table(
    rows: Rows, where: str, params: Params, order: list[str] | None = None
) -> FigureTable:
    """The figures that meet `where` (a condition on `f`), with their actors: in reading order,
    or in the order of the ids `order` lists (each one of them)."""
    actors = grouped(rows.all(_ACTORS.format(where=where), params))
    found = rows.all(f"{_FIGURES} WHERE {where} ORDER BY f.article_id, f.position", params)
    return FigureTable(found if order is None else in_order(found, order), actors)


def figures(rows: Rows, where: str, params: Params) -> list[dict[str, Any]]:
    """The figures that meet `where` (a condition on `f`), in reading order, with their actors."""
    return figure_table(rows, where, params).items()


# The orders a list can be sorted in; figures without a value come last in either value order.
_ORDERS = {
    FigureSort.POSITION: "f.article_id, f.position",
    FigureSort.VALUE: "f.value IS NULL, f.value, f.id",
    FigureSort.VALUE_DESC: "f.value IS NULL, f.value DESC, f.id",
}


def _conditions(filters: FigureFilters) -> Conditions:
    where = Conditions()
    equal = {
        "article_id": filters.article,
        "section_id": filters.section,
        "claim_id": filters.claim,
        "kind": filters.kind.value if filters.kind is not None else None,
        "unit": filters.unit,
        "change": filters.change.value if filters.change is not None else None,
    }
    for column, value in equal.items():
        if value is not None:
            where.add(f"f.{column} = :{column}", **{column: value})
    if filters.min is not None:
        where.add("f.value >= :min", min=filters.min)
    if filters.max is not None:
        where.add("f.value <= :max", max=filters.max)
    if filters.from_year is not None or filters.to_year is not None:
        # Only figures with a period can overlap one; an open end overlaps everything on its side.
        where.add("(f.period_start_year IS NOT NULL OR f.period_end_year IS NOT NULL)")
    if filters.from_year is not None:
        where.add(
            "(f.period_end_year IS NULL OR f.period_end_year >= :from_year)",
            from_year=filters.from_year,
        )
    if filters.to_year is not None:
        where.add(
            "(f.period_start_year IS NULL OR f.period_start_year <= :to_year)",
            to_year=filters.to_year,
        )
    if filters.actor is not None:
        where.add(
            "f.id IN (SELECT figure_id FROM figure_actor WHERE actor_id = :actor)",
            actor=filters.actor,
        )
    filters.published.narrow(where, "f.article_id")
    return where


def list_figures(
    rows: Rows,
    filters: FigureFilters,
    sort: FigureSort,
    *,
    limit: int,
    offset: int,
    facets: Facets | None = None,
) -> tuple[FigureTable, int]:
    where = _conditions(filters)
    found, total = page(
        rows,
        "f.id",
        f"FROM figure f{where.sql()}",
        where.params,
        _ORDERS[sort],
        limit=limit,
        offset=offset,
        facets=facets,
    )
    ids = [row[0] for row in found]
    condition, params = in_list("id", ids)
    return figure_table(rows, f"f.id IN {condition}", params, order=ids), total


def get_figure(rows: Rows, figure_id: str) -> dict[str, Any]:
    found = figures(rows, "f.id = :key", lookup("figure", figure_id))
    if not found:
        raise NotFoundError("figure", figure_id)
    return found[0]
