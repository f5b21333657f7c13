"""Grouping figures of different articles about the same thing, and whether they agree."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from app.core import migrations
from app.ingest.loader import load
from app.ingest.pipeline import build_article
from app.ingest.related import (
    Pair,
    Relatable,
    agree,
    bucket_name,
    buckets,
    extend,
    periods_overlap,
    relate,
    similarity,
)
from app.ingest.seed import read_seed
from bench import corpus
from tests.conftest import SEED_DIR

CREDIT = Relatable(
    id="f-a",
    article="a",
    published="2021-03-10",
    kind="money",
    unit="USD",
    change=None,
    actors=("china", "venezuela"),
    measure="credit",
    value=60e9,
    value_max=None,
    comparator="gt",
    period_start_year=2007,
    period_end_year=None,
)


def _figure(id_: str, article: str, **changes: object) -> Relatable:
    return replace(CREDIT, id=id_, article=article, **changes)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("a", "b", "score"),
    [
        ("credit", "credit", 100.0),
        ("Credit", "credit.", 100.0),
        ("oil exports", "exports of oil", 88.0),
        ("defence budget", "defense budget", 92.86),
        ("oil exports", "oil imports", 81.82),
        ("trade", "trade deficit", 55.56),
        ("credit", "loans", 0.0),
    ],
)
def test_measures_are_scored_on_their_sorted_words(a: str, b: str, score: float) -> None:
    assert round(similarity(a, b), 2) == score


@pytest.mark.parametrize(
    ("changes", "agrees"),
    [
        ({"value": 62e9, "comparator": "eq"}, True),  # over $60 billion / $62 billion
        ({"value": 50e9, "comparator": "eq"}, False),  # / $50 billion
        ({"value": 60e9, "comparator": "eq"}, False),  # "over 60" excludes 60 itself
        ({"value": 55e9, "comparator": "approx"}, True),  # about $55 billion reaches 60.5
        ({"value": 54e9, "comparator": "approx"}, False),  # about $54 billion stops at 59.4
        ({"value": 50e9, "value_max": 61e9, "comparator": "eq"}, True),  # $50-61 billion
        ({"value": 50e9, "value_max": 60e9, "comparator": "eq"}, False),
        ({"value": 60e9, "comparator": "lte"}, False),  # up to $60 billion
        ({"value": 61e9, "comparator": "lt"}, True),  # under $61 billion
        ({"value": 10e9, "comparator": "gt"}, True),  # over / over: always compatible
    ],
)
def test_agreement_respects_ranges_and_comparators(
    changes: dict[str, object], agrees: bool
) -> None:
    other = _figure("f-b", "b", **changes)
    assert agree(CREDIT, other) is agrees
    assert agree(other, CREDIT) is agrees


def test_an_equal_value_agrees_with_at_least_but_not_over() -> None:
    sixty = _figure("f-b", "b", comparator="eq")
    assert agree(_figure("f-c", "c", comparator="gte"), sixty) is True
    assert agree(_figure("f-c", "c", comparator="gt"), sixty) is False


@pytest.mark.parametrize(
    ("a", "b", "overlap"),
    [
        ((2007, None), (2020, 2021), True),  # since 2007 reaches 2020
        ((2005, 2013), (2014, 2015), False),
        ((2005, 2013), (2013, 2015), True),
        ((None, 2010), (2011, None), False),
        ((None, None), (None, None), True),  # neither has a period
        ((None, None), (2011, None), False),
    ],
)
def test_periods_overlap_or_are_both_absent(
    a: tuple[int | None, int | None], b: tuple[int | None, int | None], overlap: bool
) -> None:
    first = _figure("f-a", "a", period_start_year=a[0], period_end_year=a[1])
    second = _figure("f-b", "b", period_start_year=b[0], period_end_year=b[1])
    assert periods_overlap(first, second) is overlap
    assert periods_overlap(second, first) is overlap


def test_figures_without_value_measure_or_actor_are_in_no_bucket() -> None:
    figures = [
        _figure("f-1", "a"),
        _figure("f-2", "b", value=None),
        _figure("f-3", "c", measure=None),
        _figure("f-4", "d", actors=()),
        _figure("f-5", "e", unit="EUR"),
    ]
    found = buckets(figures)
    assert {key: [f.id for f in members] for key, members in found.items()} == {
        ("money", "USD", None, ("china", "venezuela")): ["f-1"],
        ("money", "EUR", None, ("china", "venezuela")): ["f-5"],
    }


def test_related_figures_are_ranked_by_similarity_then_newest_then_id() -> None:
    figures = [
        CREDIT,
        _figure("f-b", "b", published="2022-01-01", value=62e9, comparator="eq"),
        _figure("f-c", "c", published=None, value=50e9, comparator="eq"),
        _figure("f-d", "d", published="2020-01-01", measure="credits", value=70e9),
        _figure("f-e", "e", published="2022-01-01", value=61e9, comparator="approx"),
        _figure("f-f", "a", value=65e9),  # same article as f-a
        _figure("f-g", "g", measure="oil exports"),  # another thing
        _figure("f-h", "h", period_start_year=2001, period_end_year=2003),  # before 2007
        _figure("f-i", "i", actors=("china",)),  # other actors
    ]
    pairs = [p for p in relate(figures) if p.figure == "f-a"]
    assert pairs == [
        Pair("f-a", 0, "f-b", 1.0, True),
        Pair("f-a", 1, "f-e", 1.0, True),
        Pair("f-a", 2, "f-c", 1.0, False),
        Pair("f-a", 3, "f-d", 0.92, True),
    ]
    assert [(p.rank, p.related) for p in relate(figures) if p.figure == "f-d"] == [
        (0, "f-b"),
        (1, "f-e"),
        (2, "f-a"),
        (3, "f-f"),
        (4, "f-c"),
    ]
    # The other article's figure is related to f-a's neighbours, not to f-a.
    assert [p.related for p in relate(figures) if p.figure == "f-f"] == ["f-b", "f-e", "f-c", "f-d"]


def test_each_figure_keeps_at_most_the_limit() -> None:
    figures = [_figure(f"f-{i}", f"article-{i}") for i in range(5)]
    pairs = relate(figures, limit=2)
    assert [(p.figure, p.rank, p.related) for p in pairs] == [
        ("f-0", 0, "f-1"),
        ("f-0", 1, "f-2"),
        ("f-1", 0, "f-0"),
        ("f-1", 1, "f-2"),
        ("f-2", 0, "f-0"),
        ("f-2", 1, "f-1"),
        ("f-3", 0, "f-0"),
        ("f-3", 1, "f-1"),
        ("f-4", 0, "f-0"),
        ("f-4", 1, "f-1"),
    ]


def _bucket() -> list[Relatable]:
    """Figures of one bucket whose lists tie (same measure, same date) and differ (a
    measure less alike, undated articles, a second figure of one article)."""
    measures = ["credit", "credits", "credit line"]
    return [
        _figure(
            f"f-{i:02}",
            f"article-{i % 9}",
            measure=measures[i % 3],
            published=None if i % 4 == 3 else f"202{i % 3}-01-01",
        )
        for i in range(18)
    ]


# (articles deleted, limit): lists shortened, of which emptied, and entries that join them.
SHORTENED = {
    ("article-1", 1): (4, 4, 4),  # each list emptied, and filled again
    ("article-1", 3): (4, 0, 8),  # full lists: the figures that move up join
    ("article-1", 5): (10, 0, 14),
    ("article-1", 50): (10, 0, 0),  # lists with room held every candidate: none joins
    ("article-2 article-5", 1): (2, 2, 0),  # emptied, with no candidate left
    ("article-2 article-5", 50): (2, 2, 0),
    ("article-0", 3): (4, 0, 8),
}


@pytest.mark.parametrize(("articles", "limit"), SHORTENED)
def test_a_list_a_delete_shortens_goes_on_as_a_fresh_ranking_would(
    articles: str, limit: int
) -> None:
    """`extend` continues each shortened list after the entries it keeps: with them, the
    list `relate` ranks afresh without the deleted figures, whether the list was full (the
    figures that move up join it), not full (nothing joins) or emptied."""
    gone = set(articles.split())
    figures = _bucket()
    before = relate(figures, limit=limit)
    left = [f for f in figures if f.article not in gone]
    removed = {f.id for f in figures if f.article in gone}
    shortened = {p.figure for p in before if p.related in removed} - removed
    kept = {
        figure: [p.related for p in before if p.figure == figure and p.related not in removed]
        for figure in shortened
    }
    lists = {
        figure: (len(entries), entries[-1] if entries else None) for figure, entries in kept.items()
    }
    extended = extend(left, lists, limit=limit)
    fresh = relate(left, limit=limit, only=shortened)
    assert {
        figure: entries + [p.related for p in extended if p.figure == figure]
        for figure, entries in kept.items()
    } == {figure: [p.related for p in fresh if p.figure == figure] for figure in shortened}
    # Ranks count on from the entries kept; similarity and agreement are the fresh ones.
    assert {(p.figure, p.rank, p.related, p.similarity, p.agrees) for p in extended} <= {
        (p.figure, p.rank, p.related, p.similarity, p.agrees) for p in fresh
    }
    emptied = sum(1 for entries in kept.values() if not entries)
    assert (len(shortened), emptied, len(extended)) == SHORTENED[articles, limit]


def test_a_bucket_is_named_by_its_key() -> None:
    assert bucket_name(("money", "USD", None, ("china", "venezuela"))) == bucket_name(
        ("money", "USD", None, ("china", "venezuela"))
    )
    assert bucket_name(("money", "USD", None, ("china",))) != bucket_name(
        ("money", "USD", "rise", ("china",))
    )
    assert len(bucket_name(("money", "USD", None, ("china",)))) == 32


def test_a_single_article_has_no_related_figures() -> None:
    assert relate([CREDIT, _figure("f-b", "a", value=62e9)]) == []


def test_a_load_that_migrates_to_the_related_tables_fills_them(tmp_path: Path) -> None:
    """A database stored before the related figures gets them from the next load, even one
    that changes no article."""
    seed = read_seed(SEED_DIR)
    url = f"sqlite:///{tmp_path / 'facts.db'}"
    shape = corpus.read_shape(corpus.SEED_ARTICLE.read_text(encoding="utf-8"))
    synthetic = [
        build_article(text, slug=slug, source_name=slug, curated=seed.curated)
        for slug, text in (corpus.article(i, shape) for i in range(3))
    ]
    load(url, [*seed.articles, *synthetic], seed.curated.actors)
    engine = create_engine(url)
    with engine.begin() as conn:
        grouped = sorted(conn.execute(text("SELECT * FROM figure_related")).all())
        cards = int(conn.execute(text("SELECT count(*) FROM figure_card")).scalar_one())
        migrations.downgrade(conn, "0009")
    engine.dispose()  # the load replaces the file: the next connection opens the new one
    # Two synthetic articles give a share of the same country's oil exports (below).
    assert grouped == [
        ("f-496973e79c60", 0, "f-6526e5be8c54", 1.0, 1),
        ("f-6526e5be8c54", 0, "f-496973e79c60", 1.0, 1),
    ]
    assert cards == 2
    report = load(url, [*seed.articles, *synthetic], seed.curated.actors)
    assert (report.migrated, report.written) == (True, [])
    with engine.begin() as conn:
        assert sorted(conn.execute(text("SELECT * FROM figure_related")).all()) == grouped
        quotes = conn.execute(
            text("SELECT f.quote, f.measure FROM figure_card c JOIN figure f ON f.id = c.figure_id")
        ).all()
    engine.dispose()
    # Both lower bounds: they agree.
    assert sorted(quotes) == [
        ("more than 11%", "Nicaraguan oil exports"),
        ("more than 75%", "Nicaraguan oil exports"),
    ]
