"""`POST /v1/articles`: guarded by a bearer token, refusing bad input, writing atomically."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from app.core.config import Settings
from app.core.db import sqlite_path
from app.ingest.article import MAX_ARTICLE_BYTES
from app.main import create_app
from tests.api.test_contract import assert_problem
from tests.conftest import copy_database

TOKEN = "s3cret-token"
AUTH = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "text/markdown"}
ARTICLE = (Path(__file__).parents[1] / "data" / "arctic-route.md").read_bytes()


@pytest.fixture
def writable(tmp_path: Path, settings: Settings) -> Iterator[tuple[TestClient, Path]]:
    db = tmp_path / "facts.db"
    copy_database(sqlite_path(settings.database_url), db)
    app = create_app(
        settings.model_copy(
            update={"database_url": f"sqlite:///{db}", "admin_token": SecretStr(TOKEN)}
        )
    )
    with TestClient(app) as client:
        yield client, db


def test_without_a_configured_token_writing_is_disabled(client: TestClient) -> None:
    body = assert_problem(client.post("/v1/articles", content=ARTICLE, headers=AUTH), 403)
    assert "ARTICLE_FACTS_ADMIN_TOKEN" in body["detail"]


@pytest.mark.parametrize("token", ["", "   "])
@pytest.mark.parametrize("authorization", ["Bearer", "Bearer ", "Bearer    "])
def test_an_empty_configured_token_disables_writing(
    settings: Settings, tmp_path: Path, token: str, authorization: str
) -> None:
    db = tmp_path / "facts.db"
    copy_database(sqlite_path(settings.database_url), db)
    update = {"database_url": f"sqlite:///{db}", "admin_token": SecretStr(token)}
    before = db.read_bytes()
    with TestClient(create_app(settings.model_copy(update=update))) as client:
        headers = {"Content-Type": "text/plain", "Authorization": authorization}
        assert_problem(client.post("/v1/articles", content=ARTICLE, headers=headers), 403)
    assert db.read_bytes() == before


@pytest.mark.parametrize(
    "authorization", [None, "Bearer wrong", f"Basic {TOKEN}", "Bearer", f"Bearer {TOKEN}x"]
)
def test_a_missing_or_wrong_token_is_401(
    writable: tuple[TestClient, Path], authorization: str | None
) -> None:
    client, db = writable
    before = db.read_bytes()
    headers = {"Content-Type": "text/plain"}
    if authorization is not None:
        headers["Authorization"] = authorization
    response = client.post("/v1/articles", content=ARTICLE, headers=headers)
    assert_problem(response, 401)
    assert response.headers["www-authenticate"] == "Bearer"
    assert db.read_bytes() == before


def test_an_article_is_written_then_found_unchanged(writable: tuple[TestClient, Path]) -> None:
    client, _ = writable
    etag = client.get("/v1/articles").headers["etag"]
    created = client.post("/v1/articles?slug=arctic-route", content=ARTICLE, headers=AUTH)
    assert created.status_code == 201
    assert created.headers["location"] == "/v1/articles/arctic-route"
    body = created.json()
    assert (body["id"], body["source"]) == ("arctic-route", "POST /v1/articles")
    listed = client.get("/v1/articles")
    assert listed.headers["etag"] != etag  # the cache saw the new data at once
    assert [a["id"] for a in listed.json()["items"]] == ["arctic-route", "russia-china-venezuela"]
    text = client.get("/v1/articles/arctic-route/text").text
    for claim in client.get("/v1/claims?article=arctic-route&limit=100").json()["items"]:
        assert text[claim["start"] : claim["end"]] == claim["text"]
    again = client.post("/v1/articles?slug=arctic-route", content=ARTICLE, headers=AUTH)
    assert again.status_code == 200
    assert again.json() == body


def test_a_changed_text_replaces_the_facts_of_its_slug(writable: tuple[TestClient, Path]) -> None:
    client, _ = writable
    client.post("/v1/articles?slug=arctic-route", content=ARTICLE, headers=AUTH)
    first = client.get("/v1/articles/arctic-route").json()["counts"]
    shorter = ARTICLE[: ARTICLE.rindex(b"\n\n")]
    replaced = client.post("/v1/articles?slug=arctic-route", content=shorter, headers=AUTH)
    assert replaced.status_code == 201
    assert replaced.json()["counts"] != first
    assert client.get("/v1/articles").json()["total"] == 2


@pytest.mark.parametrize(
    ("body", "content_type", "status", "detail"),
    [
        (b"", "text/plain", 400, "empty"),
        (b"Title\n\n\xff\xfe not utf-8", "text/plain", 415, "not UTF-8"),
        (b"Title\n\nbinary\x00data", "text/plain", 415, "binary"),
        (b"Title\n\nBody.", "application/json", 415, "text/plain or text/markdown"),
        (b"x" * (MAX_ARTICLE_BYTES + 1), "text/plain", 413, "too large"),
        # One control character in 200 passes the reader's share; the schema allows none.
        (b"Title\n\n" + b"x" * 200 + b"\x1a", "text/plain", 415, "U+001A at character 207"),
        (b"Title\n\nBody \xef\xbb\xbf.", "text/plain", 415, "U+FEFF at character 12"),
        (b"   \n\t\n", "text/plain", 400, "empty"),
        (b"Only a title", "text/plain", 422, "no text after the title"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_written(
    writable: tuple[TestClient, Path], body: bytes, content_type: str, status: int, detail: str
) -> None:
    client, db = writable
    before = db.read_bytes()
    headers = {**AUTH, "Content-Type": content_type}
    problem = assert_problem(client.post("/v1/articles", content=body, headers=headers), status)
    assert detail in problem["detail"]
    assert db.read_bytes() == before


@pytest.mark.parametrize("slug", ["Not%20A%20Slug", "double--hyphen", "-lead", "x" * 61])
def test_a_bad_slug_is_422_naming_it(writable: tuple[TestClient, Path], slug: str) -> None:
    client, db = writable
    before = db.read_bytes()
    response = client.post(f"/v1/articles?slug={slug}", content=ARTICLE, headers=AUTH)
    body = assert_problem(response, 422)
    assert [error["name"] for error in body["errors"]] == ["slug"]
    assert db.read_bytes() == before


@pytest.mark.parametrize(
    "query",
    ["slug=Not%20A%20Slug", "title=%20%20", "title=a%0Ab", "source_url=http://[", "author=a%00b"],
)
def test_parameters_outside_their_documented_pattern_are_422(
    writable: tuple[TestClient, Path], query: str
) -> None:
    client, _ = writable
    response = client.post(f"/v1/articles?{query}", content=ARTICLE, headers=AUTH)
    body = assert_problem(response, 422)
    assert [e["name"] for e in body["errors"]] == [
        query.split("=")[0] + ("", ".0")[query[0] == "a"]
    ]


def test_a_byte_order_mark_may_open_the_body(writable: tuple[TestClient, Path]) -> None:
    client, _ = writable
    response = client.post("/v1/articles", content=b"\xef\xbb\xbf" + ARTICLE, headers=AUTH)
    assert response.status_code == 201


@pytest.mark.parametrize("query", ["title=a%00b", "slug=a%00b"])
def test_a_nul_in_the_title_or_slug_is_422_and_nothing_is_written(
    writable: tuple[TestClient, Path], query: str
) -> None:
    client, db = writable
    before = db.read_bytes()
    assert_problem(client.post(f"/v1/articles?{query}", content=ARTICLE, headers=AUTH), 422)
    assert db.read_bytes() == before


def test_an_article_making_another_articles_section_id_is_409(
    writable: tuple[TestClient, Path],
) -> None:
    client, db = writable
    # The seed article has section 2.1 as "russia-china-venezuela-2-1".
    before = db.read_bytes()
    response = client.post(
        "/v1/articles?slug=russia-china-venezuela-2",
        content=b"Other\n\n1. One\n\nRussia lent money.\n",
        headers=AUTH,
    )
    problem = assert_problem(response, 409)
    assert problem["detail"] == (
        "article 'russia-china-venezuela-2' would make section id 'russia-china-venezuela-2-1',"
        " which article 'russia-china-venezuela' already has: give one of them another slug"
    )
    assert db.read_bytes() == before
