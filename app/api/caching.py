"""ETags, 304s and a response cache, as one ASGI middleware.

The data changes only when a load swaps in a new database, so a successful GET is a pure
function of its URL (host included) and the data version: its bytes and ETag can be kept and
served again without touching the database. The cache is bounded in bytes (least recently used
out) and is emptied whenever the data version changes.

An answer the cache could not give (a search, an uncached read: a few hundred microseconds of
work) goes out one pass of the event loop after it is ready. Each pass runs the handlers of the
requests read since the last one; sent at once, each answer is a socket write (and a wake-up of
a waiting client) between two handlers' work. Queued behind the handlers already waiting
(`asyncio.sleep(0)`), the answers of a pass are written one after another once their work is
done. Measured at 32 connections on one worker (docs/performance.md, "Answers written
together"): the server's CPU per search fell from 276 to 238 µs, in user and kernel time
alike, and search p99 from 17 to 12.5 ms. Cached answers (about 15 µs each) go out at once:
holding them back too raised their throughput but doubled their p99 under mixed traffic.

A list answers CSV or NDJSON when its Accept header asks (app/api/export.py): the format the
header chooses is part of the key, so each format is kept, and validated, on its own.

Searches get their own, smaller share of the bytes: their URLs rarely repeat the way resource
URLs do, and a stream of new queries would otherwise evict every cached resource. An entry is
charged for its headers and bookkeeping as well as its body, so the bound holds for the
process's memory, not just for the bodies.
"""

from __future__ import annotations

import asyncio
import hashlib
from collections import OrderedDict
from dataclasses import dataclass

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.api.export import negotiate
from app.core.db import Database

# Larger bodies are served but not kept: one could otherwise evict everything else.
MAX_ENTRY_BYTES = 1 << 20
NO_STORE_PATHS = frozenset({"/health", "/ready"})
SEARCH_PATH = "/v1/search"
# The share of the cache's bytes that search answers may hold.
SEARCH_SHARE = 8
# What an entry costs beyond its bytes: the entry, its tuples and the LRU's links (measured
# with tracemalloc, rounded up).
ENTRY_OVERHEAD = 400
HEADER_OVERHEAD = 100

Headers = tuple[tuple[bytes, bytes], ...]


@dataclass(frozen=True, slots=True)
class Entry:
    status: int
    # A tuple of tuples of bytes: the garbage collector stops tracking it, so a full cache adds
    # nothing to the work of its full collections.
    headers: Headers
    body: bytes
    etag: bytes
    size: int  # what it costs to keep, but for its key

    @classmethod
    def of(cls, status: int, headers: Headers, body: bytes, etag: bytes) -> Entry:
        kept = sum(len(k) + len(v) + HEADER_OVERHEAD for k, v in headers)
        return cls(status, headers, body, etag, len(body) + kept + ENTRY_OVERHEAD)

    def cost(self, key: bytes) -> int:
        return self.size + len(key)


class LRUBytes:
    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.size = 0
        self._items: OrderedDict[bytes, Entry] = OrderedDict()

    def get(self, key: bytes) -> Entry | None:
        entry = self._items.get(key)
        if entry is not None:
            self._items.move_to_end(key)
        return entry

    def put(self, key: bytes, entry: Entry) -> None:
        cost = entry.cost(key)
        if cost > min(self.max_bytes, MAX_ENTRY_BYTES):
            return
        old = self._items.pop(key, None)
        if old is not None:
            self.size -= old.cost(key)
        self._items[key] = entry
        self.size += cost
        while self.size > self.max_bytes:
            evicted_key, evicted = self._items.popitem(last=False)
            self.size -= evicted.cost(evicted_key)

    def clear(self) -> None:
        self._items.clear()
        self.size = 0

    def __len__(self) -> int:
        return len(self._items)


def etag_for(body: bytes) -> bytes:
    # The first 128 bits of SHA-256: the CPU's SHA instructions make it about twice as fast as
    # BLAKE2b here (every uncached answer is hashed), and it is as strong a validator.
    return b'"' + hashlib.sha256(body).hexdigest()[:32].encode() + b'"'


def matches(if_none_match: str | None, etag: bytes) -> bool:
    if not if_none_match:
        return False
    tag = etag.decode()
    for candidate in if_none_match.split(","):
        candidate = candidate.strip()
        if candidate == "*" or candidate.removeprefix("W/") == tag:
            return True
    return False


def _header(headers: Headers | list[tuple[bytes, bytes]], name: bytes) -> bytes | None:
    """A header's value from ASGI's raw (lower-case) header list, without building a mapping."""
    for key, value in headers:
        if key == name:
            return value
    return None


class CachingMiddleware:
    def __init__(self, app: ASGIApp, *, database: Database, max_age: int, cache_bytes: int) -> None:
        self.app = app
        self.database = database
        self._version = database.version
        self.cache = LRUBytes(cache_bytes - cache_bytes // SEARCH_SHARE)
        self.search_cache = LRUBytes(cache_bytes // SEARCH_SHARE)
        self.cache_control = f"public, max-age={max_age}".encode()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD"):
            await self.app(scope, receive, send)
            return
        path = scope["path"]
        if path in NO_STORE_PATHS:
            # Health checks are answered fresh every time; HEAD (a load balancer's probe) as the
            # GET, without its body.
            head = scope["method"] == "HEAD"
            await self.app({**scope, "method": "GET"}, receive, self._no_store(send, head=head))
            return
        # A load may have swapped the data in since the last request, noticed here or by the
        # write path that did it: either way the cached answers are of the old data. This
        # never waits for the database: a stalled one leaves the last version known.
        self.database.refresh()
        if self.database.version != self._version:
            self.cache.clear()
            self.search_cache.clear()
            self._version = self.database.version
        cache = self.search_cache if path == SEARCH_PATH else self.cache
        # The whole URL, host included: a list's `Link` header is absolute, built from the
        # request's Host, so an answer kept for one host must not be given to another.
        host = _header(scope["headers"], b"host") or b""
        key = b"%s://%s%s?%s" % (
            scope.get("scheme", "http").encode(),
            host,
            scope["raw_path"],
            scope["query_string"],
        )
        # A list's format may come from the Accept header: the same URL is then other bytes.
        accept = _header(scope["headers"], b"accept")
        if accept is not None and (b"csv" in accept or b"ndjson" in accept):
            key += b"#" + negotiate(accept.decode("latin-1")).encode()
        entry = cache.get(key) if cache.max_bytes else None
        if entry is None:
            # HEAD is answered from the GET response, so both carry the same ETag.
            entry = await self._render({**scope, "method": "GET"}, receive, send, key, cache)
            if entry is None:
                return
            await asyncio.sleep(0)  # see the module's docstring
        # Several If-None-Match lines are one list (RFC 9110, 5.3).
        tags = [value for key, value in scope["headers"] if key == b"if-none-match"]
        await self._send(
            entry,
            send,
            head=scope["method"] == "HEAD",
            if_none_match=b", ".join(tags).decode("latin-1") if tags else None,
        )

    async def _render(
        self, scope: Scope, receive: Receive, send: Send, key: bytes, cache: LRUBytes
    ) -> Entry | None:
        """Runs the app; returns what it answered when that can be cached, else sends it as is."""
        start: Message = {}
        chunks: list[bytes] = []
        passthrough = False

        async def capture(message: Message) -> None:
            nonlocal start, passthrough
            if message["type"] == "http.response.start":
                start = message
                headers = message.get("headers", [])
                has_etag = _header(headers, b"etag") is not None
                # Errors, and responses that set their own validator (static files), go out as is;
                # static files are revalidated on every use, so a deploy is seen at once.
                passthrough = message["status"] != 200 or has_etag
                if passthrough:
                    if has_etag and _header(headers, b"cache-control") is None:
                        message = {
                            **message,
                            "headers": [*message["headers"], (b"cache-control", b"no-cache")],
                        }
                    await send(message)
            elif passthrough:
                await send(message)
            else:
                chunks.append(message.get("body", b""))

        await self.app(scope, receive, capture)
        if passthrough or not start:
            return None
        body = b"".join(chunks)
        etag = etag_for(body)
        headers = (
            *(
                (k, v)
                for k, v in start.get("headers", [])
                if k.lower() not in (b"etag", b"cache-control")
            ),
            (b"etag", etag),
            (b"cache-control", self.cache_control),
        )
        entry = Entry.of(200, headers, body, etag)
        cache.put(key, entry)
        return entry

    async def _send(
        self, entry: Entry, send: Send, *, head: bool, if_none_match: str | None
    ) -> None:
        if matches(if_none_match, entry.etag):
            headers = [
                (k, v) for k, v in entry.headers if k in (b"etag", b"cache-control", b"vary")
            ]
            await send({"type": "http.response.start", "status": 304, "headers": headers})
            await send({"type": "http.response.body", "body": b""})
            return
        await send(
            {"type": "http.response.start", "status": entry.status, "headers": entry.headers}
        )
        await send({"type": "http.response.body", "body": b"" if head else entry.body})

    @staticmethod
    def _no_store(send: Send, *, head: bool) -> Send:
        async def wrapped(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", []) if k != b"cache-control"]
                message = {**message, "headers": [*headers, (b"cache-control", b"no-store")]}
            elif head and message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        return wrapped
