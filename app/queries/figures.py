"""Figures: listing with filters, and one by id."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import or_
from sqlmodel import Session, col, select

from app.ingest.drafts import Comparator, FigureKind
from app.models.schemas import FigurePublic
from app.models.tables import Figure, FigureActor
from app.queries.common import figure_actors, get_row, page


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


def to_public(figures: list[Figure], actors: dict[str, list[str]]) -> list[FigurePublic]:
    return [
        FigurePublic(
            id=f.id,
            article=f.article_id,
            section=f.section_id,
            quote=f.quote,
            kind=FigureKind(f.kind),
            value=f.value,
            unit=f.unit,
            comparator=Comparator(f.comparator),
            period_start=f.period_start,
            period_end=f.period_end,
            measure=f.measure,
            actors=actors.get(f.id, []),
            claim=f.claim_id,
            start=f.start,
            end=f.end,
        )
        for f in figures
    ]


def with_actors(session: Session, figures: list[Figure]) -> list[FigurePublic]:
    return to_public(figures, figure_actors(session, [f.id for f in figures]))


def list_figures(
    session: Session, filters: FigureFilters, sort: FigureSort, *, limit: int, offset: int
) -> tuple[list[FigurePublic], int]:
    query = select(Figure)
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
    rows, total = page(session, query, *order, limit=limit, offset=offset)
    return with_actors(session, rows), total


def get_figure(session: Session, figure_id: str) -> FigurePublic:
    figure = get_row(session, Figure, "figure", figure_id)
    return with_actors(session, [figure])[0]
