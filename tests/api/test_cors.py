"""The CORS middleware answers exactly as Starlette's, with or without an Origin."""

from __future__ import annotations

import asyncio

import pytest
from fastapi.testclient import TestClient
from hypothesis import given
from hypothesis import strategies as st
from starlette.middleware import cors as starlette_cors
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.api.cors import CORSMiddleware, vary_origin
from tests.api.test_contract import assert_problem

Headers = list[tuple[bytes, bytes]]


def _app(headers: Headers) -> ASGIApp:
    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        await send({"type": "http.response.start", "status": 200, "headers": list(headers)})
        await send({"type": "http.response.body", "body": b"{}"})

    return app


def _run(
    middleware: type[starlette_cors.CORSMiddleware],
    headers: Headers,
    request_headers: Headers,
    method: str = "GET",
) -> list[Message]:
    sent: list[Message] = []

    async def send(message: Message) -> None:
        sent.append(message)

    async def receive() -> Message:
        return {"type": "http.request", "body": b""}

    scope = {"type": "http", "method": method, "path": "/", "headers": request_headers}
    cors = middleware(
        _app(headers),
        allow_origins=["*"],
        allow_methods=["GET", "HEAD", "OPTIONS"],
        allow_headers=["If-None-Match"],
        expose_headers=["ETag", "Link"],
        max_age=3600,
    )
    asyncio.run(cors(scope, receive, send))
    return [{**m, "headers": list(m["headers"])} if "headers" in m else m for m in sent]


header_lists = st.lists(
    st.tuples(
        st.sampled_from([b"vary", b"content-type", b"etag", b"x-total-count"]),
        st.sampled_from([b"Accept", b"Accept-Encoding", b"application/json", b'"1"']),
    ),
    max_size=6,
)


@given(header_lists)
def test_without_an_origin_the_headers_are_starlettes(headers: Headers) -> None:
    ours = _run(CORSMiddleware, headers, [(b"host", b"x")])
    assert ours == _run(starlette_cors.CORSMiddleware, headers, [(b"host", b"x")])


@pytest.mark.parametrize(
    ("request_headers", "method"),
    [
        ([(b"origin", b"https://example.org")], "GET"),
        (
            [(b"origin", b"https://example.org"), (b"access-control-request-method", b"GET")],
            "OPTIONS",
        ),
    ],
)
def test_with_an_origin_starlette_answers(request_headers: Headers, method: str) -> None:
    headers = [(b"vary", b"Accept"), (b"content-type", b"application/json")]
    ours = _run(CORSMiddleware, headers, request_headers, method)
    assert ours == _run(starlette_cors.CORSMiddleware, headers, request_headers, method)


def test_vary_origin_joins_every_vary_header_in_the_first_ones_place() -> None:
    headers = [(b"vary", b"Accept"), (b"etag", b'"1"'), (b"vary", b"Cookie")]
    assert vary_origin(headers) == [(b"vary", b"Accept, Cookie, Origin"), (b"etag", b'"1"')]
    assert vary_origin([(b"etag", b'"1"')]) == [(b"etag", b'"1"'), (b"vary", b"Origin")]


def test_a_refused_preflight_is_a_problem(client: TestClient) -> None:
    response = client.options(
        "/v1/sections",
        headers={
            "Origin": "https://example.org",
            "Access-Control-Request-Method": "DELETE",
            "Access-Control-Request-Headers": "X-Custom",
        },
    )
    problem = assert_problem(response, 400)
    assert problem["detail"] == "Disallowed CORS method, headers."
    assert response.headers["vary"].startswith("Origin")
