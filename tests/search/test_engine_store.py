"""The embedded index on disk: one generation per load, named in the load's transaction, so a
failed or killed load leaves the previous database and index, matching; and a database whose
index is missing answers 503 until `article-facts migrate` builds it again."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from app.cli import cli
from app.core.config import Settings
from app.ingest.load_checks import LoadError
from app.ingest.loader import load
from app.ingest.pipeline import ArticleFacts, build_article
from app.ingest.seed import Seed
from app.main import create_app
from app.search.engine import store, writer
from tests.search.engine_index import generation, index_counts

EXTRA = """An extra article

1. Ships

Caracas ordered four patrol ships from a shipyard in Rotterdam in 2021.
"""


def extra(seed: Seed) -> ArticleFacts:
    return build_article(EXTRA, slug="extra", source_name="extra.txt", curated=seed.curated)


def folders(url: str) -> set[str]:
    root = store.root_for(Path(url.removeprefix("sqlite:///")))
    return {entry.name for entry in os.scandir(root)}


def total(url: str, q: str) -> int:
    with TestClient(create_app(Settings(database_url=url))) as client:
        response = client.get("/v1/search", params={"q": q})
        assert response.status_code == 200, response.text
        return int(response.json()["total"])


def test_each_load_writes_a_generation_and_keeps_the_one_before(tmp_path: Path, seed: Seed) -> None:
    url = f"sqlite:///{tmp_path / 'facts.db'}"
    load(url, seed.articles, seed.curated.actors)
    first = generation(url)
    load(url, [extra(seed)], seed.curated.actors)
    second = generation(url)
    assert folders(url) == {first, second}
    # The new generation links the files it shares with the previous one: nothing copied.
    root = store.root_for(tmp_path / "facts.db")
    shared = {e.name for e in os.scandir(root / str(first))} & {
        e.name for e in os.scandir(root / str(second))
    }
    assert any(
        (root / str(first) / name).stat().st_ino == (root / str(second) / name).stat().st_ino
        for name in shared
        if name.endswith(".idx")
    )
    load(url, [], seed.curated.actors, delete=["extra"])
    assert folders(url) == {second, generation(url)}
    assert total(url, "Rotterdam") == 0


def test_a_load_that_fails_while_indexing_leaves_the_previous_index(
    tmp_path: Path, seed: Seed, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"sqlite:///{tmp_path / 'facts.db'}"
    load(url, seed.articles, seed.curated.actors)
    before, counts = generation(url), index_counts(url)

    def broken(*_: object) -> None:
        raise OSError("disk full")

    # After the new generation is written, before the database names it.
    monkeypatch.setattr(writer.store, "name_current", broken)
    with pytest.raises(OSError, match="disk full"):
        load(url, [extra(seed)], seed.curated.actors)
    monkeypatch.undo()
    assert generation(url) == before
    assert index_counts(url) == counts
    assert total(url, "Rotterdam") == 0
    assert folders(url) == {before}  # the failed load's folder is removed with it
    load(url, [extra(seed)], seed.curated.actors)
    assert total(url, "Rotterdam") == 2
    assert folders(url) == {before, generation(url)}


def test_a_failed_load_is_refused_whole(
    tmp_path: Path, seed: Seed, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"sqlite:///{tmp_path / 'facts.db'}"
    load(url, seed.articles, seed.curated.actors)
    before = generation(url)

    def refuse(*_: object, **__: object) -> None:
        raise LoadError("the facts do not match the text")

    # Verification runs after the index is written: the whole load goes, index included.
    monkeypatch.setattr("app.ingest.loader.verify_database", refuse)
    with pytest.raises(LoadError):
        load(url, [extra(seed)], seed.curated.actors)
    assert generation(url) == before


@pytest.mark.usefixtures("fresh_settings")
def test_a_database_without_its_index_answers_503_until_migrated(
    tmp_path: Path, seed: Seed, monkeypatch: pytest.MonkeyPatch
) -> None:
    built = tmp_path / "built" / "facts.db"
    load(f"sqlite:///{built}", seed.articles, seed.curated.actors)
    copy = tmp_path / "copy" / "facts.db"
    copy.parent.mkdir()
    shutil.copy(built, copy)  # the file alone, as a user might copy it
    url = f"sqlite:///{copy}"
    with TestClient(create_app(Settings(database_url=url))) as client:
        response = client.get("/v1/search", params={"q": "oil"})
        assert response.status_code == 503
        assert response.headers["content-type"] == "application/problem+json"
        assert response.json()["detail"] == "The search index is not available."
        assert client.get("/ready").status_code == 503
    monkeypatch.setenv("ARTICLE_FACTS_DATABASE_URL", url)
    result = CliRunner().invoke(cli, ["migrate"])
    assert result.exit_code == 0, result.output
    assert total(url, "oil") == 15


def test_an_earlier_version_s_index_is_built_again_by_migrate(
    tmp_path: Path, seed: Seed, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "facts.db"
    url = f"sqlite:///{db}"
    load(url, seed.articles, seed.curated.actors)
    (name,) = folders(url)
    folder = store.root_for(db) / name
    assert store.has_index(folder)
    # An index without the facet keys and samples, as the version before them wrote it.
    meta = json.loads((folder / "meta.json").read_text())
    meta["schema"] = [f for f in meta["schema"] if not f["name"].endswith("_key")]
    (folder / "meta.json").write_text(json.dumps(meta))
    assert not store.has_index(folder)
    with TestClient(create_app(Settings(database_url=url))) as client:
        assert client.get("/v1/search", params={"q": "oil"}).status_code == 503
    monkeypatch.setenv("ARTICLE_FACTS_DATABASE_URL", url)
    result = CliRunner().invoke(cli, ["migrate"])
    assert result.exit_code == 0, result.output
    (rebuilt,) = folders(url) - {name}  # the one before is kept for readers not yet past it
    assert store.has_index(store.root_for(db) / rebuilt)
    assert total(url, "oil") == 15
