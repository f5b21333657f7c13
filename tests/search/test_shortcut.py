"""The search shortcut (app/api/routes/search_asgi.py) answers exactly as the route would.

It answers the requests it is sure of and hands the rest to the route; either way the client
must see the same status, headers and bytes. Each query string here goes to an app with the
shortcut and to one without it; Hypothesis then mixes parameters and encodings freely.
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import quote

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import given, settings
from hypothesis import strategies as st

from app.api.routes.search_asgi import SearchShortcut, parse_params, query_pairs
from app.core.config import Settings
from app.main import create_app

ARTICLE = "russia-china-venezuela"
CASES = [
    "q=oil",
    "q=oil&limit=5",
    "q=oil&limit=05",
    "q=oil&limit=%2B5",
    "q=oil&limit=%205",
    "q=oil&limit=5.0",
    "q=oil&limit=0",
    "q=oil&limit=100",
    "q=oil&limit=101",
    "q=oil&offset=3&limit=2",
    "q=oil&offset=-1",
    "q=oil&offset=1000000",
    "q=oil&offset=1000001",
    "q=oil&type=claim",
    "q=oil&type=claim&type=claim&type=figure",
    "q=oil&type=claims",
    "q=oil&type=",
    f"q=oil&article={ARTICLE}",
    "q=oil&article=",
    f"q=oil&section={ARTICLE}-2-1",
    "q=oil&section=" + "x" * 201,
    "q=oil&article=%00",
    "q=oil&section=a%00b",
    "q=oil&q=gas",
    "q=oil&limit=5&limit=6",
    "q=oil&unknown=1",
    "q=oil&&",
    "q=oil;limit=5",
    "q=oil+venezu",
    "q=oil%20venezu",
    "q=%2B%2B",
    "q=%FF%FE",
    "q=%00",
    "q=%E2%80%83",
    "q=%20%20",
    "q=",
    "q",
    "",
    "limit=5",
    "q=" + "a" * 200,
    "q=" + "a" * 201,
    "q=%22belt%20and%20road%22",
    "q=NEAR(a%20b)%20title:oil",
    "q=Moscow&type=actor&limit=1",
    "Q=oil",
    "q=oil&type=ACTOR",
]


def _without_shortcut(settings: Settings) -> FastAPI:
    app = create_app(settings)
    app.user_middleware = [m for m in app.user_middleware if m.cls is not SearchShortcut]
    return app


@pytest.fixture(scope="module")
def clients(settings: Settings) -> Iterator[tuple[TestClient, TestClient]]:
    plain = settings.model_copy(update={"response_cache_mb": 0})
    with (
        TestClient(create_app(plain)) as fast,
        TestClient(_without_shortcut(plain)) as route,
    ):
        yield fast, route


def _answer(client: TestClient, query: str) -> tuple[int, list[tuple[str, str]], bytes]:
    response = client.get(f"/v1/search?{query}")
    headers = [(k, v) for k, v in response.headers.multi_items() if k != "x-request-id"]
    return response.status_code, headers, response.content


@pytest.mark.parametrize("query", CASES)
def test_the_shortcut_answers_as_the_route(
    clients: tuple[TestClient, TestClient], query: str
) -> None:
    fast, route = clients
    assert _answer(fast, query) == _answer(route, query)


def test_the_shortcut_takes_only_plain_requests() -> None:
    assert parse_params(b"q=oil&limit=5&type=claim") is not None
    for declined in (b"q=oil&limit=05", b"q=oil&q=gas", b"q=oil&type=x", b"limit=5", b"q=%20"):
        assert parse_params(declined) is None


PIECES = st.sampled_from(
    ["q", "limit", "offset", "type", "article", "section", "x", "", "%", "+", "=", "&", ";"]
)
VALUES = st.one_of(
    st.sampled_from(["oil", "claim", "actor", "5", "0", "100", "101", "-1", ARTICLE, "%20"]),
    st.text(max_size=8),
)


@settings(max_examples=150, deadline=None, derandomize=True, database=None)
@given(st.lists(st.tuples(PIECES, VALUES), max_size=5))
def test_any_query_string_gets_the_same_answer(
    clients: tuple[TestClient, TestClient], pairs: list[tuple[str, str]]
) -> None:
    # Literal `%` and `+` stay (bad escapes included); what a URL cannot carry is escaped.
    query = "&".join(f"{k}={quote(v, safe='%+=&;')}" for k, v in pairs)
    fast, route = clients
    assert _answer(fast, query) == _answer(route, query)


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(st.binary(max_size=40))
def test_query_strings_are_read_as_starlette_reads_them(raw: bytes) -> None:
    from starlette.datastructures import QueryParams

    assert query_pairs(raw) == QueryParams(raw).multi_items()
