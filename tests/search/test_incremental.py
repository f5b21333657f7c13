"""A load touches only the index rows of what it writes or deletes, and leaves the index exactly
as a load of the final articles in one go would: the same rows, the same vocabulary counts
(what "did you mean" and completion read)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from app.ingest.loader import load
from app.ingest.pipeline import ArticleFacts, build_article
from app.ingest.seed import Seed
from bench import corpus
from tests.search import engine_index

BACKENDS = ["sqlite", "postgresql"]


@pytest.fixture(params=BACKENDS)
def new_url(request: pytest.FixtureRequest, tmp_path: Path) -> Callable[[str], str]:
    """A factory of empty databases of one backend."""
    if request.param == "sqlite":
        return lambda name: f"sqlite:///{tmp_path / name}.db"
    factory: Callable[[], str] = request.getfixturevalue("postgres_database")
    return lambda _name: factory()


def synthetic(seed: Seed, count: int) -> list[tuple[str, str]]:
    return list(corpus.articles(count))


def built(seed: Seed, slug: str, body: str) -> ArticleFacts:
    return build_article(body, slug=slug, source_name=f"{slug}.txt", curated=seed.curated)


def snapshot(url: str) -> tuple[list[tuple[str, ...]], dict[str, int]]:
    """The index's rows and the vocabulary: each word and the rows that hold it."""
    if url.startswith("sqlite"):
        return engine_index.snapshot(url)
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(
                text(
                    "SELECT type, id, coalesce(article, ''), title, body, aliases, actors"
                    " FROM search_index ORDER BY type, id"
                )
            ).all()
            words = {
                str(w): int(n)
                for w, n in conn.execute(text("SELECT word, rows FROM search_words")).all()
            }
    finally:
        engine.dispose()
    return [tuple(map(str, row)) for row in rows], words


def test_writes_and_deletes_leave_the_index_a_single_load_would_make(
    new_url: Callable[[str], str], seed: Seed
) -> None:
    (a, a_text), (b, b_text), (c, c_text), (_, other_text) = synthetic(seed, 4)
    actors = seed.curated.actors
    step_by_step = new_url("steps")
    load(step_by_step, [*seed.articles, built(seed, a, a_text), built(seed, b, b_text)], actors)
    load(step_by_step, [built(seed, c, c_text)], actors)
    load(step_by_step, [built(seed, b, other_text)], actors)  # b's text replaced
    load(step_by_step, [], actors, delete=[a])
    at_once = new_url("once")
    load(at_once, [*seed.articles, built(seed, b, other_text), built(seed, c, c_text)], actors)

    rows, words = snapshot(step_by_step)
    assert (rows, words) == snapshot(at_once)
    assert {row[2] for row in rows} == {"", "russia-china-venezuela", b, c}
    # The deleted article's own words are gone from the vocabulary, not left at zero.
    assert all(count > 0 for count in words.values())
