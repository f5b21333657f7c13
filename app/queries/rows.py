"""Plain SQL for the API's reads, on either backend.

A resource is a handful of small statements (a section: itself, its children, its actors,
figures and claims, and their links). Through the ORM each statement cost about 200 us of
SQLAlchemy work against about 25 us in SQLite, and FastAPI's check of the returned model and a
worker thread added as much again (docs/performance.md). So the reads are SQL text with
`:named` parameters, which sqlite3 takes as they are and SQLAlchemy's `text()` hands to a
database server, and they build plain dicts in the schemas' field order
(tests/api/test_serialisation.py checks every answer is exactly its schema's serialisation).

A list's query answers a page as a `Table`: its rows as the database gave them, made into
items (dicts, for JSON and NDJSON) or into columns (for CSV) only when an answer asks for one,
so a CSV page never builds the dicts it would take apart again (docs/performance.md, "Export
formats").

On SQLite they run inline on the event loop, on the reader's raw connection, within its time
limit (as search does); on a server they run on a worker thread in a read-only session, waited
for no longer than the time limit (`Database.in_thread`).
"""

from __future__ import annotations

import json
import sqlite3
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache, partial
from typing import Any, Concatenate, ParamSpec, Protocol, TypeVar

from sqlalchemy import Connection, TextClause, text

from app.core.db import Database, is_sqlite, sqlite_errors

P = ParamSpec("P")
T = TypeVar("T")
Row = Sequence[Any]
Params = Mapping[str, object]
# The values of one field of a list's items, one an item, in order.
Values = Sequence[Any]


class Rows(Protocol):
    def all(self, sql: str, params: Params) -> list[Row]: ...


class SqliteRows:
    """sqlite3's own connection: named parameters as written, rows as tuples."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def all(self, sql: str, params: Params) -> list[Row]:
        return self._conn.execute(sql, params).fetchall()


@lru_cache(maxsize=256)
def _clause(sql: str) -> TextClause:
    return text(sql)


class SqlAlchemyRows:
    """Any SQLAlchemy connection (a session's, on a database server)."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def all(self, sql: str, params: Params) -> list[Row]:
        return list(self._conn.execute(_clause(sql), dict(params)).all())


def in_list(name: str, values: Sequence[object]) -> tuple[str, dict[str, object]]:
    """`IN (:name0, :name1, ...)` and its parameters: both drivers take it as written."""
    params = {f"{name}{i}": value for i, value in enumerate(values)}
    return f"({', '.join(':' + key for key in params) or 'NULL'})", params


class Conditions:
    """A WHERE clause made of this package's own conditions, every value a placeholder."""

    def __init__(self) -> None:
        self.clauses: list[str] = []
        self.params: dict[str, object] = {}

    def add(self, clause: str, **params: object) -> None:
        self.clauses.append(clause)
        self.params.update(params)

    def sql(self) -> str:
        return f" WHERE {' AND '.join(self.clauses)}" if self.clauses else ""


# The most values a facet lists (the most frequent first): a facet over sections or articles of
# a large corpus would otherwise be as long as the corpus.
MAX_FACET_VALUES = 100


@dataclass
class Facets:
    """The facets a list is asked for, by name, and the SQL expression each counts (one of the
    query module's own columns); `page` fills `counts` over every row the filters match."""

    columns: Mapping[str, str]
    counts: dict[str, list[dict[str, object]]] = field(default_factory=dict)


def page(
    rows: Rows,
    columns: str,
    source: str,
    params: Params,
    order: str,
    *,
    limit: int,
    offset: int,
    facets: Facets | None = None,
    count_source: str | None = None,
) -> tuple[list[Row], int]:
    """A page of `SELECT columns source ORDER BY order`, and how many rows there are in all;
    with `facets`, the count of each of their values too (most first, null last).
    `count_source`: a cheaper source of the same rows, for the count and the facets."""
    counted_in = count_source or source
    for name, column in (facets.columns if facets else {}).items():
        counted = rows.all(
            f"SELECT {column}, count(*) AS n {counted_in} GROUP BY {column}"
            f" ORDER BY n DESC, {column} IS NULL, {column} LIMIT {MAX_FACET_VALUES}",
            params,
        )
        assert facets is not None
        facets.counts[name] = [{"value": value, "count": int(n)} for value, n in counted]
    total = int(rows.all(f"SELECT count(*) {counted_in}", params)[0][0])
    found = rows.all(
        f"SELECT {columns} {source} ORDER BY {order} LIMIT :limit OFFSET :offset",
        {**params, "limit": limit, "offset": offset},
    )
    return found, total


class Table(ABC):
    """A page of a list as its query read it. `items()` are the item schema's dicts, in its
    field order; `columns()` the values of each of its fields, a nested object's fields in its
    place, as the items hold them (the CSV writer's columns, app/api/export.py), read from
    the rows without the dicts. Both are built when asked for, from the same rows."""

    def __init__(self, rows: Sequence[Any]) -> None:
        self.rows = rows

    def __len__(self) -> int:
        return len(self.rows)

    @abstractmethod
    def items(self) -> list[dict[str, Any]]: ...

    @abstractmethod
    def columns(self) -> list[Values]:
        """Asked of a table with rows only."""


def transposed(rows: Iterable[Iterable[Any]]) -> list[Values]:
    """Rows as columns, in one C call."""
    return list(zip(*rows, strict=True))


def json_list(value: str | list[str]) -> list[str]:
    """A JSON column: text on SQLite, already decoded by the PostgreSQL driver."""
    return list(json.loads(value)) if isinstance(value, str) else list(value)


async def read(
    database: Database, query: Callable[Concatenate[Rows, P], T], *args: P.args, **kwargs: P.kwargs
) -> T:
    """`query(rows, ...)` on the database that serves this process."""
    if not is_sqlite(database.url):
        return await database.in_thread(partial(_on_server, database, query, *args, **kwargs))
    with sqlite_errors(), database.reading() as (_, conn):
        return query(SqliteRows(conn), *args, **kwargs)


def _on_server(
    database: Database, query: Callable[Concatenate[Rows, P], T], *args: P.args, **kwargs: P.kwargs
) -> T:
    with database.session() as session:
        return query(SqlAlchemyRows(session.connection()), *args, **kwargs)
