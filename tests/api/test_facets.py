"""Facets on lists, on both backends: counts over every matching row (not just the page), with
the same filters, most first and null last; only the fields each list allows."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.api.test_contract import assert_problem


def counts(facet: list[dict[str, Any]]) -> list[tuple[Any, int]]:
    return [(entry["value"], entry["count"]) for entry in facet]


def test_figures_by_kind_and_unit_over_every_matching_row(client: TestClient) -> None:
    page = client.get("/v1/figures?facet=kind&facet=unit&limit=1").json()
    assert page["total"] == 10
    assert len(page["items"]) == 1
    assert counts(page["facets"]["kind"]) == [
        ("period", 4),
        ("money", 2),
        ("count", 1),
        ("duration", 1),
        ("percent", 1),
        ("year", 1),
    ]
    assert counts(page["facets"]["unit"]) == [(None, 5), ("USD", 2), ("year", 2), ("percent", 1)]


def test_facets_follow_the_filters(client: TestClient) -> None:
    page = client.get("/v1/claims?actor=russia&facet=kind&facet=section&limit=100").json()
    expected = Counter(claim["kind"] for claim in page["items"])
    assert counts(page["facets"]["kind"]) == [
        ("assessment", 13),
        ("fact", 10),
        ("forecast", 1),
    ]
    assert dict(counts(page["facets"]["kind"])) == dict(expected)
    sections = Counter(claim["section"] for claim in page["items"])
    assert dict(counts(page["facets"]["section"])) == dict(sections)
    assert sum(n for _, n in counts(page["facets"]["section"])) == page["total"] == 24


@pytest.mark.parametrize(
    ("path", "facet", "expected"),
    [
        ("/v1/sections", "level", [(2, 14), (1, 11)]),
        (
            "/v1/actors",
            "affiliation",
            [(None, 16), ("china", 5), ("russia", 1), ("united-states", 1), ("venezuela", 1)],
        ),
        ("/v1/articles", "language", [("en", 1)]),
        ("/v1/articles", "publisher", [(None, 1)]),
        ("/v1/figures?kind=money", "comparator", [("gt", 2)]),
        ("/v1/claims?kind=forecast", "article", [("russia-china-venezuela", 2)]),
    ],
)
def test_each_list_counts_its_fields(
    client: TestClient, path: str, facet: str, expected: list[tuple[Any, int]]
) -> None:
    sep = "&" if "?" in path else "?"
    page = client.get(f"{path}{sep}facet={facet}").json()
    assert list(page["facets"]) == [facet]
    assert counts(page["facets"][facet]) == expected


def test_no_facets_asked_no_facets_key(client: TestClient) -> None:
    assert list(client.get("/v1/figures").json()) == ["items", "total", "limit", "offset"]


def test_an_empty_match_has_empty_facets(client: TestClient) -> None:
    page = client.get("/v1/figures?kind=money&unit=EUR&facet=kind").json()
    assert (page["total"], page["facets"]) == (0, {"kind": []})


def test_a_field_a_list_does_not_allow_is_a_422(client: TestClient) -> None:
    body = assert_problem(client.get("/v1/figures?facet=value"), 422)
    assert [error["name"] for error in body["errors"]] == ["facet.0"]
    assert "'comparator'" in body["errors"][0]["detail"]


def test_exports_leave_facets_out(client: TestClient) -> None:
    plain = client.get("/v1/figures?format=csv")
    faceted = client.get("/v1/figures?format=csv&facet=kind")
    assert faceted.content == plain.content
