"""Figures: listing with filters, and one by id."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import or_
from sqlmodel import Session, col, select

from app.ingest.drafts import FigureKind
from app.models.tables import Figure, FigureActor
from app.queries.common import NotFoundError, grouped, in_order, lookup, page_ids
from app.queries.rows import Params, Rows, SqlAlchemyRows, in_list

# `where` below is always one of this package's own conditions on `f` (the figure table), with
# placeholders for every value.
_FIGURES = (
    "SELECT f.id, f.article_id, f.section_id, f.quote, f.kind, f.value, f.unit, f.comparator,"
    ' f.period_start, f.period_end, f.measure, f.claim_id, f.start, f."end" FROM figure f'
)
_ACTORS = (
    "SELECT fa.figure_id, fa.actor_id FROM figure_actor fa JOIN figure f ON f.id = fa.figure_id"
    " WHERE {where} ORDER BY fa.figure_id, fa.actor_id"
)
OF_SECTION = "f.section_id = :key"
OF_ACTOR = "f.id IN (SELECT figure_id FROM figure_actor WHERE actor_id = :key)"


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
    min: float | None = None
    max: float | None = None
    from_year: int | None = None
    to_year: int | None = None
    claim: str | None = None


def figures(rows: Rows, where: str, params: Params) -> list[dict[str, Any]]:
    """The figures that meet `where` (a condition on `f`), in reading order, with their actors."""
    actors = grouped(rows.all(_ACTORS.format(where=where), params))
    found = rows.all(f"{_FIGURES} WHERE {where} ORDER BY f.article_id, f.position", params)
    return [
        {
            "id": id_,
            "article": article,
            "section": section,
            "quote": quote,
            "kind": kind,
            "value": value,
            "unit": unit,
            "comparator": comparator,
            "period_start": period_start,
            "period_end": period_end,
            "measure": measure,
            "actors": actors.get(id_, []),
            "claim": claim,
            "start": start,
            "end": end,
        }
        for (
            id_,
            article,
            section,
            quote,
            kind,
            value,
            unit,
            comparator,
            period_start,
            period_end,
            measure,
            claim,
            start,
            end,
        ) in found
    ]


def list_figures(
    session: Session, filters: FigureFilters, sort: FigureSort, *, limit: int, offset: int
) -> tuple[list[dict[str, Any]], int]:
    query = select(Figure.id)
    if filters.article is not None:
        query = query.where(Figure.article_id == filters.article)
    if filters.section is not None:
        query = query.where(Figure.section_id == filters.section)
    if filters.claim is not None:
        query = query.where(Figure.claim_id == filters.claim)
    if filters.kind is not None:
        query = query.where(Figure.kind == filters.kind.value)
    if filters.unit is not None:
        query = query.where(Figure.unit == filters.unit)
    if filters.min is not None:
        query = query.where(col(Figure.value) >= filters.min)
    if filters.max is not None:
        query = query.where(col(Figure.value) <= filters.max)
    if filters.from_year is not None or filters.to_year is not None:
        # Only figures with a period can overlap one; an open end overlaps everything on its side.
        query = query.where(
            or_(
                col(Figure.period_start_year).is_not(None), col(Figure.period_end_year).is_not(None)
            )
        )
    if filters.from_year is not None:
        query = query.where(
            or_(
                col(Figure.period_end_year).is_(None),
                col(Figure.period_end_year) >= filters.from_year,
            )
        )
    if filters.to_year is not None:
        query = query.where(
            or_(
                col(Figure.period_start_year).is_(None),
                col(Figure.period_start_year) <= filters.to_year,
            )
        )
    if filters.actor is not None:
        linked = select(FigureActor.figure_id).where(FigureActor.actor_id == filters.actor)
        query = query.where(col(Figure.id).in_(linked))
    orders: dict[FigureSort, list[Any]] = {
        FigureSort.POSITION: [col(Figure.article_id), col(Figure.position)],
        FigureSort.VALUE: [col(Figure.value).is_(None), col(Figure.value), col(Figure.id)],
        FigureSort.VALUE_DESC: [
            col(Figure.value).is_(None),
            col(Figure.value).desc(),
            col(Figure.id),
        ],
    }
    order = orders[sort]
    ids, total = page_ids(session, query, *order, limit=limit, offset=offset)
    condition, params = in_list("id", ids)
    found = figures(SqlAlchemyRows(session.connection()), f"f.id IN {condition}", params)
    return in_order(found, ids), total


def get_figure(rows: Rows, figure_id: str) -> dict[str, Any]:
    found = figures(rows, "f.id = :key", lookup("figure", figure_id))
    if not found:
        raise NotFoundError("figure", figure_id)
    return found[0]
