"""Search on PostgreSQL is the embedded engine too: each replica searches its own copy of the
index (app/search/engine/replica.py), built at start and following loads, so every answer is
the one SQLite gives, byte for byte (the two databases hold the same data to the byte)."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlencode

import pytest
from fastapi.testclient import TestClient

PINNED = json.loads(
    (Path(__file__).parents[1] / "search" / "data" / "pinned.json").read_text(encoding="utf-8")
)
# The queries of tests/search/test_api.py, with the first result it documents for each.
FIRST: dict[str, tuple[str, str] | None] = {
    "Sukhoi": ("claim", "c-8de3ca5457e6"),
    "Huawei ZTE": ("claim", "c-42ea6e20db27"),
    "Moscow": ("actor", "russia"),
    "sanctions": ("section", "russia-china-venezuela-5-1"),
    "Rosneft": ("actor", "rosneft"),
    "Caribbean": ("actor", "caribbean"),
    "jet": ("claim", "c-8de3ca5457e6"),
    "Sukh": ("claim", "c-8de3ca5457e6"),
    "CHÁVEZ": ("actor", "hugo-chavez"),
    "chavez": ("actor", "hugo-chavez"),
    "company": None,
    "givin": None,
    '"belt and road"': None,
    '"road and belt"': None,
    "$60 billion": None,
    "Venezuela’s": None,
    "Venezuela's": None,
    "“technological stability”": None,
    "U.S.": None,
    "oil-for-loans": None,
    "United States": None,
    "oil ": None,
    "Venezeula": None,
    "Huwaei": None,
    "oil Venezeula": None,
    "🙂 ***": None,
    "the": None,
    # A finished last word that porter would change is matched as the words it starts, on
    # both; an actor's alias typed last still stands for the actor.
    "may": None,
    "has": None,
    "parts": None,
    "finance": None,
    "inve": None,
    "caracas": ("actor", "venezuela"),
}


def same(sqlite: TestClient, pg: TestClient, url: str) -> None:
    a, b = sqlite.get(url), pg.get(url)
    assert (b.status_code, b.headers.get("link"), b.headers.get("x-total-count")) == (
        a.status_code,
        a.headers.get("link"),
        a.headers.get("x-total-count"),
    )
    assert b.content == a.content, url


@pytest.mark.parametrize("q", list(FIRST))
def test_documented_queries_answer_the_same(
    client: TestClient, pg_client: TestClient, q: str
) -> None:
    same(client, pg_client, "/v1/search?" + urlencode({"q": q, "limit": 100}))
    first = FIRST[q]
    if first is not None:
        items = pg_client.get("/v1/search", params={"q": q}).json()["items"]
        assert [(i["type"], i["id"]) for i in items[:1]] == [first]


@pytest.mark.parametrize("url", list(PINNED))
def test_pinned_queries_answer_the_same(
    client: TestClient, pg_client: TestClient, url: str
) -> None:
    same(client, pg_client, url)
    assert pg_client.get(url).text == PINNED[url]["body"]


def test_user_text_is_never_syntax(client: TestClient, pg_client: TestClient) -> None:
    for q in ["a & b", "a | b", "!a", "a:*", "'a'", "a <-> b", "(a", "\\", "a:AB", "''';--"]:
        same(client, pg_client, "/v1/search?" + urlencode({"q": q}))


def test_a_query_string_is_urlencoded_the_same(pg_client: TestClient) -> None:
    # The shortcut and the route answer alike on PostgreSQL too.
    url = "/v1/search?" + urlencode({"q": "Sukhoi", "type": "claim"})
    assert pg_client.get(url).json()["total"] == 1
