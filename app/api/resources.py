"""Answers built from plain dicts: the query runs where the database is (app/queries/rows.py)
and orjson writes the bytes pydantic would (tests/api/test_serialisation.py checks every answer
against its schema's own serialisation; the route declares the schema as `response_model`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import orjson
from fastapi import Request, Response

from app.api.pagination import Pagination
from app.core.db import Database
from app.queries.rows import Rows, read


async def resource(
    request: Request, query: Callable[[Rows, str], dict[str, Any]], id_: str
) -> Response:
    """One resource, by id."""
    database: Database = request.app.state.database
    content = await read(database, query, id_)
    return Response(orjson.dumps(content), media_type="application/json")


async def listing(
    request: Request,
    page: Pagination,
    query: Callable[..., tuple[list[dict[str, Any]], int]],
    *args: object,
) -> Response:
    """A page of a list, with the paging headers every list answers with."""
    database: Database = request.app.state.database
    items, total = await read(database, query, *args, limit=page.limit, offset=page.offset)
    content = {"items": items, "total": total, "limit": page.limit, "offset": page.offset}
    response = Response(orjson.dumps(content), media_type="application/json")
    page.headers(request, response, total)
    return response
