"""Does the search memos' bound hold over a long run of distinct queries? Peak RSS against a
baseline measured in the same run.

Runs the service as a user does: `article-facts serve` with the default settings, in a fresh
working folder (so it creates and seeds its own `data/article-facts.db`). First the baseline:
the same service answering one query over and over for `--baseline` seconds (its memos hold
one entry each; the response cache answers it). Then a fresh service answers distinct queries
(words, prefixes, pairs of the article's words, each with one of five filters, never one
twice) for `--duration` seconds, from `--connections` keep-alive connections. The worker's RSS
is read from /proc every second; its peak (VmHWM) is what the kernel saw. Exits non-zero on
any answer other than 200 or on a peak over `--limit-mb`.

    .venv/bin/python bench/search_memory.py [--duration 600] [--baseline 60] [--write]
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import itertools
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.core.folding import fold
from app.search.query import tokens
from bench import report, workload
from bench.servers import REPO, free_port

HOST = "127.0.0.1"
ARTICLE = "russia-china-venezuela"
FILTERS = ["", "&type=claim", f"&article={ARTICLE}", "&limit=5", "&type=section&type=actor"]
SERVE = Path(sys.executable).with_name("article-facts")


@dataclass
class Run:
    name: str
    seconds: float = 0.0
    requests: int = 0
    errors: int = 0
    # The paths ran out before the time did.
    exhausted: bool = False
    peak_mb: float = 0.0
    # RSS at the end of each minute.
    by_minute: list[float] = field(default_factory=list)


def rss_mb(pid: int, field_name: str) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field_name + ":"):
            return int(line.split()[1]) / 1024
    return 0.0


@contextlib.contextmanager
def service(folder: Path) -> Iterator[tuple[int, int]]:
    """`article-facts serve` in `folder`, with nothing set but its port; (pid, port)."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("ARTICLE_FACTS_")}
    process = subprocess.Popen(
        [str(SERVE), "serve", "--port", str(port)],
        cwd=folder,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 120
        while True:
            ready = f"http://{HOST}:{port}/ready"
            with contextlib.suppress(OSError), urllib.request.urlopen(ready, timeout=1) as answer:
                if answer.status == 200:
                    break
            if process.poll() is not None or time.monotonic() > deadline:
                sys.exit("article-facts serve did not start")
            time.sleep(0.2)
        yield process.pid, port
    finally:
        process.terminate()
        process.wait(timeout=30)


def drive(run: Run, port: int, pid: int, paths: Iterator[str], seconds: float, conns: int) -> Run:
    """Sends `paths` from `conns` threads for `seconds`; samples the worker's RSS."""
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def worker() -> None:
        conn = http.client.HTTPConnection(HOST, port, timeout=30)
        while time.monotonic() < stop:
            with lock:
                path = next(paths, None)
            if path is None:
                run.exhausted = True
                break
            conn.request("GET", path)
            answer = conn.getresponse()
            answer.read()
            with lock:
                run.requests += 1
                run.errors += answer.status != 200
        conn.close()

    threads = [threading.Thread(target=worker) for _ in range(conns)]
    start = time.monotonic()
    for thread in threads:
        thread.start()
    next_minute = start + 60
    while any(thread.is_alive() for thread in threads):
        time.sleep(1)
        if time.monotonic() >= next_minute:
            run.by_minute.append(rss_mb(pid, "VmRSS"))
            next_minute += 60
    run.seconds = time.monotonic() - start
    run.peak_mb = rss_mb(pid, "VmHWM")
    return run


def distinct_paths() -> Iterator[str]:
    """Distinct search URLs: the benchmarks' mix of words, prefixes and pairs
    (bench/workload.py), then every other pair of the article's words, the second one whole or
    as it is being typed, in a shuffled order."""
    text = (REPO / "seed" / f"{ARTICLE}.txt").read_text(encoding="utf-8")
    first = workload.search_queries(text, 100_000)
    seen = set(first)
    vocabulary = sorted({w for w in tokens(fold(text)) if len(w) >= 3})
    random.Random(20261205).shuffle(vocabulary)
    pairs = (
        f"{a} {b[:end]}"
        for a in vocabulary
        for b in vocabulary
        if a != b
        for end in range(3, len(b) + 1)
    )
    i = 0
    for query in itertools.chain(first, pairs):
        if query in seen and i >= len(first):
            continue
        seen.add(query)
        yield f"/v1/search?q={quote(query)}{FILTERS[i % len(FILTERS)]}"
        i += 1


def repeated_path() -> Iterator[str]:
    while True:
        yield "/v1/search?q=venezuela%20oil"


def render(baseline: Run, distinct: Run, args: argparse.Namespace) -> str:
    rows = [
        [
            run.name,
            f"{run.seconds:.0f}",
            f"{run.requests:,}",
            f"{run.requests / run.seconds:.0f}",
            f"{run.errors}",
            f"{run.peak_mb:.0f}",
            f"{run.peak_mb / baseline.peak_mb:.2f}",
            " / ".join(f"{mb:.0f}" for mb in run.by_minute) or "-",
        ]
        for run in (baseline, distinct)
    ]
    header = ["run", "s", "requests", "req/s", "errors", "peak RSS MB", "vs baseline"]
    return (
        f"{report.machine().replace('wrk', 'Python threads')}. `article-facts serve`, default "
        f"settings, the seeded article; {args.connections} keep-alive connections.\n\n"
        + report.table([*header, "RSS MB at each minute's end"], rows)
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=float, default=600)
    parser.add_argument("--baseline", type=float, default=60)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--limit-mb", type=float, default=200)
    parser.add_argument("--write", action="store_true", help="write docs/performance.md")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        with service(folder) as (pid, port):
            baseline = drive(
                Run("one query, repeated"), port, pid, repeated_path(), args.baseline, 1
            )
        paths = distinct_paths()
        with service(folder) as (pid, port):
            distinct = drive(
                Run("distinct queries"), port, pid, paths, args.duration, args.connections
            )
    body = render(baseline, distinct, args)
    print(body)
    if args.write:
        report.write_section("bench/search_memory.py", body)
    if distinct.exhausted:
        sys.exit("ran out of distinct queries before the time")
    if distinct.errors or baseline.errors or distinct.peak_mb > args.limit_mb:
        sys.exit(f"failed: errors or a peak over {args.limit_mb:.0f} MB")


if __name__ == "__main__":
    main()
