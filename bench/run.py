"""The service against its ceiling and against Datasette, on the seeded article, in one run.

Starts three servers on loopback: the service as users run it (`article-facts serve`: one
worker, uvloop and httptools, its JSON access log on, its stderr read through a pipe as it
comes), the ceiling (a minimal Starlette app answering fixed bytes as long as the service's
section answer, under uvicorn's command line, `--loop auto --http auto`: bench/ceiling.py) and
Datasette on a copy of the same data. Then, for several rounds, drives each scenario in turn
with wrk (after a short warm-up) and prints the medians as a Markdown table with the ratios the
targets are stated in, and the CPU time each request cost its server (read from /proc before and
after each run: on a machine shared with other work it moves far less than requests per second):

- `section`: one section, again and again (the response cache answers);
- `mix`: every section, actor, figure and claim URL in rotation (the first request per URL is
  uncached, the cache answers the rest);
- `mix, cache off`: the same with the response cache turned off: what an uncached read costs;
- `search`: distinct queries, never repeated (no cache answers), against Datasette's `_search`
  over the same text.

    .venv/bin/python bench/run.py [--rounds 3] [--duration 10] [--only section] [--write]

`--service uvicorn` runs the service under uvicorn's command line instead, with `--loop`,
`--http` and `--access-log` as given (the log is off without it), as the ceiling runs.
`--only` keeps the ceiling and the scenarios named (their `(before)` rows too). `--write` puts
the table into docs/performance.md. Needs wrk; installs Datasette (the `bench` extra) when
missing.
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import sys
import tempfile
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import databases, report, servers, workload
from bench.wrk import Measure, Summary, require_wrk, write_paths, wrk

SECTION = "/v1/sections/russia-china-venezuela-2-1"
# Search answers a few thousand distinct queries a second: enough for every round's run.
QUERIES_PER_SECOND = 6000


@dataclass
class Scenario:
    name: str
    server: str
    # The warm-up and the measured path files of a round.
    files: Callable[[int], tuple[Path, Path]]
    results: list[Measure]
    # The server's CPU time per request of each measured run, in microseconds.
    cpu_us: list[float] = field(default_factory=list)


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--duration", type=int, default=10, help="Seconds per measured run.")
    parser.add_argument("--warmup", type=int, default=2, help="Seconds of warm-up per run.")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument(
        "--service",
        choices=["serve", "uvicorn"],
        default="serve",
        help="serve: `article-facts serve` as shipped (access log on); uvicorn: uvicorn's "
        "command line with --loop, --http and --access-log.",
    )
    parser.add_argument("--loop", default="auto", help="uvicorn --loop: auto, asyncio, uvloop.")
    parser.add_argument("--http", default="auto", help="uvicorn --http: auto, h11, httptools.")
    parser.add_argument(
        "--access-log",
        action="store_true",
        help="Under --service uvicorn: the service writes its JSON access log.",
    )
    parser.add_argument(
        "--only",
        help="Comma-separated scenarios to run besides the ceiling (e.g. `section,mix`).",
    )
    parser.add_argument(
        "--before",
        type=Path,
        help="Another copy of the repository (e.g. `git archive HEAD`) to measure alongside.",
    )
    parser.add_argument("--write", action="store_true", help="Write docs/performance.md.")
    return parser.parse_args()


def fetch(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=5) as response:
        body: bytes = response.read()
        return body


def main() -> None:
    args = parse_args()
    require_wrk()
    options = servers.UvicornOptions(loop=args.loop, http=args.http, access_log=args.access_log)
    uvicorn_only = (args.loop, args.http, args.access_log) != ("auto", "auto", False)
    if args.service == "serve" and uvicorn_only:
        sys.exit("--loop, --http and --access-log are for --service uvicorn: serve sets its own")
    # The service's options: None is `article-facts serve` as shipped.
    service_options = options if args.service == "uvicorn" else None
    only = None if args.only is None else {"ceiling", *args.only.split(",")}
    with tempfile.TemporaryDirectory(prefix="bench-run-") as tmp, contextlib.ExitStack() as stack:
        work = Path(tmp)
        seed = databases.seed()
        db = databases.load_service(work / "facts.db", seed.articles, seed.curated.actors).path
        datasette_db = databases.datasette_copy(db, work / "datasette.db")
        text = "\n".join(a.article.source_text for a in seed.articles)
        per_round = QUERIES_PER_SECOND * (args.duration + args.warmup)
        queries = workload.search_queries(text, per_round * args.rounds)

        def single(name: str, path: str) -> Callable[[int], tuple[Path, Path]]:
            file = write_paths(work / f"{name}.txt", [path])
            return lambda _: (file, file)

        def rotating(name: str, paths: list[str]) -> Callable[[int], tuple[Path, Path]]:
            file = write_paths(work / f"{name}.txt", paths)
            return lambda _: (file, file)

        def fresh(name: str, template: str) -> Callable[[int], tuple[Path, Path]]:
            """A new share of the queries for every round: no URL is ever asked twice."""

            def files(round_: int) -> tuple[Path, Path]:
                share = queries[round_ * per_round : (round_ + 1) * per_round]
                cut = QUERIES_PER_SECOND * args.warmup
                return (
                    write_paths(
                        work / f"{name}-{round_}-warm.txt", workload.paths(template, share[:cut])
                    ),
                    write_paths(
                        work / f"{name}-{round_}.txt", workload.paths(template, share[cut:])
                    ),
                )

            return files

        found = {
            "service": stack.enter_context(servers.service(db, service_options)),
            "uncached": stack.enter_context(
                servers.service(db, service_options, cache_mb=0, name="service, cache off")
            ),
        }
        if only is None or any(name.startswith("datasette") for name in only):
            found["datasette"] = stack.enter_context(servers.datasette(datasette_db))
        section_bytes = len(fetch(found["service"].base + SECTION))
        found["ceiling"] = stack.enter_context(servers.ceiling(section_bytes, options))
        mix = workload.resource_paths(db)
        searches = fresh("search", workload.SEARCH_PATH)
        scenarios = [
            Scenario("ceiling", "ceiling", single("ceiling", "/"), []),
            Scenario("section", "service", single("section", SECTION), []),
            Scenario("mix", "service", rotating("mix", mix), []),
            Scenario("mix, cache off", "uncached", rotating("mix-uncached", mix), []),
            Scenario("search", "service", searches, []),
            Scenario(
                "datasette row",
                "datasette",
                rotating("ds-row", workload.datasette_row_paths(db)),
                [],
            ),
            Scenario(
                "datasette search",
                "datasette",
                fresh("ds-search", workload.DATASETTE_SEARCH_PATH),
                [],
            ),
        ]
        if args.before is not None:
            # The same scenarios on another copy of the code, in the same run: before/after.
            found["before"] = stack.enter_context(
                servers.service(db, service_options, name="before", code=args.before)
            )
            found["before, uncached"] = stack.enter_context(
                servers.service(
                    db, service_options, cache_mb=0, name="before, cache off", code=args.before
                )
            )
            scenarios[1:1] = [
                Scenario("section (before)", "before", single("section", SECTION), []),
                Scenario("mix (before)", "before", rotating("mix", mix), []),
                Scenario(
                    "mix, cache off (before)",
                    "before, uncached",
                    rotating("mix-uncached", mix),
                    [],
                ),
                Scenario("search (before)", "before", searches, []),
            ]
        if only is not None:
            scenarios = [s for s in scenarios if s.name.removesuffix(" (before)") in only]
        for round_ in range(args.rounds):
            for scenario in scenarios:
                server = found[scenario.server]
                base = server.base
                warm, measured = scenario.files(round_)
                load = {"threads": args.threads, "connections": args.connections}
                if args.warmup:
                    wrk(base, warm, seconds=args.warmup, **load)
                cpu = server.cpu_seconds()
                result = wrk(base, measured, seconds=args.duration, **load)
                cpu = server.cpu_seconds() - cpu
                scenario.results.append(result)
                scenario.cpu_us.append(cpu / max(result.requests, 1) * 1e6)
                print(
                    f"round {round_ + 1}/{args.rounds} {scenario.name:24} {result.rps:8.0f} req/s"
                    f"  p50 {result.p50_ms:6.2f} ms  p99 {result.p99_ms:6.2f} ms"
                    f"  CPU {scenario.cpu_us[-1]:6.1f} us/request  errors {result.errors}",
                    flush=True,
                )
        summaries = {s.name: Summary(s.name, tuple(s.results)) for s in scenarios}
        cpu_us = {s.name: statistics.median(s.cpu_us) for s in scenarios}
        text_out = render(summaries, cpu_us, args, len(mix), section_bytes)
        print("\n" + text_out)
        if args.write:
            report.write_section("bench/run.py", text_out)
            print(f"\nwritten to {report.PERFORMANCE_MD}")


# name -> (minimum share of the ceiling, minimum multiple of Datasette's search)
TARGETS = {"section": (0.7, None), "mix": (0.5, None), "search": (0.15, 10.0)}
P99_TARGET_MS = 20.0


def _verdict(
    s: Summary, share: float, multiple: float | None, ceiling: float, datasette: float
) -> str:
    """ "yes", or which of the scenario's targets it misses."""
    misses = []
    if s.rps < share * ceiling:
        misses.append(f"< {share:g}x ceiling")
    if multiple is not None and datasette and s.rps < multiple * datasette:
        misses.append(f"< {multiple:g}x Datasette")
    if s.p99_ms > P99_TARGET_MS:
        misses.append(f"p99 > {P99_TARGET_MS:g} ms")
    return "**no**: " + ", ".join(misses) if misses else "yes"


def render(
    summaries: dict[str, Summary],
    cpu_us: dict[str, float],
    args: argparse.Namespace,
    urls: int,
    body: int,
) -> str:
    ceiling = summaries["ceiling"].rps
    datasette = summaries["datasette search"].rps if "datasette search" in summaries else 0.0
    rows = []
    for s in summaries.values():
        target = TARGETS.get(s.name)
        shown = s.name.startswith("search") and datasette
        vs_datasette = f"{s.rps / datasette:.1f}x" if shown else ""
        verdict = "" if target is None else _verdict(s, *target, ceiling, datasette)
        rows.append(
            [
                s.name,
                f"{s.rps:,.0f}",
                f"{s.p50_ms:.2f}",
                f"{s.p99_ms:.2f}",
                f"{s.worst_p99_ms:.2f}",
                f"{s.rps / ceiling:.2f}",
                f"{cpu_us[s.name]:.1f}",
                vs_datasette,
                str(s.errors),
                verdict,
            ]
        )
    header = [
        "scenario",
        "req/s",
        "p50 ms",
        "p99 ms",
        "worst p99 ms",
        "x ceiling",
        "server CPU µs/req",
        "x Datasette search",
        "errors",
        "target holds",
    ]
    if args.service == "serve":
        service = (
            "the service is `article-facts serve` as shipped (one worker, access log on, its "
            "stderr read through a pipe), the ceiling uvicorn's command line with "
            "`--loop auto --http auto`"
        )
    else:
        access_log = "on" if args.access_log else "off"
        service = (
            f"uvicorn one worker, `--loop {args.loop} --http {args.http}`, service access log "
            f"{access_log}"
        )
    return "\n".join(
        [
            f"Measured {report.machine()}.",
            f"`wrk -t{args.threads} -c{args.connections}`, {args.rounds} rounds x "
            f"{args.duration} s (after {args.warmup} s of warm-up), medians; {service}. "
            f"Ceiling body {body} bytes (the section's answer); mix of {urls} URLs.",
            "",
            report.table(header, rows),
        ]
    )


if __name__ == "__main__":
    main()
