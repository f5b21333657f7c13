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
from collections.abc import Callable, Sequence
from types import UnionType
from typing import Any, Union, get_args, get_origin

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
        nested = _nested(field.annotation)
        if nested is not None:
            found.extend((name, *inner) for inner in columns(nested))
        else:
            found.append((name,))
    return found


def _nested(annotation: object) -> type[BaseModel] | None:
    """The schema of a field that holds an object (or null), else None."""
    for option in _options(annotation):
        if isinstance(option, type) and issubclass(option, BaseModel):
            return option
    return None


def _is_model(annotation: object) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


@functools.cache
def item_model(page_model: type[BaseModel]) -> type[BaseModel]:
    """`Page[T]`'s T. Asked for every CSV page: pydantic's field lookup and `get_args` took
    about 4 µs a page, against about 50 µs for writing a page of 100 sections."""
    (model,) = get_args(page_model.model_fields["items"].annotation)
    assert _is_model(model)
    return model  # type: ignore[no-any-return]


_BOOLEANS = {True: "true", False: "false", None: ""}
_NONE = type(None)

# A column of a page: its values, one a row, and the cells they make.
Values = Sequence[Any]
Cells = Callable[[Values], Sequence[str]]


def _quoted(cells: Sequence[str]) -> Sequence[str]:
    """Text cells as the csv module writes them (minimal quoting, CRLF line ends): quoted when
    they hold a comma, a quote or a line-end character, their quotes doubled. The whole column
    is looked at once first (a join and four searches, in C): most columns need no quotes."""
    joined = "".join(cells)
    if not ("," in joined or '"' in joined or "\r" in joined or "\n" in joined):
        return cells
    return [
        '"' + cell.replace('"', '""') + '"'
        if ("," in cell or '"' in cell or "\r" in cell or "\n" in cell)
        else cell
        for cell in cells
    ]


def _texts(values: Values) -> Sequence[str]:
    try:
        return _quoted(values)
    except TypeError:  # a value that is not a string, written as the csv module writes it
        return _other(values)


def _optional_texts(values: Values) -> Sequence[str]:
    try:
        return _quoted(["" if value is None else value for value in values])
    except TypeError:
        return _other(values)


# What orjson writes for a list of integers and nulls, and nothing else does.
_INTEGER_BYTES = b"[],-0123456789nul"


def _integers(values: Values) -> Sequence[str]:
    """What str() writes for each, as the csv module does, in a few C calls: orjson writes the
    column as a JSON array (`null` for None, which no integer's digits hold). Anything else in
    the column (a string, a float) takes the general way."""
    try:
        written = orjson.dumps(values)
    except orjson.JSONEncodeError:  # past 64 bits
        return _other(values)
    if written.translate(None, _INTEGER_BYTES):  # something else than an integer or null
        return _other(values)
    return written[1:-1].decode().replace("null", "").split(",")


def _booleans(values: Values) -> Sequence[str]:
    return list(map(_BOOLEANS.__getitem__, values))


def _lists(values: Values) -> Sequence[str]:
    return _quoted(["" if value is None else LIST_SEPARATOR.join(value) for value in values])


def _other(values: Values) -> Sequence[str]:
    # str() is what the csv module writes for anything but a string (a float's repr is its str).
    return _quoted(["" if value is None else str(value) for value in values])


def _options(annotation: object) -> set[object]:
    """The types a field may hold: the members of a union, else the type itself."""
    if get_origin(annotation) in (Union, UnionType):
        return set(get_args(annotation))
    return {annotation}


def _cells(annotation: object, optional: bool) -> Cells:
    """How a column of values of this type becomes cells."""
    options = _options(annotation)
    kinds = options - {_NONE}
    if bool in kinds:
        return _booleans
    if any(kind is list or get_origin(kind) is list for kind in kinds):
        return _lists
    if kinds == {int}:
        return _integers
    if all(isinstance(kind, type) and issubclass(kind, str) for kind in kinds):
        return _optional_texts if optional or _NONE in options else _texts
    return _other


def _makers(model: type[BaseModel], optional: bool = False) -> list[Cells]:
    """What makes the cells of each of a schema's columns, in `columns` order; under an
    object that may be null, each of its columns may be empty."""
    found: list[Cells] = []
    for field in model.model_fields.values():
        nested = _nested(field.annotation)
        if nested is not None:
            found.extend(_makers(nested, optional or _NONE in _options(field.annotation)))
        else:
            found.append(_cells(field.annotation, optional))
    return found


@functools.cache
def _layout(model: type[BaseModel]) -> tuple[list[Column], bytes, list[Cells]]:
    """A schema's columns, its header row and how each column becomes cells: worked out once."""
    found = columns(model)
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerow(".".join(column) for column in found)
    makers = _makers(model)
    assert len(makers) == len(found)
    return found, buffer.getvalue().encode(), makers


class CsvEncoder:
    """Writes rows of one schema as CSV, the header first: the bytes Python's csv module
    writes (RFC 4180, minimal quoting), built a column at a time. The module looks at every
    character of every field in turn, which made a page of claims (a sentence and a title a
    row) cost 1.4 times its JSON page; here each column comes as the list's query read it
    (app/queries/rows.py, `Table.columns`), becomes cells in a few C calls (a search for what
    needs quotes, a join, a conversion) and the rows are joined in C (docs/performance.md,
    "Export formats")."""

    def __init__(self, model: type[BaseModel]) -> None:
        self.columns, self._header, self._makers = _layout(model)

    def header(self) -> bytes:
        return self._header

    def rows(self, values: Sequence[Values]) -> bytes:
        """The rows whose values `values` holds column by column: one sequence for each of
        `self.columns`, in order, each with one value a row (null under a null object)."""
        if not values or not values[0]:
            return b""
        cells = [make(column) for make, column in zip(self._makers, values, strict=True)]
        if len(cells) == 1:
            # The csv module writes a row of one empty field as `""`, not as an empty line.
            cells[0] = ['""' if cell == "" else cell for cell in cells[0]]
        text = "\r\n".join(map(",".join, zip(*cells, strict=True)))
        return (text + "\r\n").encode()


_LINE = functools.partial(orjson.dumps, option=orjson.OPT_APPEND_NEWLINE)


def ndjson(items: Sequence[dict[str, Any]]) -> bytes:
    """One JSON object per line, each written by orjson in a loop that stays in C (`map`): a
    tenth to a fifth faster than a generator for a page of 100 sections or claims."""
    return b"".join(map(_LINE, items))
