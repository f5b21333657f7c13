"""Facets (app/search/engine/facets.py): sections, actors and articles counted by number and
named afterwards, exactly up to the bound; past it, estimated from a fixed sample of the index
and scaled to the total, and the answer says so (`facets_exact: false`); the total and the
page stay exact. The bounds are lowered here so that a small index crosses them: three loads,
three segments."""

from __future__ import annotations

from collections import Counter

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


def test_past_the_bound_facets_are_estimates_and_say_so(
    database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    exact = _search(database, "china")
    monkeypatch.setattr(facets, "EXACT_BOUND", 5)
    monkeypatch.setattr(facets, "SAMPLE_MATCHES", 20)
    # 123 matches: one document in 4 leaves at least 20 of them, one in 8 fewer.
    assert facets.sample_rate(123) == 4
    estimated = _search(database, "china")
    assert (exact.facets_exact, estimated.facets_exact) == (True, False)
    assert estimated.total == exact.total == 123
    assert [hit["id"] for hit in estimated.items] == [hit["id"] for hit in exact.items]
    # The sample's counts, scaled to the total: the types still add up to it, near enough.
    assert estimated.facets["type"] == [("claim", 83), ("section", 36), ("actor", 4)]
    assert dict(exact.facets["type"]) == {"claim": 73, "section": 45, "figure": 3, "actor": 2}
    assert estimated.facets["article"] == [
        ("synthetic-00001", 44),
        ("russia-china-venezuela", 40),
        ("synthetic-00000", 36),
    ]
    for name, values in estimated.facets.items():
        # Every value named is a real one: seen in the sample, so in the matches.
        assert {value for value, _ in values} <= {value for value, _ in exact.facets[name]}, name


def test_the_sampling_rate_leaves_enough_matches_and_no_more() -> None:
    assert facets.sample_rate(0) == 1
    assert facets.sample_rate(facets.EXACT_BOUND) == 1
    assert facets.sample_rate(facets.EXACT_BOUND + 1) == 4
    assert facets.sample_rate(416_000) == 128
    assert facets.sample_rate(10**9) == 1024


def test_each_sample_is_half_the_one_before_and_a_fixed_share() -> None:
    members: Counter[str] = Counter()
    for i in range(100_000):
        terms = schema.sample_terms("claim", f"c-{i:06x}")
        rates = [int(term) for term in terms]
        # Nested: in the sample of r means in every sample of a lower rate.
        assert rates == list(schema.SAMPLE_RATES[: len(rates)])
        members.update(terms)
    shares = {int(term): count / 100_000 for term, count in members.items()}
    for rate in schema.SAMPLE_RATES[:6]:
        assert shares[rate] == pytest.approx(1 / rate, rel=0.05), rate


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
