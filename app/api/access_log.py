"""One JSON line per request, tied to a request id that the client may choose.

The line is made on the request path with an f-string and C's JSON string encoder, the same
bytes `json.dumps` gave for the same fields, and written off it in batches
(app/api/access_log_writer.py).
"""

from __future__ import annotations

import itertools
import logging
import os
import re
import time
from json.encoder import encode_basestring_ascii

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.api.access_log_writer import AccessLogWriter

log = logging.getLogger("app.access")
# A client's own id is echoed only when it is short and plain: logs and headers stay clean.
_CLIENT_ID = re.compile(rb"[A-Za-z0-9._:-]{1,128}\Z")


class RequestIds:
    """Ids unique across processes and restarts: 64 random bits drawn once per process, then a
    counter, as 32 hex digits. A request id tells requests apart in logs; it need not be
    unguessable, and reading the system's random source for every request cost a getrandom
    call each, about 3% of the server's time for a search (docs/performance.md)."""

    def __init__(self) -> None:
        self._reset()
        # A forked worker draws its own prefix, so two workers never share ids.
        os.register_at_fork(after_in_child=self._reset)

    def _reset(self) -> None:
        self._prefix = os.urandom(8).hex()
        self._counter = itertools.count()

    def next(self) -> str:
        return f"{self._prefix}{next(self._counter):016x}"


request_ids = RequestIds()


def access_line(
    request_id: str, method: str, path: str, status: int, ms: float, client: str | None
) -> str:
    """`json.dumps` of these fields, as a dict in this order, without its cost: the request id
    is plain by construction (a checked client id or hex digits), the rest is encoded."""
    quoted = "null" if client is None else encode_basestring_ascii(client)
    return (
        f'{{"request_id": "{request_id}", "method": {encode_basestring_ascii(method)}, '
        f'"path": {encode_basestring_ascii(path)}, "status": {status}, "ms": {ms!r}, '
        f'"client": {quoted}}}'
    )


class AccessLogMiddleware:
    def __init__(self, app: ASGIApp, writer: AccessLogWriter) -> None:
        self.app = app
        self.writer = writer

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        offered = next((v for k, v in scope["headers"] if k == b"x-request-id"), b"")
        request_id = offered.decode("latin-1") if _CLIENT_ID.match(offered) else request_ids.next()
        started = time.perf_counter()
        status = 500

        async def tagged(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                message = {
                    **message,
                    "headers": [
                        *message.get("headers", []),
                        (b"x-request-id", request_id.encode()),
                    ],
                }
            await send(message)

        try:
            await self.app(scope, receive, tagged)
        finally:
            if log.isEnabledFor(logging.INFO):
                # The path only: query strings and headers may carry tokens.
                client = scope.get("client")
                self.writer.add(
                    access_line(
                        request_id,
                        scope["method"],
                        scope["path"][:200],
                        status,
                        round((time.perf_counter() - started) * 1000, 2),
                        client[0] if client else None,
                    )
                )
