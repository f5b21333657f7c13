"""`article-facts ingest` with several files, as a user runs it: the recognizer on against rules
only, in the same run.

Writes `--articles` generated articles of about 1,500 words (bench/ingest_speed.py's
generator: the same on every machine) as .txt files, then for each pipeline runs
`article-facts ingest <every file>` into a fresh SQLite database, with default settings (one
worker per core) but for `ARTICLE_FACTS_RECOGNIZER`: `none`, then `spacy`. Each command is
timed whole: starting Python, importing, forking the workers, loading the models, reading,
and the one load into the database. For each it prints

- articles per second of wall time, and the ratio to rules only;
- articles per CPU second (the command and its workers, user + system);
- the peak, over the run, of the resident memory (RSS) of the command and its workers summed,
  and of their proportional set size (PSS: a page shared by n processes counts 1/n in each),
  sampled from /proc/<pid>/smaps_rollup every 50 ms.

The load average (`os.getloadavg`) is printed before and after: other work on the machine
takes cores from the workers, and wall-clock rates move with it; CPU per article less so.

    .venv/bin/python -m bench.ingest_cli [--articles 120] [--rounds 1]
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bench.ingest_speed import article

REPO = Path(__file__).resolve().parent.parent
PIPELINES = (("rules only", "none"), ("recognizer", "spacy"))
SAMPLE_SECONDS = 0.05


@dataclass(frozen=True)
class Run:
    wall: float
    cpu: float
    rss_mb: float
    pss_mb: float


def _children(pid: int) -> list[int]:
    """`pid` and every process descended from it, now."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(entry.name)] = int(fields[1])
    family, grew = {pid}, True
    while grew:
        more = {child for child, parent in parents.items() if parent in family} - family
        family |= more
        grew = bool(more)
    return sorted(family)


def _memory(pids: Sequence[int]) -> tuple[int, int]:
    """RSS and PSS summed over `pids`, in KiB."""
    rss = pss = 0
    for pid in pids:
        try:
            rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
        except OSError:
            continue
        for line in rollup.splitlines():
            if line.startswith("Rss:"):
                rss += int(line.split()[1])
            elif line.startswith("Pss:"):
                pss += int(line.split()[1])
    return rss, pss


def run(files: Sequence[Path], recognizer: str, database: Path) -> Run:
    env = {
        **os.environ,
        "ARTICLE_FACTS_RECOGNIZER": recognizer,
        "ARTICLE_FACTS_DATABASE_URL": f"sqlite:///{database}",
        "ARTICLE_FACTS_SEED_DIR": str(REPO / "seed"),
    }
    command = [sys.executable, "-m", "app", "ingest", *map(str, files)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=REPO
    )
    peak = [0, 0]

    def sample() -> None:
        while process.poll() is None:
            rss, pss = _memory(_children(process.pid))
            peak[0], peak[1] = max(peak[0], rss), max(peak[1], pss)
            time.sleep(SAMPLE_SECONDS)

    sampler = threading.Thread(target=sample)
    sampler.start()
    _, stderr = process.communicate()
    wall = time.perf_counter() - started
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if process.returncode:
        raise SystemExit(f"ingest failed ({process.returncode}):\n{stderr.decode()[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Run(wall, cpu, peak[0] / 1024, peak[1] / 1024)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=120)
    parser.add_argument("--rounds", type=int, default=1)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="ingest-cli-") as tmp:
        folder = Path(tmp)
        files = []
        for i in range(args.articles):
            path = folder / f"article-{i}.txt"
            path.write_text(article(i))
            files.append(path)
        words = sum(len(p.read_text().split()) for p in files) / len(files)
        print(f"{len(files)} articles of {words:,.0f} words on average, {os.cpu_count()} cores")
        # The language detector's cache and the OS's file cache warm, as on a machine in use.
        run(files[:2], "spacy", folder / "warm.db")
        load = os.getloadavg()
        results: dict[str, list[Run]] = {name: [] for name, _ in PIPELINES}
        for n in range(args.rounds):
            for name, recognizer in PIPELINES:
                database = folder / f"{recognizer}-{n}.db"
                results[name].append(run(files, recognizer, database))
        after = os.getloadavg()
    print(f"load average (1, 5, 15 min) before: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    print(f"load average (1, 5, 15 min) after:  {after[0]:.2f} {after[1]:.2f} {after[2]:.2f}")
    print(
        "| pipeline | round | articles/s | vs rules only | articles per CPU second "
        "| CPU ms per article | peak RSS, all processes | peak PSS, all processes |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for n in range(args.rounds):
        rules = len(files) / results["rules only"][n].wall
        for name, _ in PIPELINES:
            r = results[name][n]
            rate = len(files) / r.wall
            print(
                f"| {name} | {n + 1} | {rate:.1f} | {rate / rules:.2f} | {len(files) / r.cpu:.1f} "
                f"| {r.cpu / len(files) * 1000:.0f} | {r.rss_mb:.0f} MB | {r.pss_mb:.0f} MB |"
            )


if __name__ == "__main__":
    main()
