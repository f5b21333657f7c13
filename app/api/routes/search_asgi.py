"""`GET /v1/search` without FastAPI's per-request machinery, for the requests it can answer.

FastAPI's parameter parsing, dependency solving and validation cost more than a search of the
served articles does (docs/performance.md). This ASGI layer sits innermost in the middleware
stack, inside the response cache, so ETags, 304s, CORS, the security headers and the access
log apply as to any route; it answers a GET itself when every parameter is plainly valid, with
the same backend, bytes and headers as the route (`search.answer`).

Anything else goes on to the route, which stays the one definition of the operation: its
signature is the OpenAPI document and its validation answers every 422. That includes any value
FastAPI would refuse or might read differently (a repeated key, a number with a sign or a
leading zero, an unknown type), and a database error, which the service's own handler turns
into a 503 problem.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote

from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Receive, Scope, Send

from app.api.pagination import DEFAULT_LIMIT, MAX_LIMIT, MAX_OFFSET, Pagination
from app.api.routes.search import answer
from app.core.db import Database
from app.search.dispatch import run_search
from app.search.filters import SearchFilters
from app.search.query import MAX_QUERY_LENGTH, is_blank
from app.search.schemas import SearchType

PATH = "/v1/search"
MAX_ID_LENGTH = 200
# A count as FastAPI reads it without doubt: ASCII digits, no sign, no leading zero.
_COUNT = re.compile(r"0|[1-9][0-9]{0,6}")
_TYPES = {t.value: t for t in SearchType}
_SCALARS = frozenset({"q", "limit", "offset", "article", "section"})

# An exception handler as FastAPI keeps them (app.exception_handlers).
ErrorHandler = Callable[[Request, Any], Response | Awaitable[Response]]


@dataclass(frozen=True, slots=True)
class SearchParams:
    q: str
    filters: SearchFilters
    page: Pagination


def _count(text: str, low: int, high: int) -> int | None:
    if _COUNT.fullmatch(text) is None:
        return None
    value = int(text)
    return value if low <= value <= high else None


def _unquote(text: str) -> str:
    # What parse_qsl does to each name and value, skipped when there is nothing to decode.
    return unquote(text.replace("+", " ")) if "%" in text or "+" in text else text


def query_pairs(query_string: bytes) -> list[tuple[str, str]]:
    """`parse_qsl(query_string.decode("latin-1"), keep_blank_values=True)`, as Starlette reads
    a query string (Request.query_params), with less work for the plain pairs of a search."""
    pairs = []
    for field in query_string.decode("latin-1").split("&"):
        if field:
            name, _, value = field.partition("=")
            pairs.append((_unquote(name), _unquote(value)))
    return pairs


def parse_params(query_string: bytes) -> SearchParams | None:
    """The parameters when each is plainly valid, read as the route reads them; else None."""
    scalars: dict[str, str] = {}
    types: list[SearchType] = []
    for key, value in query_pairs(query_string):
        if key == "type":
            kind = _TYPES.get(value)
            if kind is None:
                return None
            types.append(kind)
        elif key in _SCALARS:
            if key in scalars:
                return None
            scalars[key] = value
        else:  # an unknown parameter: the route refuses it (app/api/strict.py)
            return None
    q = scalars.get("q")
    if q is None or not 1 <= len(q) <= MAX_QUERY_LENGTH or is_blank(q):
        return None
    limit = _count(scalars.get("limit", str(DEFAULT_LIMIT)), 1, MAX_LIMIT)
    offset = _count(scalars.get("offset", "0"), 0, MAX_OFFSET)
    article, section = scalars.get("article"), scalars.get("section")
    if limit is None or offset is None:
        return None
    # As `IdQuery` bounds them: 1-200 characters, no NUL (the route answers those with a 422).
    if any(
        v is not None and (not 1 <= len(v) <= MAX_ID_LENGTH or "\x00" in v)
        for v in (article, section)
    ):
        return None
    filters = SearchFilters(types=tuple(dict.fromkeys(types)), article=article, section=section)
    return SearchParams(q, filters, Pagination(limit=limit, offset=offset))


class SearchShortcut:
    def __init__(
        self,
        app: ASGIApp,
        *,
        database: Database,
        on_error: Mapping[type[Exception], ErrorHandler],
    ) -> None:
        self.app = app
        self.database = database
        # The app's handlers for the errors a search can meet (the database's, the index's).
        self.on_error = dict(on_error)
        self._caught = tuple(on_error)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        params = None
        if (
            scope["type"] == "http"
            and scope["path"] == PATH
            and scope["method"] == "GET"
            and not scope.get("root_path")
        ):
            params = parse_params(scope["query_string"])
        if params is None:
            await self.app(scope, receive, send)
            return
        request = Request(scope, receive)
        try:
            result = await run_search(
                self.database,
                params.q,
                params.filters,
                limit=params.page.limit,
                offset=params.page.offset,
            )
        except self._caught as exc:
            handler = next(h for kind, h in self.on_error.items() if isinstance(exc, kind))
            handled = handler(request, exc)
            response = await handled if inspect.isawaitable(handled) else handled
        else:
            response = answer(request, params.page, result)
        await response(scope, receive, send)
