"""What `article-facts serve` guarantees on the wire, run as a real process on 127.0.0.1.

uvicorn's own defaults are part of what is tested: its proxy-header handling (which believed
`X-Forwarded-For` from 127.0.0.1) and its connection handling (which never closed a socket
that sent nothing).
"""

from __future__ import annotations

import json
import os
import resource
import selectors
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from app.core.connections import MAX_HEAD_BYTES
from app.core.serving import RESERVED_FILES
from tests.conftest import REPO

STARTUP_S = 20.0
IDLE_SOCKETS = 2_500
MAX_CONNECTIONS = 1_000
HEADER_TIMEOUT = 3
KEEP_ALIVE_TIMEOUT = 1


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Served:
    """`article-facts serve` on a free port with these settings, until `stop`."""

    def __init__(self, database_url: str, settings: dict[str, str]) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = {
            **{k: v for k, v in os.environ.items() if not k.startswith("ARTICLE_FACTS_")},
            "ARTICLE_FACTS_DATABASE_URL": database_url,
            **settings,
        }
        self.process = subprocess.Popen(
            [str(Path(sys.prefix) / "bin" / "article-facts"), "serve", "--port", str(self.port)],
            env=env,
            cwd=REPO,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    def wait_ready(self) -> None:
        deadline = time.monotonic() + STARTUP_S
        while time.monotonic() < deadline:
            assert self.process.poll() is None, "serve exited"
            try:
                if httpx.get(f"{self.url}/health", timeout=1).status_code == 200:
                    return
            except httpx.TransportError:
                time.sleep(0.1)
        pytest.fail(f"serve did not answer in {STARTUP_S} s")

    def connect(self) -> socket.socket:
        return socket.create_connection(("127.0.0.1", self.port), timeout=5)

    def open_files(self) -> int:
        return sum(1 for _ in Path(f"/proc/{self.process.pid}/fd").iterdir())

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


# uvicorn's and the service's defaults, with a rate limit.
DEFAULTS = {"ARTICLE_FACTS_RATE_LIMIT_PER_MINUTE": "60"}
# Behind a proxy on 127.0.0.1, with short timeouts and a connection cap.
GUARDED = {
    "ARTICLE_FACTS_RATE_LIMIT_PER_MINUTE": "2",
    "ARTICLE_FACTS_TRUSTED_PROXIES": "127.0.0.1",
    "ARTICLE_FACTS_MAX_CONNECTIONS": str(MAX_CONNECTIONS),
    "ARTICLE_FACTS_HEADER_TIMEOUT": str(HEADER_TIMEOUT),
    "ARTICLE_FACTS_KEEP_ALIVE_TIMEOUT": str(KEEP_ALIVE_TIMEOUT),
}


@pytest.fixture(scope="module")
def servers(database_url: str) -> Iterator[dict[str, Served]]:
    """Both servers, started together."""
    started: dict[str, Served] = {}
    try:
        for name, settings in [("defaults", DEFAULTS), ("guarded", GUARDED)]:
            started[name] = Served(database_url, settings)
        for served in started.values():
            served.wait_ready()
        yield started
    finally:
        for served in started.values():
            served.stop()


@pytest.fixture
def defaults(servers: dict[str, Served]) -> Served:
    return servers["defaults"]


@pytest.fixture
def guarded(servers: dict[str, Served]) -> Served:
    return servers["guarded"]


def test_a_forwarded_for_header_from_localhost_does_not_make_a_new_client(
    defaults: Served,
) -> None:
    # uvicorn's defaults believed X-Forwarded-For from 127.0.0.1: each request was a new client.
    with httpx.Client(base_url=defaults.url, timeout=5) as client:
        statuses = [
            client.get("/v1/articles", headers={"X-Forwarded-For": f"198.51.100.{n}"}).status_code
            for n in range(70)
        ]
    assert statuses == [200] * 60 + [429] * 10


def test_behind_a_trusted_proxy_each_forwarded_client_has_its_own_bucket(
    guarded: Served,
) -> None:
    with httpx.Client(base_url=guarded.url, timeout=5) as client:
        statuses = [
            client.get("/v1/articles", headers={"X-Forwarded-For": f"198.51.100.{n}"}).status_code
            for n in range(3)
            for _ in range(3)
        ]
    assert statuses == [200, 200, 429] * 3


def wait_closed(sockets: list[socket.socket], within: float) -> list[socket.socket]:
    """Waits until the server has closed each socket; returns those it has not closed."""
    with selectors.DefaultSelector() as selector:
        for sock in sockets:
            selector.register(sock, selectors.EVENT_READ)
        deadline = time.monotonic() + within
        while selector.get_map() and time.monotonic() < deadline:
            for key, _ in selector.select(timeout=0.1):
                try:
                    data = key.fileobj.recv(65536)  # type: ignore[union-attr]
                except ConnectionResetError:
                    data = b""
                if not data:
                    selector.unregister(key.fileobj)
        return [key.fileobj for key in selector.get_map().values()]  # type: ignore[misc]


@pytest.fixture
def room_for_sockets() -> None:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    needed = IDLE_SOCKETS + 256
    if soft < needed:
        if hard != resource.RLIM_INFINITY and hard < needed:
            pytest.skip(f"the open-file limit ({hard}) is below the {needed} this test holds")
        resource.setrlimit(resource.RLIMIT_NOFILE, (needed, hard))


@pytest.mark.usefixtures("room_for_sockets")
def test_silent_connections_cannot_keep_health_unanswered(guarded: Served) -> None:
    sockets: list[socket.socket] = []
    try:
        for _ in range(IDLE_SOCKETS):
            sockets.append(guarded.connect())
        opened = time.monotonic()
        started = time.monotonic()
        health = httpx.get(f"{guarded.url}/health", timeout=1)
        assert health.status_code == 200
        assert time.monotonic() - started < 1
        # The cap holds: the sockets idle the longest made room for the newer ones.
        files = guarded.open_files()
        assert files <= MAX_CONNECTIONS + RESERVED_FILES
        left = wait_closed(sockets, within=HEADER_TIMEOUT + 3)
        assert left == []
        assert time.monotonic() - opened >= HEADER_TIMEOUT - 0.5
    finally:
        for sock in sockets:
            sock.close()


def close_time(sock: socket.socket, within: float, trickle: bytes = b"") -> float:
    """Seconds until the server closes the socket, sending a byte of `trickle` every 0.2 s."""
    started = time.monotonic()
    sock.setblocking(False)
    while time.monotonic() - started < within:
        try:
            if sock.recv(65536) == b"":
                return time.monotonic() - started
        except BlockingIOError:
            pass
        except ConnectionResetError:
            return time.monotonic() - started
        if trickle:
            sock.send(trickle[:1])
            trickle = trickle[1:]
        time.sleep(0.2)
    pytest.fail(f"the server kept the connection open for {within} s")


def test_slow_heads_and_idle_keep_alive_connections_are_closed(guarded: Served) -> None:
    with guarded.connect() as slow:
        # A byte every 0.2 s never completes the head in time: bytes do not restart the clock.
        waited = close_time(
            slow, within=HEADER_TIMEOUT + 3, trickle=b"GET /health HTTP/1.1\r\n" * 3
        )
        assert HEADER_TIMEOUT - 0.5 < waited < HEADER_TIMEOUT + 1.5
    with guarded.connect() as idle:
        idle.sendall(b"GET /health HTTP/1.1\r\nHost: x\r\n\r\n")
        assert idle.recv(65536).startswith(b"HTTP/1.1 200 ")
        waited = close_time(idle, within=HEADER_TIMEOUT + 3)
        # Closed by the keep-alive timeout, well before the head timeout would have.
        assert KEEP_ALIVE_TIMEOUT - 0.5 < waited < HEADER_TIMEOUT - 0.5


def test_a_head_that_never_ends_is_431(defaults: Served) -> None:
    with defaults.connect() as sock:
        sock.sendall(b"GET /health HTTP/1.1\r\nX-Padding: " + b"a" * MAX_HEAD_BYTES)
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.split(b"\r\n")[0] == b"HTTP/1.1 431 Request Header Fields Too Large"
    assert b"content-type: application/problem+json" in head.split(b"\r\n")
    assert json.loads(body) == {
        "type": "about:blank",
        "title": "Request Header Fields Too Large",
        "status": 431,
        "detail": f"The request head is longer than {MAX_HEAD_BYTES} bytes.",
    }
