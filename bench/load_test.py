"""A minute of mixed traffic at 64 connections: resource reads and searches, no errors allowed.

Starts the service (uvicorn, one worker) on the seeded article and drives it with wrk for 60 s
through a rotating list that interleaves every resource URL (articles, their texts, sections,
actors, figures, claims, lists with filters and pages) with distinct searches (some filtered),
so the response cache answers the resources after their first request and never the searches.
Prints throughput, p50/p99 and the error count; exits non-zero on any error (a status of 400
or more, or a connect, read, write or timeout error).

    .venv/bin/python bench/load_test.py [--duration 60] [--connections 64] [--write]
"""

from __future__ import annotations

import argparse
import itertools
import sys
import tempfile
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import databases, report, servers, workload
from bench.wrk import Measure, require_wrk, write_paths, wrk

ARTICLE = "russia-china-venezuela"
LISTS = [
    "/v1/articles",
    f"/v1/articles/{ARTICLE}",
    f"/v1/articles/{ARTICLE}/text",
    "/v1/sections?limit=100",
    "/v1/sections?level=2",
    "/v1/actors?kind=country",
    "/v1/actors?q=moscow",
    "/v1/figures?sort=-value&limit=10",
    "/v1/figures?from=2005&to=2015",
    "/v1/claims?actor=china",
    "/v1/claims?kind=fact&offset=20",
]
FILTERS = ["", "&type=claim", f"&article={ARTICLE}", "&limit=5", "&type=section&type=actor"]
# Searches per resource read in the rotation.
SEARCH_SHARE = 1


def paths(database: Path, text: str, count: int) -> list[str]:
    resources = workload.resource_paths(database) + LISTS
    queries = workload.search_queries(text, count)
    searches = [
        f"/v1/search?q={quote(q)}{FILTERS[i % len(FILTERS)]}" for i, q in enumerate(queries)
    ]
    mixed: list[str] = []
    rotation = itertools.cycle(resources)
    for i, search in enumerate(searches):
        mixed.append(search)
        if i % SEARCH_SHARE == SEARCH_SHARE - 1:
            mixed.append(next(rotation))
    return mixed


def render(result: Measure, args: argparse.Namespace, rss_mb: float) -> str:
    rows = [
        [
            f"{args.duration} s",
            str(args.connections),
            f"{result.requests:,}",
            f"{result.rps:,.0f}",
            f"{result.p50_ms:.2f}",
            f"{result.p99_ms:.2f}",
            f"{result.max_ms:.1f}",
            str(result.bad_status),
            str(result.socket_errors),
            f"{rss_mb:.0f}",
        ]
    ]
    header = [
        "duration",
        "connections",
        "requests",
        "req/s",
        "p50 ms",
        "p99 ms",
        "max ms",
        "status >= 400",
        "socket errors",
        "worker RSS MB",
    ]
    return "\n".join(
        [
            f"Measured {report.machine()}.",
            f"`wrk -t2 -c{args.connections} -d{args.duration}s`, uvicorn one worker "
            f"(`--loop {args.loop}`): one distinct search (a fifth of them filtered) for every "
            "resource read, the resources in rotation over every section, actor, figure and "
            "claim, the article, its text and filtered lists.",
            "",
            report.table(header, rows),
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=60)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--loop", default="auto", help="uvicorn --loop.")
    parser.add_argument("--write", action="store_true", help="Write docs/performance.md.")
    args = parser.parse_args()
    require_wrk()
    with tempfile.TemporaryDirectory(prefix="bench-load-") as tmp:
        work = Path(tmp)
        seed = databases.seed()
        db = databases.load_service(work / "facts.db", seed.articles, seed.curated.actors).path
        text = "\n".join(a.article.source_text for a in seed.articles)
        # More distinct searches than a minute can ask for: none repeats.
        rotation = write_paths(work / "mix.txt", paths(db, text, 8000 * args.duration))
        with servers.service(db, servers.UvicornOptions(loop=args.loop)) as service:
            result = wrk(
                service.base, rotation, seconds=args.duration, connections=args.connections
            )
            rss = service.rss_mb()
    text_out = render(result, args, rss)
    print(text_out)
    if args.write:
        report.write_section("bench/load_test.py", text_out)
        print(f"\nwritten to {report.PERFORMANCE_MD}")
    if result.errors:
        sys.exit(f"{result.errors} errors")


if __name__ == "__main__":
    main()
