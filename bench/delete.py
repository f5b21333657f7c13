"""What one write costs as the corpus grows: deleting an article, and adding one.

For each size, the seed article plus synthetic ones (bench/corpus.py) are built by the real
pipeline and written by the real loader in one call; then the same `load` call that
`DELETE /v1/articles/{id}` and `POST /v1/articles` make deletes three articles one at a time,
and adds one new article three times (each time a new one), each timed. After every delete the
database is checked: no section, claim, figure, mention or search row of the deleted article is
left. SQLite always; PostgreSQL too when `--postgres URL` names an empty database to use.

The baseline in the same run is the same write on a database holding only the seed and the
three articles to delete: the ratio says how much a write slows as the corpus grows.

    .venv/bin/python bench/delete.py [--sizes 1000,10000] [--postgres URL] [--write]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import create_engine, text

from app.core.db import sqlite_url
from app.ingest.loader import load
from app.ingest.pipeline import ArticleFacts, build_article
from bench import corpus, databases, report

ROUNDS = 3
BASELINE = 1 + ROUNDS
# Each table that holds an article's rows, and how to count the rows of one article.
LEFT_OVER = {
    table: f"SELECT count(*) FROM {table} WHERE article_id = :slug"
    for table in ("section", "mention", "claim", "figure")
}


def build(count: int, start: int = 0) -> list[ArticleFacts]:
    curated = databases.seed().curated
    return [
        build_article(body, slug=slug, source_name=f"{slug}.txt", curated=curated)
        for slug, body in corpus.articles(count, start=start)
    ]


def timed(write: Callable[[], object]) -> float:
    started = time.perf_counter()
    write()
    return time.perf_counter() - started


def left_over(url: str, slug: str) -> dict[str, int]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            counts = {
                table: int(conn.execute(text(sql), {"slug": slug}).scalar_one())
                for table, sql in LEFT_OVER.items()
            }
    finally:
        engine.dispose()
    return {table: n for table, n in counts.items() if n}


def measure(url: str, count: int) -> tuple[float, float, float]:
    """Loads `count` articles at `url`; the median seconds of a delete and of an add, and the
    slowest delete's (a target bounds every delete, not their median)."""
    seed = databases.seed()
    actors = seed.curated.actors
    synthetic = count - len(seed.articles)
    print(f"\n{count} articles at {url.split(':')[0]}: building ...", flush=True)
    facts = list(seed.articles) + build(synthetic)
    print("  loading ...", flush=True)
    load(url, facts, actors)
    victims = [f.article.id for f in facts[len(seed.articles) :][:ROUNDS]]
    del facts
    deletes = []
    for slug in victims:
        deletes.append(timed(lambda slug=slug: load(url, [], actors, delete=[slug])))
        if rows := left_over(url, slug):
            raise SystemExit(f"{slug}: rows left after its delete: {rows}")
    additions = [
        timed(lambda one=one: load(url, [one], actors))
        for one in build(ROUNDS, start=synthetic + 1)
    ]
    delete_s, add_s = statistics.median(deletes), statistics.median(additions)
    each = ", ".join(f"{d * 1e3:.0f}" for d in deletes)
    print(f"  delete {delete_s * 1e3:.0f} ms, add {add_s * 1e3:.0f} ms (median of {ROUNDS});")
    print(f"  deletes {each} ms")
    return delete_s, add_s, max(deletes)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000", help="Comma-separated corpus sizes.")
    parser.add_argument("--postgres", help="URL of an empty PostgreSQL database to use too.")
    parser.add_argument("--write", action="store_true", help="Write docs/performance.md.")
    args = parser.parse_args()
    # The baseline: the seed and the ROUNDS articles there are to delete.
    sizes = [BASELINE, *(int(s) for s in args.sizes.split(","))]
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-delete-") as tmp:
        backends = [("SQLite", lambda n: sqlite_url(Path(tmp) / f"facts-{n}.db"))]
        if args.postgres:
            backends.append(("PostgreSQL", lambda _n: args.postgres))
        for name, url_for in backends:
            base_delete = base_add = 0.0
            for size in sizes:
                url = url_for(size)
                delete_s, add_s, slowest_s = measure(url, size)
                if size == BASELINE:
                    base_delete, base_add = delete_s, add_s
                rows.append(
                    [
                        name,
                        f"{size:,}",
                        f"{delete_s * 1e3:,.0f}",
                        f"{delete_s / base_delete:.1f}x",
                        f"{slowest_s * 1e3:,.0f}",
                        f"{add_s * 1e3:,.0f}",
                        f"{add_s / base_add:.1f}x",
                    ]
                )
                if name == "PostgreSQL":
                    _empty_postgres(url)
    text_ = (
        f"Measured {report.machine()}. Median of {ROUNDS} writes each, and the slowest of the "
        "deletes; the ratio is to the same write on a database holding only the seed article "
        "and the three to delete.\n\n"
        + report.table(
            ["backend", "articles", "delete ms", "vs 1", "slowest delete ms", "add one ms", "vs 1"],
            rows,
            right=1,
        )
    )
    print("\n" + text_)
    if args.write:
        report.write_section("bench/delete.py", text_)
        print(f"\nwritten to {report.PERFORMANCE_MD}")


def _empty_postgres(url: str) -> None:
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            conn.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
    finally:
        engine.dispose()


if __name__ == "__main__":
    main()
