"""No query string breaks the search: every one is a 200 or a 422 problem, never a 500."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient
from hypothesis import given, settings
from hypothesis import strategies as st

from app.search.query import MAX_QUERY_LENGTH, is_blank

# Pieces of FTS5 syntax and other traps, for Hypothesis to combine.
TRAPS = [
    '"',
    "'",
    "(",
    ")",
    "*",
    ":",
    "^",
    "-",
    "+",
    "{",
    "}",
    ",",
    "AND",
    "OR",
    "NOT",
    "NEAR",
    "NEAR(",
    "title:",
    "body:",
    "rank",
    "rowid",
    "search_index",
    "\x00",
    " ",
    "\t",
    "oil",
    "Moscow",
    "Sukh",
    "Venezeula",
    "🙂",
    "👨\u200d👩\u200d👧",
    "مرحبا",
    "שלום",
    "\u202e",
    "\ue000",
    "\ue001",
    "%",
    "_",
    "\\",
    ";",
]


def check(response: Any, q: str | None) -> None:
    assert response.status_code in (200, 422), (q, response.status_code, response.text)
    if response.status_code == 422:
        assert response.headers["content-type"] == "application/problem+json"
        problem = response.json()
        assert problem["status"] == 422
        assert [e["name"] for e in problem["errors"]] == ["q"]
        if q is not None:
            assert is_blank(q) or len(q) > MAX_QUERY_LENGTH, q
        return
    body = response.json()
    assert set(body) == {
        "items",
        "total",
        "limit",
        "offset",
        "mode",
        "facets",
        "suggestion",
        "facets_exact",
    }
    assert body["mode"] in ("all", "any")
    assert 0 <= len(body["items"]) <= body["total"]
    for item in body["items"]:
        bare = item["snippet"].replace("<mark>", "").replace("</mark>", "")
        assert "<" not in bare, item
        assert ">" not in bare, item


@pytest.mark.parametrize(
    "q",
    [
        '"',
        '""',
        '"""',
        'oil"',
        '"oil',
        'a"b"c',
        "(",
        ")",
        "()",
        "(oil",
        "oil)",
        "AND",
        "OR",
        "NOT",
        "oil AND",
        "OR oil",
        "oil NOT",
        "oil NOT russia",
        "NEAR",
        "NEAR(oil russia)",
        "NEAR(oil russia, 2)",
        "title:oil",
        "title:",
        ":oil",
        "{title body}: oil",
        "- oil",
        "-oil",
        "oil -",
        "+oil",
        "^oil",
        "^",
        "*",
        "oil*",
        "* oil",
        "**",
        "oil * russia",
        "rank",
        "rowid:1",
        "search_index",
        "'; DROP TABLE article; --",
        "oil\x00",
        "\x00oil",
        "o\x00il",
        "%",
        "_",
        "\\",
        "🙂",
        "🙂 oil",
        "👨\u200d👩\u200d👧",
        "مرحبا",
        "שלום oil",
        "\u202eoil",
        "\ue000oil\ue001",
        "\ufffd",
        "a" * MAX_QUERY_LENGTH,
        "a " * (MAX_QUERY_LENGTH // 2),
        '"' * MAX_QUERY_LENGTH,
        "(" * MAX_QUERY_LENGTH,
    ],
)
def test_fts5_traps_are_text(client: TestClient, q: str) -> None:
    response = client.get("/v1/search", params={"q": q})
    assert response.status_code == 200, response.text
    check(response, q)


@pytest.mark.parametrize(
    "q", ["", " ", "\t\n", "\x00", "\x00 \x00", "\u3000", "a" * (MAX_QUERY_LENGTH + 1)]
)
def test_blank_or_too_long_queries_are_422_problems(client: TestClient, q: str) -> None:
    response = client.get("/v1/search", params={"q": q})
    assert response.status_code == 422
    check(response, q)


def test_a_missing_query_is_a_422_problem(client: TestClient) -> None:
    response = client.get("/v1/search")
    assert response.status_code == 422
    check(response, None)


@pytest.mark.parametrize("raw", ["%ff%fe", "%ed%a0%80", "%c0%80", "%00", "%e2%80", "%"])
def test_undecodable_bytes_in_the_url_are_not_errors(client: TestClient, raw: str) -> None:
    check(client.get(f"/v1/search?q={raw}"), None)


@pytest.mark.parametrize(
    ("params", "name"),
    [
        ({"type": "article"}, "type.0"),  # the first `type` given
        ({"limit": 0}, "limit"),
        ({"limit": 101}, "limit"),
        ({"offset": -1}, "offset"),
        ({"article": ""}, "article"),
        ({"section": "x" * 201}, "section"),
    ],
)
def test_bad_filters_are_422_problems_naming_them(
    client: TestClient, params: dict[str, Any], name: str
) -> None:
    response = client.get("/v1/search", params={"q": "oil", **params})
    assert response.status_code == 422
    assert [e["name"] for e in response.json()["errors"]] == [name]


# Any character a URL can carry: lone surrogates (Cs) cannot be encoded as UTF-8 at all.
characters = st.characters(exclude_categories=["Cs"])
texts = st.one_of(
    st.text(alphabet=characters, max_size=MAX_QUERY_LENGTH + 20),
    st.lists(st.sampled_from(TRAPS) | st.text(alphabet=characters, max_size=4), max_size=40).map(
        "".join
    ),
)


@settings(max_examples=300, deadline=None, database=None)
@given(q=texts)
def test_any_text_is_a_200_or_a_422(client: TestClient, q: str) -> None:
    check(client.get("/v1/search", params={"q": q}), q)
