"""The response cache changes nothing but speed: every route answers the same bytes with it on
(first asked, then served from the cache) and off, and the same ETag."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from urllib.parse import quote

import httpx
import pytest
from fastapi.testclient import TestClient

from app.core.config import Settings
from app.core.db import sqlite_path
from app.main import create_app

ARTICLE = "russia-china-venezuela"
SECTION = f"{ARTICLE}-2-1"
# Everything the two answers must agree on; x-request-id differs by design.
VARYING = {"x-request-id"}

SEARCHES = [
    "Sukhoi",
    "Huawei ZTE",
    "Moscow",
    "oil Venezeula",
    "givin",
    '"belt and road"',
    "sanct",
    "🙂",
    "Sukhoi Huawei",
]


def _urls(database_url: str) -> list[str]:
    """Every GET route: lists with and without filters, each single resource, searches."""
    with sqlite3.connect(f"file:{sqlite_path(database_url)}?mode=ro", uri=True) as conn:
        ids = {
            kind: [row[0] for row in conn.execute(f"SELECT id FROM {kind} ORDER BY id")]
            for kind in ("section", "actor", "figure", "claim")
        }
    urls = [
        "/",
        "/docs",
        "/redoc",
        "/openapi.json",
        "/v1/articles",
        f"/v1/articles/{ARTICLE}",
        f"/v1/articles/{ARTICLE}/text",
        "/v1/sections?level=2&limit=5",
        f"/v1/sections?article={ARTICLE}&offset=3",
        "/v1/actors?q=moscow",
        "/v1/actors?kind=country&limit=3",
        "/v1/figures?sort=-value&limit=4",
        "/v1/figures?from=2010&to=2015",
        "/v1/claims?actor=china&limit=3",
        f"/v1/claims?section={SECTION}",
    ]
    for kind, found in ids.items():
        urls += [f"/v1/{kind}s/{quote(i)}" for i in found]
    for q in SEARCHES:
        urls += [f"/v1/search?q={quote(q)}", f"/v1/search?q={quote(q)}&limit=2&offset=1"]
    urls += [
        f"/v1/search?q=oil&type=claim&type=figure&article={ARTICLE}",
        f"/v1/search?q=china&section={SECTION}",
    ]
    return urls


@pytest.fixture(scope="module")
def uncached(settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings.model_copy(update={"response_cache_mb": 0}))) as client:
        yield client


@pytest.fixture(scope="module")
def cached(settings: Settings) -> Iterator[TestClient]:
    # Its own app, so every URL starts uncached here too.
    with TestClient(create_app(settings)) as client:
        yield client


def _same(a: httpx.Response, b: httpx.Response) -> None:
    assert (a.status_code, a.content) == (b.status_code, b.content)
    headers_a = [(k, v) for k, v in a.headers.multi_items() if k not in VARYING]
    headers_b = [(k, v) for k, v in b.headers.multi_items() if k not in VARYING]
    assert headers_a == headers_b


def test_every_route_answers_the_same_bytes_cached_and_uncached(
    database_url: str, cached: TestClient, uncached: TestClient
) -> None:
    urls = _urls(database_url)
    assert len(urls) > 150
    for url in urls:
        reference = uncached.get(url)
        assert reference.status_code == 200, url
        first, again = cached.get(url), cached.get(url)
        _same(first, reference)
        _same(again, reference)


def test_head_and_revalidation_agree_cached_and_uncached(
    cached: TestClient, uncached: TestClient
) -> None:
    for url in [f"/v1/sections/{SECTION}", "/v1/search?q=oil", "/v1/actors/russia"]:
        _same(cached.head(url), uncached.head(url))
        etag = uncached.get(url).headers["etag"]
        _same(
            cached.get(url, headers={"If-None-Match": etag}),
            uncached.get(url, headers={"If-None-Match": etag}),
        )


@pytest.mark.parametrize("url", ["/v1/actors?limit=3", "/v1/search?q=oil&limit=2"])
def test_an_answer_kept_for_one_host_is_not_given_to_another(cached: TestClient, url: str) -> None:
    # A list's Link header is absolute, built from the request's Host.
    other = cached.get(url, headers={"host": "elsewhere.example"})
    assert other.headers["link"].startswith("<http://elsewhere.example/")
    assert cached.get(url).headers["link"].startswith("<http://testserver/")
    assert (
        cached.get(url, headers={"host": "elsewhere.example"}).headers["etag"]
        == other.headers["etag"]
    )
