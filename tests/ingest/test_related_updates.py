"""A load that only adds new articles, or only deletes, rewrites only the related lists it
changes (app/ingest/related_index.py, `update`): what it leaves is what regrouping every
bucket would, that is what a fresh load of the same articles writes."""

from __future__ import annotations

import contextlib
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

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


def in_rank_order(
    facts: dict[str, list[tuple[object, ...]]],
) -> dict[str, list[tuple[object, ...]]]:
    """The facts with each related list's ranks counted from 0 again: a rank orders its list,
    and a list a delete shortened keeps its entries' ranks (they skip the entries gone)."""
    position: Counter[object] = Counter()
    lists = []
    for figure_id, _rank, *rest in facts["figure_related"]:  # by figure, then rank
        lists.append((figure_id, position[figure_id], *rest))
        position[figure_id] += 1
    return {**facts, "figure_related": lists}


@contextlib.contextmanager
def no_full_regrouping(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    def refused(*_: object) -> int:
        raise AssertionError("a bucket was regrouped whole")

    with monkeypatch.context() as patch:
        patch.setattr(related_index, "recompute", refused)
        yield


def write_one_at_a_time(
    url: str, seed: Seed, articles: list[ArticleFacts], monkeypatch: pytest.MonkeyPatch
) -> list[ArticleFacts]:
    """Loads ten articles, adds the rest one at a time, deletes seven (three of them added
    again) with no bucket regrouped whole; returns the articles the database holds then."""
    actors = seed.curated.actors
    load(url, [*seed.articles, *articles[:10]], actors)
    with no_full_regrouping(monkeypatch):
        for facts in articles[10:]:
            assert load(url, [facts], actors).written == [facts.article.id]
        gone = [articles[i].article.id for i in (0, 7, 11, 25, 39)]
        for slug in gone:
            assert load(url, [], actors, delete=[slug]).deleted == [slug]
        # Two at once, then three added again (into lists whose ranks the deletes left
        # skipping).
        pair = [articles[i].article.id for i in (2, 30)]
        assert load(url, [], actors, delete=pair).deleted == pair
        back = [articles[i] for i in (25, 0, 30)]
        for facts in back:
            assert load(url, [facts], actors).written == [facts.article.id]
    kept = {*gone, *pair} - {facts.article.id for facts in back}
    return [f for f in articles if f.article.id not in kept]


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
    kept = write_one_at_a_time(f"sqlite:///{tmp_path / 'written.db'}", seed, articles, monkeypatch)
    fresh = tmp_path / "fresh.db"
    load(f"sqlite:///{fresh}", [*seed.articles, *kept], actors)
    written = facts_of(tmp_path / "written.db")
    assert in_rank_order(written) == in_rank_order(facts_of(fresh))
    # The deletes left lists whose ranks skip, which the add after them read.
    assert written != in_rank_order(written)
    pairs, full, cards = related_rows(fresh)
    # The lists are long enough, and full enough, for additions to push figures out of them.
    assert (pairs, full, cards) == {3: (189, 45, 77), 50: (238, 0, 83)}[limit]


def test_on_postgresql_the_related_lists_are_those_a_fresh_load_writes(
    tmp_path: Path,
    seed: Seed,
    articles: list[ArticleFacts],
    monkeypatch: pytest.MonkeyPatch,
    postgres_database: Callable[[], str],
) -> None:
    """The same writes on PostgreSQL (pairs written with COPY, lists rewritten where they
    change) leave the pairs and cards of a fresh load on SQLite."""
    monkeypatch.setattr(related, "MAX_RELATED", 3)
    url = postgres_database()
    kept = write_one_at_a_time(url, seed, articles, monkeypatch)
    fresh = tmp_path / "fresh.db"
    load(f"sqlite:///{fresh}", [*seed.articles, *kept], seed.curated.actors)
    engine = create_engine(url)
    with engine.connect() as conn:
        written = conn.execute(text(PAIRS)).all()
        cards = conn.execute(text(CARDS)).all()
    engine.dispose()
    with contextlib.closing(sqlite3.connect(fresh)) as conn:
        expected = conn.execute(PAIRS).fetchall()
        expected_cards = conn.execute(CARDS).fetchall()
    assert [tuple(row) for row in written] == expected
    assert [tuple(row) for row in cards] == expected_cards
    assert (len(expected), len(expected_cards)) == (189, 77)


# Each list in rank order, its ranks counted from 0 (see `in_rank_order`).
PAIRS = (
    "SELECT figure_id, row_number() OVER (PARTITION BY figure_id ORDER BY rank) - 1,"
    " related_id, similarity, CASE WHEN agrees THEN 1 ELSE 0 END"
    " FROM figure_related ORDER BY figure_id, rank"
)
CARDS = "SELECT figure_id FROM figure_card ORDER BY figure_id"
