"""Markdown for benchmark results, and writing it into docs/performance.md between markers."""

from __future__ import annotations

import datetime
import os
import platform
import re
from collections.abc import Sequence
from pathlib import Path

from bench.servers import REPO

PERFORMANCE_MD = REPO / "docs" / "performance.md"


def machine() -> str:
    model = "unknown CPU"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            model = line.split(":", 1)[1].strip()
            break
    today = datetime.date.today().isoformat()
    return (
        f"{today}, {os.cpu_count()} cores ({model}), Python {platform.python_version()}, "
        "wrk on the same machine (loopback)"
    )


def table(header: Sequence[str], rows: Sequence[Sequence[str]], right: int = 1) -> str:
    """A Markdown table; columns from `right` on are numbers, aligned right."""
    align = ["---" if i < right else "---:" for i in range(len(header))]
    lines = [header, align, *rows]
    return "\n".join("| " + " | ".join(cells) + " |" for cells in lines)


def write_section(marker: str, body: str, path: Path = PERFORMANCE_MD) -> None:
    """Replaces what lies between `<!-- marker -->` and `<!-- /marker -->` in the document."""
    text = path.read_text(encoding="utf-8")
    start, end = f"<!-- {marker} -->", f"<!-- /{marker} -->"
    pattern = re.compile(re.escape(start) + r".*?" + re.escape(end), re.DOTALL)
    if not pattern.search(text):
        raise SystemExit(f"{path}: no {start} ... {end} block to write into")
    path.write_text(pattern.sub(lambda _: f"{start}\n{body}\n{end}", text), encoding="utf-8")
