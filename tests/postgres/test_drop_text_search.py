"""Migration 0016 on a PostgreSQL database that has the full-text tables of earlier versions:
`article-facts migrate` (a load of no article) drops them, counts `search_stems` and
`search_names` anew from the stored articles, and search answers as it did."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import create_engine, inspect, text

from app.core import migrations
from app.core.config import Settings
from app.ingest.loader import load
from app.ingest.seed import Seed
from app.main import create_app
from bench.spanish import spanish_article
from tests.conftest import SEED_DIR

QUERIES = ["petroleros", "préstamos", "Rusia", "oil", "venezuela credit"]
STEMS = "SELECT language, word, stem, rows FROM search_stems ORDER BY word"
NAMES = "SELECT actor, position, name, language FROM search_names ORDER BY actor, position"
OLD = {"search_index", "search_words"}
CONFIGS = "SELECT cfgname FROM pg_ts_config WHERE cfgname = 'article_facts'"


def answers(url: str, root: Path) -> dict[str, Any]:
    """Each query's whole answer from a replica that builds its index in `root`."""
    settings = Settings(database_url=url, seed_dir=SEED_DIR, search_index_dir=root)
    with TestClient(create_app(settings)) as client:
        return {q: client.get("/v1/search", params={"q": q, "limit": 100}).json() for q in QUERIES}


def tables(url: str) -> tuple[set[str], list[Any], list[Any], list[Any]]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return (
                set(inspect(conn).get_table_names()),
                [tuple(r) for r in conn.execute(text(STEMS))],
                [tuple(r) for r in conn.execute(text(NAMES))],
                list(conn.execute(text(CONFIGS)).scalars()),
            )
    finally:
        engine.dispose()


def test_an_upgrade_drops_the_old_tables_and_search_answers_the_same(
    postgres_database: Callable[[], str], seed: Seed, tmp_path: Path
) -> None:
    url = postgres_database()
    actors = seed.curated.actors
    load(url, [*seed.articles, spanish_article(seed)], actors)
    names_before, stems_before = tables(url)[2], tables(url)[1]
    assert len(stems_before) == 51
    before = answers(url, tmp_path / "before")
    assert before["petroleros"]["total"] == 5
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            migrations.downgrade(conn, "0015")
            # As an earlier version leaves them: the tables hold rows, and the counts beside
            # them may be anything this version did not write.
            conn.execute(
                text(
                    "INSERT INTO search_index (title, body, aliases, type, id, label, actors,"
                    " document, words) VALUES ('Oil', '', '', 'actor', 'x', 'Oil', 'x',"
                    " to_tsvector('article_facts', 'oil'), to_tsvector('simple', 'oil'))"
                )
            )
            conn.execute(text("INSERT INTO search_words (word, rows) VALUES ('oil', 1)"))
            conn.execute(text("INSERT INTO search_stems VALUES ('es', 'viejo', 'viej', 3)"))
    finally:
        engine.dispose()
    found, _, _, configs = tables(url)
    assert found >= OLD
    assert configs == ["article_facts"]

    report = load(url, [], actors)  # `article-facts migrate`

    assert report.migrated
    found, stems_after, names_after, configs = tables(url)
    assert OLD & found == set()
    assert configs == []
    assert (stems_after, names_after) == (stems_before, names_before)
    assert answers(url, tmp_path / "after") == before
