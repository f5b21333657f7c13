"""Lists as CSV and NDJSON: which format a request asks for, and the bytes of each.

Every list answers JSON by default; `?format=csv|ndjson` or an `Accept` header naming
`text/csv` or `application/x-ndjson` (the highest `q` among the three types wins; `*/*` and
anything else are JSON) asks for the same rows as a spreadsheet or one JSON object per line.
The format is part of the response cache's key and of the ETag (the bytes differ), and lists
answer `Vary: Accept`.

CSV is RFC 4180 as Python's `csv` module writes it (CRLF line ends, quotes only where needed)
with a header row, so an empty list is still its columns. The columns are the item schema's
fields in order; a nested object (an article's `counts`) is flattened to `counts.sections`...;
a list (ids, aliases, keywords, authors) is its values joined by `|`, which no id holds; null
is an empty cell and booleans are `true`/`false`. NDJSON is each item as the JSON list gives it,
one per line, with no envelope (the total is in `X-Total-Count`).
"""

from __future__ import annotations

import csv
import functools
import io
from collections.abc import Callable, Iterable, Sequence
from operator import itemgetter
from typing import Any, get_args, get_origin

import orjson
from pydantic import BaseModel

from app.models.vocabulary import ListFormat

LIST_SEPARATOR = "|"
MEDIA_TYPES = {
    ListFormat.JSON: "application/json",
    ListFormat.CSV: "text/csv; charset=utf-8; header=present",
    ListFormat.NDJSON: "application/x-ndjson",
}
_BY_MEDIA_TYPE = {
    "application/json": ListFormat.JSON,
    "text/csv": ListFormat.CSV,
    "application/x-ndjson": ListFormat.NDJSON,
}
# What the OpenAPI document says a list may answer besides its JSON model.
EXPORT_CONTENT: dict[int | str, dict[str, Any]] = {
    200: {
        "content": {
            "text/csv": {"schema": {"type": "string"}},
            "application/x-ndjson": {"schema": {"type": "string"}},
        },
    }
}


def negotiate(accept: str | None) -> ListFormat:
    """The format an `Accept` header asks for, among those a list answers in."""
    if not accept or ("csv" not in accept and "ndjson" not in accept):
        return ListFormat.JSON
    best, best_q = ListFormat.JSON, 0.0
    for part in accept.split(","):
        media_type, *params = (piece.strip() for piece in part.split(";"))
        found = _BY_MEDIA_TYPE.get(media_type.lower())
        if found is None:
            continue
        q = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if q > best_q:
            best, best_q = found, q
    return best


Column = tuple[str, ...]


def columns(model: type[BaseModel]) -> list[Column]:
    """The CSV columns of a schema: its fields in order, nested objects flattened."""
    found: list[Column] = []
    for name, field in model.model_fields.items():
        nested = next(
            (a for a in (field.annotation, *get_args(field.annotation)) if _is_model(a)), None
        )
        if nested is not None:
            found.extend((name, *inner) for inner in columns(nested))
        else:
            found.append((name,))
    return found


def _is_model(annotation: object) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def item_model(page_model: type[BaseModel]) -> type[BaseModel]:
    """`Page[T]`'s T."""
    (model,) = get_args(page_model.model_fields["items"].annotation)
    assert _is_model(model)
    return model  # type: ignore[no-any-return]


_BOOLEANS = {True: "true", False: "false", None: ""}


def _convert(annotation: object) -> Callable[[Any], object] | None:
    """How a value of this type is written in a cell, when the csv module's way is not it
    (it writes None as an empty cell, numbers and strings as they are). Both are C calls: a
    page of claims has two lists a row."""
    options = {annotation, *get_args(annotation)}
    if bool in options:
        return _BOOLEANS.__getitem__
    if list in options or any(get_origin(option) is list for option in options):
        # The schemas' lists are never null.
        return LIST_SEPARATOR.join
    return None


def _special(model: type[BaseModel], column: Column) -> Callable[[Any], object] | None:
    """What turns the item's top-level value into the cell of `column`, if not the value."""
    field = model.model_fields[column[0]]
    if len(column) == 1:
        return _convert(field.annotation)
    nested = next(a for a in (field.annotation, *get_args(field.annotation)) if _is_model(a))
    inner = _special(nested, column[1:])
    name = column[1]

    def walk(value: Any) -> object:
        value = None if value is None else value[name]
        return inner(value) if inner is not None else value

    return walk


@functools.cache
def _layout(
    model: type[BaseModel],
) -> tuple[list[Column], Callable[[dict[str, Any]], tuple[object, ...]], list[tuple[int, Any]]]:
    """A schema's columns, one C call that reads an item's top-level values in their order,
    and the few cells that need more (lists, booleans, nested objects): worked out once."""
    found = columns(model)
    fetch = itemgetter(*(column[0] for column in found))
    specials = [(i, f) for i, c in enumerate(found) if (f := _special(model, c)) is not None]
    return found, fetch, specials


class CsvEncoder:
    """Writes rows of one schema as CSV, the header first."""

    def __init__(self, model: type[BaseModel]) -> None:
        self.columns, self._fetch, self._specials = _layout(model)
        self._buffer = io.StringIO()
        self._writer = csv.writer(self._buffer, lineterminator="\r\n")

    def _take(self) -> bytes:
        text = self._buffer.getvalue()
        self._buffer.seek(0)
        self._buffer.truncate()
        return text.encode("utf-8")

    def header(self) -> bytes:
        self._writer.writerow(".".join(column) for column in self.columns)
        return self._take()

    def rows(self, items: Iterable[dict[str, Any]]) -> bytes:
        fetch, specials = self._fetch, self._specials
        if not specials:
            self._writer.writerows(map(fetch, items))
            return self._take()
        rows = []
        for item in items:
            row = list(fetch(item))
            for index, special in specials:
                row[index] = special(row[index])
            rows.append(row)
        self._writer.writerows(rows)
        return self._take()


def ndjson(items: Sequence[dict[str, Any]]) -> bytes:
    """One JSON object per line."""
    return b"".join(orjson.dumps(item, option=orjson.OPT_APPEND_NEWLINE) for item in items)
