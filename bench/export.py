"""What a CSV or NDJSON page costs against the JSON page of the same rows, in one run.

Loads the seed article and synthetic ones (bench/corpus.py) with the real loader and runs the
app as `article-facts serve` runs it: its lifespan (the collector's freeze), the JSON access
log on (written to /dev/null), default settings. Each list's first page of 100 rows is then
asked for in the three formats, in turn, round after round, through the app's ASGI interface
(no sockets: the work is the service's own), the formats taking turns request by request:

- rendered every time, the response cache off (its only change to the defaults): what a page
  costs the first time it is asked for;
- answered from the response cache, with the default settings: what every later request for
  the same page costs.

Each request is timed alone, by the clock and by the event loop thread's CPU time (every part
of an answer on SQLite runs on that thread). On a machine shared with other work the clock also
counts the time the process waits for a core; the CPU time does not. Prints the medians and the
ratio of each export format to JSON; the target is 1.2 at most.

    .venv/bin/python bench/export.py [--articles 20] [--rounds 15] [--requests 40]
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import orjson

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.core.config import Settings
from app.core.db import sqlite_url
from app.main import create_app
from bench import databases
from bench.scale import build

LISTS = ["/v1/sections", "/v1/actors", "/v1/figures", "/v1/claims"]
FORMATS = {"json": b"", "csv": b"&format=csv", "ndjson": b"&format=ndjson"}
PAGE = b"limit=100&offset=0"
TARGET = 1.2
# (list, format) -> (wall seconds, CPU seconds) of each request
Samples = dict[tuple[str, str], list[tuple[float, float]]]


async def request(app: Any, path: str, query: bytes) -> tuple[int, bytes]:
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
    body = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]
        else:
            body.append(message.get("body", b""))

    await app(scope, receive, send)
    return status, b"".join(body)


async def measure(app: Any, rounds: int, requests: int) -> tuple[Samples, dict[str, int]]:
    """Every request's times, by list and format, and the rows of each list's page. The
    formats take turns request by request, and each request is timed alone, so a burst of
    other work on the machine falls on all three alike and the medians leave it out."""
    samples: Samples = {}
    rows: dict[str, int] = {}
    async with app.router.lifespan_context(app):
        for _ in range(rounds):
            for path in LISTS:
                queries = {name: PAGE + extra for name, extra in FORMATS.items()}
                for name, query in queries.items():
                    status, body = await request(app, path, query)
                    assert status == 200
                    if name == "json":
                        rows[path] = len(orjson.loads(body)["items"])
                for _ in range(requests):
                    for name, query in queries.items():
                        started, cpu = time.perf_counter(), time.thread_time()
                        await request(app, path, query)
                        took = (time.perf_counter() - started, time.thread_time() - cpu)
                        samples.setdefault((path, name), []).append(took)
    return samples, rows


def report(title: str, samples: Samples, rows: dict[str, int]) -> float:
    """Prints one table of medians and ratios; returns the worst ratio of CPU time."""
    print(f"{title}\n")
    print(
        "| list | rows | JSON µs | CSV µs | NDJSON µs | CSV / JSON | NDJSON / JSON"
        " | CPU: JSON µs | CSV µs | NDJSON µs | CSV / JSON | NDJSON / JSON |"
    )
    print("| --- |" + " ---: |" * 11)
    worst = 0.0
    for path in LISTS:
        wall = [statistics.median(t[0] for t in samples[(path, name)]) for name in FORMATS]
        cpu = [statistics.median(t[1] for t in samples[(path, name)]) for name in FORMATS]
        worst = max(worst, cpu[1] / cpu[0], cpu[2] / cpu[0])
        cells = [f"`{path}`", str(rows[path])]
        for medians in (wall, cpu):
            cells += [f"{m * 1e6:.0f}" for m in medians]
            cells += [f"{medians[1] / medians[0]:.2f}", f"{medians[2] / medians[0]:.2f}"]
        print("| " + " | ".join(cells) + " |")
    wall_worst = max(
        statistics.median(t[0] for t in samples[(path, name)])
        / statistics.median(t[0] for t in samples[(path, "json")])
        for path in LISTS
        for name in ("csv", "ndjson")
    )
    print(f"\nworst ratio: {wall_worst:.2f} by the clock, {worst:.2f} in CPU time\n")
    return worst


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--requests", type=int, default=40)
    args = parser.parse_args()
    facts, _ = build(args.articles)
    with tempfile.TemporaryDirectory() as work, Path(os.devnull).open("w") as devnull:
        # As `article-facts serve` logs: every access line formatted and written.
        logging.basicConfig(level=logging.INFO, format="%(message)s", stream=devnull)
        db = Path(work) / "facts.db"
        databases.load_service(db, facts, databases.seed().curated.actors)
        url = sqlite_url(db)
        rendered = asyncio.run(
            measure(
                create_app(Settings(database_url=url, response_cache_mb=0)),
                args.rounds,
                args.requests,
            )
        )
        cached = asyncio.run(
            measure(create_app(Settings(database_url=url)), args.rounds, args.requests)
        )
    print(f"{args.articles} articles, each list's first page of 100 rows at most, medians\n")
    worst = report("Rendered (response cache off)", *rendered)
    report("From the response cache (default settings)", *cached)
    print(f"rendered pages: worst ratio {worst:.2f} in CPU time (target {TARGET} at most)")


if __name__ == "__main__":
    main()
