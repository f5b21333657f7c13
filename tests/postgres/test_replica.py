"""Each replica on PostgreSQL searches its own copy of the index, in a folder of its own: built
before it answers, brought to each load's data version by the articles the load changed, and
reused when the replica starts again."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from fastapi.testclient import TestClient

from app.core import data_version
from app.core.config import Settings
from app.ingest.article import prepare_article
from app.ingest.loader import load
from app.ingest.pipeline import ArticleFacts
from app.ingest.seed import Seed
from app.main import create_app
from app.search.engine import replica

SHIPS = "Patrol ships\n\n1. Orders\n\nCaracas ordered four patrol ships from Rotterdam in 2021.\n"


def ships(seed: Seed) -> ArticleFacts:
    facts, _ = prepare_article(
        SHIPS,
        source_name="ships.txt",
        slug="ships",
        title=None,
        annotations=None,
        curated=seed.curated,
    )
    return facts


def total(client: TestClient, q: str) -> int:
    response = client.get("/v1/search", params={"q": q})
    assert response.status_code == 200, response.text
    return int(response.json()["total"])


def generations(root: Path) -> set[str]:
    return {p.name for p in root.iterdir() if p.is_dir()}


def test_a_replica_builds_its_index_then_follows_loads(
    postgres_database: Callable[[], str], seed: Seed, tmp_path: Path
) -> None:
    url = postgres_database()
    load(url, seed.articles, seed.curated.actors)
    root = tmp_path / "index"
    settings = Settings(database_url=url, search_index_dir=root)
    with TestClient(create_app(settings)) as client:
        # Built before the first request: ready, and searchable.
        assert client.get("/ready").status_code == 200
        built = (root / replica.CURRENT).read_text()
        assert generations(root) == {built}
        assert total(client, "Rotterdam") == 0
        load(url, [ships(seed)], seed.curated.actors)  # through another process, as a fleet loads
        time.sleep(data_version.POLL_INTERVAL_S + 0.1)
        assert total(client, "Rotterdam") == 2
        followed = (root / replica.CURRENT).read_text()
        # A new generation made of the one before (kept) and the article the load wrote.
        assert generations(root) == {built, followed}
        manifest = replica.Manifest.read(root / followed)
        assert manifest is not None
        assert sorted(manifest.articles) == ["russia-china-venezuela", "ships"]
        load(url, [], seed.curated.actors, delete=["ships"])
        time.sleep(data_version.POLL_INTERVAL_S + 0.1)
        assert total(client, "Rotterdam") == 0
    # Started again on the same folder, the replica finds its index up to date: no new one.
    current = (root / replica.CURRENT).read_text()
    with TestClient(create_app(settings)) as client:
        assert total(client, "oil") == 15
    assert (root / replica.CURRENT).read_text() == current


def test_two_replicas_keep_their_own_indexes_and_answer_alike(
    postgres_database: Callable[[], str], seed: Seed, tmp_path: Path
) -> None:
    url = postgres_database()
    load(url, seed.articles, seed.curated.actors)
    one = Settings(database_url=url, search_index_dir=tmp_path / "one")
    two = Settings(database_url=url, search_index_dir=tmp_path / "two")
    with TestClient(create_app(one)) as a, TestClient(create_app(two)) as b:
        for q in ("Moscow", "oil venezeula", '"belt and road"', "sanct"):
            assert a.get("/v1/search", params={"q": q}).content == (
                b.get("/v1/search", params={"q": q}).content
            )
    assert (tmp_path / "one" / replica.CURRENT).is_file()
    assert (tmp_path / "two" / replica.CURRENT).is_file()


def test_the_default_folder_is_per_database_and_without_credentials() -> None:
    a = replica.default_root("postgresql+psycopg://u:secret@db:5432/facts")
    b = replica.default_root("postgresql+psycopg://u:other@db:5432/facts")
    c = replica.default_root("postgresql+psycopg://u:secret@db:5432/other")
    assert a == b != c
    assert a.parent == replica.cache_folder() / "search"
