"""How loading and search scale with the corpus: 1, 1,000 and 10,000 articles.

For each size: the seed article plus synthetic ones (bench/corpus.py) are read by the real
pipeline (`build_article`) and written by the real loader (`load`, one call with all of them);
then the service (uvicorn, one worker) serves the database and wrk drives `/v1/search` with
distinct queries made of the seed's words (none repeats, so no cached answer is served).
Prints, per size: load time and articles per second (building the facts and writing them, each
timed), database size, search throughput and p50/p99, the median and 90th-percentile share of
the index's rows a query matches, and the serving worker's resident memory after the search run.

`--corpus realistic` takes the synthetic articles from bench/realistic.py instead (English
prose with wordfreq's vocabulary, tens of thousands of distinct words), and the queries from
the seed and the first realistic articles' words.

    .venv/bin/python bench/scale.py [--sizes 1,1000,10000] [--corpus seed|realistic]
        [--service serve|uvicorn]
        [--duration 10] [--write]

10,000 articles take several minutes to build and load on a 2-core machine; `--sizes 1,1000`
is the quick run.
"""

from __future__ import annotations

import argparse
import gc
import resource
import sqlite3
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import tantivy

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.core.db import Database, sqlite_url
from app.ingest.article import prepare_article
from app.ingest.curated import ActorEntry
from app.ingest.loader import load
from app.ingest.metadata import ArticleMeta
from app.ingest.pipeline import ArticleFacts, build_article
from app.search.aliases import ActorNames, spans
from app.search.engine import queries as engine_queries
from app.search.engine import searching, store
from app.search.engine.schema import open_index
from app.search.filters import SearchFilters
from app.search.query import parse
from app.search.schemas import SearchMode
from bench import corpus, databases, realistic, report, servers, workload
from bench.wrk import Measure, require_wrk, write_paths, wrk

QUERIES_PER_SECOND = 6000
# Targets at 10,000 articles: in process p99 <= 50 ms; through HTTP p99 <= 100 ms and at least
# half the throughput of one article; the worker's RSS (mapped index pages included).
SEARCH_P99_TARGET_MS = 50.0
HTTP_P99_TARGET_MS = 100.0
HTTP_THROUGHPUT_MIN_RATIO = 0.5
RSS_TARGET_MB = 250.0
LOAD_TARGET_PER_S = 70.0
IN_PROCESS_QUERIES = 2_000  # distinct queries timed in process, per size


@dataclass(frozen=True)
class SizeResult:
    articles: int
    build_s: float
    load_s: float
    db_mb: float
    index_rows: int
    search: Measure
    rss_mb: float
    shares: tuple[float, float]  # the median and 90th-percentile query's share of index rows
    in_process: tuple[float, float]  # p50 and p99 ms of a search in process (top 20, exact)

    @property
    def per_second(self) -> float:
        return self.articles / (self.build_s + self.load_s)


CORPORA = {"seed": corpus.articles, "realistic": realistic.articles}
SHARE_SAMPLE = 300  # queries whose matches are counted, per size
REALISTIC_QUERY_ARTICLES = 50  # realistic articles whose words make queries


def build(count: int, name: str = "seed") -> tuple[list[ArticleFacts], list[ActorEntry], float]:
    """The facts of `count` articles (the seed's first) and the actors the load writes. The
    seed corpus is read with the seed's curated actors only, as before; the realistic one as
    `ingest` reads an article (`prepare_article`: the gazetteer's countries, and the people
    and organisations the rules find), its language declared English."""
    seed = databases.seed()
    started = time.perf_counter()
    facts = list(seed.articles)
    curated = seed.curated
    actors = {a.id: a for a in curated.actors}
    for slug, text in CORPORA[name](count - len(facts)):
        if name == "seed":
            facts.append(build_article(text, slug=slug, source_name=f"{slug}.txt", curated=curated))
            continue
        read, entries = prepare_article(
            text,
            source_name=f"{slug}.txt",
            slug=slug,
            title=None,
            annotations=None,
            curated=curated,
            meta=ArticleMeta(language="en"),
        )
        facts.append(read)
        actors.update((a.id, a) for a in entries if a.id not in actors)
    return facts, list(actors.values()), time.perf_counter() - started


def _searcher(database: Path) -> tantivy.Searcher:
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as conn:
        (name,) = conn.execute("SELECT name FROM search_generation").fetchone()
    return open_index(store.root_for(database) / name).searcher()


def index_rows(database: Path) -> int:
    return int(_searcher(database).num_docs)


def match_shares(database: Path, queries: list[str]) -> tuple[float, float]:
    """The median and 90th-percentile share of the index's rows that have every word of a
    query (the last as a prefix), as the engine matches them (actor names not expanded)."""
    searcher = _searcher(database)
    rows = int(searcher.num_docs)
    names = ActorNames.from_rows([])
    shares = []
    for query in queries[:SHARE_SAMPLE]:
        parsed = parse(query)
        if not parsed:
            continue
        match = engine_queries.matching(searcher, spans(parsed, names), SearchMode.ALL)
        found = 0 if match is None else searcher.search(match, 1, count=True).count  # type: ignore[attr-defined]
        shares.append(int(found) / rows)
    shares.sort()
    return shares[len(shares) // 2], shares[len(shares) * 9 // 10]


def in_process(path: Path, queries: list[str]) -> tuple[float, float]:
    """p50 and p99 of `searching.search` in this process (one query at a time, each new):
    the page of 20, the exact total, the facets, the snippets and the suggestion."""
    database = Database(sqlite_url(path), timeout_ms=10_000)
    try:
        times = []
        for q in queries:
            started = time.perf_counter()
            searching.search(database, q, SearchFilters(), limit=20, offset=0)
            times.append((time.perf_counter() - started) * 1000)
    finally:
        database.dispose()
    times.sort()
    return times[len(times) // 2], times[min(len(times) - 1, len(times) * 99 // 100)]


def run_size(count: int, work: Path, args: argparse.Namespace, queries: list[str]) -> SizeResult:
    print(f"\n{count} articles: building ...", flush=True)
    facts, actors, build_s = build(count, args.corpus)
    path = work / f"facts-{count}.db"
    print(f"  built in {build_s:.1f} s; loading ...", flush=True)
    started = time.perf_counter()
    load(sqlite_url(path), facts, actors)
    load_s = time.perf_counter() - started
    del facts
    gc.collect()
    print(f"  loaded in {load_s:.1f} s; serving ...", flush=True)
    # `article-facts serve` as users run it, unless told to run uvicorn's command line.
    options = servers.UvicornOptions(loop=args.loop) if args.service == "uvicorn" else None
    per_run = QUERIES_PER_SECOND * (args.duration + args.warmup)
    cut = QUERIES_PER_SECOND * args.warmup
    warm = write_paths(work / "warm.txt", workload.paths(workload.SEARCH_PATH, queries[:cut]))
    measured = write_paths(
        work / "search.txt", workload.paths(workload.SEARCH_PATH, queries[cut:per_run])
    )
    with servers.service(path, options) as service:
        wrk(service.base, warm, seconds=args.warmup, connections=args.connections)
        search = wrk(service.base, measured, seconds=args.duration, connections=args.connections)
        rss = service.rss_mb()
    timed = in_process(path, queries[cut:per_run][:IN_PROCESS_QUERIES])
    result = SizeResult(
        count,
        build_s,
        load_s,
        path.stat().st_size / 1e6,
        index_rows(path),
        search,
        rss,
        match_shares(path, queries[cut:per_run]),
        timed,
    )
    print(
        f"  {result.per_second:.1f} articles/s, {result.db_mb:.0f} MB, search "
        f"{search.rps:.0f} req/s p50 {search.p50_ms:.1f} ms p99 {search.p99_ms:.1f} ms, "
        f"in process p50 {timed[0]:.1f} ms p99 {timed[1]:.1f} ms, "
        f"RSS {rss:.0f} MB, query matches {result.shares[0]:.2%} of rows (median), "
        f"{result.shares[1]:.2%} (90th percentile)",
        flush=True,
    )
    path.unlink()
    return result


def render(results: list[SizeResult], args: argparse.Namespace) -> str:
    one = results[0].search if results and results[0].articles == 1 else None
    rows = []
    for r in results:
        rows.append(
            [
                f"{r.articles:,}",
                f"{r.build_s:.1f}",
                f"{r.load_s:.1f}",
                f"{r.per_second:.1f}",
                f"{r.db_mb:,.1f}",
                f"{r.index_rows:,}",
                f"{r.in_process[0]:.1f}",
                f"{r.in_process[1]:.1f}",
                f"{r.search.rps:,.0f}",
                f"{r.search.rps / one.rps:.2f}" if one else "",
                f"{r.search.p50_ms:.1f}",
                f"{r.search.p99_ms:.1f}",
                f"{r.rss_mb:.0f}",
                f"{r.shares[0]:.2%}",
                f"{r.shares[1]:.2%}",
                str(r.search.errors),
            ]
        )
    header = [
        "articles",
        "build s",
        "load s",
        "articles/s",
        "DB MB",
        "index rows",
        "in process p50 ms",
        "in process p99 ms",
        "HTTP req/s",
        "req/s vs 1",
        "HTTP p50 ms",
        "HTTP p99 ms",
        "worker RSS MB",
        "median match share",
        "p90 match share",
        "errors",
    ]
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return "\n".join(
        [
            f"Measured {report.machine()}. Corpus: `{args.corpus}`.",
            f"Search: `wrk -t2 -c{args.connections}`, {args.duration} s after {args.warmup} s of "
            f"warm-up, distinct queries; "
            + (
                "`article-facts serve` with its defaults; "
                if args.service == "serve"
                else f"uvicorn one worker, `--loop {args.loop}`; "
            )
            + "in process, "
            f"{IN_PROCESS_QUERIES:,} other distinct queries one at a time (page of 20, exact "
            "total, facets, snippets, suggestion). Load: "
            f"`{'build_article' if args.corpus == 'seed' else 'prepare_article'}` for every "
            "article, then one `load` call with all of them, the index included "
            f"(peak memory of the benchmark process: {peak:,.0f} MB). Targets at 10,000 articles:"
            f" in process p99 <= {SEARCH_P99_TARGET_MS:.0f} ms; through HTTP p99 <= "
            f"{HTTP_P99_TARGET_MS:.0f} ms and >= {HTTP_THROUGHPUT_MIN_RATIO}x the requests per "
            f"second of 1 article; worker RSS <= {RSS_TARGET_MB:.0f} MB (mapped index pages "
            f"included); >= {LOAD_TARGET_PER_S:.0f} articles/s.",
            "",
            report.table(header, rows),
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,1000,10000", help="Comma-separated corpus sizes.")
    parser.add_argument(
        "--corpus",
        choices=sorted(CORPORA),
        default="seed",
        help="seed: recombined seed articles (bench/corpus.py), the worst case for search; "
        "realistic: English prose with a Zipf vocabulary (bench/realistic.py).",
    )
    parser.add_argument("--duration", type=int, default=10, help="Seconds of search load.")
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument(
        "--service",
        choices=["serve", "uvicorn"],
        default="serve",
        help="serve: `article-facts serve` with its defaults (access log on); uvicorn: "
        "uvicorn's command line, one worker, access log off (the runs before 2026-12-06).",
    )
    parser.add_argument("--loop", default="auto", help="uvicorn --loop, with --service uvicorn.")
    parser.add_argument("--write", action="store_true", help="Write docs/performance.md.")
    args = parser.parse_args()
    require_wrk()
    sizes = [int(s) for s in args.sizes.split(",")]
    seed_text = "\n".join(a.article.source_text for a in databases.seed().articles)
    if args.corpus == "realistic":
        seed_text += "\n" + "\n".join(t for _, t in realistic.articles(REALISTIC_QUERY_ARTICLES))
    queries = workload.search_queries(seed_text, QUERIES_PER_SECOND * (args.duration + args.warmup))
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as tmp:
        results = [run_size(n, Path(tmp), args, queries) for n in sizes]
    text = render(results, args)
    print("\n" + text)
    if args.write:
        marker = "bench/scale.py" if args.corpus == "seed" else f"bench/scale.py {args.corpus}"
        report.write_section(marker, text)
        print(f"\nwritten to {report.PERFORMANCE_MD}")


if __name__ == "__main__":
    main()
