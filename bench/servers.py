"""Starting the servers a benchmark compares, each on a free loopback port, and stopping them.

Every server is a child process started here and stopped here by its own handle.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from app.core.db import sqlite_url

REPO = Path(__file__).resolve().parents[1]
HOST = "127.0.0.1"


@dataclass(frozen=True)
class Server:
    name: str
    base: str
    pid: int

    def rss_mb(self) -> float:
        """Resident memory of the process now (uvicorn with one worker serves in-process)."""
        for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        return float("nan")

    def cpu_seconds(self) -> float:
        """User and system CPU time of the process so far: what a run cost the server, which
        other work on the machine changes far less than it changes requests per second."""
        fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True)
class UvicornOptions:
    """The options both the service and the ceiling run under."""

    loop: str = "auto"  # uvloop when installed, as `article-facts serve` runs
    http: str = "auto"  # httptools when installed
    access_log: bool = False  # the service's JSON access lines (app.access), to /dev/null

    def args(self) -> list[str]:
        return [
            "--host",
            HOST,
            "--workers",
            "1",
            "--loop",
            self.loop,
            "--http",
            self.http,
            "--log-level",
            "warning",
            "--no-access-log",
            "--no-server-header",
        ]


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        port: int = s.getsockname()[1]
        return port


@contextlib.contextmanager
def run(
    name: str,
    command: list[str],
    env: dict[str, str],
    ready_path: str,
    port: int,
    cwd: Path = REPO,
) -> Iterator[Server]:
    base = f"http://{HOST}:{port}"
    process = subprocess.Popen(
        command, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    assert process.stderr is not None
    said = drain(process.stderr)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(base + ready_path, timeout=1) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                time.sleep(0.2)  # what it said last
                sys.exit(f"{name} did not start:\n{bytes(said).decode(errors='replace')}")
            time.sleep(0.1)
        yield Server(name, base, process.pid)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def drain(pipe: IO[bytes], keep: int = 20_000) -> bytearray:
    """Reads a server's stderr as a terminal or a log collector would, as it comes (a served
    access log writes a line per request: a pipe nobody reads would fill and stall the server);
    returns the buffer holding its last `keep` bytes."""
    tail = bytearray()

    def read() -> None:
        fd = pipe.fileno()
        while chunk := os.read(fd, 1 << 16):
            tail.extend(chunk)
            del tail[:-keep]
        pipe.close()

    threading.Thread(target=read, name="drain", daemon=True).start()
    return tail


def service(
    database: Path,
    options: UvicornOptions | None,
    *,
    cache_mb: int | None = None,
    name: str = "service",
    code: Path = REPO,
) -> contextlib.AbstractContextManager[Server]:
    """The service: `article-facts serve` as users run it when `options` is None (its own
    uvicorn options, the access log on, to stderr), else uvicorn's command line with `options`.
    `code` may be another copy of the repository (a baseline to compare): its `app` is imported
    first (`python -m` puts the working directory first on the path)."""
    port = free_port()
    env = {
        **os.environ,
        "ARTICLE_FACTS_DATABASE_URL": sqlite_url(database),
        "ARTICLE_FACTS_RATE_LIMIT_PER_MINUTE": "0",
        # bench.serve, when the other copy has none.
        "PYTHONPATH": str(REPO),
    }
    if cache_mb is not None:
        env["ARTICLE_FACTS_RESPONSE_CACHE_MB"] = str(cache_mb)
    if options is None:
        command = [sys.executable, "-m", "app", "serve", "--host", HOST, "--port", str(port)]
        return run(name, command, env, "/health", port, cwd=code)
    # `bench.serve` is uvicorn's own command line with the access log switched on first.
    module = ["bench.serve"] if options.access_log else ["uvicorn"]
    command = [
        sys.executable,
        "-m",
        *module,
        "app.main:create_app",
        "--factory",
        "--port",
        str(port),
        *options.args(),
    ]
    return run(name, command, env, "/health", port, cwd=code)


def ceiling(body_bytes: int, options: UvicornOptions) -> contextlib.AbstractContextManager[Server]:
    port = free_port()
    env = {**os.environ, "BENCH_BODY_BYTES": str(body_bytes)}
    command = [sys.executable, "-m", "uvicorn", "bench.ceiling:app", "--port", str(port)]
    return run("ceiling", [*command, *options.args()], env, "/", port)


def datasette_binary() -> Path:
    """Datasette from the `bench` extra, installed into this environment when missing."""
    binary = Path(sys.executable).with_name("datasette")
    if not binary.exists():
        print("installing the bench extra (datasette) ...", flush=True)
        subprocess.run(
            [sys.executable, "-m", "pip", "install", "--quiet", "-e", f"{REPO}[bench]"],
            check=True,
        )
    return binary


def datasette(database: Path) -> contextlib.AbstractContextManager[Server]:
    port = free_port()
    command = [str(datasette_binary()), "serve", str(database), "--host", HOST, "--port", str(port)]
    return run("datasette", command, dict(os.environ), "/-/versions.json", port)
