"""Serving from PostgreSQL: read-only, time-limited, and told of loads by other processes."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text
from sqlalchemy.exc import InternalError, OperationalError

from app.core import data_version, postgres
from app.core.config import Settings
from app.core.db import Database
from app.ingest.article import prepare_article
from app.ingest.loader import load
from app.ingest.seed import Seed
from app.main import create_app
from tests.conftest import REPO


def test_a_read_session_cannot_write(pg_client: TestClient) -> None:
    database: Database = pg_client.app.state.database  # type: ignore[attr-defined]
    statements = [
        "UPDATE article SET title = 'x'",
        "DELETE FROM claim_actor",
        "INSERT INTO data_version (id, version) VALUES (2, 0)",
        "CREATE TABLE intruder (id int)",
    ]
    for statement in statements:
        with database.session() as session, pytest.raises(InternalError, match="read-only"):
            session.execute(text(statement))
    with database.session() as session:
        assert session.execute(text("SHOW transaction_read_only")).scalar_one() == "on"


def test_a_query_past_the_time_limit_is_cancelled(pg_url: str) -> None:
    engine = postgres.create_read_engine(pg_url, timeout_ms=50)
    try:
        with engine.connect() as conn, pytest.raises(OperationalError, match="statement timeout"):
            conn.execute(text("SELECT pg_sleep(2)"))
        with engine.connect() as conn:
            assert conn.execute(text("SHOW statement_timeout")).scalar_one() == "50ms"
    finally:
        engine.dispose()


def test_a_request_reads_one_snapshot_while_a_load_commits(
    postgres_database: Callable[[], str], seed: Seed
) -> None:
    url = postgres_database()
    load(url, seed.articles, seed.curated.actors)
    engine = postgres.create_read_engine(url, timeout_ms=2000)
    try:
        with engine.connect() as conn:
            count = "SELECT count(*) FROM section"
            before = conn.execute(text(count)).scalar_one()
            assert before == 25
            # Another article is loaded and committed while the request is still reading.
            facts, actors = prepare_article(
                "Other\n\n1. One\n\nRussia lent money.\n",
                source_name="other.txt",
                slug="other",
                title=None,
                annotations=None,
                curated=seed.curated,
            )
            assert load(url, [facts], actors).written == ["other"]
            assert conn.execute(text(count)).scalar_one() == before
        with engine.connect() as conn:
            assert conn.execute(text(count)).scalar_one() == before + 1
    finally:
        engine.dispose()


def test_a_load_bumps_the_version_that_replicas_poll(
    postgres_database: Callable[[], str], seed: Seed
) -> None:
    url = postgres_database()
    load(url, [], seed.curated.actors)  # migrates, writes the actors: version 1
    engine = postgres.create_read_engine(url, timeout_ms=2000)
    try:
        poll = data_version.VersionPoll(engine)
        assert poll.poll() == "db-1"
        # A load through another process (here: the loader, on its own engine and connection).
        assert load(url, seed.articles, seed.curated.actors).written == [
            seed.articles[0].article.id
        ]
        assert poll.poll() == "db-2"
        # Loading the same again changes nothing, and the version stays.
        assert load(url, seed.articles, seed.curated.actors).changed is False
        assert poll.poll() == "db-2"
    finally:
        engine.dispose()


def test_a_replica_sees_a_load_made_through_another_process(
    postgres_database: Callable[[], str], seed: Seed
) -> None:
    """Two stateless replicas on one database: a load through neither is seen by both."""
    url = postgres_database()
    load(url, seed.articles[:1], seed.curated.actors)
    settings = Settings(database_url=url)
    with TestClient(create_app(settings)) as one, TestClient(create_app(settings)) as two:
        before = [one.get("/v1/articles").json()["total"], two.get("/v1/articles").json()["total"]]
        text = (REPO / "tests" / "data" / "arctic-route.md").read_text(encoding="utf-8")
        facts, actors = prepare_article(
            text,
            source_name="arctic-route.md",
            slug="arctic-route",
            title=None,
            annotations=None,
            curated=seed.curated,
        )
        load(url, [facts], actors)
        time.sleep(data_version.POLL_INTERVAL_S + 0.1)
        after = [one.get("/v1/articles").json()["total"], two.get("/v1/articles").json()["total"]]
    assert (before, after) == ([1, 1], [2, 2])


def test_a_section_of_150_000_distinct_words_is_loaded_and_found(
    postgres_database: Callable[[], str], seed: Seed, tmp_path: Path
) -> None:
    """Over the 1 MB a PostgreSQL tsvector holds, once the limit of a load: the index is the
    embedded one now, on PostgreSQL as on SQLite."""
    url = postgres_database()
    load(url, seed.articles, seed.curated.actors)
    text_ = "Word list\n\n" + " ".join(f"w{i}" for i in range(150_000)) + ".\n"
    facts, actors = prepare_article(
        text_, source_name="w.txt", slug="words", title=None, annotations=None, curated=seed.curated
    )
    load(url, [facts], actors)
    settings = Settings(database_url=url, search_index_dir=tmp_path / "index")
    with TestClient(create_app(settings)) as client:
        found = client.get("/v1/search", params={"q": "w149999", "type": "section"}).json()
    assert [item["article"] for item in found["items"]] == ["words"]
