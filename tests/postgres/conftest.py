"""The service on PostgreSQL: a fresh database, the real migrations and seed, and a client."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text

from app.core.config import Settings
from app.core.db import sqlite_path
from app.ingest.loader import load
from app.ingest.seed import Seed
from app.main import create_app
from tests.conftest import SEED_DIR


@pytest.fixture(scope="session")
def pg_url(postgres_database: Callable[[], str], seed: Seed, database_url: str) -> str:
    """The seed on PostgreSQL, stamped as loaded when the SQLite test database was, so the
    two hold the same data to the byte and their answers can be compared whole."""
    url = postgres_database()
    load(url, seed.articles, seed.curated.actors)
    with sqlite3.connect(sqlite_path(database_url)) as sqlite:
        stamps = sqlite.execute("SELECT id, added, updated FROM article").fetchall()
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(
            text("UPDATE article SET added = :added, updated = :updated WHERE id = :id"),
            [{"id": id_, "added": added, "updated": updated} for id_, added, updated in stamps],
        )
    engine.dispose()
    return url


@pytest.fixture(scope="session")
def pg_settings(pg_url: str) -> Settings:
    return Settings(database_url=pg_url, seed_dir=SEED_DIR)


@pytest.fixture(scope="session")
def pg_client(pg_settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(pg_settings)) as test_client:
        yield test_client
