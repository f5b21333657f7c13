"""Optional per-client rate limiting in process, in memory bounded in entries and in bytes.

What it decides:
- A client is its address as `scope["client"]` gives it (app/api/client_address.py decides
  when a proxy's word changes that), keyed by the address's packed bytes: 4 for IPv4 (an
  IPv4-mapped IPv6 address is its IPv4 address), and for IPv6 the 8 bytes of its /64 network,
  since one host usually holds a whole /64 and could otherwise take 2**64 buckets. A peer that
  is not an IP address (a Unix socket, a test client) shares one bucket. No text from a
  request is ever kept.
- The limit is a token bucket of `per_minute` tokens refilled evenly over a minute, kept as
  the generic cell rate algorithm: one float per client, the time its bucket will be full.
- At most `MAX_CLIENTS` clients are remembered; the one seen longest ago is forgotten first.
  At that cap the table holds under `MAX_TABLE_BYTES`, 32 MiB: about 250 bytes a client once
  it has turned over (the key, the float, the ordered dict's entry and its spare room;
  tests/api/test_ratelimit.py measures it), where text keys took a 15 KB header each.
"""

from __future__ import annotations

import math
import socket
import time
from collections import OrderedDict

from starlette.types import ASGIApp, Receive, Scope, Send

from app.api.problems import send_problem

MAX_CLIENTS = 100_000
MAX_TABLE_BYTES = 32 << 20
EXEMPT = frozenset({"/health", "/ready"})
NOT_AN_ADDRESS = b""
_V4_MAPPED = bytes(10) + b"\xff\xff"


def client_key(host: str) -> bytes:
    """The packed address that names a client's bucket (see the module's docstring)."""
    host = host.partition("%")[0]  # an IPv6 zone names an interface, not a client
    try:
        return socket.inet_pton(socket.AF_INET, host)
    except (OSError, ValueError):
        pass
    try:
        packed = socket.inet_pton(socket.AF_INET6, host)
    except (OSError, ValueError):
        return NOT_AN_ADDRESS
    return packed[12:] if packed[:12] == _V4_MAPPED else packed[:8]


class RateLimitMiddleware:
    def __init__(self, app: ASGIApp, *, per_minute: int) -> None:
        self.app = app
        self.interval = 60.0 / per_minute
        # A full bucket lets `per_minute` requests through at once.
        self.tolerance = self.interval * (per_minute - 1)
        self._full_at: OrderedDict[bytes, float] = OrderedDict()

    def take(self, host: str, now: float) -> float:
        """Takes a token; returns 0 when allowed, else the seconds until one is free."""
        key = client_key(host)
        full_at = max(self._full_at.pop(key, now), now)
        wait = full_at - now - self.tolerance
        self._full_at[key] = full_at if wait > 0 else full_at + self.interval
        if len(self._full_at) > MAX_CLIENTS:
            self._full_at.popitem(last=False)
        return max(wait, 0.0)

    def __len__(self) -> int:
        return len(self._full_at)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] in EXEMPT:
            await self.app(scope, receive, send)
            return
        client = scope.get("client")
        wait = self.take(client[0] if client else "", time.monotonic())
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
