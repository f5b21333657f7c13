"""The corpus the explorer is measured on (bench/explorer.py): the seed article plus synthetic
ones (bench/corpus.py), each given a publisher, a publication date and an author from small
made-up lists, so the home page's filters and the figures' citations have something to show.

The database is built once and kept (it takes minutes at 10,000 articles on 2 cores):

    .venv/bin/python -m bench.explorer_corpus 10000 artifacts/bench/explorer-10000.db
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.core.db import sqlite_url
from app.ingest.loader import load
from app.ingest.metadata import ArticleMeta
from app.ingest.pipeline import ArticleFacts, build_article
from bench import corpus, databases

# Made-up names: no real outlet or person.
PUBLISHERS = ["Northwind Review", "Harbor Policy Institute", "Meridian Weekly", "Atlas Briefs"]
AUTHORS = ["A. Lindqvist", "R. Okafor", "M. Duarte", "S. Petrov", "L. Chen"]


def meta(i: int) -> ArticleMeta:
    """Article `i`'s metadata: a pure function of `i`, like its text."""
    day = i % 28 + 1
    month = i // 28 % 12 + 1
    year = 2015 + i // 336 % 10
    return ArticleMeta(
        publisher=PUBLISHERS[i % len(PUBLISHERS)],
        authors=(AUTHORS[i % len(AUTHORS)],),
        published=f"{year}-{month:02d}-{day:02d}",
        language="en",
    )


def build(count: int, path: Path) -> float:
    """Builds `count` articles (the seed's first) and loads them into `path` in one load (a
    load per batch slows down as the database grows); returns the seconds."""
    seed = databases.seed()
    started = time.perf_counter()
    path.parent.mkdir(parents=True, exist_ok=True)
    facts: list[ArticleFacts] = list(seed.articles)
    synthetic = count - len(facts)
    for i, (slug, text) in enumerate(corpus.articles(synthetic)):
        facts.append(
            build_article(
                text, slug=slug, source_name=f"{slug}.txt", curated=seed.curated, meta=meta(i)
            )
        )
        if (i + 1) % 1000 == 0:
            print(f"  built {i + 1}, {time.perf_counter() - started:.0f} s", flush=True)
    load(sqlite_url(path), facts, seed.curated.actors)
    return time.perf_counter() - started


if __name__ == "__main__":
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    target = Path(sys.argv[2]) if len(sys.argv) > 2 else Path(f"artifacts/bench/explorer-{size}.db")
    seconds = build(size, target)
    print(f"{size} articles in {target} in {seconds:.0f} s")
