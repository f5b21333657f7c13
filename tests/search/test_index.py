"""The index the loader keeps: built by the real migrations and loader on throwaway databases."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text

from app.core import migrations
from app.core.config import Settings
from app.ingest.loader import load
from app.ingest.pipeline import ArticleFacts, build_article
from app.ingest.seed import Seed
from app.main import create_app
from app.search.engine import searching
from app.search.highlight import CLOSE, OPEN
from tests.search.engine_index import index_counts

HOSTILE = f"""Hostile markup in an article

1. Markup is text

Caracas wrote <script>alert("pwned")</script> & <b>bold</b> into the record, and \
{OPEN}nothing{CLOSE} else.
"""


def hostile_article(seed: Seed, body: str = HOSTILE) -> ArticleFacts:
    return build_article(body, slug="hostile", source_name="hostile.txt", curated=seed.curated)


def fact_counts(url: str) -> dict[str, int]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return {
                kind: conn.execute(text(f"SELECT count(*) FROM {kind}")).scalar_one()
                for kind in ("section", "claim", "figure", "actor")
            }
    finally:
        engine.dispose()


@pytest.fixture(scope="module")
def two_articles(tmp_path_factory: pytest.TempPathFactory, seed: Seed) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('hostile') / 'facts.db'}"
    load(url, [*seed.articles, hostile_article(seed)], seed.curated.actors)
    return url


@pytest.fixture(scope="module")
def hostile_client(two_articles: str) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(database_url=two_articles))) as client:
        yield client


def test_markup_in_the_text_comes_back_escaped(hostile_client: TestClient) -> None:
    body = hostile_client.get("/v1/search", params={"q": "script", "type": "claim"}).json()
    assert [item["id"] for item in body["items"]] == ["c-fdb6ad2d916a"]
    assert body["items"][0]["snippet"] == (
        "Caracas wrote &lt;<mark>script</mark>&gt;alert(&quot;pwned&quot;)&lt;/<mark>script"
        "</mark>&gt; &amp; &lt;b&gt;bold&lt;/b&gt; into the record, and \ufffdnothing\ufffd else."
    )


def test_snippets_hold_no_markup_but_mark(hostile_client: TestClient) -> None:
    for q in ["script", "pwned", "bold", "nothing", "alert"]:
        for item in hostile_client.get("/v1/search", params={"q": q}).json()["items"]:
            bare = item["snippet"].replace("<mark>", "").replace("</mark>", "")
            assert "<" not in bare, item
        assert ">" not in bare, item


def test_marker_characters_in_the_text_cannot_open_a_mark(hostile_client: TestClient) -> None:
    body = hostile_client.get("/v1/search", params={"q": "else", "type": "section"}).json()
    assert [item["id"] for item in body["items"]] == ["hostile-1"]
    assert body["items"][0]["snippet"].endswith("and \ufffdnothing\ufffd <mark>else</mark>.")


def test_the_article_filter_separates_articles(hostile_client: TestClient) -> None:
    body = hostile_client.get("/v1/search", params={"q": "Caracas", "article": "hostile"}).json()
    assert [(i["type"], i["id"]) for i in body["items"]] == [
        ("actor", "venezuela"),
        ("section", "hostile-1"),
        ("claim", "c-fdb6ad2d916a"),
    ]
    everywhere = hostile_client.get("/v1/search", params={"q": "Caracas", "limit": 100}).json()
    assert everywhere["total"] > body["total"]


def test_the_index_holds_one_row_per_fact(two_articles: str) -> None:
    assert index_counts(two_articles) == fact_counts(two_articles)


def test_reloading_an_article_replaces_its_rows(
    tmp_path: Path, seed: Seed, two_articles: str
) -> None:
    url = f"sqlite:///{tmp_path / 'facts.db'}"
    load(url, [*seed.articles, hostile_article(seed)], seed.curated.actors)
    changed = HOSTILE.replace("pwned", "replaced")
    report = load(url, [*seed.articles, hostile_article(seed, changed)], seed.curated.actors)
    assert report.written == ["hostile"]
    assert index_counts(url) == fact_counts(url)
    with TestClient(create_app(Settings(database_url=url))) as client:
        assert client.get("/v1/search", params={"q": "pwned"}).json()["total"] == 0
        assert client.get("/v1/search", params={"q": "replaced"}).json()["total"] == 2
        # The suggestion vocabulary follows the text too.
        assert client.get("/v1/search", params={"q": "replacd"}).json()["suggestion"] == (
            "replaced"
        )


def test_a_load_that_changes_nothing_keeps_the_index(tmp_path: Path, seed: Seed) -> None:
    url = f"sqlite:///{tmp_path / 'facts.db'}"
    load(url, seed.articles, seed.curated.actors)
    before = index_counts(url)
    assert not load(url, seed.articles, seed.curated.actors).changed
    assert index_counts(url) == before


def test_the_migration_downgrades_and_the_next_load_reindexes(tmp_path: Path, seed: Seed) -> None:
    url = f"sqlite:///{tmp_path / 'facts.db'}"
    load(url, seed.articles, seed.curated.actors)
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            migrations.downgrade(conn, "0001")
        with engine.connect() as conn:
            tables = conn.execute(
                text("SELECT name FROM sqlite_master WHERE name LIKE 'search%'")
            ).all()
        assert tables == []
    finally:
        engine.dispose()
    report = load(url, seed.articles, seed.curated.actors)
    assert (report.migrated, report.written) == (True, [])
    assert index_counts(url) == fact_counts(url)


def test_a_search_past_the_time_limit_is_a_503(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    # What SQLite raises when the read engine's progress handler stops a statement (a search's
    # statements are too quick to time one for real).
    def interrupted(*_: object, **__: object) -> None:
        raise sqlite3.OperationalError("interrupted")

    monkeypatch.setattr(searching, "_run", interrupted)
    app = create_app(settings.model_copy(update={"response_cache_mb": 0}))
    with TestClient(app) as client:
        response = client.get("/v1/search", params={"q": "oil"})
    assert response.status_code == 503
    assert response.json()["detail"] == "The query took too long; narrow it and try again."


def test_a_broken_database_is_a_503(tmp_path: Path, two_articles: str) -> None:
    broken = tmp_path / "broken.db"
    broken.write_bytes(Path(two_articles.removeprefix("sqlite:///")).read_bytes())
    with broken.open("r+b") as handle:
        handle.seek(4096)
        handle.write(b"this is not a database" * 2000)
    with TestClient(create_app(Settings(database_url=f"sqlite:///{broken}"))) as client:
        response = client.get("/v1/search", params={"q": "oil"})
    assert response.status_code == 503
    assert response.headers["content-type"] == "application/problem+json"
