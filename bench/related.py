"""What comparing sources costs: grouping related figures at load time, and
`GET /v1/figures/{id}/related` against a plain `GET /v1/figures/{id}` in the same run.

The corpus is the seed article plus synthetic ones (bench/corpus.py), read by the real
pipeline and written by one `load` call, which groups the figures as every load does. The
synthetic articles are the seed's sections recombined with the countries swapped and every
number varied, so their figures fall into few, large groups: the worst case for grouping
(each figure keeps 50 related ones), where a real corpus has small groups.

Then, for every figure that has related figures (at most `--figures`):
- server time: the route's query (`app/queries/related.py`) and the plain figure's
  (`app/queries/figures.py`), in process, through the same read path the service uses, each
  figure in turn, `--rounds` times; median and p99 in microseconds;
- over HTTP: the service (uvicorn, one worker, its response cache off so every request is
  answered from the database) driven by wrk with the related pages of those figures, then their
  plain pages, alternated `--http-rounds` times for `--duration` s each; the median run's
  requests per second and p50/p99;
- grouping: every figure regrouped (in a transaction rolled back), and one more article loaded
  into the database, the cost an upload adds.
The ratio is related over plain throughput (target >= 0.5); the target for server time is
under 1 ms at 10,000 articles.

    .venv/bin/python bench/related.py [--sizes 1000,10000] [--duration 10] [--write]
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.core.db import Database, create_write_engine, sqlite_url
from app.ingest import related_index
from app.ingest.loader import load
from app.ingest.pipeline import build_article
from app.queries.figures import get_figure
from app.queries.related import related_figures
from app.queries.rows import read
from bench import corpus, databases, report, servers
from bench.scale import build
from bench.wrk import Measure, require_wrk, write_paths, wrk

SERVER_TARGET_MS = 1.0
RATIO_TARGET = 0.5


@dataclass(frozen=True)
class Timing:
    p50_us: float
    p99_us: float


@dataclass(frozen=True)
class SizeResult:
    articles: int
    load_s: float
    regroup_s: float
    one_more_s: float
    one_more_grouping_s: float
    pairs: int
    grouped_figures: int
    related: Timing
    plain: Timing
    related_http: Measure
    plain_http: Measure

    @property
    def ratio(self) -> float:
        return self.related_http.rps / self.plain_http.rps


def _regroup_s(path: Path) -> float:
    """Grouping every figure of the database again, in a transaction rolled back."""
    engine = create_write_engine(sqlite_url(path))
    try:
        with engine.connect() as conn:
            transaction = conn.begin()
            started = time.perf_counter()
            related_index.recompute(conn, None)
            took = time.perf_counter() - started
            transaction.rollback()
    finally:
        engine.dispose()
    return took


def _one_more_s(path: Path, count: int) -> tuple[float, float]:
    """Loading one more article into the database, as an upload does; and the part of it
    spent grouping: rewriting the related lists its figures enter (`update`), or regrouping
    the buckets they are in where a load cannot do less (`recompute`)."""
    seed = databases.seed()
    [(slug, text)] = corpus.articles(1, start=count)
    facts = build_article(text, slug=slug, source_name=f"{slug}.txt", curated=seed.curated)
    grouping = [0.0]
    originals = {name: getattr(related_index, name) for name in ("recompute", "update")}

    def timed(work: Callable[..., int]) -> Callable[..., int]:
        def run(*args: Any, **kwargs: Any) -> int:
            started = time.perf_counter()
            try:
                return work(*args, **kwargs)
            finally:
                grouping[0] += time.perf_counter() - started

        return run

    for name, work in originals.items():
        setattr(related_index, name, timed(work))
    try:
        started = time.perf_counter()
        load(sqlite_url(path), [facts], seed.curated.actors)
        return time.perf_counter() - started, grouping[0]
    finally:
        for name, work in originals.items():
            setattr(related_index, name, work)


def _median(runs: list[Measure]) -> Measure:
    return sorted(runs, key=lambda m: m.rps)[len(runs) // 2]


def _figures(path: Path, limit: int) -> tuple[list[str], int, int]:
    """Up to `limit` figures that have related figures, how many have, and the pairs."""
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        ids = [row[0] for row in conn.execute("SELECT DISTINCT figure_id FROM figure_related")]
        pairs = int(conn.execute("SELECT count(*) FROM figure_related").fetchone()[0])
    return ids[:limit], len(ids), pairs


def _time(database: Database, query: Callable[..., Any], ids: list[str], rounds: int) -> Timing:
    async def run() -> list[float]:
        took = []
        for _ in range(rounds):
            for id_ in ids:
                started = time.perf_counter_ns()
                if query is related_figures:
                    await read(database, query, id_, limit=20, offset=0)
                else:
                    await read(database, query, id_)
                took.append((time.perf_counter_ns() - started) / 1000)
        return took

    took = sorted(asyncio.run(run()))
    return Timing(statistics.median(took), took[int(len(took) * 0.99)])


def run_size(count: int, work: Path, args: argparse.Namespace) -> SizeResult:
    print(f"\n{count} articles: building ...", flush=True)
    facts, build_s = build(count)
    actors = databases.seed().curated.actors
    path = work / f"facts-{count}.db"
    print(f"  built in {build_s:.1f} s; loading ...", flush=True)
    started = time.perf_counter()
    load(sqlite_url(path), facts, actors)
    load_s = time.perf_counter() - started
    del facts
    gc.collect()
    ids, grouped, pairs = _figures(path, args.figures)
    print(f"  loaded in {load_s:.1f} s: {pairs:,} pairs of {grouped:,} figures", flush=True)
    database = Database(sqlite_url(path), timeout_ms=5000)
    related = _time(database, related_figures, ids, args.rounds)
    plain = _time(database, get_figure, ids, args.rounds)
    print(
        f"  server time p50/p99: related {related.p50_us:.0f}/{related.p99_us:.0f} us,"
        f" plain {plain.p50_us:.0f}/{plain.p99_us:.0f} us",
        flush=True,
    )
    options = servers.UvicornOptions()
    related_paths = write_paths(work / "related.txt", [f"/v1/figures/{i}/related" for i in ids])
    plain_paths = write_paths(work / "plain.txt", [f"/v1/figures/{i}" for i in ids])
    runs: dict[Path, list[Measure]] = {related_paths: [], plain_paths: []}
    with servers.service(path, options, cache_mb=0) as service:
        wrk(service.base, plain_paths, seconds=args.warmup, connections=args.connections)
        # Alternated, so a neighbour's load on the machine falls on both alike.
        for _ in range(args.http_rounds):
            for paths, measured in runs.items():
                measured.append(
                    wrk(service.base, paths, seconds=args.duration, connections=args.connections)
                )
    related_http, plain_http = _median(runs[related_paths]), _median(runs[plain_paths])
    regroup_s = _regroup_s(path)
    one_more_s, one_more_grouping_s = _one_more_s(path, count)
    print(
        f"  regrouping everything {regroup_s:.1f} s, one more article {one_more_s:.1f} s"
        f" (grouping {one_more_grouping_s:.2f} s)"
    )
    result = SizeResult(
        count,
        load_s,
        regroup_s,
        one_more_s,
        one_more_grouping_s,
        pairs,
        grouped,
        related,
        plain,
        related_http,
        plain_http,
    )
    print(
        f"  HTTP: related {related_http.rps:,.0f} req/s, plain {plain_http.rps:,.0f} req/s,"
        f" ratio {result.ratio:.2f}",
        flush=True,
    )
    path.unlink()
    return result


def render(results: list[SizeResult], args: argparse.Namespace) -> str:
    rows = [
        [
            f"{r.articles:,}",
            f"{r.load_s:.1f}",
            f"{r.regroup_s:.1f}",
            f"{r.one_more_s:.1f} ({r.one_more_grouping_s:.2f})",
            f"{r.grouped_figures:,}",
            f"{r.pairs:,}",
            f"{r.related.p50_us:.0f} / {r.related.p99_us:.0f}",
            f"{r.plain.p50_us:.0f} / {r.plain.p99_us:.0f}",
            f"{r.related_http.rps:,.0f}",
            f"{r.related_http.p50_ms:.1f} / {r.related_http.p99_ms:.1f}",
            f"{r.plain_http.rps:,.0f}",
            f"{r.plain_http.p50_ms:.1f} / {r.plain_http.p99_ms:.1f}",
            f"{r.ratio:.2f}",
            str(r.related_http.errors + r.plain_http.errors),
        ]
        for r in results
    ]
    header = [
        "articles",
        "load s",
        "of which grouping s",
        "one more article s (grouping)",
        "figures grouped",
        "related pairs",
        "related us p50 / p99",
        "plain us p50 / p99",
        "related req/s",
        "ms p50 / p99",
        "plain req/s",
        "ms p50 / p99",
        "ratio",
        "errors",
    ]
    return "\n".join(
        [
            f"Measured {report.machine()}.",
            "Server time: the route's query in process, through the service's read path, for "
            f"each grouped figure (at most {args.figures:,}) {args.rounds} times, default page "
            f"(20). HTTP: `wrk -t2 -c{args.connections}`, {args.http_rounds} alternated runs of "
            f"{args.duration} s of each, medians; uvicorn one worker, response cache off. Load: "
            "one `load` call with every article, grouping included (grouping alone: every figure"
            " regrouped in a transaction rolled back); one more article: a `load` of one more "
            "synthetic article into that database, as an upload does. Targets at 10,000 "
            f"articles: related server time < {SERVER_TARGET_MS:.0f}"
            f" ms, related/plain throughput >= {RATIO_TARGET}.",
            "",
            report.table(header, rows),
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000", help="Comma-separated corpus sizes.")
    parser.add_argument("--figures", type=int, default=2000, help="Figures asked about.")
    parser.add_argument("--rounds", type=int, default=5, help="In-process passes over them.")
    parser.add_argument("--duration", type=int, default=10, help="Seconds of each wrk run.")
    parser.add_argument("--http-rounds", type=int, default=3, help="wrk runs of each, medians.")
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--write", action="store_true", help="Write docs/performance.md.")
    args = parser.parse_args()
    require_wrk()
    sizes = [int(s) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory(prefix="bench-related-") as tmp:
        results = [run_size(n, Path(tmp), args) for n in sizes]
    text = render(results, args)
    print("\n" + text)
    if args.write:
        report.write_section("bench/related.py", text)
        print(f"\nwritten to {report.PERFORMANCE_MD}")


if __name__ == "__main__":
    main()
