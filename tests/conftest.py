"""A throwaway database built by the real migrations and the real seed, shared by the session."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.core.config import Settings
from app.ingest.loader import load
from app.ingest.seed import Seed, read_seed
from app.main import create_app

REPO = Path(__file__).resolve().parents[1]
SEED_DIR = REPO / "seed"
ARTICLE = "russia-china-venezuela"


@pytest.fixture(scope="session")
def seed() -> Seed:
    return read_seed(SEED_DIR)


@pytest.fixture(scope="session")
def article_text() -> str:
    return (SEED_DIR / f"{ARTICLE}.txt").read_bytes().decode("utf-8")


@pytest.fixture(scope="session")
def database_url(tmp_path_factory: pytest.TempPathFactory, seed: Seed) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'facts.db'}"
    load(url, seed.articles, seed.curated.actors)
    return url


@pytest.fixture(scope="session")
def settings(database_url: str) -> Settings:
    return Settings(database_url=database_url, seed_dir=SEED_DIR)


@pytest.fixture(scope="session")
def client(settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings)) as test_client:
        yield test_client
