"""The API tests run on both backends: the embedded SQLite default and PostgreSQL.

The PostgreSQL run needs ARTICLE_FACTS_TEST_POSTGRES_URL (CI sets it); without it, that half
skips with the reason. Tests that need a SQLite file of their own build their own client.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from fastapi.testclient import TestClient

from app.core.config import Settings
from app.ingest.loader import load
from app.ingest.seed import Seed
from app.main import create_app
from tests.conftest import SEED_DIR


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def client(request: pytest.FixtureRequest, settings: Settings) -> Iterator[TestClient]:
    if request.param == "postgresql":
        make_database: Callable[[], str] = request.getfixturevalue("postgres_database")
        seed: Seed = request.getfixturevalue("seed")
        url = make_database()
        load(url, seed.articles, seed.curated.actors)
        settings = Settings(database_url=url, seed_dir=SEED_DIR)
    with TestClient(create_app(settings)) as test_client:
        yield test_client
