"""Optional per-client rate limiting: a token bucket per client address, in process."""

from __future__ import annotations

import math
import time
from collections import OrderedDict

from starlette.types import ASGIApp, Receive, Scope, Send

from app.api.problems import send_problem

# Buckets of clients not seen for a while are dropped first when there are too many.
MAX_CLIENTS = 100_000
EXEMPT = frozenset({"/health", "/ready"})


class RateLimitMiddleware:
    def __init__(self, app: ASGIApp, *, per_minute: int) -> None:
        self.app = app
        self.rate = per_minute / 60.0
        self.burst = float(per_minute)
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()

    def _take(self, client: str, now: float) -> float:
        """Takes a token; returns 0 when allowed, else the seconds until one is free."""
        tokens, seen = self._buckets.pop(client, (self.burst, now))
        tokens = min(self.burst, tokens + (now - seen) * self.rate)
        wait = 0.0
        if tokens >= 1:
            tokens -= 1
        else:
            wait = (1 - tokens) / self.rate
        self._buckets[client] = (tokens, now)
        if len(self._buckets) > MAX_CLIENTS:
            self._buckets.popitem(last=False)
        return wait

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] in EXEMPT:
            await self.app(scope, receive, send)
            return
        client = scope.get("client")
        wait = self._take(client[0] if client else "unknown", time.monotonic())
        if wait:
            retry = str(max(1, math.ceil(wait)))
            await send_problem(
                send,
                429,
                f"Too many requests; try again in {retry} s.",
                scope["path"],
                {"Retry-After": retry},
            )
            return
        await self.app(scope, receive, send)
