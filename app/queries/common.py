"""Helpers shared by the query modules."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import ColumnElement, Select, func
from sqlmodel import Session, select
from sqlmodel.sql.expression import SelectOfScalar


class NotFoundError(LookupError):
    """No row has the id asked for."""

    def __init__(self, resource: str, id_: str) -> None:
        super().__init__(f"No {resource} with id {id_!r}.")
        self.resource = resource
        self.id = id_


def lookup(resource: str, id_: str) -> dict[str, str]:
    """The parameters of a lookup by id, or NotFoundError. No id holds a NUL, and a database
    server would refuse one as a parameter: such an id is simply not found."""
    if "\x00" in id_:
        raise NotFoundError(resource, id_)
    return {"key": id_}


def count(session: Session, query: Select[*tuple[Any, ...]]) -> int:
    total = session.exec(select(func.count()).select_from(query.subquery())).one()
    return int(total)


def page_ids(
    session: Session,
    query: SelectOfScalar[str],
    *order: ColumnElement[Any] | Any,
    limit: int,
    offset: int,
) -> tuple[list[str], int]:
    """A page of the ids the query selects, in `order`, and how many there are in all."""
    total = count(session, query)
    ids = list(session.exec(query.order_by(*order).limit(limit).offset(offset)).all())
    return ids, total


def in_order(items: list[dict[str, Any]], ids: list[str]) -> list[dict[str, Any]]:
    by_id = {item["id"]: item for item in items}
    return [by_id[id_] for id_ in ids]


def grouped(pairs: Iterable[Sequence[str]]) -> dict[str, list[str]]:
    """(key, value) rows, in order, as key -> values."""
    found: dict[str, list[str]] = defaultdict(list)
    for key, value in pairs:
        found[key].append(value)
    return found


def like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
