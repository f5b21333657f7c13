"""Facets past the exact bound (searching.FACET_EXACT_BOUND): each index segment gives its
most common values only, so a count may be low, and the answer says so (`facets_exact:
false`); the total and the page stay exact. The bounds are lowered here so that a small
index crosses them: three loads, three segments."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.db import Database, sqlite_url
from app.ingest.loader import load
from app.ingest.pipeline import build_article
from app.ingest.seed import Seed
from app.search.engine import searching
from app.search.filters import SearchFilters
from bench import corpus


@pytest.fixture
def database(tmp_path: Path, seed: Seed) -> Database:
    url = sqlite_url(tmp_path / "facts.db")
    load(url, seed.articles, seed.curated.actors)
    for slug, text in corpus.articles(2):
        facts = build_article(text, slug=slug, source_name=f"{slug}.txt", curated=seed.curated)
        load(url, [facts], seed.curated.actors)
    return Database(url, timeout_ms=10_000)


def test_past_the_bound_facets_are_lower_bounds_and_say_so(
    database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    exact = searching.search(database, "china", SearchFilters(), limit=20, offset=0)
    monkeypatch.setattr(searching, "FACET_EXACT_BOUND", 5)
    monkeypatch.setattr(searching, "ESTIMATE_SEGMENT_VALUES", 2)
    monkeypatch.setattr(searching, "FACET_VALUES", 2)
    bounded = searching.search(database, "china", SearchFilters(), limit=20, offset=0)
    database.dispose()
    assert (exact.facets_exact, bounded.facets_exact) == (True, False)
    assert bounded.total == exact.total == 123
    assert [hit["id"] for hit in bounded.items] == [hit["id"] for hit in exact.items]
    for name, values in bounded.facets.items():
        counted = dict(exact.facets[name])
        assert all(count <= counted[value] for value, count in values), name
    assert {name: len(values) for name, values in exact.facets.items()} == {
        "type": 4,
        "section": 45,
        "actor": 24,
        "article": 3,
    }
    assert {name: len(values) for name, values in bounded.facets.items()} == dict.fromkeys(
        exact.facets, 2
    )
    assert bounded.facets["type"] == [("claim", 73), ("section", 45)] == exact.facets["type"][:2]
