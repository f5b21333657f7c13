"""ETags, 304s and a response cache, as one ASGI middleware.

The data changes only when a load swaps in a new database, so a successful GET is a pure
function of its URL and the data version: its bytes and ETag can be kept and served again
without touching the database. The cache is bounded in bytes (least recently used out) and is
emptied whenever the data version changes.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from dataclasses import dataclass

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.core.db import Database

# Larger bodies are served but not kept: one could otherwise evict everything else.
MAX_ENTRY_BYTES = 1 << 20
NO_STORE_PATHS = frozenset({"/health", "/ready"})


@dataclass(frozen=True, slots=True)
class Entry:
    status: int
    headers: list[tuple[bytes, bytes]]
    body: bytes
    etag: bytes


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
        cost = len(entry.body) + len(key)
        if cost > min(self.max_bytes, MAX_ENTRY_BYTES):
            return
        old = self._items.pop(key, None)
        if old is not None:
            self.size -= len(old.body) + len(key)
        self._items[key] = entry
        self.size += cost
        while self.size > self.max_bytes:
            evicted_key, evicted = self._items.popitem(last=False)
            self.size -= len(evicted.body) + len(evicted_key)

    def clear(self) -> None:
        self._items.clear()
        self.size = 0

    def __len__(self) -> int:
        return len(self._items)


def etag_for(body: bytes) -> bytes:
    return b'"' + hashlib.blake2b(body, digest_size=16).hexdigest().encode() + b'"'


def _matches(if_none_match: str | None, etag: bytes) -> bool:
    if not if_none_match:
        return False
    tag = etag.decode()
    for candidate in if_none_match.split(","):
        candidate = candidate.strip()
        if candidate == "*" or candidate.removeprefix("W/") == tag:
            return True
    return False


class CachingMiddleware:
    def __init__(self, app: ASGIApp, *, database: Database, max_age: int, cache_bytes: int) -> None:
        self.app = app
        self.database = database
        self._version = database.version
        self.cache = LRUBytes(cache_bytes)
        self.cache_control = f"public, max-age={max_age}".encode()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD"):
            await self.app(scope, receive, send)
            return
        if scope["path"] in NO_STORE_PATHS:
            await self.app(scope, receive, self._no_store(send))
            return
        # A load may have swapped the data in since the last request, noticed here or by the
        # write path that did it: either way the cached answers are of the old data.
        self.database.refresh()
        if self.database.version != self._version:
            self.cache.clear()
            self._version = self.database.version
        key = scope["raw_path"] + b"?" + scope["query_string"]
        if_none_match = Headers(scope=scope).get("if-none-match")
        entry = self.cache.get(key) if self.cache.max_bytes else None
        if entry is None:
            # HEAD is answered from the GET response, so both carry the same ETag.
            entry = await self._render({**scope, "method": "GET"}, receive, send, key)
            if entry is None:
                return
        await self._send(entry, send, head=scope["method"] == "HEAD", if_none_match=if_none_match)

    async def _render(self, scope: Scope, receive: Receive, send: Send, key: bytes) -> Entry | None:
        """Runs the app; returns what it answered when that can be cached, else sends it as is."""
        start: Message = {}
        chunks: list[bytes] = []
        passthrough = False

        async def capture(message: Message) -> None:
            nonlocal start, passthrough
            if message["type"] == "http.response.start":
                start = message
                headers = Headers(raw=message.get("headers", []))
                # Errors, and responses that set their own validator (static files), go out as is;
                # static files are revalidated on every use, so a deploy is seen at once.
                passthrough = message["status"] != 200 or "etag" in headers
                if passthrough:
                    if "etag" in headers and "cache-control" not in headers:
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
        headers = [
            (k, v)
            for k, v in start.get("headers", [])
            if k.lower() not in (b"etag", b"cache-control")
        ]
        headers += [(b"etag", etag), (b"cache-control", self.cache_control)]
        entry = Entry(status=200, headers=headers, body=body, etag=etag)
        self.cache.put(key, entry)
        return entry

    async def _send(
        self, entry: Entry, send: Send, *, head: bool, if_none_match: str | None
    ) -> None:
        if _matches(if_none_match, entry.etag):
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
    def _no_store(send: Send) -> Send:
        async def wrapped(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", []) if k != b"cache-control"]
                message = {**message, "headers": [*headers, (b"cache-control", b"no-store")]}
            await send(message)

        return wrapped
