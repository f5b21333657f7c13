"""The application factory."""

from __future__ import annotations

import gc
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from functools import partial
from importlib.metadata import version
from typing import Any

import anyio
from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from fastapi.routing import APIRoute
from fastapi.telemetry import TelemetryConfig
from opentelemetry import trace
from sqlalchemy.exc import DBAPIError

from app.api import errors
from app.api.access_log import AccessLogMiddleware
from app.api.access_log import log as access_log
from app.api.access_log_writer import AccessLogWriter
from app.api.caching import CachingMiddleware
from app.api.client_address import ClientAddressMiddleware
from app.api.cors import CORSMiddleware
from app.api.problems import PROBLEM_JSON
from app.api.ratelimit import RateLimitMiddleware
from app.api.router import API_PREFIX, api_router, root_router
from app.api.routes import docs
from app.api.routes.search_asgi import SearchShortcut
from app.api.security import SecurityMiddleware
from app.core.config import Settings, get_settings
from app.core.db import Database
from app.ingest.model_workers import stop_workers
from app.models.schemas import PAGE_EXAMPLES, PAGE_FACETS
from app.search import dispatch as search_dispatch
from app.search.engine.store import IndexUnavailableError

DESCRIPTION = """
The facts of analysis articles: their **sections**, the **actors** they name, every **figure**
they quote and the **claims** they make. Every fact carries `start`/`end` offsets into the
article's text (`GET /v1/articles/{id}/text`), so `text[start:end]` is its exact quote.

Lists are paginated with `limit` (1-100, default 20) and `offset`, and answer `X-Total-Count`
and RFC 8288 `Link` headers. A query parameter an operation does not declare is a 422 naming
it (with the parameter probably meant). Errors are RFC 9457 `application/problem+json`.
"""

EXPOSED_HEADERS = ["ETag", "Link", "X-Total-Count", "Retry-After", "X-Request-ID"]


def operation_id(route: APIRoute) -> str:
    return route.name


def telemetry() -> TelemetryConfig | None:
    """FastAPI's OpenTelemetry bridge, on (FastAPI's defaults) only in a process set up for
    OpenTelemetry when the app is made: OTEL_* or FASTAPI_OTEL_* settings in the environment,
    or a tracer provider already installed. Otherwise it would still ask on every request
    whether a provider has appeared, which costs a fifth of a cached answer
    (docs/performance.md)."""
    if any(name.startswith(("OTEL_", "FASTAPI_OTEL_")) for name in os.environ):
        return None
    if not isinstance(trace.get_tracer_provider(), trace.ProxyTracerProvider):
        return None
    return {"tracing": False, "metrics": False, "logs": False}


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    database = Database(settings.database_url, timeout_ms=settings.query_timeout_ms)
    access_lines = AccessLogWriter(access_log, settings.access_log_buffer_lines)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        # What is built by now (the app, its schemas, the libraries) lives as long as the
        # process: frozen, it is left out of the collector's full passes, whose pauses over
        # those objects otherwise set the tail latency under load (docs/performance.md).
        # On a database server, this replica's search index is brought up to date first.
        await anyio.to_thread.run_sync(
            partial(search_dispatch.start, database, settings.search_index_dir)
        )
        gc.collect()
        gc.freeze()
        access_lines.start()
        try:
            yield
        finally:
            access_lines.stop()  # what is still queued is written, whatever ended the app
        search_dispatch.stop(database)
        database.dispose()
        stop_workers()  # the recognizer's worker process, if an upload started one

    app = FastAPI(
        title="article-facts",
        version=version("article-facts"),
        description=DESCRIPTION,
        docs_url=None,
        redoc_url=None,
        generate_unique_id_function=operation_id,
        lifespan=lifespan,
        telemetry=telemetry(),
    )
    app.state.settings = settings
    app.state.database = database
    app.state.access_log = access_lines
    app.include_router(api_router)
    app.include_router(root_router)
    docs.install(app)
    errors.install(app)
    # Added innermost first: a request passes the client's address, the access log, the
    # security checks, CORS and the rate limit before the cache, and the cache before the
    # search shortcut.
    app.add_middleware(
        SearchShortcut,
        database=database,
        on_error={
            kind: app.exception_handlers[kind] for kind in (DBAPIError, IndexUnavailableError)
        },
    )
    app.add_middleware(
        CachingMiddleware,
        database=database,
        max_age=settings.cache_max_age,
        cache_bytes=settings.response_cache_mb << 20,
    )
    if settings.rate_limit_per_minute:
        app.add_middleware(RateLimitMiddleware, per_minute=settings.rate_limit_per_minute)
    # Outside the rate limit: a 429 carries CORS headers (a browser script can read it and its
    # Retry-After), and preflights, answered here, use none of a client's quota.
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "HEAD", "OPTIONS"],
            allow_headers=["If-None-Match", "Content-Type", "Authorization"],
            expose_headers=EXPOSED_HEADERS,
            max_age=3600,
        )
    app.add_middleware(SecurityMiddleware)
    app.add_middleware(AccessLogMiddleware, writer=access_lines)
    # Outermost: the access log and the rate limit both see the client a trusted proxy names.
    if settings.trusted_proxies:
        app.add_middleware(ClientAddressMiddleware, trusted=settings.trusted_proxies)
    app.openapi = lambda: _openapi(app)  # type: ignore[method-assign]
    return app


def _openapi(app: FastAPI) -> dict[str, Any]:
    """FastAPI's document, with every error declared as problem+json with its example."""
    if app.openapi_schema:
        return app.openapi_schema
    schema = get_openapi(
        title=app.title, version=app.version, description=app.description, routes=app.routes
    )
    problem_ref = {"$ref": "#/components/schemas/Problem"}
    for path, path_item in schema.get("paths", {}).items():
        for operation in path_item.values():
            if path.startswith(API_PREFIX):
                # Any read can meet a database that is gone or a query over the time limit.
                operation["responses"].setdefault("503", {"description": "Service Unavailable"})
            for status, response in operation.get("responses", {}).items():
                if int(status) >= 400:
                    example = errors.problem_example(int(status))
                    response["content"] = {
                        PROBLEM_JSON: {"schema": problem_ref, "example": example}
                    }
    components = schema.get("components", {}).get("schemas", {})
    # FastAPI encodes the document without nulls, examples included: the page examples are put
    # back as the service answers them, `"parent": null` and all.
    for name, example in PAGE_EXAMPLES.items():
        components[name]["examples"] = [example]
        if name in PAGE_FACETS:
            components[name]["properties"]["facets"]["examples"] = [PAGE_FACETS[name]]
    for unused in ("HTTPValidationError", "ValidationError"):
        components.pop(unused, None)
    app.openapi_schema = schema
    return schema
