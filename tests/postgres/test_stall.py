"""A PostgreSQL server that stops answering: reads answer 503 in time, /health stays up.

A paused server (SIGSTOP, a frozen VM) or a network partition looks the same to a client:
the connection is open, and nothing comes back. Here a TCP proxy on loopback stands between
the service and the test server and stops forwarding bytes, in both directions, as such a
server would; nothing else on the shared server is touched. A refused connection is another,
easier fault (the driver fails at once), not tested here.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable, Coroutine, Iterator
from pathlib import Path
from typing import Any, TypeVar

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

from app.core import data_version, postgres
from tests.stalls import (
    HEALTH_MAX_S,
    PROBLEM_JSON,
    SLACK_S,
    TIMEOUT_MS,
    assert_health_kept_answering,
    serving,
    under_load,
)

T = TypeVar("T")
CACHED = "/v1/articles"
IN_TIME = "The database did not answer in time; try again shortly."
NOT_READY = "The database or its search index does not answer."
# Lists, resources and searches (each URL distinct: none is in the response cache), and
# readiness: 31 reads that meet the stalled server, 32 requests with the cached list.
STALLED = [
    *(f"/v1/sections?offset={i}" for i in range(10)),
    *(f"/v1/claims?offset={i}" for i in range(6)),
    *(f"/v1/search?q=oil&offset={i}" for i in range(10)),
    "/v1/articles/russia-china-venezuela",
    "/v1/actors/russia",
    "/v1/articles/russia-china-venezuela/text",
    "/v1/figures",
    "/ready",
]


class StallingProxy:
    """Forwards TCP between loopback clients and one server until `stall()`; from then on
    it holds every byte, new connections included, until `resume()`."""

    def __init__(self, host: str, port: int) -> None:
        self._upstream = (host, port)
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._flowing = asyncio.Event()
        self._flowing.set()
        self._tasks: set[asyncio.Task[None]] = set()
        self._writers: set[asyncio.StreamWriter] = set()
        self._server: asyncio.Server | None = None
        self.port = 0

    def start(self) -> None:
        self._thread.start()
        self._server = self._call(asyncio.start_server(self._accept, "127.0.0.1", 0))
        self.port = self._server.sockets[0].getsockname()[1]

    def stall(self) -> None:
        self._loop.call_soon_threadsafe(self._flowing.clear)

    def resume(self) -> None:
        self._loop.call_soon_threadsafe(self._flowing.set)

    def close(self) -> None:
        self._call(self._shutdown())
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=5)
        self._loop.close()

    def _call(self, coro: Coroutine[Any, Any, T]) -> T:
        return asyncio.run_coroutine_threadsafe(coro, self._loop).result(timeout=5)

    async def _shutdown(self) -> None:
        assert self._server is not None
        self._server.close()
        self._flowing.set()
        # Ended from outside, each pipe sees its connection go and returns.
        for writer in self._writers:
            writer.transport.abort()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        await self._server.wait_closed()

    async def _accept(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._tasks.add(task)
        ends = [writer]
        self._writers.add(writer)
        try:
            up_reader, up_writer = await asyncio.open_connection(*self._upstream)
            ends.append(up_writer)
            self._writers.add(up_writer)
            await asyncio.gather(self._pipe(reader, up_writer), self._pipe(up_reader, writer))
        except OSError:
            pass
        finally:
            for end in ends:
                end.close()
                self._writers.discard(end)
            self._tasks.discard(task)

    async def _pipe(self, source: asyncio.StreamReader, sink: asyncio.StreamWriter) -> None:
        try:
            while data := await source.read(1 << 16):
                await self._flowing.wait()
                sink.write(data)
                await sink.drain()
        except OSError:
            pass
        finally:
            sink.close()


@pytest.fixture
def proxy(pg_url: str) -> Iterator[StallingProxy]:
    server = make_url(pg_url)
    proxy = StallingProxy(server.host or "127.0.0.1", server.port or 5432)
    proxy.start()
    try:
        yield proxy
    finally:
        proxy.resume()
        proxy.close()


def through(proxy: StallingProxy, url: str) -> str:
    return (
        make_url(url).set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False)
    )


def within(seconds: float, work: Callable[[], object]) -> tuple[BaseException | None, float]:
    """`work()` on a thread of its own: what it raised and when it ended, or a failure if it is
    still blocked after `seconds` (the thread is left behind, stuck)."""
    outcome: list[tuple[BaseException | None, float]] = []

    def run() -> None:
        started = time.monotonic()
        try:
            work()
        except BaseException as exc:
            outcome.append((exc, time.monotonic() - started))
        else:
            outcome.append((None, time.monotonic() - started))

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(timeout=seconds)
    if not outcome:
        pytest.fail(f"still blocked after {seconds} s: a stalled server holds the thread")
    return outcome[0]


def test_a_stalled_server_frees_the_thread_soon_after_the_time_limit(
    proxy: StallingProxy, pg_url: str
) -> None:
    engine = postgres.create_read_engine(through(proxy, pg_url), timeout_ms=500)

    def select_one() -> None:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1")).scalar_one()

    try:
        select_one()  # a pooled connection, checked by a ping before its next use
        proxy.stall()
        # The ping of the pooled connection never gets its answer.
        error, seconds = within(5, select_one)
        assert isinstance(error, OperationalError)
        watched = 0.5 + postgres.SERVER_CANCEL_GRACE_S
        assert watched <= seconds < watched + SLACK_S
        # A new connection: the server accepts it and never says more.
        error, seconds = within(5, select_one)
        assert isinstance(error, OperationalError)
        assert seconds < postgres.MIN_CONNECT_TIMEOUT_S + SLACK_S
        proxy.resume()
        select_one()
    finally:
        engine.dispose()


def test_a_stalled_server_is_a_503_in_time_and_health_stays_up(
    proxy: StallingProxy, pg_url: str, tmp_path: Path
) -> None:
    log = tmp_path / "serve.log"
    with serving(through(proxy, pg_url), log, query_timeout_ms=str(TIMEOUT_MS)) as base:
        # The list is cached, the search and read pools warm.
        for path in (CACHED, "/v1/search?q=oil", "/v1/sections"):
            assert httpx.get(f"{base}{path}", timeout=5).status_code == 200
        proxy.stall()
        # Past the data-version poll's interval: the next request would have polled.
        time.sleep(data_version.POLL_INTERVAL_S + 0.2)
        answers, probes = under_load(base, [CACHED, *STALLED])
        proxy.resume()
        deadline = time.monotonic() + 10
        while httpx.get(f"{base}/v1/sections?offset=99", timeout=5).status_code != 200:
            assert time.monotonic() < deadline, "no recovery after the server resumed"
            time.sleep(0.2)
    expected = [(CACHED, 200, "application/json", "")]
    expected += [(path, 503, PROBLEM_JSON, IN_TIME) for path in STALLED[:-1]]
    expected += [("/ready", 503, PROBLEM_JSON, NOT_READY)]
    found = [(a.path, a.status, a.content_type, a.detail) for a in answers]
    assert found == expected, log.read_text()
    assert answers[0].seconds < HEALTH_MAX_S
    assert max(a.seconds for a in answers) < TIMEOUT_MS / 1000 + SLACK_S
    assert_health_kept_answering(probes)
