"""The response cache's bounds: bytes counted with their headers, least recently used out,
searches in their own share."""

from __future__ import annotations

from app.api.caching import ENTRY_OVERHEAD, HEADER_OVERHEAD, SEARCH_SHARE, Entry, LRUBytes

HEADERS = ((b"content-type", b"application/json"),)


def entry(size: int) -> Entry:
    return Entry.of(200, HEADERS, b"x" * size, b'"etag"')


def test_an_entry_costs_its_body_key_headers_and_bookkeeping() -> None:
    header = len(b"content-type") + len(b"application/json") + HEADER_OVERHEAD
    assert entry(100).cost(b"/k") == 100 + 2 + header + ENTRY_OVERHEAD


def test_the_least_recently_used_goes_first_and_replacing_counts_once() -> None:
    cost = entry(100).cost(b"/a")
    cache = LRUBytes(3 * cost)
    for key in (b"/a", b"/b", b"/c"):
        cache.put(key, entry(100))
    cache.put(b"/a", entry(100))  # replaced, not added
    assert (len(cache), cache.size) == (3, 3 * cost)
    assert cache.get(b"/b") is not None  # now /c is the least recently used
    cache.put(b"/d", entry(100))
    assert cache.get(b"/c") is None
    assert {k for k in (b"/a", b"/b", b"/d") if cache.get(k)} == {b"/a", b"/b", b"/d"}


def test_an_entry_larger_than_the_cache_is_not_kept() -> None:
    cache = LRUBytes(1000)
    cache.put(b"/big", entry(5000))
    assert (len(cache), cache.size) == (0, 0)


def test_searches_have_their_own_share(client) -> None:  # type: ignore[no-untyped-def]
    from app.api.caching import CachingMiddleware

    layer = client.app.middleware_stack
    while not isinstance(layer, CachingMiddleware):
        layer = layer.app
    client.get("/v1/search?q=share")
    client.get("/v1/sections?limit=1")
    assert layer.search_cache.get(b"http://testserver/v1/search?q=share") is not None
    assert layer.cache.get(b"http://testserver/v1/search?q=share") is None
    assert layer.cache.get(b"http://testserver/v1/sections?limit=1") is not None
    total = layer.cache.max_bytes + layer.search_cache.max_bytes
    assert layer.search_cache.max_bytes == total // SEARCH_SHARE
