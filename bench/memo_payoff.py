"""Does each search memo pay? In process, the same distinct queries with every memo, then with
one memo at a time turned off (a budget of 0 bytes keeps nothing), on the seeded article.

Prints the mean time of a search in each case and its ratio to the run with every memo, best
of `--rounds` rounds; a memo whose ratio stays near 1.00 does not pay for its memory.

    .venv/bin/python bench/memo_payoff.py [--queries 5000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.core.db import Database, sqlite_url
from app.ingest.loader import load
from app.search import backend
from app.search.cache import IndexData
from app.search.filters import SearchFilters
from bench import databases, report, workload
from bench.servers import REPO

FILTERS = [SearchFilters(), SearchFilters(article="russia-china-venezuela")]


def mean_us(database: Database, queries: list[str], off: str | None) -> float:
    """Mean microseconds a search takes with a fresh set of memos, `off` (if any) keeping none."""
    reader = database.reader()
    with reader.limited() as db:
        data = IndexData(backend.index_data(reader, db, backend.WEIGHTS).names, backend.WEIGHTS)
    if off is not None:
        data.memos()[off].max_bytes = 0
    original = backend.index_data
    backend.index_data = lambda *_: data  # type: ignore[assignment]
    try:
        start = time.perf_counter()
        for i, q in enumerate(queries):
            with reader.limited() as db:
                backend._search(reader, db, q, FILTERS[i % 2], limit=20, offset=0)
        return (time.perf_counter() - start) / len(queries) * 1e6
    finally:
        backend.index_data = original  # type: ignore[assignment]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--queries", type=int, default=5_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    seed = databases.seed()
    text = (REPO / "seed" / "russia-china-venezuela.txt").read_text(encoding="utf-8")
    queries = workload.search_queries(text, args.queries)
    with tempfile.TemporaryDirectory() as tmp:
        url = sqlite_url(Path(tmp) / "facts.db")
        load(url, seed.articles, seed.curated.actors)
        database = Database(url, timeout_ms=10_000)
        cases: list[str | None] = [None, *IndexData(None, {}).memos()]  # type: ignore[arg-type]
        # Warm what the process keeps for itself (the stemmer's table, the imports).
        mean_us(database, queries, None)
        times: dict[str | None, list[float]] = {case: [] for case in cases}
        for _ in range(args.rounds):  # rounds interleaved, so drift hits every case alike
            for case in cases:
                times[case].append(mean_us(database, queries, case))
        best = {case: min(found) for case, found in times.items()}
        database.dispose()
    rows = [
        [case or "(every memo)", f"{us:.0f}", f"{us / best[None]:.2f}"] for case, us in best.items()
    ]
    print(f"{args.queries:,} distinct queries, best of {args.rounds} rounds\n")
    print(report.table(["memo off", "µs per search", "vs every memo"], rows))


if __name__ == "__main__":
    main()
