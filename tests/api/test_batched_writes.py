"""An answer waits one pass of the event loop, behind the work already queued, then goes out
whole and unchanged."""

from __future__ import annotations

import asyncio

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.api.batched_writes import BatchedWritesMiddleware

START: Message = {"type": "http.response.start", "status": 200, "headers": [(b"a", b"b")]}
BODY: Message = {"type": "http.response.body", "body": b"answer"}


async def _receive() -> Message:
    return {"type": "http.request", "body": b"", "more_body": False}


def _answering(events: list[object]) -> ASGIApp:
    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        # Another request's handler, queued while this one ran.
        asyncio.get_running_loop().call_soon(events.append, "other handler")
        await send(START)
        await send(BODY)

    return app


def test_the_answer_goes_out_after_the_work_already_queued() -> None:
    events: list[object] = []

    async def send(message: Message) -> None:
        events.append(message)

    middleware = BatchedWritesMiddleware(_answering(events))
    asyncio.run(middleware({"type": "http"}, _receive, send))
    assert events == ["other handler", START, BODY]


def test_other_scopes_pass_straight_through() -> None:
    events: list[object] = []

    async def send(message: Message) -> None:
        events.append(message)

    middleware = BatchedWritesMiddleware(_answering(events))
    asyncio.run(middleware({"type": "lifespan"}, _receive, send))
    assert events == [START, BODY, "other handler"]
