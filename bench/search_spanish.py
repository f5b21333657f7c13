"""What Spanish in search costs: searches and loads, before and after, in the same run.

Each round runs one fresh process per code and corpus. It loads the corpus with that code into a
fresh SQLite file, then runs the distinct queries through the SQLite search in process, as a
serving worker does (one reader, its memos filling as the queries come), and reports the CPU
time of the load and of the searches (after a full garbage collection: see `child`). The code
before is a copy of another commit (`git archive COMMIT | tar -x -C DIR`). Corpora: the seed
(English only), and the seed with the Spanish article of bench/spanish.py; queries
(bench/workload.py): words, prefixes and pairs of the seed, and on the second corpus those of
the Spanish article too, interleaved. Medians of
the rounds, and each median's ratio to the code before.

    .venv/bin/python bench/search_spanish.py --before DIR [--queries 3000] [--rounds 3]
        [--postgres URL] [--write]
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import inspect
import json
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPORA = ("english", "mixed")


def child(code: Path, corpus: str, work: Path, postgres: str | None) -> dict[str, float]:
    """Runs in a fresh process with `code` first on the path: its own app, loader and index;
    on SQLite in a temporary file, or on the empty PostgreSQL database `postgres`."""
    sys.path.insert(0, str(code))
    from app.core.db import Database, sqlite_url
    from app.core.postgres import create_read_engine
    from app.ingest.loader import load
    from app.ingest.metadata import ArticleMeta
    from app.ingest.pipeline import build_article
    from app.ingest.seed import read_seed
    from app.search import postgres_backend
    from app.search.filters import SearchFilters

    try:  # the embedded engine, or FTS5 in code from before it
        from app.search.engine import searching as sqlite_search
    except ImportError:
        from app.search import backend as sqlite_search  # type: ignore[attr-defined, no-redef]

    assert Path(postgres_backend.__file__).is_relative_to(code), postgres_backend.__file__
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
        url = postgres or sqlite_url(Path(tmp) / "facts.db")
        started = time.process_time()
        load(url, articles, seed.curated.actors)
        load_s = time.process_time() - started
        if postgres:
            engine = create_read_engine(url, timeout_ms=2000)
            # As the service passes it (app/search/dispatch.py), where the code takes it.
            takes = "version" in inspect.signature(postgres_backend.search).parameters
            version = {"version": "1"} if takes else {}

            def run(q: str) -> object:
                return postgres_backend.search(
                    engine, q, SearchFilters(), limit=20, offset=0, **version
                )

            close = engine.dispose
        else:
            database = Database(url, timeout_ms=2000)

            def run(q: str) -> object:
                return sqlite_search.search(database, q, SearchFilters(), limit=20, offset=0)

            close = database.dispose
        # What the load left for the collector is collected first: one full collection more
        # or less in the timed searches (tens of milliseconds) would otherwise decide a run of
        # a few thousand of them, and which code it falls on is chance.
        gc.collect()
        started, wall = time.process_time(), time.perf_counter()
        for q in queries:
            run(q)
        search_s, wall_s = time.process_time() - started, time.perf_counter() - wall
        close()
    return {
        "load_ms": load_s * 1e3,
        "search_us": search_s / len(queries) * 1e6,
        "wall_us": wall_s / len(queries) * 1e6,
    }


def _run(code: Path, corpus: str, work: Path, postgres: str | None) -> dict[str, float]:
    command = [sys.executable, __file__, "--child", str(code), "--corpus", corpus]
    command += ["--work", str(work), *(["--url", postgres] if postgres else [])]
    out = subprocess.run(command, check=True, capture_output=True, text=True, cwd=code)
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


@contextlib.contextmanager
def _database(server: str | None) -> Iterator[str | None]:
    """A fresh empty database on the PostgreSQL server (dropped after), or None: SQLite."""
    if server is None:
        yield None
        return
    import psycopg
    from sqlalchemy.engine import make_url

    admin = make_url(server).set(drivername="postgresql").render_as_string(hide_password=False)
    name = f"article_facts_bench_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')  # our own hex name, never input
    try:
        yield make_url(server).set(database=name).render_as_string(hide_password=False)
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


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


Results = dict[tuple[str, str, str], list[dict[str, float]]]  # (backend, code, corpus) -> runs
# What each backend's rows show: CPU time in this process on SQLite (all of the work is here);
# the clock on PostgreSQL, whose server does much of it.
MEASURES = {
    "SQLite": (("search_us", "search, CPU µs each"), ("load_ms", "load, CPU ms")),
    "PostgreSQL": (("wall_us", "search, µs each (clock)"), ("load_ms", "load, CPU ms (client)")),
}


def _table(results: Results, queries: int) -> str:
    from bench import report

    rows = []
    for (backend, code, corpus), _ in sorted(results.items()):
        if code != "after":
            continue
        for key, label in MEASURES[backend]:
            before = statistics.median(r[key] for r in results[(backend, "before", corpus)])
            after = statistics.median(r[key] for r in results[(backend, "after", corpus)])
            rows.append(
                [
                    f"{backend}, {corpus}: {label}",
                    f"{before:,.0f}",
                    f"{after:,.0f}",
                    f"{after / before:.2f}x",
                ]
            )
    body = report.table(["backend, corpus: measure", "before", "after", "after/before"], rows)
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
    parser.add_argument("--postgres", help="a PostgreSQL server's URL: measure it too")
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--corpus", choices=CORPORA, help=argparse.SUPPRESS)
    parser.add_argument("--work", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--url", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        print(json.dumps(child(args.child.resolve(), args.corpus, args.work, args.url)))
        return
    if args.before is None:
        parser.error("--before DIR: a copy of the code to compare with")
    sys.path.insert(0, str(REPO))
    codes = {"before": args.before.resolve(), "after": REPO}
    servers = {"SQLite": None, **({"PostgreSQL": args.postgres} if args.postgres else {})}
    results: Results = {}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        _queries(work, args.queries)
        for round_ in range(args.rounds):
            # Alternated, so that neither code always runs on a warmer machine.
            order = ["before", "after"] if round_ % 2 == 0 else ["after", "before"]
            for backend, server in servers.items():
                for corpus in CORPORA:
                    for code in order:
                        with _database(server) as url:
                            result = _run(codes[code], corpus, work, url)
                        results.setdefault((backend, code, corpus), []).append(result)
                        print(round_, backend, corpus, code, result, flush=True)
    table = _table(results, args.queries)
    print(table)
    if args.write:
        from bench import report

        report.write_section("bench/search_spanish.py", table)


if __name__ == "__main__":
    main()
