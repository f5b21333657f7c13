"""Article metadata over HTTP: front matter, parameters winning over it, list filters, and the
load's time stamps; on SQLite and on PostgreSQL."""

from __future__ import annotations

import datetime as dt
import time

import pytest
from fastapi.testclient import TestClient

from tests.api.test_article_delete import BEARER, writable
from tests.api.test_contract import assert_problem

__all__ = ["writable"]  # the fixture, shared with the delete tests

MARKDOWN = {**BEARER, "Content-Type": "text/markdown"}
ARTICLE = """---
title: Norway's Gas Windfall
url: https://example.org/norway
publisher: Example Review
author: Kari Nordmann
published: 2023-02-01
---
Oslo earned about $90 billion from gas exports in 2022, more than twice its 2021 income.
"""


def _post(client: TestClient, body: str, query: str = "") -> dict[str, object]:
    response = client.post(f"/v1/articles?slug=norway{query}", content=body, headers=MARKDOWN)
    assert response.status_code in (200, 201), response.text
    answer: dict[str, object] = response.json()
    return answer


def test_front_matter_is_metadata_and_not_text(writable: TestClient) -> None:
    article = _post(writable, ARTICLE)
    assert {
        k: article[k] for k in ("title", "source_url", "publisher", "authors", "published")
    } == {
        "title": "Norway's Gas Windfall",
        "source_url": "https://example.org/norway",
        "publisher": "Example Review",
        "authors": ["Kari Nordmann"],
        "published": "2023-02-01",
    }
    assert writable.get("/v1/articles/norway/text").text == (
        "Norway's Gas Windfall\n\n"
        "Oslo earned about $90 billion from gas exports in 2022, more than twice its 2021 income.\n"
    )
    assert article["added"] == article["updated"]


def test_parameters_win_over_front_matter(writable: TestClient) -> None:
    query = "&publisher=Other%20Desk&author=A%20One&author=B%20Two&published=2023-03-04"
    article = _post(writable, ARTICLE, query)
    assert (article["publisher"], article["authors"], article["published"]) == (
        "Other Desk",
        ["A One", "B Two"],
        "2023-03-04",
    )
    assert article["source_url"] == "https://example.org/norway"


def test_list_filters_on_publisher_and_publication_dates(writable: TestClient) -> None:
    _post(writable, ARTICLE)
    totals = {
        query: writable.get(f"/v1/articles?{query}").json()["total"]
        for query in (
            "publisher=Example%20Review",
            "publisher=example%20review",
            "published_from=2023-02-01",
            "published_from=2023-02-02",
            "published_to=2023-02-01",
            "published_to=2023-01-31",
            "published_from=2023-01-01&published_to=2023-12-31&publisher=Example%20Review",
        )
    }
    # The seed article has no publisher or date: no date filter keeps it.
    assert list(totals.values()) == [1, 0, 1, 0, 1, 0, 1]
    assert_problem(writable.get("/v1/articles?published_from=2023-13-01"), 422)


def test_a_changed_text_keeps_added_and_moves_updated(writable: TestClient) -> None:
    first = _post(writable, ARTICLE)
    time.sleep(1.1)  # the stamps count whole seconds
    same = _post(writable, ARTICLE)
    assert (same["added"], same["updated"]) == (first["added"], first["updated"])
    changed = _post(writable, ARTICLE.replace("twice", "three times"))
    assert changed["added"] == first["added"]
    assert isinstance(changed["updated"], str)
    assert isinstance(first["updated"], str)
    assert dt.datetime.fromisoformat(changed["updated"]) > dt.datetime.fromisoformat(
        first["updated"]
    )


def test_bad_metadata_is_a_422_naming_it(writable: TestClient) -> None:
    response = writable.post(
        "/v1/articles?slug=norway&source_url=ftp://example.org/x", content=ARTICLE, headers=MARKDOWN
    )
    body = assert_problem(response, 422)
    # The parameter's documented pattern refuses it before the metadata check would.
    assert [(e["name"], e["type"]) for e in body["errors"]] == [
        ("source_url", "string_pattern_mismatch")
    ]
    front = ARTICLE.replace("published: 2023-02-01", "published: [1, 2]")
    body = assert_problem(
        writable.post("/v1/articles?slug=norway", content=front, headers=MARKDOWN), 422
    )
    assert body["detail"] == "the body: front matter: published must be text"


@pytest.mark.parametrize("value", ["-1.5e-167", "0", "20230201", "2023-2-1", "2023-02-01T00:00"])
def test_date_parameters_take_only_yyyy_mm_dd(client: TestClient, value: str) -> None:
    # Pydantic alone reads a number as a Unix time: `-1.5e-167` was 1970-01-01.
    body = assert_problem(client.get(f"/v1/articles?published_to={value}"), 422)
    assert [(e["name"], e["detail"]) for e in body["errors"]] == [
        ("published_to", "Value error, Input should be a date as YYYY-MM-DD")
    ]
