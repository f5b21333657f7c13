"""What `article-facts serve` guarantees on the wire, run as a real process on 127.0.0.1.

uvicorn's own defaults are part of what is tested: its proxy-header handling believed
`X-Forwarded-For` from 127.0.0.1.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.conftest import REPO

STARTUP_S = 20.0


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

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


# uvicorn's and the service's defaults, with a rate limit.
DEFAULTS = {"ARTICLE_FACTS_RATE_LIMIT_PER_MINUTE": "60"}
# Behind a proxy on 127.0.0.1.
GUARDED = {
    "ARTICLE_FACTS_RATE_LIMIT_PER_MINUTE": "2",
    "ARTICLE_FACTS_TRUSTED_PROXIES": "127.0.0.1",
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
