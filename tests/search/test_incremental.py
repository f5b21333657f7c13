"""A load touches only the index rows of what it writes or deletes, and leaves the index exactly
as a load of the final articles in one go would: the same rows, the same vocabulary counts
(what "did you mean" and completion read), and on both backends the same `search_stems` and
`search_names` (what Spanish queries and country names read beside the index)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from app.ingest.loader import load
from app.ingest.metadata import ArticleMeta
from app.ingest.pipeline import ArticleFacts, build_article
from app.ingest.seed import Seed
from bench import corpus
from bench.spanish import TEXT
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


def tables(url: str) -> tuple[list[tuple[str, ...]], list[tuple[str, ...]]]:
    """search_stems and search_names, whole."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            stems_ = conn.execute(
                text("SELECT language, word, stem, rows FROM search_stems ORDER BY 1, 2")
            ).all()
            names = conn.execute(
                text("SELECT actor, position, name, language FROM search_names ORDER BY 1, 2")
            ).all()
    finally:
        engine.dispose()
    return [tuple(map(str, r)) for r in stems_], [tuple(map(str, r)) for r in names]


def snapshot(url: str) -> tuple[object, ...]:
    """The index's rows and vocabulary (SQLite: a replica's own on PostgreSQL, test_replica.py)
    and the tables read beside it."""
    index = engine_index.snapshot(url) if url.startswith("sqlite") else None
    return index, tables(url)


# Another Spanish article's last section: words only the article deleted below holds.
DEBT = "\n## Deuda\n\nLa deuda petrolera sigue impagada.\n"


def spanish(seed: Seed, slug: str, body: str = TEXT) -> ArticleFacts:
    return build_article(
        body,
        slug=slug,
        source_name=f"{slug}.md",
        curated=seed.curated,
        meta=ArticleMeta(language="es"),
    )


def test_writes_and_deletes_leave_the_index_a_single_load_would_make(
    new_url: Callable[[str], str], seed: Seed
) -> None:
    (a, a_text), (b, b_text), (c, c_text), (_, other_text) = synthetic(seed, 4)
    shorter = "# Corto\n\n## Cobros\n\nLos petroleros rusos cobraron en crudo.\n"
    actors = seed.curated.actors
    step_by_step = new_url("steps")
    first = [built(seed, a, a_text), built(seed, b, b_text), spanish(seed, "es-one")]
    load(step_by_step, [*seed.articles, *first, spanish(seed, "es-two", TEXT + DEBT)], actors)
    load(step_by_step, [built(seed, c, c_text)], actors)
    # b's text replaced, and a Spanish article's.
    load(step_by_step, [built(seed, b, other_text), spanish(seed, "es-one", shorter)], actors)
    load(step_by_step, [], actors, delete=[a, "es-two"])
    at_once = new_url("once")
    final = [built(seed, b, other_text), built(seed, c, c_text), spanish(seed, "es-one", shorter)]
    load(at_once, [*seed.articles, *final], actors)

    index, (stems_, names) = snapshot(step_by_step)
    assert (index, (stems_, names)) == snapshot(at_once)
    assert ("es", "petroleros", "petroler", "2") in stems_
    assert not {"petrolera", "impagada"} & {row[1] for row in stems_}  # deleted and replaced
    assert names  # the countries' Spanish names
    if index is not None:
        rows, words = index
        assert {row[2] for row in rows} == {"", "russia-china-venezuela", b, c, "es-one"}
        # The deleted article's own words are gone from the vocabulary, not left at zero.
        assert all(count > 0 for count in words.values())
