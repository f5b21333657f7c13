"""Running wrk against a list of request paths, and what it measured.

Every run goes through bench/rotate.lua: each wrk thread walks its own share of a file of paths,
one per request, so a list longer than the run never repeats a URL. wrk runs for a fixed time
on loopback only, so every load here is bounded.
"""

from __future__ import annotations

import json
import shutil
import statistics
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

LUA = Path(__file__).resolve().parent / "rotate.lua"


@dataclass(frozen=True)
class Measure:
    """One wrk run."""

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

    @property
    def errors(self) -> int:
        return self.bad_status + self.socket_errors


@dataclass(frozen=True)
class Summary:
    """Several rounds of one scenario: medians, so one noisy round does not decide."""

    name: str
    rounds: tuple[Measure, ...]

    @property
    def rps(self) -> float:
        return statistics.median(m.rps for m in self.rounds)

    @property
    def p50_ms(self) -> float:
        return statistics.median(m.p50_ms for m in self.rounds)

    @property
    def p99_ms(self) -> float:
        return statistics.median(m.p99_ms for m in self.rounds)

    @property
    def worst_p99_ms(self) -> float:
        return max(m.p99_ms for m in self.rounds)

    @property
    def errors(self) -> int:
        return sum(m.errors for m in self.rounds)

    @property
    def requests(self) -> int:
        return sum(m.requests for m in self.rounds)


def require_wrk() -> None:
    if shutil.which("wrk") is None:
        sys.exit("wrk is missing: apt-get install -y wrk")


def write_paths(path: Path, paths: Sequence[str]) -> Path:
    path.write_text("".join(p + "\n" for p in paths), encoding="utf-8")
    return path


def wrk(
    base: str, paths: Path, *, seconds: float, threads: int = 2, connections: int = 32
) -> Measure:
    """Drives `base` with the paths in `paths` for `seconds` (loopback only)."""
    if not base.startswith(("http://127.0.0.1:", "http://localhost:")):
        raise ValueError(f"{base}: load goes to the loopback interface only")
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
    # wrk stops itself after `seconds`; the timeout only guards against a wedged wrk.
    output = subprocess.run(
        command, check=True, capture_output=True, text=True, timeout=seconds + 30
    ).stdout
    line = next(line for line in output.splitlines() if line.startswith("{"))
    raw = json.loads(line)
    return Measure(
        requests=raw["requests"],
        seconds=raw["duration_us"] / 1e6,
        p50_ms=raw["p50_us"] / 1000,
        p90_ms=raw["p90_us"] / 1000,
        p99_ms=raw["p99_us"] / 1000,
        max_ms=raw["max_us"] / 1000,
        bad_status=raw["bad_status"],
        socket_errors=raw["socket_errors"],
    )
