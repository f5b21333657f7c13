"""Lists as CSV and NDJSON, on both backends: the same rows and filters as JSON, RFC 4180 with a
header row, lists joined by `|`, every row with `all=true`, ETags and the cache keyed by format."""

from __future__ import annotations

import csv
import io
from typing import Any

import orjson
import pytest
from fastapi.testclient import TestClient

from app.api.export import columns
from app.models.schemas import (
    ActorPublic,
    ArticlePublic,
    ClaimPublic,
    FigurePublic,
    SectionPublic,
)
from tests.api.test_contract import assert_problem
from tests.api.test_export_csv import module_bytes

CSV_TYPE = "text/csv; charset=utf-8; header=present"
# Every list, its item schema and how many rows the seeded article gives it.
LISTS = [
    ("/v1/articles", ArticlePublic, 1),
    ("/v1/sections", SectionPublic, 25),
    ("/v1/actors", ActorPublic, 24),
    ("/v1/figures", FigurePublic, 10),
    ("/v1/claims", ClaimPublic, 66),
]
TITLE = (
    "Russia and China in Latin America: How Cooperation with Venezuela Is Redefining Global"
    " Power Dynamics"
)
MONEY_CSV = (
    "id,article,section,quote,kind,value,value_max,unit,comparator,change,period_start,"
    "period_end,measure,actors,claim,start,end,article_meta.title,article_meta.publisher,"
    "article_meta.published\r\n"
    "f-af2de5d75cd8,russia-china-venezuela,russia-china-venezuela-2-1,over $11 billion,money,"
    "11000000000.0,,USD,gt,,2005,2013,Russian military equipment,russia|venezuela,"
    f"c-8de3ca5457e6,2424,2440,{TITLE},,\r\n"
    "f-21f93969e99b,russia-china-venezuela,russia-china-venezuela-3-1,over $60 billion,money,"
    "60000000000.0,,USD,gt,,2007,,credit,china|oil-for-loans|venezuela,c-281c26aa11d4,3581,"
    f"3597,{TITLE},,\r\n"
)


def as_cells(item: dict[str, Any], model: Any) -> dict[str, str]:
    """A JSON item as the documented CSV rule writes it."""
    cells = {}
    for column in columns(model):
        value: Any = item
        for name in column:
            value = value[name]
        if value is None:
            text = ""
        elif isinstance(value, bool):
            text = "true" if value else "false"
        elif isinstance(value, list):
            text = "|".join(value)
        else:
            text = str(value)
        cells[".".join(column)] = text
    return cells


def test_csv_by_parameter_and_by_accept_header(client: TestClient) -> None:
    by_parameter = client.get("/v1/figures?kind=money&format=csv")
    by_header = client.get("/v1/figures?kind=money", headers={"Accept": "text/csv"})
    for response in (by_parameter, by_header):
        assert response.status_code == 200
        assert response.headers["content-type"] == CSV_TYPE
        assert response.text == MONEY_CSV
        assert response.headers["x-total-count"] == "2"
        assert "Accept" in response.headers["vary"]


@pytest.mark.parametrize(("path", "model", "total"), LISTS)
def test_every_list_as_csv_is_its_json_rows(
    client: TestClient, path: str, model: Any, total: int
) -> None:
    page = client.get(f"{path}?limit=100").json()
    response = client.get(f"{path}?limit=100&format=csv")
    reader = csv.DictReader(io.StringIO(response.text, newline=""))
    assert reader.fieldnames == [".".join(column) for column in columns(model)]
    assert list(reader) == [as_cells(item, model) for item in page["items"]]
    assert response.headers["x-total-count"] == str(total)


@pytest.mark.parametrize(("path", "model", "total"), LISTS)
@pytest.mark.parametrize("query", ["limit=100", "limit=7&offset=3", "all=true"])
def test_every_list_as_csv_is_what_the_csv_module_writes_for_its_json_items(
    client: TestClient, path: str, model: Any, total: int, query: str
) -> None:
    """Written from the query's rows, never from the items, and the same bytes."""
    page = "limit=100" if query == "all=true" else query
    items = client.get(f"{path}?{page}").json()["items"]
    assert client.get(f"{path}?{query}&format=csv").content == module_bytes(model, items)


@pytest.mark.parametrize(("path", "model", "total"), LISTS)
def test_every_list_as_ndjson_is_its_json_items(
    client: TestClient, path: str, model: Any, total: int
) -> None:
    json_page = client.get(f"{path}?limit=3&offset=1")
    response = client.get(f"{path}?limit=3&offset=1", headers={"Accept": "application/x-ndjson"})
    assert response.headers["content-type"] == "application/x-ndjson"
    items = json_page.json()["items"]
    assert response.content == b"".join(orjson.dumps(item) + b"\n" for item in items)
    assert response.headers["link"] == json_page.headers["link"]
    assert response.headers["x-total-count"] == str(total)


def test_the_filters_apply_to_every_format(client: TestClient) -> None:
    wanted = [c["id"] for c in client.get("/v1/claims?kind=forecast").json()["items"]]
    rows = list(csv.DictReader(io.StringIO(client.get("/v1/claims?kind=forecast&format=csv").text)))
    lines = client.get("/v1/claims?kind=forecast&format=ndjson").content.splitlines()
    assert len(wanted) == 2
    assert [row["id"] for row in rows] == wanted
    assert [orjson.loads(line)["id"] for line in lines] == wanted


@pytest.mark.parametrize(("path", "model", "total"), LISTS)
def test_all_streams_every_row_past_the_page_limit(
    client: TestClient, path: str, model: Any, total: int
) -> None:
    as_csv = client.get(f"{path}?all=true&format=csv&limit=1")
    as_lines = client.get(f"{path}?all=true")
    assert as_csv.headers["content-type"] == CSV_TYPE
    assert len(list(csv.reader(io.StringIO(as_csv.text, newline="")))) == total + 1
    assert as_lines.headers["content-type"] == "application/x-ndjson"
    ids = [orjson.loads(line)["id"] for line in as_lines.content.splitlines()]
    everything = []
    for offset in range(0, total, 100):
        everything += client.get(f"{path}?limit=100&offset={offset}").json()["items"]
    assert ids == [item["id"] for item in everything]


def test_an_export_of_every_row_is_validated_by_its_etag(client: TestClient) -> None:
    first = client.get("/v1/claims?all=true&format=csv")
    again = client.get(
        "/v1/claims?all=true&format=csv", headers={"If-None-Match": first.headers["etag"]}
    )
    other = client.get(
        "/v1/claims?all=true&format=ndjson", headers={"If-None-Match": first.headers["etag"]}
    )
    assert first.headers["cache-control"] == "public, max-age=300"
    assert (again.status_code, again.content) == (304, b"")
    assert other.status_code == 200
    assert other.headers["etag"] != first.headers["etag"]


def test_etags_and_the_cache_are_keyed_by_format(client: TestClient) -> None:
    url = "/v1/actors?kind=country"
    answers = {
        accept: client.get(url, headers={"Accept": accept})
        for accept in ("application/json", "text/csv", "application/x-ndjson")
    }
    tags = {accept: response.headers["etag"] for accept, response in answers.items()}
    assert len(set(tags.values())) == 3
    for accept, response in answers.items():
        again = client.get(url, headers={"Accept": accept})
        assert again.content == response.content
        assert again.headers["content-type"] == response.headers["content-type"]
        revalidated = client.get(url, headers={"Accept": accept, "If-None-Match": tags[accept]})
        assert revalidated.status_code == 304
    stale = client.get(
        url, headers={"Accept": "text/csv", "If-None-Match": tags["application/json"]}
    )
    assert stale.status_code == 200


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        ("text/csv;q=0.5, application/json", "application/json"),
        ("application/json;q=0.1, application/x-ndjson", "application/x-ndjson"),
        ("text/html, text/csv;q=0.9, */*;q=0.8", CSV_TYPE),
        ("text/csv;q=0", "application/json"),
        ("text/csv;q=x, application/x-ndjson;q=0.2", "application/x-ndjson"),
        ("*/*", "application/json"),
    ],
)
def test_the_accept_header_is_negotiated_by_quality(
    client: TestClient, accept: str, expected: str
) -> None:
    response = client.get("/v1/figures", headers={"Accept": accept})
    assert response.headers["content-type"] == expected


def test_an_unknown_format_is_a_422_naming_it(client: TestClient) -> None:
    body = assert_problem(client.get("/v1/figures?format=xlsx"), 422)
    assert [error["name"] for error in body["errors"]] == ["format"]
    body = assert_problem(client.get("/v1/figures?format=csv&all=maybe"), 422)
    assert [error["name"] for error in body["errors"]] == ["all"]
