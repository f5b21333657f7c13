"""The benchmarks' own parts, kept honest without running a benchmark: the synthetic corpus is
distinct valid articles, the query lists are distinct, and results land between the markers."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.ingest.pipeline import build_article
from app.ingest.seed import Seed
from bench import corpus, report, run, workload
from bench.wrk import Measure, Summary


def test_synthetic_articles_are_distinct_and_read_like_the_seed(seed: Seed) -> None:
    made = list(corpus.articles(4, start=10))
    assert [slug for slug, _ in made] == [f"synthetic-{i:05d}" for i in range(10, 14)]
    assert len({text for _, text in made}) == 4
    assert list(corpus.articles(1, start=12)) == [made[2]]
    for slug, text in made:
        facts = build_article(text, slug=slug, source_name=f"{slug}.txt", curated=seed.curated)
        assert len(facts.sections) >= 5
        assert facts.claims
        assert facts.mentions


def test_search_queries_are_distinct_and_repeatable(article_text: str) -> None:
    queries = workload.search_queries(article_text, 5000)
    assert len(set(queries)) == 5000
    assert queries == workload.search_queries(article_text, 5000)


def test_results_are_written_between_their_markers(tmp_path: Path) -> None:
    doc = tmp_path / "performance.md"
    doc.write_text("intro\n<!-- bench/x.py -->\nold\n<!-- /bench/x.py -->\nrest\n")
    report.write_section("bench/x.py", report.table(["a", "b"], [["1", "2"]]), doc)
    assert doc.read_text() == (
        "intro\n<!-- bench/x.py -->\n| a | b |\n| --- | ---: |\n| 1 | 2 |\n"
        "<!-- /bench/x.py -->\nrest\n"
    )
    with pytest.raises(SystemExit):
        report.write_section("bench/other.py", "x", doc)


def _search_at(rps: float, p99_ms: float) -> Summary:
    return Summary("search", (Measure(int(rps * 10), 10.0, 1.0, 2.0, p99_ms, p99_ms, 0, 0),))


@pytest.mark.parametrize(
    ("rps", "p99_ms", "verdict"),
    [
        (4_500, 9.6, "yes"),
        (4_348, 9.6, "**no**: < 0.15x ceiling"),
        (4_500, 20.5, "**no**: p99 > 20 ms"),
        (2_000, 25.0, "**no**: < 0.15x ceiling, < 10x Datasette, p99 > 20 ms"),
    ],
)
def test_a_verdict_names_each_target_missed(rps: float, p99_ms: float, verdict: str) -> None:
    # A ceiling of 30,000 req/s and Datasette at 229: 0.15x is 4,500, 10x is 2,290.
    assert run._verdict(_search_at(rps, p99_ms), 0.15, 10.0, 30_000, 229) == verdict
