"""The CSV encoder writes, column by column, exactly the bytes Python's csv module writes row by
row for the documented cells (app/api/export.py): whatever the text holds (commas, quotes, line
ends, any character), numbers past 64 bits, null anywhere a schema allows it."""

from __future__ import annotations

import csv
import io
from enum import StrEnum
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import BaseModel

from app.api.export import CsvEncoder, columns


class Colour(StrEnum):
    RED = "red"
    TWO_WORDS = "dark, blue"


class Inner(BaseModel):
    name: str
    size: int | None
    on: bool


class Row(BaseModel):
    id: str
    note: str | None
    colour: Colour
    shade: Colour | None
    count: int
    maybe_count: int | None
    value: float | None
    flag: bool
    tags: list[str]
    inner: Inner
    maybe_inner: Inner | None


class Single(BaseModel):
    note: str | None


def value_at(item: dict[str, Any], column: tuple[str, ...]) -> Any:
    """An item's value of a column: null under a null object."""
    value: Any = item
    for name in column:
        value = None if value is None else value[name]
    return value


def module_bytes(model: type[BaseModel], items: list[dict[str, Any]]) -> bytes:
    """What the csv module writes for the documented cells of these items."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    found = columns(model)
    writer.writerow(".".join(column) for column in found)
    for item in items:
        row = []
        for column in found:
            value = value_at(item, column)
            if isinstance(value, bool):
                value = "true" if value else "false"
            elif isinstance(value, list):
                value = "|".join(value)
            row.append(value)
        writer.writerow(row)
    return buffer.getvalue().encode()


def encoder_bytes(model: type[BaseModel], items: list[dict[str, Any]]) -> bytes:
    """What the encoder writes for these items given column by column, as a list's query
    gives them (app/queries/rows.py, `Table.columns`)."""
    encoder = CsvEncoder(model)
    values = [[value_at(item, column) for item in items] for column in encoder.columns]
    return encoder.header() + encoder.rows(values)


texts = st.one_of(
    st.text(),
    st.text(alphabet=st.sampled_from([",", '"', "\r", "\n", " ", "a", "é", "|", "\u2028"])),
)
integers = st.one_of(st.integers(-(2**31), 2**31), st.integers(-(2**80), 2**80))
floats = st.one_of(st.none(), st.floats(), st.integers(-(2**60), 2**60).map(float))
inners = st.fixed_dictionaries(
    {"name": texts, "size": st.one_of(st.none(), integers), "on": st.booleans()}
)
rows = st.fixed_dictionaries(
    {
        "id": texts,
        "note": st.one_of(st.none(), texts),
        "colour": st.sampled_from(Colour).map(str),
        "shade": st.one_of(st.none(), st.sampled_from(Colour).map(str)),
        "count": integers,
        "maybe_count": st.one_of(st.none(), integers),
        "value": floats,
        "flag": st.booleans(),
        "tags": st.lists(texts, max_size=3),
        "inner": inners,
        "maybe_inner": st.one_of(st.none(), inners),
    }
)


@given(st.lists(rows, max_size=8))
def test_every_kind_of_cell_is_what_the_csv_module_writes(items: list[dict[str, Any]]) -> None:
    assert encoder_bytes(Row, items) == module_bytes(Row, items)


@given(st.lists(st.fixed_dictionaries({"note": st.one_of(st.none(), texts)}), max_size=4))
def test_a_row_of_one_empty_cell_is_written_as_the_module_writes_it(
    items: list[dict[str, Any]],
) -> None:
    assert encoder_bytes(Single, items) == module_bytes(Single, items)


def test_a_text_column_holding_other_values_writes_them_as_the_module_does() -> None:
    items = [{"note": 7}, {"note": 1.5}, {"note": "a,b"}, {"note": None}]
    assert encoder_bytes(Single, items) == module_bytes(Single, items)
    row = {"id": 3, "colour": "red", "shade": 2.0, "count": "x,y"}
    base = {"note": None, "count": 1, "maybe_count": None, "value": None, "flag": True}
    inner = {"name": "n", "size": 1, "on": False}
    items = [{**base, **row, "tags": [], "inner": inner, "maybe_inner": None}]
    assert encoder_bytes(Row, items) == module_bytes(Row, items)


@pytest.mark.parametrize("count", ["x,y", 1.5, 1e16, -(2**70), 0])
def test_an_integer_column_holding_other_values_writes_them_as_the_module_does(
    count: object,
) -> None:
    inner = {"name": "n", "size": count, "on": False}
    items = [
        {"id": "a", "note": None, "colour": "red", "shade": None, "count": count}
        | {"maybe_count": count, "value": None, "flag": True, "tags": []}
        | {"inner": inner, "maybe_inner": None}
    ]
    assert encoder_bytes(Row, items) == module_bytes(Row, items)


def test_an_empty_page_is_its_header() -> None:
    assert encoder_bytes(Row, []) == module_bytes(Row, [])
