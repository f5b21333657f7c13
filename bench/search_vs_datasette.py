"""Search throughput and latency: this service's /v1/search against Datasette, in one run.

Both serve the seeded article from the same data: the service from a database loaded by the
real loader, Datasette from a copy of it with a plain FTS5 table (`docs_fts` over `docs`, the
layout Datasette's `_search` looks for). wrk (two threads, 32 connections, loopback only)
drives each in turn for a bounded time, with bench/rotate.lua walking a long list of distinct
queries built from the article's words, their prefixes and pairs of them, so that no request
repeats and the service's URL-keyed response cache never answers.

    .venv/bin/python bench/search_vs_datasette.py [--duration 10] [--connections 32]

Needs wrk (Debian: `apt-get install -y wrk`); installs the `bench` extra (Datasette) into
this interpreter's environment when it is missing.
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import json
import os
import random
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from app.core.folding import fold  # noqa: E402
from app.ingest.loader import load  # noqa: E402
from app.ingest.seed import read_seed  # noqa: E402
from app.search.query import tokens  # noqa: E402

LUA = REPO / "bench" / "rotate.lua"
PAGE_SIZE = 20
WARMUP_S = 2
# More distinct queries than either server can answer in one run: no URL is asked twice.
QUERIES = 80_000


@dataclass(frozen=True)
class Result:
    name: str
    requests: int
    seconds: float
    p50_ms: float
    p90_ms: float
    p99_ms: float
    max_ms: float
    bad_status: int
    socket_errors: int

    @property
    def rps(self) -> float:
        return self.requests / self.seconds


def ensure_tools() -> Path:
    if shutil.which("wrk") is None:
        sys.exit("wrk is missing: apt-get install -y wrk")
    datasette = Path(sys.executable).with_name("datasette")
    if not datasette.exists():
        print("installing the bench extra (datasette) ...", flush=True)
        subprocess.run(
            [sys.executable, "-m", "pip", "install", "--quiet", "-e", f"{REPO}[bench]"],
            check=True,
        )
    return datasette


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def build_databases(workdir: Path) -> tuple[Path, Path, str]:
    seed = read_seed(REPO / "seed")
    service_db = workdir / "facts.db"
    load(f"sqlite:///{service_db}", seed.articles, seed.curated.actors)
    datasette_db = workdir / "datasette.db"
    shutil.copy(service_db, datasette_db)
    with contextlib.closing(sqlite3.connect(datasette_db)) as conn, conn:
        # The same rows and text as the service's index, as Datasette expects them: a table
        # and an FTS5 index over it declared with content="docs".
        conn.executescript(
            """
            CREATE TABLE docs (rowid INTEGER PRIMARY KEY, type TEXT, ref TEXT, title TEXT,
                               body TEXT, aliases TEXT);
            INSERT INTO docs SELECT rowid, type, id, title, body, aliases FROM search_index;
            CREATE VIRTUAL TABLE docs_fts USING fts5(title, body, aliases, content="docs",
                                                     tokenize='porter unicode61');
            INSERT INTO docs_fts (docs_fts) VALUES ('rebuild');
            """
        )
    text = "\n".join(a.article.source_text for a in seed.articles)
    return service_db, datasette_db, text


def build_queries(text: str, count: int) -> list[str]:
    """Distinct queries a person might type: words, prefixes, pairs, in a shuffled order."""
    words = [w for w in tokens(fold(text)) if len(w) >= 3]
    vocabulary = sorted(set(words))
    queries: dict[str, None] = {}
    for word in vocabulary:
        queries[word] = None
        for end in range(3, len(word)):
            queries[word[:end]] = None
    for first, second in itertools.pairwise(words):
        queries[f"{first} {second}"] = None
    rng = random.Random(20261128)
    while len(queries) < count:
        first, second = rng.choice(vocabulary), rng.choice(vocabulary)
        tail = second[: rng.randint(3, len(second))]
        queries[f"{first} {tail}"] = None
    ordered = list(queries)[:count]
    rng.shuffle(ordered)
    return ordered


def write_paths(path: Path, template: str, queries: list[str]) -> Path:
    path.write_text("".join(template.format(q=quote(q)) + "\n" for q in queries))
    return path


@contextlib.contextmanager
def server(command: list[str], env: dict[str, str], ready_url: str) -> Iterator[None]:
    process = subprocess.Popen(  # started here, stopped here, by its own handle
        command, env=env, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(ready_url, timeout=1) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                stderr = process.stderr.read().decode() if process.stderr else ""
                sys.exit(f"{command[0]} did not start:\n{stderr}")
            time.sleep(0.1)
        yield
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def check(base: str, path: str) -> None:
    with urllib.request.urlopen(base + path, timeout=5) as response:
        body = json.loads(response.read())
    rows = body.get("items", body.get("rows"))
    if not rows:
        sys.exit(f"no results from {base}{path}: the comparison would be meaningless")


def wrk(base: str, paths: Path, *, seconds: int, threads: int, connections: int) -> dict[str, int]:
    command = [
        "wrk",
        f"-t{threads}",
        f"-c{connections}",
        f"-d{seconds}s",
        "--timeout",
        "5s",
        "-s",
        str(LUA),
        base,
        "--",
        str(paths),
        str(threads),
    ]
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    line = next(line for line in output.splitlines() if line.startswith("{"))
    figures: dict[str, int] = json.loads(line)
    return figures


def measure(name: str, base: str, warmup: Path, paths: Path, args: argparse.Namespace) -> Result:
    wrk(base, warmup, seconds=WARMUP_S, threads=args.threads, connections=args.connections)
    raw = wrk(
        base, paths, seconds=args.duration, threads=args.threads, connections=args.connections
    )
    return Result(
        name=name,
        requests=raw["requests"],
        seconds=raw["duration_us"] / 1e6,
        p50_ms=raw["p50_us"] / 1000,
        p90_ms=raw["p90_us"] / 1000,
        p99_ms=raw["p99_us"] / 1000,
        max_ms=raw["max_us"] / 1000,
        bad_status=raw["bad_status"],
        socket_errors=raw["socket_errors"],
    )


def report(results: list[Result], queries: int, args: argparse.Namespace) -> None:
    print(
        f"\nwrk -t{args.threads} -c{args.connections} -d{args.duration}s, {queries} distinct "
        "queries, loopback\n"
    )
    print(f"{'':12} {'req/s':>9} {'p50 ms':>8} {'p90 ms':>8} {'p99 ms':>8} {'max ms':>8} errors")
    for r in results:
        print(
            f"{r.name:12} {r.rps:9.0f} {r.p50_ms:8.2f} {r.p90_ms:8.2f} {r.p99_ms:8.2f} "
            f"{r.max_ms:8.2f} {r.bad_status + r.socket_errors}"
        )
    *services, datasette = results
    print()
    for service in services:
        print(
            f"{service.name} / datasette: {service.rps / datasette.rps:.1f}x the requests per "
            f"second, p99 {service.p99_ms:.1f} ms vs {datasette.p99_ms:.1f} ms"
        )
    for r in results:
        if r.requests * 2 > queries:
            print(f"warning: {r.name} answered more requests than half the distinct queries")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=10, help="Seconds per server.")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    datasette = ensure_tools()
    with tempfile.TemporaryDirectory(prefix="search-bench-") as tmp:
        workdir = Path(tmp)
        service_db, datasette_db, text = build_databases(workdir)
        queries = build_queries(text, QUERIES)
        warm, measured = queries[:5000], queries[5000:]
        service_path = "/v1/search?q={q}"
        datasette_path = f"/datasette/docs.json?_search={{q}}&_size={PAGE_SIZE}"
        files = {
            name: (
                write_paths(workdir / f"{name}-warm.txt", template, warm),
                write_paths(workdir / f"{name}.txt", template, measured),
            )
            for name, template in (("service", service_path), ("datasette", datasette_path))
        }
        service_port, datasette_port = free_port(), free_port()
        service_env = {
            **os.environ,
            "ARTICLE_FACTS_DATABASE_URL": f"sqlite:///{service_db}",
            "ARTICLE_FACTS_RATE_LIMIT_PER_MINUTE": "0",
        }
        service_cmd = [
            sys.executable,
            "-m",
            "uvicorn",
            "app.main:create_app",
            "--factory",
            "--host",
            "127.0.0.1",
            "--port",
            str(service_port),
            "--workers",
            "1",
            "--log-level",
            "warning",
            "--no-access-log",
        ]
        datasette_cmd = [
            str(datasette),
            "serve",
            str(datasette_db),
            "--host",
            "127.0.0.1",
            "--port",
            str(datasette_port),
        ]
        service_base = f"http://127.0.0.1:{service_port}"
        datasette_base = f"http://127.0.0.1:{datasette_port}"
        results = []
        # uvicorn's default loop is uvloop when installed (as `article-facts serve` runs it);
        # the asyncio loop is measured too: same throughput, far shorter tail (docs/search.md).
        for loop in ("auto", "asyncio"):
            with server([*service_cmd, "--loop", loop], service_env, service_base + "/health"):
                check(service_base, service_path.format(q="sukhoi"))
                name = "service" if loop == "auto" else "service/aio"
                results.append(measure(name, service_base, *files["service"], args))
        with server(datasette_cmd, dict(os.environ), datasette_base + "/-/versions.json"):
            check(datasette_base, datasette_path.format(q="sukhoi"))
            results.append(measure("datasette", datasette_base, *files["datasette"], args))
        report(results, len(measured), args)


if __name__ == "__main__":
    main()
