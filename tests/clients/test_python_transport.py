"""The Python client's transport rules, on httpx's mock transport: retries and their bound,
conditional requests with the ETag it saw, problems as typed exceptions, the token, timeouts."""

from __future__ import annotations

import email.utils
import time

import httpx
import pytest
from article_facts_client import ApiError, Client, RateLimited, Unavailable, models
from article_facts_client._http import DEFAULT_TIMEOUT, query, quote_path, retry_delay

PAGE = b'{"items": [], "total": 0, "limit": 20, "offset": 0}'
PROBLEM = {"content-type": "application/problem+json"}


def replay(answers: list[httpx.Response], seen: list[httpx.Request]) -> httpx.MockTransport:
    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return answers.pop(0)

    return httpx.MockTransport(handler)


def test_429_and_503_are_retried_as_retry_after_says() -> None:
    seen: list[httpx.Request] = []
    busy = b'{"title": "Too Many Requests", "status": 429, "detail": "Slow down."}'
    answers = [
        httpx.Response(429, headers={"retry-after": "0", **PROBLEM}, content=busy),
        httpx.Response(503, headers={"retry-after": "0"}, content=b"busy"),
        httpx.Response(200, content=PAGE),
    ]
    with Client("http://api", transport=replay(answers, seen)) as api:
        assert api.list_claims().total == 0
    assert len(seen) == 3


def test_retries_stop_at_their_bound_and_raise() -> None:
    seen: list[httpx.Request] = []
    answers = [httpx.Response(503, headers={"retry-after": "0"}) for _ in range(3)]
    with (
        Client("http://api", retries=2, transport=replay(answers, seen)) as api,
        pytest.raises(Unavailable) as caught,
    ):
        api.list_claims()
    assert len(seen) == 3
    assert caught.value.status == 503


def test_a_wait_longer_than_the_bound_is_not_waited_for() -> None:
    seen: list[httpx.Request] = []
    answers = [httpx.Response(429, headers={"retry-after": "3600"})]
    started = time.monotonic()
    with (
        Client("http://api", transport=replay(answers, seen)) as api,
        pytest.raises(RateLimited),
    ):
        api.list_claims()
    assert len(seen) == 1
    assert time.monotonic() - started < 1


def test_retry_after_as_a_date_and_the_backoff_without_one() -> None:
    request = httpx.Request("GET", "http://api/")
    later = email.utils.formatdate(time.time() + 10, usegmt=True)
    dated = httpx.Response(503, headers={"retry-after": later}, request=request)
    wait = retry_delay(dated, 0, 30)
    assert wait is not None
    assert 8 < wait <= 10
    bare = httpx.Response(429, request=request)
    assert [retry_delay(bare, attempt, 30) for attempt in range(3)] == [0.5, 1.0, 2.0]
    assert retry_delay(httpx.Response(500, request=request), 0, 30) is None
    assert retry_delay(httpx.Response(429, headers={"retry-after": "soon"}), 0, 30) == 0.5


def test_a_get_is_conditional_on_the_etag_it_saw() -> None:
    seen: list[httpx.Request] = []
    answers = [
        httpx.Response(200, headers={"etag": '"v1"'}, content=PAGE),
        httpx.Response(304, headers={"etag": '"v1"'}),
    ]
    with Client("http://api", transport=replay(answers, seen)) as api:
        first = api.list_figures(kind=models.FigureKind.money)
        again = api.list_figures(kind=models.FigureKind.money)
    assert first == again
    assert [r.headers.get("if-none-match") for r in seen] == [None, '"v1"']


def test_a_problem_is_raised_with_its_fields_and_a_foreign_error_too() -> None:
    body = (
        b'{"type": "about:blank", "title": "Unprocessable Entity", "status": 422,'
        b' "detail": "Invalid parameters: kinds.", "instance": "/v1/figures", "errors":'
        b' [{"name": "kinds", "in": "query", "detail": "Unknown parameter", "type": "unknown"}]}'
    )
    answers = [
        httpx.Response(422, headers=PROBLEM, content=body),
        httpx.Response(502, content=b"<html>Bad gateway</html>"),
    ]
    with Client("http://api", transport=replay(answers, [])) as api:
        with pytest.raises(ApiError) as caught:
            api.list_figures()
        assert (caught.value.status, caught.value.instance) == (422, "/v1/figures")
        assert [e.name for e in caught.value.errors] == ["kinds"]
        with pytest.raises(ApiError) as foreign:
            api.list_figures()
        assert (foreign.value.status, foreign.value.detail) == (502, "<html>Bad gateway</html>")
        assert foreign.value.errors == []


def test_only_writes_carry_the_token() -> None:
    seen: list[httpx.Request] = []
    answers = [httpx.Response(200, content=PAGE), httpx.Response(204)]
    with Client("http://api", token="t0k", transport=replay(answers, seen)) as api:
        api.list_articles()
        api.delete_article("a/b")
    assert [r.headers.get("authorization") for r in seen] == [None, "Bearer t0k"]
    assert seen[1].url.raw_path == b"/v1/articles/a%2Fb"


def test_query_values_are_written_as_the_service_reads_them() -> None:
    pairs = query(
        [
            ("kind", models.FigureKind.money),
            ("type", [models.SearchType.claim, models.SearchType.figure]),
            ("reviewed", False),
            ("article", None),
        ]
    )
    assert pairs == [
        ("kind", "money"),
        ("type", "claim"),
        ("type", "figure"),
        ("reviewed", "false"),
    ]
    assert quote_path("x y%") == "x%20y%25"


def test_there_is_a_timeout_by_default() -> None:
    with Client("http://api") as api:
        assert api.http.timeout == DEFAULT_TIMEOUT
        assert (DEFAULT_TIMEOUT.read, DEFAULT_TIMEOUT.connect) == (15.0, 5.0)
