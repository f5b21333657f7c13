"""Helpers shared by the query modules."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from app.queries.rows import Row


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


def in_order(rows: Sequence[Row], ids: Sequence[str]) -> list[Row]:
    """Rows whose first value is an id, in the order of `ids` (each one of the rows')."""
    by_id = {row[0]: row for row in rows}
    return [by_id[id_] for id_ in ids]


def grouped(pairs: Iterable[Sequence[str]]) -> dict[str, list[str]]:
    """(key, value) rows, in order, as key -> values."""
    found: dict[str, list[str]] = defaultdict(list)
    for key, value in pairs:
        found[key].append(value)
    return found


def like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
