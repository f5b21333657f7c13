"""How the explorer's views behave on a large corpus, in headless Chromium.

Serves the corpus of bench/explorer_corpus.py (10,000 articles by default; built and kept under
artifacts/bench/ the first time, which takes minutes) with `article-facts serve`, as users run
it, and opens each view in Debian's headless Chromium, its HTTP cache off. For each view:
the time from navigation start to its first results on screen (a selector the view draws), how
many API requests it sent and their bytes, and how many rows it drew. Each view is opened
`--runs` times; the table gives the first load and the median of the others (the service's
response cache then holds their answers).

    .venv/bin/python -m bench.explorer [--articles 10000] [--runs 3]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.chrome.webdriver import WebDriver

from app.core.db import sqlite_url
from bench import explorer_corpus
from bench.servers import HOST, REPO, free_port

CHROMIUM = os.environ.get("ARTICLE_FACTS_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("ARTICLE_FACTS_CHROMEDRIVER", "/usr/bin/chromedriver")
CHROME_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--no-first-run",
    "--window-size=1280,900",
]


@dataclass(frozen=True)
class View:
    name: str
    path: str
    ready: str  # CSS selector of the view's first results
    rows: str  # CSS selector of the rows it draws


def views(
    article: str, section: str, figure: dict[str, str], articles: int, figures: int
) -> list[View]:
    middle, figures_middle = articles // 20 // 2, figures // 50 // 2
    card, rows = ".article-list .article-card", "table.figures tbody tr"
    return [
        View("home: articles", "/", card, card),
        View(f"home: page {middle:,}", f"/?page={middle}", card, card),
        View("home: one publisher", "/?publisher=Atlas+Briefs", card, card),
        View("an article", f"/?article={article}", ".article-page .toc-list a", ".toc-list a"),
        View("section reader", f"/?section={section}", "#section-heading", ".reader-text .claim"),
        View(
            "a figure, compare sources",
            f"/?section={figure['section']}&figure={figure['id']}",
            "#figure-detail .compare .paged:not([aria-busy])",
            "#figure-detail .related",
        ),
        View("search", "/?q=Sukhoi", ".hit", ".hit"),
        View("search in an article", f"/?q=oil&from={article}", ".hit", ".hit"),
        View("figures", "/?view=figures", rows, f"{rows}, .chart-bar"),
        View(
            f"figures: page {figures_middle:,}", f"/?view=figures&page={figures_middle}", rows, rows
        ),
        View("actor (frequent)", "/?actor=venezuela", ".claims > li", ".claims > li, tbody tr"),
    ]


# Waits for the selector, then for 400 ms without a new API request; answers the time the
# selector appeared (ms since navigation start), the API requests and their bytes, the rows.
MEASURE = """
const [ready, rows, done] = arguments;
const onApi = (e) => new URL(e.name).pathname.startsWith("/v1/");
const api = () => performance.getEntriesByType("resource").filter(onApi);
const started = performance.now();
let seen = null, count = -1, quiet = 0;
const tick = () => {
  if (seen === null && document.querySelector(ready)) seen = performance.now();
  if (seen !== null) {
    const now = api().length;
    quiet = now === count ? quiet + 50 : 0;
    count = now;
    if (quiet >= 400) {
      const calls = api();
      return done({
        first_ms: seen,
        requests: calls.length,
        kb: calls.reduce((sum, e) => sum + e.transferSize, 0) / 1024,
        rows: document.querySelectorAll(rows).length,
        paths: calls.map((e) => new URL(e.name).pathname + new URL(e.name).search),
      });
    }
  }
  if (performance.now() - started > 60000) return done({ error: "timeout" });
  setTimeout(tick, 50);
};
tick();
"""


@contextlib.contextmanager
def serve(database: Path, log: Path) -> Iterator[str]:
    """`article-facts serve` on `database`, as users run it, on a free port."""
    port = free_port()
    env = {**os.environ, "ARTICLE_FACTS_DATABASE_URL": sqlite_url(database)}
    command = [str(Path(sys.executable).with_name("article-facts")), "serve", "--port", str(port)]
    with log.open("wb") as out:
        process = subprocess.Popen(command, env=env, cwd=REPO, stdout=out, stderr=out)
        base = f"http://{HOST}:{port}"
        try:
            deadline = time.monotonic() + 120
            while True:
                with (
                    contextlib.suppress(OSError),
                    urllib.request.urlopen(base + "/ready", timeout=10) as response,
                ):
                    if response.status == 200:
                        break
                if process.poll() is not None or time.monotonic() > deadline:
                    sys.exit(f"the service did not start: see {log}")
                time.sleep(0.2)
            yield base
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


@contextlib.contextmanager
def chromium() -> Iterator[WebDriver]:
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in CHROME_ARGS:
        options.add_argument(argument)
    with tempfile.TemporaryDirectory(prefix="explorer-bench-") as profile:
        options.add_argument(f"--user-data-dir={profile}")
        os.environ["SE_OFFLINE"] = "true"
        driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
        try:
            driver.set_script_timeout(90)
            driver.execute_cdp_cmd("Network.enable", {})
            driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
            yield driver
        finally:
            driver.quit()


def measure(driver: WebDriver, base: str, view: View) -> dict[str, Any]:
    driver.get("about:blank")
    driver.get(base + view.path)
    result: dict[str, Any] = driver.execute_async_script(MEASURE, view.ready, view.rows)
    if "error" in result:
        sys.exit(f"{view.name}: no {view.ready} within 60 s")
    return result


def pick(base: str) -> list[View]:
    """The views, at an article from the middle of the corpus, its first subsection and money
    figure, and the middle pages of the articles and the figures."""
    import json

    def get(path: str) -> Any:
        with urllib.request.urlopen(base + path, timeout=60) as response:
            return json.load(response)

    total = get("/v1/articles?limit=1")["total"]
    article = get(f"/v1/articles?limit=1&offset={total // 2}")["items"][0]["id"]
    sections = get(f"/v1/sections?article={article}&level=2&limit=1")["items"]
    figures = get("/v1/figures?limit=1")["total"]
    money = get(f"/v1/figures?article={article}&kind=money&limit=1")["items"][0]
    return views(article, sections[0]["id"], money, total, figures)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--database", type=Path, default=None)
    parser.add_argument("--only", default="", help="only the views whose name holds this")
    args = parser.parse_args()
    database = args.database or REPO / "artifacts" / "bench" / f"explorer-{args.articles}.db"
    if not database.exists():
        print(f"building {args.articles} articles into {database} ...", flush=True)
        explorer_corpus.build(args.articles, database)
    rows = []
    with serve(database, database.with_suffix(".log")) as base, chromium() as driver:
        for view in [v for v in pick(base) if args.only in v.name]:
            runs = [measure(driver, base, view) for _ in range(args.runs)]
            first, rest = runs[0], runs[1:] or runs
            rows.append(
                [
                    view.name,
                    f"`{view.path}`",
                    f"{first['first_ms']:,.0f}",
                    f"{statistics.median(r['first_ms'] for r in rest):,.0f}",
                    str(first["requests"]),
                    f"{first['kb']:,.0f}",
                    str(first["rows"]),
                ]
            )
            print(f"  {view.name}: {rows[-1][2:]} {first['paths']}", flush=True)
    header = ["view", "address", "first results, first load (ms)", "then (median ms)"]
    header += ["API requests", "API KB", "rows drawn"]
    print()
    print("| " + " | ".join(header) + " |")
    print("| " + " | ".join("---" for _ in header) + " |")
    for row in rows:
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
