"""What a CSV or NDJSON page costs against the JSON page of the same rows, in one run.

Loads the seed article and synthetic ones (bench/corpus.py) with the real loader, builds the
app with its response cache off (every request is rendered), and answers each list's page of
100 rows in the three formats, in turn, round after round, through the app's ASGI interface
(no sockets: the work is the service's own), the formats taking turns request by request.
Prints the median per request and the ratio of each export format to JSON; the target is 1.2
at most.

    .venv/bin/python bench/export.py [--articles 20] [--rounds 15] [--requests 40]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.core.config import Settings
from app.core.db import sqlite_url
from app.main import create_app
from bench import databases
from bench.scale import build

LISTS = ["/v1/sections", "/v1/actors", "/v1/figures", "/v1/claims"]
FORMATS = {"json": b"", "csv": b"&format=csv", "ndjson": b"&format=ndjson"}
TARGET = 1.2


async def request(app: Any, path: str, query: bytes) -> int:
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": query,
        "root_path": "",
        "headers": [(b"host", b"bench")],
        "client": ("127.0.0.1", 1),
        "server": ("bench", 80),
    }
    status = 0

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]

    await app(scope, receive, send)
    return status


async def measure(app: Any, rounds: int, requests: int) -> dict[tuple[str, str], float]:
    """The median seconds per request of each list and format. The formats take turns request
    by request, and each request is timed alone, so a burst of other work on the machine falls
    on all three alike and the medians leave it out."""
    samples: dict[tuple[str, str], list[float]] = {}
    for _ in range(rounds):
        for path in LISTS:
            queries = {name: b"limit=100&offset=100" + extra for name, extra in FORMATS.items()}
            for query in queries.values():
                assert await request(app, path, query) == 200
            for _ in range(requests):
                for name, query in queries.items():
                    started = time.perf_counter()
                    await request(app, path, query)
                    took = time.perf_counter() - started
                    samples.setdefault((path, name), []).append(took)
    return {key: statistics.median(values) for key, values in samples.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--requests", type=int, default=40)
    args = parser.parse_args()
    facts, _ = build(args.articles)
    with tempfile.TemporaryDirectory() as work:
        db = Path(work) / "facts.db"
        databases.load_service(db, facts, databases.seed().curated.actors)
        settings = Settings(database_url=sqlite_url(db), response_cache_mb=0)
        medians = asyncio.run(measure(create_app(settings), args.rounds, args.requests))
    print(f"{args.articles} articles, pages of 100 rows (offset 100), cache off, medians\n")
    print("| list | JSON µs | CSV µs | NDJSON µs | CSV / JSON | NDJSON / JSON |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    worst = 0.0
    for path in LISTS:
        json_s, csv_s, nd_s = (medians[(path, name)] for name in FORMATS)
        worst = max(worst, csv_s / json_s, nd_s / json_s)
        print(
            f"| `{path}` | {json_s * 1e6:.0f} | {csv_s * 1e6:.0f} | {nd_s * 1e6:.0f} |"
            f" {csv_s / json_s:.2f} | {nd_s / json_s:.2f} |"
        )
    print(f"\nworst ratio {worst:.2f} (target {TARGET} at most)")


if __name__ == "__main__":
    main()
