"""Every error leaves the service as an RFC 9457 problem: one shape, no internals."""

from __future__ import annotations

import logging
import sqlite3
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from sqlalchemy.exc import DBAPIError
from sqlalchemy.exc import TimeoutError as PoolTimeoutError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response
from starlette.routing import Match

from app.api.problems import PROBLEM_JSON
from app.core.db import StalledError
from app.models.schemas import ParamError, Problem
from app.queries.common import NotFoundError
from app.search.engine.store import IndexUnavailableError

log = logging.getLogger("app.errors")


class ProblemResponse(Response):
    media_type = PROBLEM_JSON

    def render(self, content: Any) -> bytes:
        assert isinstance(content, Problem)
        return content.model_dump_json(by_alias=True, exclude_none=True).encode()


def problem(
    status: int,
    detail: str,
    request: Request,
    *,
    errors: list[ParamError] | None = None,
    headers: dict[str, str] | None = None,
) -> ProblemResponse:
    body = Problem(
        title=HTTPStatus(status).phrase,
        status=status,
        detail=detail,
        instance=request.url.path,
        errors=errors,
    )
    return ProblemResponse(body, status_code=status, headers=headers)


def _param_error(error: Any) -> ParamError:
    loc = [str(part) for part in error.get("loc", ())]
    where = loc[0] if loc else "request"
    name = ".".join(loc[1:]) or where
    return ParamError.model_validate(
        {
            "name": name,
            "in": where,
            "detail": error.get("msg", "Invalid value."),
            "type": error.get("type", "invalid"),
        }
    )


async def _validation(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    errors = [_param_error(e) for e in exc.errors()]
    names = ", ".join(dict.fromkeys(e.name for e in errors))
    return problem(422, f"Invalid parameters: {names}.", request, errors=errors)


async def _http(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    status = exc.status_code
    detail = (
        exc.detail
        if isinstance(exc.detail, str) and exc.detail != HTTPStatus(status).phrase
        else None
    )
    if detail is None:
        detail = {
            404: f"Nothing at {request.url.path}.",
            405: f"{request.method} is not allowed on {request.url.path}.",
        }.get(status, HTTPStatus(status).description or HTTPStatus(status).phrase)
    headers = dict(exc.headers or {})
    if status == 405 and "allow" in {k.lower() for k in headers}:
        headers = {"Allow": ", ".join(_allowed(request))}
    return problem(status, detail, request, headers=headers)


def _allowed(request: Request) -> list[str]:
    """Every method some route takes at this path. Starlette's 405 names only the methods of
    the first route whose path matched (GET /v1/articles, not POST /v1/articles), so each
    method is tried against the routes."""
    allowed = []
    for method in _METHODS:
        scope = {**request.scope, "method": method}
        if any(route.matches(scope)[0] is Match.FULL for route in request.app.router.routes):
            allowed.append(method)
            # Every GET route answers HEAD too (see app/api/caching.py).
            if method == "GET":
                allowed.append("HEAD")
    return allowed


_METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")


async def _not_found(request: Request, exc: Exception) -> Response:
    return problem(404, str(exc), request)


async def _database(request: Request, exc: Exception) -> Response:
    if isinstance(exc, StalledError | PoolTimeoutError):
        log.warning(
            "no answer from the database in time on %s %s", request.method, request.url.path
        )
        return problem(503, "The database did not answer in time; try again shortly.", request)
    if "interrupted" in str(exc):
        log.warning("query over the time limit on %s %s", request.method, request.url.path)
        return problem(503, "The query took too long; narrow it and try again.", request)
    log.error("database error on %s %s: %s", request.method, request.url.path, type(exc).__name__)
    return problem(503, "The database is not available.", request)


async def _no_index(request: Request, exc: Exception) -> Response:
    log.error("no search index on %s %s: %s", request.method, request.url.path, exc)
    return problem(503, "The search index is not available.", request)


async def _unexpected(request: Request, exc: Exception) -> Response:
    log.exception("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    return problem(500, "The server could not answer this request.", request)


def install(app: FastAPI) -> None:
    app.add_exception_handler(RequestValidationError, _validation)
    app.add_exception_handler(StarletteHTTPException, _http)
    app.add_exception_handler(NotFoundError, _not_found)
    app.add_exception_handler(DBAPIError, _database)
    # A wait for a pooled connection past the time limit, in a route that runs on a thread.
    app.add_exception_handler(PoolTimeoutError, _database)
    # The loader writes SQLite through the sqlite3 module itself (its backup copy), where a
    # damaged file fails outside SQLAlchemy.
    app.add_exception_handler(sqlite3.DatabaseError, _database)
    app.add_exception_handler(IndexUnavailableError, _no_index)
    app.add_exception_handler(Exception, _unexpected)


# What each error status's example says: its own title and status, and a detail the service
# gives with it (the Problem schema's field examples are a 404's; without these, every error
# of the document would show "Not Found", 404). tests/api/test_examples.py makes the requests.
EXAMPLE_DETAILS = {
    400: "the body: empty: there is no text to read",
    401: "A valid bearer token is required.",
    403: "Writing is disabled: the server has no ARTICLE_FACTS_ADMIN_TOKEN.",
    404: "No article with id 'atlantis'.",
    409: "article 'another-slug' has the same text as article 'russia-china-venezuela', which "
    "is stored already: replace 'russia-china-venezuela' or delete it first",
    413: "the body: too large: the limit is 2,097,152 bytes (2 MiB), this is 2,097,153 bytes",
    414: "The URL is longer than 8192 bytes.",
    415: "Send the article as text/plain or text/markdown (UTF-8), or as text/html.",
    422: "Invalid parameters: limit.",
    429: "Too many requests; try again in 60 s.",
    503: "The database is not available.",
}
EXAMPLE_ERRORS = [
    {
        "name": "limit",
        "in": "query",
        "detail": "Input should be less than or equal to 100",
        "type": "less_than_equal",
    }
]


def problem_example(status: int) -> dict[str, Any]:
    """The example answer of an error status."""
    example: dict[str, Any] = {
        "type": "about:blank",
        "title": HTTPStatus(status).phrase,
        "status": status,
        "detail": EXAMPLE_DETAILS[status],
    }
    if status == 422:
        example["errors"] = EXAMPLE_ERRORS
    return example


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI entries for the error statuses a route can answer with (app/main.py gives each
    its example)."""
    return {
        status: {
            "model": Problem,
            "description": HTTPStatus(status).phrase,
            "content": {PROBLEM_JSON: {}},
        }
        for status in statuses
    }
