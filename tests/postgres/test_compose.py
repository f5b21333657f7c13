"""compose.yaml's scale-out topology, run as processes: no container engine needed.

The seed service's command, then three replicas started with the image's CMD (each on its own
port instead of a container's), all on one PostgreSQL database with the environment compose.yaml
gives them. They must answer alike, and an article loaded while they serve (the compose file's
`run --rm seed ... ingest`) must reach every replica without a restart.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

from tests.conftest import REPO
from tests.test_deploy import image_command, option, services

REPLICAS = 3
STARTUP_S = 30.0
# Replicas poll the data version at most once a second (docs/postgres.md).
PROPAGATION_S = 10.0


def executable(command: list[str]) -> list[str]:
    """The image's `.venv/bin/...` is this test run's own virtualenv."""
    return [str(Path(sys.prefix) / "bin" / Path(command[0]).name), *command[1:]]


def environment(service: str, database_url: str) -> dict[str, str]:
    given = {key: str(value) for key, value in services()[service]["environment"].items()}
    given["ARTICLE_FACTS_DATABASE_URL"] = database_url
    return {**os.environ, **given}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_ready(url: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + STARTUP_S
    while time.monotonic() < deadline:
        assert process.poll() is None, f"the replica at {url} exited"
        try:
            if httpx.get(f"{url}/ready", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    pytest.fail(f"the replica at {url} was not ready in {STARTUP_S} s")


@pytest.fixture
def database_url(postgres_database: Callable[[], str]) -> str:
    url = postgres_database()
    seed = services()["seed"]
    subprocess.run(
        executable(seed["command"]),
        env=environment("seed", url),
        cwd=REPO,
        check=True,
        capture_output=True,
    )
    return url


@pytest.fixture
def replicas(database_url: str) -> Iterator[list[str]]:
    command = image_command()
    processes: list[tuple[str, subprocess.Popen[bytes]]] = []
    try:
        for _ in range(REPLICAS):
            port = free_port()
            argv = executable(command)
            argv[argv.index(option(command, "--port"))] = str(port)
            argv[argv.index(option(command, "--host"))] = "127.0.0.1"
            process = subprocess.Popen(
                argv,
                env=environment("api", database_url),
                cwd=REPO,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            processes.append((f"http://127.0.0.1:{port}", process))
        for url, process in processes:
            wait_ready(url, process)
        yield [url for url, _ in processes]
    finally:
        for _, process in processes:
            process.terminate()
        for _, process in processes:
            process.wait(timeout=10)


def slugs(url: str) -> list[str]:
    response = httpx.get(f"{url}/v1/articles", timeout=5)
    assert response.status_code == 200
    return [item["id"] for item in response.json()["items"]]


def test_replicas_answer_alike(replicas: list[str]) -> None:
    paths = ["/v1/articles", "/v1/sections?limit=5", "/v1/actors/russia", "/v1/search?q=rosneft"]
    for path in paths:
        bodies = {httpx.get(f"{url}{path}", timeout=5).content for url in replicas}
        assert len(bodies) == 1, f"{path} differs between replicas"
    assert slugs(replicas[0]) == ["russia-china-venezuela"]


def test_an_article_loaded_while_serving_reaches_every_replica(
    replicas: list[str], database_url: str
) -> None:
    for url in replicas:  # every replica has cached the list before the load
        assert slugs(url) == ["russia-china-venezuela"]
    article = REPO / "tests" / "data" / "chips-race.txt"
    subprocess.run(
        [*executable([".venv/bin/article-facts"]), "ingest", str(article)],
        env=environment("seed", database_url),
        cwd=REPO,
        check=True,
        capture_output=True,
    )
    expected = ["chips-race", "russia-china-venezuela"]
    deadline = time.monotonic() + PROPAGATION_S
    waiting = set(replicas)
    while waiting and time.monotonic() < deadline:
        waiting = {url for url in waiting if sorted(slugs(url)) != expected}
        time.sleep(0.2)
    assert not waiting, f"replicas still serving the old data: {sorted(waiting)}"
