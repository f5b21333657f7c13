"""The service on PostgreSQL: a fresh database, the real migrations and seed, and a client.

`create_app` does not yet choose the PostgreSQL read engine or search backend by itself (the
wiring in db.py and the search route is another change): `wire_postgres` does here exactly what
that wiring will do, so these tests exercise the very modules it will call.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from app.core import postgres
from app.core.config import Settings
from app.core.db import Database
from app.ingest.loader import load
from app.ingest.seed import Seed
from app.main import create_app
from app.search import backend, postgres_backend
from app.search.filters import SearchFilters
from tests.conftest import SEED_DIR


def wire_postgres(app: FastAPI, timeout_ms: int) -> None:
    database: Database = app.state.database
    database.engine.dispose()
    database.engine = postgres.create_read_engine(database.url, timeout_ms=timeout_ms)


@pytest.fixture(scope="session", autouse=True)
def _search_dispatch() -> Iterator[None]:
    """backend.search answering from PostgreSQL for a PostgreSQL database, as wired later."""
    sqlite_search = backend.search

    def search(
        database: Database, q: str, filters: SearchFilters, *, limit: int, offset: int
    ) -> Any:
        if postgres.is_postgres(database.url):
            return postgres_backend.search(database.engine, q, filters, limit=limit, offset=offset)
        return sqlite_search(database, q, filters, limit=limit, offset=offset)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(backend, "search", search)
        yield


@pytest.fixture(scope="session")
def pg_url(postgres_database: Callable[[], str], seed: Seed) -> str:
    url = postgres_database()
    load(url, seed.articles, seed.curated.actors)
    return url


@pytest.fixture(scope="session")
def pg_settings(pg_url: str) -> Settings:
    return Settings(database_url=pg_url, seed_dir=SEED_DIR)


@pytest.fixture(scope="session")
def pg_client(pg_settings: Settings) -> Iterator[TestClient]:
    app = create_app(pg_settings)
    wire_postgres(app, pg_settings.query_timeout_ms)
    with TestClient(app) as test_client:
        yield test_client
