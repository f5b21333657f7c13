"""Facets (app/search/engine/facets.py): sections and articles counted by number and named
afterwards, exactly up to the bound; past it each index segment gives its most common values
only, so a count may be low, and the answer says so (`facets_exact: false`); the total and the
page stay exact. The bounds are lowered here so that a small index crosses them: three loads,
three segments."""

from __future__ import annotations

import pytest
import tantivy

from app.core.db import Database, sqlite_url
from app.ingest.loader import load
from app.ingest.pipeline import build_article
from app.ingest.seed import Seed
from app.queries.rows import SqliteRows
from app.search.engine import facets, schema, searching
from app.search.engine.view import view
from app.search.filters import SearchFilters
from app.search.results import Result
from bench import corpus


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory, seed: Seed) -> Database:
    url = sqlite_url(tmp_path_factory.mktemp("bounds") / "facts.db")
    load(url, seed.articles, seed.curated.actors)
    for slug, text in corpus.articles(2):
        facts = build_article(text, slug=slug, source_name=f"{slug}.txt", curated=seed.curated)
        load(url, [facts], seed.curated.actors)
    return Database(url, timeout_ms=10_000)


def _search(database: Database, q: str, limit: int = 20) -> Result:
    return searching.search(database, q, SearchFilters(), limit=limit, offset=0)


def test_counted_by_number_the_facets_are_those_of_every_match(database: Database) -> None:
    # All on one page, the facets are counted from the matches' own documents.
    whole = _search(database, "china", limit=1000)
    counted = _search(database, "china")
    assert counted.total == whole.total == len(whole.items) == 123
    assert (counted.facets, counted.facets_exact) == (whole.facets, True)
    assert counted.facets["article"] == [
        ("russia-china-venezuela", 43),
        ("synthetic-00000", 42),
        ("synthetic-00001", 36),
    ]
    assert len(counted.facets["section"]) == 45


def test_past_the_bound_facets_are_lower_bounds_and_say_so(
    database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    exact = _search(database, "china")
    monkeypatch.setattr(facets, "EXACT_BOUND", 5)
    monkeypatch.setattr(facets, "ESTIMATE_SEGMENT_VALUES", 2)
    monkeypatch.setattr(facets, "FACET_VALUES", 2)
    bounded = _search(database, "china")
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
    # Each article's rows are in one segment: its count is its own.
    assert bounded.facets["article"] == exact.facets["article"][:2]


def test_named_values_are_kept_within_a_bound(
    database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    names = facets.Names()
    searcher = _searcher(database)
    keys = [schema.facet_key("article", a) for a in ("russia-china-venezuela", "synthetic-00000")]
    assert names.of(searcher, keys) == dict(
        zip(keys, ("russia-china-venezuela", "synthetic-00000"), strict=True)
    )
    monkeypatch.setattr(facets, "NAMES_KEPT", 1)
    names.of(searcher, keys[:1])
    assert list(names) == keys[:1]


def _searcher(database: Database) -> tantivy.Searcher:
    with database.reading() as (reader, db):
        return view(reader, SqliteRows(db)).searcher
