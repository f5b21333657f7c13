"""What Spanish in search costs: searches and loads, before and after, in the same run.

Each round runs one fresh process per code and corpus. It loads the corpus with that code into a
fresh SQLite file, then runs the distinct queries through `backend.search` in process, as a
serving worker does (one reader, its memos filling as the queries come), and reports the CPU
time of the load and of the searches (after a full garbage collection: see `child`). The code
before is a copy of another commit (`git archive COMMIT | tar -x -C DIR`). Corpora: the seed
(English only), and the seed with the Spanish article of bench/spanish.py; queries
(bench/workload.py): words, prefixes and pairs of the seed, and on the second corpus those of
the Spanish article too, interleaved. Medians of
the rounds, and each median's ratio to the code before.

    .venv/bin/python bench/search_spanish.py --before DIR [--queries 3000] [--rounds 3] [--write]
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPORA = ("english", "mixed")


def child(code: Path, corpus: str, work: Path) -> dict[str, float]:
    """Runs in a fresh process with `code` first on the path: its own app, loader and index."""
    sys.path.insert(0, str(code))
    from app.core.db import Database, sqlite_url
    from app.ingest.loader import load
    from app.ingest.metadata import ArticleMeta
    from app.ingest.pipeline import build_article
    from app.ingest.seed import read_seed
    from app.search import backend
    from app.search.filters import SearchFilters

    assert Path(backend.__file__).is_relative_to(code), backend.__file__
    seed = read_seed(code / "seed")
    articles = list(seed.articles)
    if corpus == "mixed":
        text = (work / "spanish.txt").read_text(encoding="utf-8")
        meta = ArticleMeta(language="es")
        slug = "petroleo-venezolano"
        spanish = build_article(
            text, slug=slug, source_name=f"{slug}.md", curated=seed.curated, meta=meta
        )
        articles.append(spanish)
    queries: list[str] = json.loads((work / f"{corpus}.json").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        url = sqlite_url(Path(tmp) / "facts.db")
        started = time.process_time()
        load(url, articles, seed.curated.actors)
        load_s = time.process_time() - started
        database = Database(url, timeout_ms=2000)
        # What the load left for the collector is collected first: one full collection more
        # or less in the timed searches (tens of milliseconds) would otherwise decide a run of
        # a few thousand of them, and which code it falls on is chance.
        gc.collect()
        started = time.process_time()
        for q in queries:
            backend.search(database, q, SearchFilters(), limit=20, offset=0)
        search_s = time.process_time() - started
        database.dispose()
    return {"load_ms": load_s * 1e3, "search_us": search_s / len(queries) * 1e6}


def _run(code: Path, corpus: str, work: Path) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", str(code), "--corpus", corpus, "--work", str(work)],
        check=True,
        capture_output=True,
        text=True,
        cwd=code,
    )
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def _queries(work: Path, count: int) -> None:
    from bench import spanish, workload

    english = workload.search_queries(
        (REPO / "seed" / "russia-china-venezuela.txt").read_text(), count
    )
    es = workload.search_queries(spanish.TEXT, count // 2, seed=7)
    mixed = [q for pair in zip(english[: count // 2], es, strict=False) for q in pair]
    (work / "english.json").write_text(json.dumps(english), encoding="utf-8")
    (work / "mixed.json").write_text(json.dumps(mixed), encoding="utf-8")
    (work / "spanish.txt").write_text(spanish.TEXT, encoding="utf-8")


def _table(results: dict[tuple[str, str], list[dict[str, float]]], queries: int) -> str:
    from bench import report

    rows = []
    for corpus in CORPORA:
        medians: dict[str, dict[str, float]] = {
            code: {
                k: statistics.median(r[k] for r in results[(code, corpus)])
                for k in ("load_ms", "search_us")
            }
            for code in ("before", "after")
        }
        for key, label in (("search_us", "search, CPU µs each"), ("load_ms", "load, CPU ms")):
            before, after = medians["before"][key], medians["after"][key]
            rows.append(
                [f"{corpus}: {label}", f"{before:,.0f}", f"{after:,.0f}", f"{after / before:.2f}x"]
            )
    body = report.table(["corpus: measure", "before", "after", "after/before"], rows)
    note = (
        f"{queries:,} distinct queries a process (`bench/search_spanish.py`), medians of the"
        " rounds; english: the seed; mixed: the seed and a short Spanish article, English and"
        " Spanish queries interleaved."
    )
    machine = report.machine().split(", wrk")[0]
    return f"Measured {machine}.\n{note}\n\n{body}"


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--before", type=Path)
    parser.add_argument("--queries", type=int, default=3_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--corpus", choices=CORPORA, help=argparse.SUPPRESS)
    parser.add_argument("--work", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        print(json.dumps(child(args.child.resolve(), args.corpus, args.work)))
        return
    if args.before is None:
        parser.error("--before DIR: a copy of the code to compare with")
    sys.path.insert(0, str(REPO))
    codes = {"before": args.before.resolve(), "after": REPO}
    results: dict[tuple[str, str], list[dict[str, float]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        _queries(work, args.queries)
        for round_ in range(args.rounds):
            # Alternated, so that neither code always runs on a warmer machine.
            order = ["before", "after"] if round_ % 2 == 0 else ["after", "before"]
            for corpus in CORPORA:
                for code in order:
                    result = _run(codes[code], corpus, work)
                    results.setdefault((code, corpus), []).append(result)
                    print(round_, corpus, code, result, flush=True)
    table = _table(results, args.queries)
    print(table)
    if args.write:
        from bench import report

        report.write_section("bench/search_spanish.py", table)


if __name__ == "__main__":
    main()
