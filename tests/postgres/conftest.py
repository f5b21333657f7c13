"""The service on PostgreSQL: a fresh database, the real migrations and seed, and a client."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from fastapi.testclient import TestClient

from app.core.config import Settings
from app.ingest.loader import load
from app.ingest.seed import Seed
from app.main import create_app
from tests.conftest import SEED_DIR


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
    with TestClient(create_app(pg_settings)) as test_client:
        yield test_client
