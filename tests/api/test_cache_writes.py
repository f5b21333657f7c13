"""When the cache sends an answer: a fresh one one pass of the event loop after it is ready,
behind the handlers already queued; a cached one at once. The bytes are the same either way."""

from __future__ import annotations

import asyncio

from starlette.types import Message, Receive, Scope, Send

from app.api.caching import CachingMiddleware

SCOPE: Scope = {
    "type": "http",
    "method": "GET",
    "path": "/v1/sections",
    "raw_path": b"/v1/sections",
    "query_string": b"",
    "headers": [],
}
BODY = b'{"items":[]}'


class _Data:
    """What the middleware asks of the database: its version, after a refresh."""

    version = "1"

    def refresh(self) -> bool:
        return False


async def _app(scope: Scope, receive: Receive, send: Send) -> None:
    await send({"type": "http.response.start", "status": 200, "headers": []})
    await send({"type": "http.response.body", "body": BODY})


async def _receive() -> Message:
    return {"type": "http.request", "body": b"", "more_body": False}


def _request(middleware: CachingMiddleware) -> list[object]:
    """What happens, in order: the answer's messages and another request's handler, queued
    on the loop just before this request is handled."""
    events: list[object] = []

    async def send(message: Message) -> None:
        events.append((message["type"], message.get("body")))

    async def request() -> None:
        asyncio.get_running_loop().call_soon(events.append, "other handler")
        await middleware(SCOPE, _receive, send)

    asyncio.run(request())
    return events


def test_a_fresh_answer_waits_for_the_handlers_queued_before_it_then_a_cached_one_does_not() -> (
    None
):
    middleware = CachingMiddleware(_app, database=_Data(), max_age=60, cache_bytes=1 << 20)  # type: ignore[arg-type]
    fresh = _request(middleware)
    assert fresh == [
        "other handler",
        ("http.response.start", None),
        ("http.response.body", BODY),
    ]
    cached = _request(middleware)
    assert cached == [
        ("http.response.start", None),
        ("http.response.body", BODY),
        "other handler",
    ]
