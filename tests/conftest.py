"""A throwaway database built by the real migrations and the real seed, shared by the session."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.core.config import Settings, get_settings
from app.ingest.loader import load
from app.ingest.seed import Seed, read_seed
from app.main import create_app
from app.search.engine import store

REPO = Path(__file__).resolve().parents[1]
SEED_DIR = REPO / "seed"
ARTICLE = "russia-china-venezuela"
# Commands and servers the tests start read with rules only unless a test asks for the
# recognizer (ARTICLE_FACTS_RECOGNIZER=spacy): their expected counts are the rules' counts.
os.environ.setdefault("ARTICLE_FACTS_RECOGNIZER", "none")
# The service's cache folder (the language detector's model, PostgreSQL replicas' search
# indexes), this run's own: nothing written to the user's, nothing read from an earlier run.
_CACHE = tempfile.mkdtemp(prefix="article-facts-tests-")
atexit.register(shutil.rmtree, _CACHE, ignore_errors=True)
os.environ.setdefault("ARTICLE_FACTS_CACHE_DIR", _CACHE)


def copy_database(source: Path, target: Path) -> Path:
    """A copy of a SQLite database and of its search index beside it (store.root_for)."""
    shutil.copy(source, target)
    index = store.root_for(source)
    if index.is_dir():
        shutil.copytree(index, store.root_for(target), dirs_exist_ok=True)
    return target


@pytest.fixture
def fresh_settings() -> Iterator[None]:
    """Settings read afresh, before and after the test, from the environment it sets."""
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """What `serve` starts uvicorn with, recorded instead of run."""
    calls: list[dict[str, Any]] = []
    monkeypatch.setattr("uvicorn.run", lambda app, **kwargs: calls.append({"app": app, **kwargs}))
    return calls


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
    # Rules only: uploads in the API tests must not wait on a recognizer's worker process;
    # tests/api/test_article_recognizer.py turns it on where it is the subject.
    return Settings(database_url=database_url, seed_dir=SEED_DIR, recognizer="none")


@pytest.fixture(scope="session")
def client(settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings)) as test_client:
        yield test_client


# PostgreSQL: the suite in tests/postgres runs against a server when this names one (CI sets it
# from `scripts/ci-postgres.sh start`); each test module gets throwaway databases on it.
POSTGRES_URL_VAR = "ARTICLE_FACTS_TEST_POSTGRES_URL"


@pytest.fixture(scope="session")
def postgres_server_url() -> str:
    url = os.environ.get(POSTGRES_URL_VAR)
    if not url:
        pytest.skip(
            f"{POSTGRES_URL_VAR} is not set: no PostgreSQL server to test against"
            " (scripts/ci-postgres.sh start prints one)"
        )
    return url


@pytest.fixture(scope="session")
def postgres_database(postgres_server_url: str) -> Iterator[Callable[[], str]]:
    """A factory of empty throwaway databases on the test server, all dropped at the end."""
    import psycopg
    from sqlalchemy.engine import make_url

    server = make_url(postgres_server_url)
    admin = server.set(drivername="postgresql").render_as_string(hide_password=False)
    created: list[str] = []

    def create() -> str:
        name = f"article_facts_test_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(admin, autocommit=True) as conn:
            # The names are ours (hex), never user input; CREATE DATABASE takes no parameters.
            conn.execute(f'CREATE DATABASE "{name}"')
        created.append(name)
        return server.set(database=name).render_as_string(hide_password=False)

    yield create
    with psycopg.connect(admin, autocommit=True) as conn:
        for name in created:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
