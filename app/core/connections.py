"""The HTTP protocol `serve` runs: uvicorn's httptools protocol with the guards it lacks.

uvicorn (0.55, read in its source) arms its keep-alive timer only once a response is complete
and cancels it on any byte received: a connection that never sends a request, or sends its
head a byte at a time, stays open for ever, and enough of them exhaust the process's files
until nothing, `/health` included, is answered. httptools also sets no limit on a request
head (uvicorn's `h11_max_incomplete_event_size` is for its h11 protocol only).

What it decides, per worker process:
- **Head timeout.** A connection has `ARTICLE_FACTS_HEADER_TIMEOUT` seconds from opening, or
  from its previous response, to send a complete request head; bytes arriving do not restart
  the clock. Then it is closed.
- **Idle keep-alive.** uvicorn's own `timeout_keep_alive` (`ARTICLE_FACTS_KEEP_ALIVE_TIMEOUT`)
  closes a connection idle after a response, usually before the head timeout does.
- **Head size.** More than `MAX_HEAD_BYTES` without the head ending: a 431 problem, then close.
  It is far above the service's own 414 and 431 limits (app/api/security.py), which answer
  first for any head that fits.
- **Connection cap.** At most `ARTICLE_FACTS_MAX_CONNECTIONS` open. Beyond it the connection
  idle the longest (waiting for a request head, however slowly it sends one) is closed to make
  room, so a crowd of silent sockets cannot keep a new client out; when no connection is idle
  the new one is closed. A request being answered is never cut. uvicorn's `limit_concurrency`
  is not used: it neither refuses nor closes a socket but answers 503 to every request once
  that many connections are open, so idle sockets alone would turn `/health` into a 503.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import OrderedDict
from typing import Any
from weakref import WeakKeyDictionary

from uvicorn.config import Config
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol
from uvicorn.server import ServerState

from app.api.security import HEADERS
from app.core.config import get_settings
from app.models.schemas import Problem

MAX_HEAD_BYTES = 64 << 10
# At most one line a minute says that the cap is closing connections.
CAP_WARNING_EVERY_S = 60.0

log = logging.getLogger("app.server")
# The connections of each server waiting for a request head, the one waiting longest first.
_idle: WeakKeyDictionary[ServerState, OrderedDict[GuardedHttpProtocol, None]] = WeakKeyDictionary()
_last_cap_warning = -CAP_WARNING_EVERY_S


def _head_too_large() -> bytes:
    body = (
        Problem(
            title="Request Header Fields Too Large",
            status=431,
            detail=f"The request head is longer than {MAX_HEAD_BYTES} bytes.",
        )
        .model_dump_json(exclude_none=True)
        .encode()
    )
    lines = [
        b"HTTP/1.1 431 Request Header Fields Too Large",
        b"content-type: application/problem+json",
        b"content-length: " + str(len(body)).encode(),
        b"connection: close",
        *(name + b": " + value for name, value in HEADERS),
    ]
    return b"\r\n".join(lines) + b"\r\n\r\n" + body


HEAD_TOO_LARGE = _head_too_large()


class GuardedHttpProtocol(HttpToolsProtocol):
    def __init__(
        self,
        config: Config,
        server_state: ServerState,
        app_state: dict[str, Any],
        _loop: asyncio.AbstractEventLoop | None = None,
    ) -> None:
        super().__init__(config, server_state, app_state, _loop)
        settings = get_settings()
        self.header_timeout = settings.header_timeout
        self.max_connections = settings.max_connections
        self.idle = _idle.setdefault(server_state, OrderedDict())
        # Set while the connection waits for a request head: when it must have come.
        self.head_deadline: float | None = None
        self.head_timer: asyncio.TimerHandle | None = None
        self.head_bytes = 0

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        if len(self.connections) > self.max_connections:
            self._make_room()
        self._await_head()

    def data_received(self, data: bytes) -> None:
        if self.head_deadline is not None:
            self.head_bytes += len(data)
        super().data_received(data)
        # Still no complete head, and too much of it already.
        if self.head_deadline is not None and self.head_bytes > MAX_HEAD_BYTES:
            self._head_received()
            if not self.transport.is_closing():
                self.transport.write(HEAD_TOO_LARGE)
                self.transport.close()

    def on_headers_complete(self) -> None:
        self._head_received()
        super().on_headers_complete()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        # uvicorn arms its keep-alive timer exactly when the connection waits for a request.
        if self.timeout_keep_alive_task is not None:
            self._await_head()

    def connection_lost(self, exc: Exception | None) -> None:
        self._head_received()
        if self.head_timer is not None:
            self.head_timer.cancel()
            self.head_timer = None
        super().connection_lost(exc)

    def _await_head(self) -> None:
        if self.transport.is_closing():
            return
        self.head_deadline = self.loop.time() + self.header_timeout
        self.head_bytes = 0
        self.idle[self] = None
        # One timer at a time, moved on when it fires early: arming and cancelling one for
        # every request would cost several microseconds each.
        if self.head_timer is None:
            self.head_timer = self.loop.call_later(self.header_timeout, self._check_head)

    def _head_received(self) -> None:
        self.head_deadline = None
        self.idle.pop(self, None)

    def _check_head(self) -> None:
        self.head_timer = None
        if self.head_deadline is None or self.transport.is_closing():
            return
        remaining = self.head_deadline - self.loop.time()
        if remaining > 0:
            self.head_timer = self.loop.call_later(remaining, self._check_head)
        else:
            self._close()

    def _close(self) -> None:
        self._head_received()
        if not self.transport.is_closing():
            self.transport.close()

    def _make_room(self) -> None:
        """Closes the connection idle the longest, or this new one when none is idle."""
        global _last_cap_warning
        now = time.monotonic()
        if now - _last_cap_warning >= CAP_WARNING_EVERY_S:
            _last_cap_warning = now
            log.warning(
                "%d connections open (ARTICLE_FACTS_MAX_CONNECTIONS): closing idle ones",
                self.max_connections,
            )
        oldest = next(iter(self.idle), None)
        (oldest or self)._close()
