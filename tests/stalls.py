"""A served process under load while its database stalls: what each read answered, how soon,
and how soon `/health` answered all the while (tests/test_stall.py, tests/postgres/test_stall.py).

The service runs as `article-facts serve` in its own process, as in production: one uvicorn
worker, one event loop. The load is concurrent GETs from one asyncio client, each on its own
connection; a second client asks `/health` every few tens of milliseconds until the load is
done. Every wait is bounded, so a service that freezes makes the test fail, not hang.
"""

from __future__ import annotations

import asyncio
import os
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

STARTUP_S = 30.0
# The time limit the served process runs with: the default.
TIMEOUT_MS = 2000
# What an answer may take beyond it on a loaded two-core machine, with 33 clients.
SLACK_S = 1.0
# `/health` never waits for the database: every probe is answered in a fraction of the time
# limit, most in a few milliseconds (a probe of a frozen worker waits HEALTH_TIMEOUT_S and is
# counted so). The bounds leave room for a machine shared with other work.
HEALTH_MAX_S = 0.5
HEALTH_MEDIAN_S = 0.1
# How long a client waits for any answer: well past every time limit under test.
CLIENT_TIMEOUT_S = 6.0
HEALTH_EVERY_S = 0.05
HEALTH_TIMEOUT_S = 1.0
PROBLEM_JSON = "application/problem+json"


@dataclass(frozen=True)
class Answer:
    path: str
    status: int | None  # None: no answer before the client gave up
    content_type: str
    detail: str  # a problem's detail, else ""
    seconds: float


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def serving(database_url: str, log: Path, **settings: str) -> Iterator[str]:
    """`article-facts serve` on a free loopback port, ready; its base URL."""
    port = free_port()
    env = {**os.environ, "ARTICLE_FACTS_DATABASE_URL": database_url}
    env.update({f"ARTICLE_FACTS_{key.upper()}": value for key, value in settings.items()})
    command = [str(Path(sys.prefix) / "bin" / "article-facts"), "serve", "--port", str(port)]
    with log.open("wb") as out:
        process = subprocess.Popen(command, env=env, stdout=out, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_ready(base, process)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


def _wait_ready(base: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + STARTUP_S
    while time.monotonic() < deadline:
        assert process.poll() is None, f"the service at {base} exited"
        try:
            if httpx.get(f"{base}/ready", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    raise AssertionError(f"the service at {base} was not ready in {STARTUP_S} s")


def assert_health_kept_answering(probes: list[float]) -> None:
    assert max(probes) < HEALTH_MAX_S, probes
    assert statistics.median(probes) < HEALTH_MEDIAN_S, probes


def under_load(base: str, paths: Sequence[str]) -> tuple[list[Answer], list[float]]:
    """Every path requested at once; the answers, and how long each `/health` probe took
    (a probe that got no answer counts as its timeout)."""
    return asyncio.run(_load(base, paths))


async def _load(base: str, paths: Sequence[str]) -> tuple[list[Answer], list[float]]:
    limits = httpx.Limits(max_connections=len(paths), max_keepalive_connections=0)
    async with (
        httpx.AsyncClient(base_url=base, timeout=CLIENT_TIMEOUT_S, limits=limits) as client,
        httpx.AsyncClient(base_url=base, timeout=HEALTH_TIMEOUT_S) as probe,
    ):
        done = asyncio.Event()
        probes: list[float] = []

        async def one(path: str) -> Answer:
            started = time.monotonic()
            try:
                response = await client.get(path)
            except httpx.TransportError:
                return Answer(path, None, "", "", time.monotonic() - started)
            seconds = time.monotonic() - started
            content_type = response.headers.get("content-type", "")
            detail = response.json()["detail"] if content_type == PROBLEM_JSON else ""
            return Answer(path, response.status_code, content_type, detail, seconds)

        async def health() -> None:
            while not done.is_set():
                started = time.monotonic()
                try:
                    ok = (await probe.get("/health")).status_code == 200
                except httpx.TransportError:
                    ok = False
                probes.append(time.monotonic() - started if ok else HEALTH_TIMEOUT_S)
                await asyncio.sleep(HEALTH_EVERY_S)

        prober = asyncio.create_task(health())
        answers = await asyncio.gather(*(one(path) for path in paths))
        done.set()
        await prober
    return list(answers), probes
