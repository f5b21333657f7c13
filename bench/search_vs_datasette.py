"""Search throughput and latency: this service's /v1/search against Datasette, in one run.

Both serve the seeded article from the same data: the service from a database loaded by the
real loader, Datasette from a copy of it with a plain FTS5 table (`docs_fts` over `docs`, the
layout Datasette's `_search` looks for). wrk (two threads, 32 connections, loopback only)
drives each in turn for a bounded time, with bench/rotate.lua walking a long list of distinct
queries built from the article's words, their prefixes and pairs of them, so that no request
repeats and the service's URL-keyed response cache never answers. The service runs under
uvicorn's default loop (uvloop) and under `--loop asyncio`.

    .venv/bin/python bench/search_vs_datasette.py [--duration 10] [--connections 32]

bench/run.py measures the same against the ceiling too, over several rounds. Needs wrk
(Debian: `apt-get install -y wrk`); installs the `bench` extra (Datasette) when missing.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import databases, servers, workload
from bench.wrk import Measure, require_wrk, write_paths, wrk

WARMUP_S = 2
# More distinct queries than either server can answer in one run: no URL is asked twice.
QUERIES = 80_000


def check(base: str, path: str) -> None:
    with urllib.request.urlopen(base + path, timeout=5) as response:
        body = json.loads(response.read())
    if not body.get("items", body.get("rows")):
        sys.exit(f"no results from {base}{path}: the comparison would be meaningless")


def report(results: dict[str, Measure], queries: int, args: argparse.Namespace) -> None:
    print(
        f"\nwrk -t{args.threads} -c{args.connections} -d{args.duration}s, {queries} distinct "
        "queries, loopback\n"
    )
    print(f"{'':12} {'req/s':>9} {'p50 ms':>8} {'p90 ms':>8} {'p99 ms':>8} {'max ms':>8} errors")
    for name, r in results.items():
        print(
            f"{name:12} {r.rps:9.0f} {r.p50_ms:8.2f} {r.p90_ms:8.2f} {r.p99_ms:8.2f} "
            f"{r.max_ms:8.2f} {r.errors}"
        )
    datasette = results.pop("datasette")
    print()
    for name, service in results.items():
        print(
            f"{name} / datasette: {service.rps / datasette.rps:.1f}x the requests per "
            f"second, p99 {service.p99_ms:.1f} ms vs {datasette.p99_ms:.1f} ms"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=10, help="Seconds per server.")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    require_wrk()
    load = {"threads": args.threads, "connections": args.connections}
    with tempfile.TemporaryDirectory(prefix="search-bench-") as tmp:
        work = Path(tmp)
        seed = databases.seed()
        db = databases.load_service(work / "facts.db", seed.articles, seed.curated.actors).path
        datasette_db = databases.datasette_copy(db, work / "datasette.db")
        text = "\n".join(a.article.source_text for a in seed.articles)
        queries = workload.search_queries(text, QUERIES)
        warm, measured = queries[:5000], queries[5000:]
        files = {
            name: (
                write_paths(work / f"{name}-warm.txt", workload.paths(template, warm)),
                write_paths(work / f"{name}.txt", workload.paths(template, measured)),
            )
            for name, template in (
                ("service", workload.SEARCH_PATH),
                ("datasette", workload.DATASETTE_SEARCH_PATH),
            )
        }
        results: dict[str, Measure] = {}
        for name, loop in (("service", "auto"), ("service/aio", "asyncio")):
            with servers.service(db, servers.UvicornOptions(loop=loop)) as service:
                check(service.base, workload.SEARCH_PATH.format(q="sukhoi"))
                wrk(service.base, files["service"][0], seconds=WARMUP_S, **load)
                results[name] = wrk(
                    service.base, files["service"][1], seconds=args.duration, **load
                )
        with servers.datasette(datasette_db) as datasette:
            check(datasette.base, workload.DATASETTE_SEARCH_PATH.format(q="sukhoi"))
            wrk(datasette.base, files["datasette"][0], seconds=WARMUP_S, **load)
            results["datasette"] = wrk(
                datasette.base, files["datasette"][1], seconds=args.duration, **load
            )
        report(results, len(measured), args)


if __name__ == "__main__":
    main()
