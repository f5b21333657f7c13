"""What the sync and async clients share: a request as data, the query encoding, the ETag
cache and the retry rule.

- A `Call` is one request, built by a generated operation: its method, path, query pairs,
  body, and whether it is a write that carries the bearer token.
- The ETag cache keeps the last answer of each GET URL with its `ETag` (bounded, least recently
  used out); the next GET of that URL sends `If-None-Match` and a 304 is answered from it, so a
  poll of an unchanged resource costs the server no body.
- A 429 or 503 is retried at most `retries` times, waiting what `Retry-After` says (seconds or
  an HTTP date), else a backoff of 0.5, 1, 2... s, never longer than `max_retry_wait`: a server
  that asks for longer is answered with the error rather than a frozen program.
"""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from enum import Enum

import httpx

DEFAULT_BASE_URL = "http://127.0.0.1:8000"
# A read that takes longer than this is a stalled server (the service's own limit is 5 s).
DEFAULT_TIMEOUT = httpx.Timeout(15.0, connect=5.0)
DEFAULT_RETRIES = 3
DEFAULT_MAX_RETRY_WAIT = 30.0
DEFAULT_CACHE_SIZE = 256
BACKOFF_S = 0.5
RETRIED = frozenset({429, 503})

Scalar = str | int | float | bool | dt.date | Enum
QueryValue = Scalar | Sequence[Scalar] | None


@dataclass(frozen=True)
class Call:
    """One request of a generated operation."""

    method: str
    path: str
    params: list[tuple[str, str | int | float | bool | None]] = field(default_factory=list)
    content: bytes | None = None
    content_type: str | None = None
    auth: bool = False


def _text(value: Scalar) -> str:
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def query(
    pairs: Iterable[tuple[str, QueryValue]],
) -> list[tuple[str, str | int | float | bool | None]]:
    """Query pairs as the service reads them: None left out, a list as repeated names."""
    found: list[tuple[str, str | int | float | bool | None]] = []
    for name, value in pairs:
        if value is None:
            continue
        if isinstance(value, str | int | float | bool | dt.date | Enum):
            found.append((name, _text(value)))
        else:
            found.extend((name, _text(item)) for item in value)
    return found


def quote_path(value: str) -> str:
    """An id as one path segment."""
    return httpx.URL("/" + value.replace("%", "%25").replace("/", "%2F")).raw_path.decode()[1:]


@dataclass(frozen=True)
class Kept:
    etag: str
    content: bytes
    headers: httpx.Headers


class ETagCache:
    """The last answer of each GET URL that had an ETag."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._items: OrderedDict[str, Kept] = OrderedDict()

    def get(self, url: str) -> Kept | None:
        kept = self._items.get(url)
        if kept is not None:
            self._items.move_to_end(url)
        return kept

    def put(self, url: str, response: httpx.Response) -> None:
        etag = response.headers.get("etag")
        if not etag or self.size <= 0:
            return
        self._items[url] = Kept(etag, response.content, response.headers)
        self._items.move_to_end(url)
        while len(self._items) > self.size:
            self._items.popitem(last=False)

    def __len__(self) -> int:
        return len(self._items)


def prepare(http: httpx.Client | httpx.AsyncClient, call: Call, token: str | None) -> httpx.Request:
    headers = {}
    if call.content_type:
        headers["Content-Type"] = call.content_type
    if call.auth and token is not None:
        headers["Authorization"] = f"Bearer {token}"
    return http.build_request(
        call.method, call.path, params=call.params or None, content=call.content, headers=headers
    )


def conditional(request: httpx.Request, cache: ETagCache) -> Kept | None:
    """Adds `If-None-Match` to a GET whose URL has a kept answer; returns that answer."""
    if request.method != "GET":
        return None
    kept = cache.get(str(request.url))
    if kept is not None:
        request.headers["If-None-Match"] = kept.etag
    return kept


def settle(
    request: httpx.Request, response: httpx.Response, kept: Kept | None, cache: ETagCache
) -> httpx.Response:
    """A 304 as the kept answer; a fresh 200 GET kept for next time."""
    if response.status_code == 304 and kept is not None:
        return httpx.Response(200, headers=kept.headers, content=kept.content, request=request)
    if request.method == "GET" and response.status_code == 200:
        cache.put(str(request.url), response)
    return response


def retry_delay(response: httpx.Response, attempt: int, max_wait: float) -> float | None:
    """Seconds to wait before trying again, or None when the answer stands."""
    if response.status_code not in RETRIED:
        return None
    wait = _retry_after(response.headers.get("retry-after"))
    if wait is None:
        wait = BACKOFF_S * 2**attempt
    return wait if wait <= max_wait else None


def _retry_after(value: str | None) -> float | None:
    if value is None:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return max(0.0, (when - dt.datetime.now(dt.UTC)).total_seconds())
