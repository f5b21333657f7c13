"""`DELETE /v1/articles/{id}` and one text, one article: on SQLite and on PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from app.core.config import Settings
from app.core.db import sqlite_path
from app.ingest.loader import load
from app.ingest.seed import Seed
from app.main import create_app
from tests.api.test_contract import assert_problem
from tests.conftest import SEED_DIR, copy_database

TOKEN = "s3cret-token"
BEARER = {"Authorization": f"Bearer {TOKEN}"}
UPLOAD = {**BEARER, "Content-Type": "text/markdown"}
ARTICLE = (Path(__file__).parents[1] / "data" / "arctic-route.md").read_bytes()
SEED_SLUG = "russia-china-venezuela"


@pytest.fixture(params=["sqlite", "postgresql"])
def writable(
    request: pytest.FixtureRequest, tmp_path: Path, settings: Settings, seed: Seed
) -> Iterator[TestClient]:
    """A client on a database of its own holding the seed, writes allowed."""
    if request.param == "postgresql":
        make_database: Callable[[], str] = request.getfixturevalue("postgres_database")
        url = make_database()
        load(url, seed.articles, seed.curated.actors)
    else:
        db = tmp_path / "facts.db"
        copy_database(sqlite_path(settings.database_url), db)
        url = f"sqlite:///{db}"
    update = {"database_url": url, "admin_token": SecretStr(TOKEN), "seed_dir": SEED_DIR}
    with TestClient(create_app(settings.model_copy(update=update))) as client:
        yield client


def _totals(client: TestClient) -> dict[str, int]:
    return {
        name: client.get(f"/v1/{name}?limit=1").json()["total"]
        for name in ("articles", "sections", "actors", "figures", "claims")
    }


def test_deleting_an_article_removes_every_fact_only_it_holds(writable: TestClient) -> None:
    client = writable
    before = _totals(client)
    assert (
        client.post("/v1/articles?slug=arctic-route", content=ARTICLE, headers=UPLOAD).status_code
        == 201
    )
    added = _totals(client)
    assert added["articles"] == before["articles"] + 1
    assert client.get("/v1/search?q=arctic").json()["total"] > 0
    etag = client.get("/v1/figures?limit=1").headers["etag"]

    response = client.delete("/v1/articles/arctic-route", headers=BEARER)
    assert response.status_code == 204
    assert response.content == b""
    # Every list is as before the upload: the actors only it named are gone too.
    assert _totals(client) == before
    assert_problem(client.get("/v1/articles/arctic-route"), 404)
    assert client.get("/v1/search?q=arctic").json()["total"] == 0
    assert client.get("/v1/figures?article=arctic-route").json()["total"] == 0
    # Caches and ETags follow the data.
    assert client.get("/v1/figures?limit=1").headers["etag"] != etag
    assert client.get("/v1/figures?limit=1", headers={"If-None-Match": etag}).status_code == 200


def test_the_seed_article_can_be_deleted_and_loaded_again(writable: TestClient) -> None:
    client = writable
    before = _totals(client)
    assert client.delete(f"/v1/articles/{SEED_SLUG}", headers=BEARER).status_code == 204
    # The curated actors stay: every load keeps them, named or not.
    assert _totals(client) == {**before, "articles": 0, "sections": 0, "figures": 0, "claims": 0}
    text = (SEED_DIR / f"{SEED_SLUG}.txt").read_bytes()
    upload = {**BEARER, "Content-Type": "text/plain"}
    assert (
        client.post(f"/v1/articles?slug={SEED_SLUG}", content=text, headers=upload).status_code
        == 201
    )
    assert _totals(client) == before


def test_an_unknown_article_is_404_and_nothing_changes(writable: TestClient) -> None:
    before = _totals(writable)
    body = assert_problem(writable.delete("/v1/articles/no-such-article", headers=BEARER), 404)
    assert body["detail"] == "no article 'no-such-article' in the database"
    assert _totals(writable) == before


@pytest.mark.parametrize("authorization", [None, "Bearer wrong"])
def test_deleting_needs_the_token(writable: TestClient, authorization: str | None) -> None:
    headers = {"Authorization": authorization} if authorization else {}
    assert_problem(writable.delete(f"/v1/articles/{SEED_SLUG}", headers=headers), 401)
    assert writable.get(f"/v1/articles/{SEED_SLUG}").status_code == 200


def test_deleting_is_disabled_without_a_configured_token(client: TestClient) -> None:
    assert_problem(client.delete(f"/v1/articles/{SEED_SLUG}", headers=BEARER), 403)


def test_the_same_text_under_another_slug_is_409_naming_the_stored_one(
    writable: TestClient,
) -> None:
    client = writable
    assert (
        client.post("/v1/articles?slug=arctic-route", content=ARTICLE, headers=UPLOAD).status_code
        == 201
    )
    before = _totals(client)
    body = assert_problem(
        client.post("/v1/articles?slug=arctic-copy", content=ARTICLE, headers=UPLOAD), 409
    )
    assert body["detail"] == (
        "article 'arctic-copy' has the same text as article 'arctic-route', which is stored"
        " already: replace 'arctic-route' or delete it first"
    )
    assert _totals(client) == before
    # The same text under its own slug is still a no-op, not a conflict.
    assert (
        client.post("/v1/articles?slug=arctic-route", content=ARTICLE, headers=UPLOAD).status_code
        == 200
    )
