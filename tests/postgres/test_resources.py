"""Every resource route answers PostgreSQL's data byte for byte as SQLite's: lists (every
page), single items, texts, every filter the API tests use, and the errors."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

import pytest
from fastapi.testclient import TestClient

RESOURCES = ("articles", "sections", "actors", "figures", "claims")
# What may differ: nothing in the body; of the headers, only these (the ETag is a hash of the
# body, so it is compared too).
HEADERS = ("content-type", "etag", "link", "x-total-count")

# Filter values the API tests use that the data does not list (tests/api/test_*.py).
ACTOR_QS = [
    "moscow", "MOSCOW", "Chávez", "CHÁVEZ", "hugo chávez", "u.s.", "U.S.", "washington", "bri",
    "belt and road", "national petroleum", "People’s Republic", "caracas", "no such actor",
    "ow|r", "a|m", "%", "_", "\\", "china", "secret-token",
]  # fmt: skip
FIGURE_PARAMS: list[dict[str, Any]] = [
    {"unit": u} for u in ("USD", "percent", "year", "EUR")
] + [
    {"min": 1e9}, {"min": 11e9}, {"min": 11e9 + 1}, {"max": 100}, {"max": 60}, {"max": 59.5},
    {"min": 20, "max": 60}, {"min": 2000, "max": 2100}, {"min": 1e12}, {"min": -1e300},
    {"from": 2014}, {"from": 2013}, {"from": 2030}, {"to": 2000}, {"to": 1998}, {"to": 2005},
    {"to": 2007}, {"from": 2013, "to": 2013}, {"from": 2014, "to": 2016},
    {"from": 2014, "kind": "money"}, {"kind": "money", "unit": "USD"}, {"kind": "date"},
    {"sort": "-value", "min": 1, "limit": 2, "offset": 1},
]  # fmt: skip
ERRORS = [
    "/v1/articles/nope", "/v1/articles/nope/text", "/v1/sections/nope", "/v1/actors/nope",
    "/v1/figures/nope", "/v1/claims/nope", "/v1/figures?kind=bogus", "/v1/actors?q=%20%20",
    "/v1/sections?limit=101", "/v1/claims?offset=-1",
]  # fmt: skip


def same(sqlite: TestClient, pg: TestClient, url: str) -> Any:
    """GETs `url` from both; asserts the same status, bytes and headers; returns the JSON."""
    a, b = sqlite.get(url), pg.get(url)
    assert (b.status_code, b.content) == (a.status_code, a.content), url
    assert {h: b.headers.get(h) for h in HEADERS} == {h: a.headers.get(h) for h in HEADERS}, url
    return a.json() if a.headers["content-type"].startswith("application/json") else None


def walk(sqlite: TestClient, pg: TestClient, path: str, **params: Any) -> list[dict[str, Any]]:
    """Every page of a list, compared page by page; the items of all pages."""
    items: list[dict[str, Any]] = []
    offset = 0
    while True:
        url = f"{path}?{urlencode({**params, 'limit': 100, 'offset': offset})}"
        body = same(sqlite, pg, url)
        items += body["items"]
        offset += 100
        if offset >= body["total"]:
            return items


@pytest.fixture(scope="module")
def everything(client: TestClient, pg_client: TestClient) -> dict[str, list[dict[str, Any]]]:
    return {r: walk(client, pg_client, f"/v1/{r}") for r in RESOURCES}


def test_the_seed_is_not_empty_on_either(everything: dict[str, list[dict[str, Any]]]) -> None:
    assert {r: bool(items) for r, items in everything.items()} == dict.fromkeys(RESOURCES, True)


@pytest.mark.parametrize("resource", RESOURCES)
def test_every_item_is_the_same(
    client: TestClient, pg_client: TestClient, everything: dict[str, Any], resource: str
) -> None:
    for item in everything[resource]:
        same(client, pg_client, f"/v1/{resource}/{item['id']}")
        if resource == "articles":
            same(client, pg_client, f"/v1/articles/{item['id']}/text")


@pytest.mark.parametrize("limit", [1, 7, 20])
@pytest.mark.parametrize("resource", RESOURCES)
def test_small_pages_are_the_same(
    client: TestClient, pg_client: TestClient, resource: str, limit: int
) -> None:
    body = same(client, pg_client, f"/v1/{resource}?limit={limit}")
    for offset in range(limit, body["total"], limit):
        same(client, pg_client, f"/v1/{resource}?limit={limit}&offset={offset}")


def _values(items: list[dict[str, Any]], key: str) -> list[Any]:
    found: dict[Any, None] = {}
    for item in items:
        value = item[key]
        for v in value if isinstance(value, list) else [value]:
            if v is not None:
                found[v] = None
    return list(found)


def filters(everything: dict[str, list[dict[str, Any]]]) -> list[tuple[str, dict[str, Any]]]:
    articles = _values(everything["articles"], "id")
    sections = _values(everything["sections"], "id")
    actors = _values(everything["actors"], "id")
    found: list[tuple[str, dict[str, Any]]] = []
    for path, key, values in [
        ("sections", "article", articles),
        ("sections", "number", _values(everything["sections"], "number")),
        ("sections", "level", _values(everything["sections"], "level")),
        ("sections", "parent", sections),
        ("actors", "article", articles),
        ("actors", "kind", [*_values(everything["actors"], "kind"), "city"]),
        ("actors", "q", ACTOR_QS + _values(everything["actors"], "name")),
        ("figures", "article", articles),
        ("figures", "section", sections),
        ("figures", "actor", actors),
        ("figures", "kind", _values(everything["figures"], "kind")),
        ("figures", "sort", ["position", "value", "-value"]),
        ("claims", "article", [*articles, "arctic-route"]),
        ("claims", "section", sections),
        ("claims", "actor", actors),
        ("claims", "kind", _values(everything["claims"], "kind")),
    ]:
        found += [(path, {key: value}) for value in values]
    found += [("actors", {"kind": k, "q": "china"}) for k in ("company", "country")]
    found += [("figures", params) for params in FIGURE_PARAMS]
    return found


def test_every_filter_is_the_same(
    client: TestClient, pg_client: TestClient, everything: dict[str, list[dict[str, Any]]]
) -> None:
    checked = 0
    for path, params in filters(everything):
        if "limit" in params:
            same(client, pg_client, f"/v1/{path}?{urlencode(params)}")
        else:
            walk(client, pg_client, f"/v1/{path}", **params)
        checked += 1
    assert checked == len(filters(everything))


@pytest.mark.parametrize("url", ERRORS)
def test_errors_are_the_same(client: TestClient, pg_client: TestClient, url: str) -> None:
    same(client, pg_client, url)
