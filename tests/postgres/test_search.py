"""Search on PostgreSQL answers as on SQLite, except where the engines rank differently.

The same on both: which results (`total` and the set of ids, over all pages), `mode`, the
facets, `suggestion`, each result's `type`, `title`, `section` and `article`, and the first
result of the queries the search tests document. What may differ: `score` (ts_rank_cd is
not BM25: another scale), the order of results after the first where scores are close, and
`snippet` (ts_headline picks its own window and does not split "U.S." into words; the matched
words are still the ones marked, and the HTML is escaped the same way).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

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
SAME = ("total", "limit", "offset", "mode", "facets", "suggestion")


def everything(client: TestClient, params: dict[str, Any]) -> dict[str, Any]:
    response = client.get("/v1/search", params={**params, "limit": 100, "offset": 0})
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def compare(sqlite: TestClient, pg: TestClient, params: dict[str, Any]) -> dict[str, Any]:
    a, b = everything(sqlite, params), everything(pg, params)
    assert {k: b[k] for k in SAME} == {k: a[k] for k in SAME}, params

    def facts(body: dict[str, Any]) -> dict[tuple[str, str], tuple[Any, ...]]:
        return {
            (i["type"], i["id"]): (i["title"], i["section"], i["article"]) for i in body["items"]
        }

    assert facts(b) == facts(a), params
    for item in b["items"]:
        assert item["snippet"].count("<mark>") == item["snippet"].count("</mark>")
        assert "<" not in item["snippet"].replace("<mark>", "").replace("</mark>", "")
    return {"sqlite": a, "pg": b}


@pytest.mark.parametrize("q", list(FIRST))
def test_documented_queries_find_the_same(
    client: TestClient, pg_client: TestClient, q: str
) -> None:
    both = compare(client, pg_client, {"q": q})
    first = FIRST[q]
    if first is not None:
        assert [(i["type"], i["id"]) for i in both["pg"]["items"][:1]] == [first]
        assert [(i["type"], i["id"]) for i in both["sqlite"]["items"][:1]] == [first]


@pytest.mark.parametrize("url", list(PINNED))
def test_pinned_queries_find_the_same(client: TestClient, pg_client: TestClient, url: str) -> None:
    params = dict(parse_qsl(urlsplit(url).query))
    if url.count("type=") > 1:
        params["type"] = [v for k, v in parse_qsl(urlsplit(url).query) if k == "type"]
    params.pop("limit", None)
    params.pop("offset", None)
    compare(client, pg_client, params)
    # The page itself, as pinned: the same paging headers on both.
    a, b = client.get(url), pg_client.get(url)
    assert (b.status_code, b.headers.get("link"), b.headers.get("x-total-count")) == (
        a.status_code,
        a.headers.get("link"),
        a.headers.get("x-total-count"),
    )


def test_snippets_mark_the_matched_words_and_escape_the_rest(pg_client: TestClient) -> None:
    body = everything(pg_client, {"q": "Sukhoi"})
    assert [i["snippet"].count("<mark>Sukhoi</mark>") for i in body["items"]] == [1, 1]
    assert body["items"][0]["snippet"].endswith("<mark>Sukhoi</mark> fighter jets.")


def test_user_text_is_never_tsquery_syntax(client: TestClient, pg_client: TestClient) -> None:
    for q in ["a & b", "a | b", "!a", "a:*", "'a'", "a <-> b", "(a", "\\", "a:AB", "''';--"]:
        compare(client, pg_client, {"q": q})


def test_a_query_string_is_urlencoded_the_same(pg_client: TestClient) -> None:
    # The shortcut and the route answer alike on PostgreSQL too.
    url = "/v1/search?" + urlencode({"q": "Sukhoi", "type": "claim"})
    assert pg_client.get(url).json()["total"] == 1


def test_the_answer_comes_from_postgresql(client: TestClient, pg_client: TestClient) -> None:
    # ts_rank_cd's scale, not BM25's: proof that the PostgreSQL backend answered.
    pg = everything(pg_client, {"q": "Sukhoi"})["items"]
    sqlite = everything(client, {"q": "Sukhoi"})["items"]
    assert [i["score"] for i in pg] == [0.031893, 0.02245]
    assert all(i["score"] > 1 for i in sqlite)
