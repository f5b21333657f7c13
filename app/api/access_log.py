"""One JSON line per request, tied to a request id that the client may choose."""

from __future__ import annotations

import itertools
import json
import logging
import os
import re
import time

from starlette.types import ASGIApp, Message, Receive, Scope, Send

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


class AccessLogMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

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
                log.info(
                    json.dumps(
                        {
                            "request_id": request_id,
                            "method": scope["method"],
                            "path": scope["path"][:200],
                            "status": status,
                            "ms": round((time.perf_counter() - started) * 1000, 2),
                            "client": client[0] if client else None,
                        }
                    )
                )
