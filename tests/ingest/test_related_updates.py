"""A load that only adds new articles, or only deletes, rewrites only the related lists it
changes (app/ingest/related_index.py, `update`): what it leaves is what regrouping every
bucket would, that is what a fresh load of the same articles writes."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from app.ingest import related, related_index
from app.ingest.loader import load
from app.ingest.pipeline import ArticleFacts, build_article
from app.ingest.seed import Seed
from bench import corpus
from bench.explorer_corpus import meta
from tests.ingest.test_loader import facts_of

ARTICLES = 40


@pytest.fixture(scope="module")
def articles(seed: Seed) -> list[ArticleFacts]:
    """Synthetic articles, two in three dated (so that new articles enter lists at the top,
    the middle and the end), the rest undated."""
    return [
        build_article(
            text,
            slug=slug,
            source_name=f"{slug}.txt",
            curated=seed.curated,
            meta=meta(i) if i % 3 else replace(meta(i), published=None),
        )
        for i, (slug, text) in enumerate(corpus.articles(ARTICLES))
    ]


def related_rows(path: Path) -> tuple[int, int, int]:
    """Pairs, full lists and cards."""
    with contextlib.closing(sqlite3.connect(path)) as conn:
        pairs = conn.execute("SELECT count(*) FROM figure_related").fetchone()[0]
        full = conn.execute(
            "SELECT count(*) FROM figure_related WHERE rank = ?", (related.MAX_RELATED - 1,)
        ).fetchone()[0]
        cards = conn.execute("SELECT count(*) FROM figure_card").fetchone()[0]
    return int(pairs), int(full), int(cards)


@contextlib.contextmanager
def no_full_regrouping(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    def refused(*_: object) -> int:
        raise AssertionError("a bucket was regrouped whole")

    with monkeypatch.context() as patch:
        patch.setattr(related_index, "recompute", refused)
        yield


@pytest.mark.parametrize("limit", [3, 50])
def test_adding_and_deleting_one_article_at_a_time_leaves_what_a_fresh_load_writes(
    tmp_path: Path,
    seed: Seed,
    articles: list[ArticleFacts],
    monkeypatch: pytest.MonkeyPatch,
    limit: int,
) -> None:
    monkeypatch.setattr(related, "MAX_RELATED", limit)
    actors = seed.curated.actors
    url = f"sqlite:///{tmp_path / 'written.db'}"
    load(url, [*seed.articles, *articles[:10]], actors)
    with no_full_regrouping(monkeypatch):
        for facts in articles[10:]:
            assert load(url, [facts], actors).written == [facts.article.id]
        gone = [articles[i].article.id for i in (0, 7, 11, 25, 39)]
        for slug in gone:
            assert load(url, [], actors, delete=[slug]).deleted == [slug]
        # Two at once, and one added again.
        pair = [articles[i].article.id for i in (2, 30)]
        assert load(url, [], actors, delete=pair).deleted == pair
        assert load(url, [articles[25]], actors).written == [articles[25].article.id]
    kept = [f for f in articles if f.article.id not in {*gone, *pair} - {articles[25].article.id}]
    fresh = tmp_path / "fresh.db"
    load(f"sqlite:///{fresh}", [*seed.articles, *kept], actors)
    assert facts_of(tmp_path / "written.db") == facts_of(fresh)
    pairs, full, cards = related_rows(fresh)
    # The lists are long enough, and full enough, for additions to push figures out of them.
    assert (pairs, full, cards) == {3: (168, 36, 73), 50: (206, 0, 78)}[limit]
