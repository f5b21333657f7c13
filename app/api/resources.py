"""Answers built from plain dicts: the query runs where the database is (app/queries/rows.py)
and orjson writes the bytes pydantic would (tests/api/test_serialisation.py checks every answer
against its schema's own serialisation; the route declares the schema as `response_model`).

A list answers in the format its request asks for (app/api/export.py). `all=true` streams every
matching row in batches of `EXPORT_BATCH`, each its own read within the query time limit, so
memory stays the same whatever the row count; its ETag is the data version's and the URL's
(the bytes are a pure function of both), so it is given before the body is written.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Mapping, Sequence
from enum import StrEnum
from typing import Any, TypeVar

import orjson
from fastapi import Request, Response
from fastapi.responses import StreamingResponse
from fastapi.routing import APIRoute
from pydantic import BaseModel

from app.api.caching import etag_for, matches
from app.api.export import MEDIA_TYPES, CsvEncoder, item_model, ndjson
from app.api.pagination import Pagination
from app.core.config import Settings
from app.core.db import Database
from app.models.vocabulary import ListFormat
from app.queries.rows import Facets, Rows, Table, read

# Rows read per batch of an export of every row.
EXPORT_BATCH = 500
E = TypeVar("E", bound=StrEnum)
ListQuery = Callable[..., tuple[Table, int]]


async def resource(
    request: Request, query: Callable[[Rows, str], dict[str, Any]], id_: str
) -> Response:
    """One resource, by id."""
    database: Database = request.app.state.database
    content = await read(database, query, id_)
    return Response(orjson.dumps(content), media_type="application/json")


def _item_model(request: Request) -> type[BaseModel]:
    route = request.scope["route"]
    assert isinstance(route, APIRoute)
    return item_model(route.response_model)


def facet_columns(asked: Sequence[E] | None, columns: Mapping[E, str]) -> dict[str, str] | None:
    """The facets a request asks for (each once, in its order) and the column each counts."""
    return {str(name): columns[name] for name in asked} if asked else None


async def listing(
    request: Request,
    page: Pagination,
    query: ListQuery,
    *args: object,
    facets: Mapping[str, str] | None = None,
) -> Response:
    """A page of a list, with the paging headers every list answers with; or every row.
    Facets are counted for JSON only: they belong to its envelope."""
    if page.all:
        return _everything(request, page.format, query, *args)
    database: Database = request.app.state.database
    counting = Facets(facets) if facets and page.format is ListFormat.JSON else None
    found, total = await read(
        database, query, *args, limit=page.limit, offset=page.offset, facets=counting
    )
    if page.format is ListFormat.CSV:
        encoder = CsvEncoder(_item_model(request))
        body = encoder.header() + _csv_rows(encoder, found)
    elif page.format is ListFormat.NDJSON:
        body = ndjson(found.items())
    else:
        content: dict[str, object] = {
            "items": found.items(),
            "total": total,
            "limit": page.limit,
            "offset": page.offset,
        }
        if counting is not None:
            content["facets"] = counting.counts
        body = orjson.dumps(content)
    response = Response(body, media_type=MEDIA_TYPES[page.format], headers={"Vary": "Accept"})
    page.headers(request, response, total)
    return response


def _csv_rows(encoder: CsvEncoder, found: Table) -> bytes:
    """A page's rows as CSV, written from its columns: no item is built."""
    return encoder.rows(found.columns()) if found else b""


def _everything(request: Request, format: ListFormat, query: ListQuery, *args: object) -> Response:
    database: Database = request.app.state.database
    settings: Settings = request.app.state.settings
    tag = etag_for(f"{database.version}\n{request.url}\n{format}".encode())
    headers = {
        "ETag": tag.decode(),
        "Cache-Control": f"public, max-age={settings.cache_max_age}",
        "Vary": "Accept",
    }
    if matches(request.headers.get("if-none-match"), tag):
        return Response(status_code=304, headers=headers)
    encoder = CsvEncoder(_item_model(request)) if format is ListFormat.CSV else None

    async def batches() -> AsyncIterator[bytes]:
        if encoder is not None:
            yield encoder.header()
        offset = 0
        while True:
            found, _ = await read(database, query, *args, limit=EXPORT_BATCH, offset=offset)
            if found:
                yield _csv_rows(encoder, found) if encoder is not None else ndjson(found.items())
            if len(found) < EXPORT_BATCH:
                return
            offset += EXPORT_BATCH

    return StreamingResponse(batches(), media_type=MEDIA_TYPES[format], headers=headers)
