"""Helpers shared by the query modules."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, func
from sqlmodel import Session, col, select
from sqlmodel.sql.expression import SelectOfScalar

from app.models.tables import ClaimActor, ClaimFigure, Figure, FigureActor

T = TypeVar("T")


class NotFoundError(LookupError):
    """No row has the id asked for."""

    def __init__(self, resource: str, id_: str) -> None:
        super().__init__(f"No {resource} with id {id_!r}.")
        self.resource = resource
        self.id = id_


def get_row(session: Session, table: type[T], resource: str, id_: str) -> T:
    """The row with this id, or NotFoundError. No id holds a NUL, and a database server would
    refuse one as a parameter: such an id is simply not found."""
    row = None if "\x00" in id_ else session.get(table, id_)
    if row is None:
        raise NotFoundError(resource, id_)
    return row


def count(session: Session, query: SelectOfScalar[Any]) -> int:
    total = session.exec(select(func.count()).select_from(query.subquery())).one()
    return int(total)


def page(
    session: Session,
    query: SelectOfScalar[T],
    *order: ColumnElement[Any] | Any,
    limit: int,
    offset: int,
) -> tuple[list[T], int]:
    total = count(session, query)
    rows = list(session.exec(query.order_by(*order).limit(limit).offset(offset)).all())
    return rows, total


def _grouped(pairs: Iterable[tuple[str, str]]) -> dict[str, list[str]]:
    grouped: dict[str, list[str]] = defaultdict(list)
    for key, value in pairs:
        grouped[key].append(value)
    return grouped


def figure_actors(session: Session, figure_ids: list[str]) -> dict[str, list[str]]:
    rows = session.exec(
        select(FigureActor.figure_id, FigureActor.actor_id)
        .where(col(FigureActor.figure_id).in_(figure_ids))
        .order_by(col(FigureActor.figure_id), col(FigureActor.actor_id))
    ).all()
    return _grouped(rows)


def claim_actors(session: Session, claim_ids: list[str]) -> dict[str, list[str]]:
    rows = session.exec(
        select(ClaimActor.claim_id, ClaimActor.actor_id)
        .where(col(ClaimActor.claim_id).in_(claim_ids))
        .order_by(col(ClaimActor.claim_id), col(ClaimActor.actor_id))
    ).all()
    return _grouped(rows)


def claim_figures(session: Session, claim_ids: list[str]) -> dict[str, list[str]]:
    rows = session.exec(
        select(ClaimFigure.claim_id, ClaimFigure.figure_id)
        .join(Figure, col(Figure.id) == col(ClaimFigure.figure_id))
        .where(col(ClaimFigure.claim_id).in_(claim_ids))
        .order_by(col(ClaimFigure.claim_id), col(Figure.position))
    ).all()
    return _grouped(rows)


def like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
