"""One resource's answer: its query run where the database is, its dict written as JSON."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import orjson
from fastapi import Request, Response

from app.core.db import Database
from app.queries.rows import Rows, read


async def resource(
    request: Request, query: Callable[[Rows, str], dict[str, Any]], id_: str
) -> Response:
    """The route declares the schema (`response_model`); the query builds its fields in order,
    and orjson writes the bytes pydantic would (tests/api/test_contract.py checks every answer
    against its schema's own serialisation)."""
    database: Database = request.app.state.database
    content = await read(database, query, id_)
    return Response(orjson.dumps(content), media_type="application/json")
