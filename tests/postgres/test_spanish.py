"""Spanish in search answers alike on PostgreSQL: the same answers, byte for byte, and the same
stems table after loads and deletes as on SQLite."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text

from app.core.config import Settings
from app.core.db import sqlite_path
from app.ingest.loader import load
from app.ingest.seed import Seed
from app.main import create_app
from bench.spanish import SLUG, spanish_article
from tests.conftest import SEED_DIR
from tests.postgres.test_search import same

# Each query with the number of rows it finds in the seed and the Spanish article.
QUERIES = {
    "petroleros": 5,
    "petrolera ": 5,
    "préstamos": 2,
    "PETRÓLEO": 2,
    "Rusia": 46,
    "Russia": 46,
    "estados unidos": 19,
    "Federación Rusa": 46,
    "petroleros rusas": 2,
    "caída venezolanos": 2,
    "oil": 15,
}
STEMS = "SELECT language, word, stem, rows FROM search_stems ORDER BY word"
NAMES = "SELECT actor, position, name, language FROM search_names ORDER BY actor, position"


def _client(url: str) -> Iterator[TestClient]:
    settings = Settings(database_url=url, seed_dir=SEED_DIR, recognizer="none")
    with TestClient(create_app(settings)) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def urls(
    tmp_path_factory: pytest.TempPathFactory, postgres_database: Callable[[], str], seed: Seed
) -> tuple[str, str]:
    articles = [*seed.articles, spanish_article(seed)]
    sqlite_url = f"sqlite:///{tmp_path_factory.mktemp('es-pg') / 'mixed.db'}"
    pg_url = postgres_database()
    for url in (sqlite_url, pg_url):
        load(url, articles, seed.curated.actors)
    return sqlite_url, pg_url


@pytest.fixture(scope="module")
def sqlite_client(urls: tuple[str, str]) -> Iterator[TestClient]:
    yield from _client(urls[0])


@pytest.fixture(scope="module")
def pg_client(urls: tuple[str, str]) -> Iterator[TestClient]:
    yield from _client(urls[1])


def rows(url: str, sql: str) -> list[tuple[Any, ...]]:
    if url.startswith("sqlite"):
        with sqlite3.connect(sqlite_path(url)) as db:
            return [tuple(r) for r in db.execute(sql).fetchall()]
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return [tuple(r) for r in conn.execute(text(sql)).all()]
    finally:
        engine.dispose()


@pytest.mark.parametrize("q", QUERIES)
def test_spanish_queries_find_the_same(
    sqlite_client: TestClient, pg_client: TestClient, q: str
) -> None:
    same(sqlite_client, pg_client, "/v1/search?" + urlencode({"q": q, "limit": 100}))
    assert pg_client.get("/v1/search", params={"q": q}).json()["total"] == QUERIES[q]


def test_the_spanish_article_is_found_on_postgresql(pg_client: TestClient) -> None:
    response = pg_client.get("/v1/search", params={"q": "petroleros", "type": "claim"})
    assert {i["title"] for i in response.json()["items"]} == {
        "Las empresas petroleras rusas recibieron barriles de crudo como pago.",
        "Según los analistas, China exige que la deuda petrolera se pague antes que cualquier"
        " otra.",
        "Los petroleros venezolanos dicen que la falta de inversión explica la caída.",
    }


def test_both_backends_keep_the_same_stems_and_names(urls: tuple[str, str]) -> None:
    sqlite_url, pg_url = urls
    assert rows(pg_url, STEMS) == rows(sqlite_url, STEMS)
    assert len(rows(pg_url, STEMS)) == 51
    assert rows(pg_url, NAMES) == rows(sqlite_url, NAMES)


def test_loads_and_deletes_keep_the_stems_exact_on_postgresql(
    postgres_database: Callable[[], str], seed: Seed, tmp_path: Path
) -> None:
    url = postgres_database()
    load(url, seed.articles, seed.curated.actors)
    load(url, [spanish_article(seed)], seed.curated.actors)
    load(url, [spanish_article(seed)], seed.curated.actors)
    sqlite_url = f"sqlite:///{tmp_path / 'once.db'}"
    load(sqlite_url, [*seed.articles, spanish_article(seed)], seed.curated.actors)
    assert rows(url, STEMS) == rows(sqlite_url, STEMS)
    load(url, [], seed.curated.actors, delete=[SLUG])
    assert rows(url, STEMS) == []
    assert rows(url, NAMES) == rows(sqlite_url, NAMES)
