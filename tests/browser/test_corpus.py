"""The explorer on a corpus: the seed article and 24 synthetic ones (bench/corpus.py), each with
a made-up publisher, author and date (bench/explorer_corpus.py), in headless Chromium.

Every view names the article of what it lists, pages its long lists, and sends a few requests
whatever the corpus size (counted from the page's own resource timing)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.select import Select

from app.core.config import Settings
from app.ingest.loader import load
from app.ingest.pipeline import build_article
from app.ingest.seed import Seed
from bench import corpus
from bench.explorer_corpus import meta
from tests.browser.conftest import serving
from tests.browser.test_explorer import find, wait
from tests.conftest import SEED_DIR

pytestmark = pytest.mark.browser

SYNTHETIC = 24


@pytest.fixture(scope="module")
def corpus_url(tmp_path_factory: pytest.TempPathFactory, seed: Seed) -> Iterator[str]:
    path: Path = tmp_path_factory.mktemp("corpus") / "facts.db"
    facts = list(seed.articles)
    for i, (slug, text) in enumerate(corpus.articles(SYNTHETIC)):
        facts.append(
            build_article(
                text, slug=slug, source_name=f"{slug}.txt", curated=seed.curated, meta=meta(i)
            )
        )
    url = f"sqlite:///{path}"
    load(url, facts, seed.curated.actors)
    settings = Settings(database_url=url, seed_dir=SEED_DIR, recognizer="none")
    with serving(settings) as base:
        yield base


def cite(meta_: dict[str, str | None]) -> str:
    """An article as the explorer cites it: title, publisher and date, the parts it has."""
    return " · ".join(v for v in (meta_["title"], meta_["publisher"], meta_["published"]) if v)


def api(base: str, path: str) -> Any:
    response = httpx.get(base + path)
    response.raise_for_status()
    return response.json()


API_CALLS = """
return performance.getEntriesByType("resource")
  .map((e) => new URL(e.name).pathname + new URL(e.name).search)
  .filter((path) => path.startsWith("/v1/"));
"""


def api_calls(page: WebDriver) -> list[str]:
    """The API requests the page sent since it was loaded."""
    calls: list[str] = page.execute_script(API_CALLS)
    return calls


def test_the_home_page_lists_the_articles_a_page_at_a_time(
    page: WebDriver, corpus_url: str
) -> None:
    page.get(f"{corpus_url}/")
    assert find(page, "#articles-count").text == "25 articles"
    cards = page.find_elements(By.CSS_SELECTOR, ".article-list .article-card")
    assert len(cards) == 20
    first = api(corpus_url, "/v1/articles?limit=1")["items"][0]
    assert cards[0].find_element(By.CSS_SELECTOR, ".article-title").text == first["title"]
    synthetic = page.find_element(By.CSS_SELECTOR, '.article-card[data-article="synthetic-00001"]')
    assert (
        synthetic.find_element(By.CSS_SELECTOR, ".provenance").text
        == "Harbor Policy Institute · R. Okafor · 2015-01-02 · English"
    )
    stats = api(corpus_url, "/v1/articles/synthetic-00001")["counts"]
    assert synthetic.find_element(By.CSS_SELECTOR, ".stats").text.split("\n") == [
        f"{stats['sections']} sections",
        f"{stats['actors']} actors",
        f"{stats['figures']} figures",
        f"{stats['claims']} claims",
    ]
    # One page of articles (its facets fill the filters), the actors, and the first article
    # (the contents open it when it is the only one).
    assert sorted(api_calls(page)) == [
        "/v1/actors?limit=100&offset=0",
        "/v1/articles?limit=1",
        "/v1/articles?limit=20&offset=0&facet=publisher&facet=language",
    ]
    pager = page.find_element(By.CSS_SELECTOR, 'nav[aria-label="Pages of articles"]')
    assert pager.find_element(By.CSS_SELECTOR, ".list-range").text == "1–20 of 25"
    pager.find_element(By.CSS_SELECTOR, 'a[rel="next"]').click()
    wait(page).until(lambda d: "page=2" in d.current_url)
    wait(page).until(
        lambda d: len(d.find_elements(By.CSS_SELECTOR, ".article-list .article-card")) == 5
    )
    # The publisher filter: its options count the articles; the list starts again at page 1.
    options = [o.text for o in Select(find(page, "#publisher-filter")).options]
    assert options == [
        "All",
        "Atlas Briefs (6)",
        "Harbor Policy Institute (6)",
        "Meridian Weekly (6)",
        "Northwind Review (6)",
    ]
    Select(find(page, "#publisher-filter")).select_by_value("Meridian Weekly")
    wait(page).until(lambda d: d.find_element(By.ID, "articles-count").text == "6 articles")
    assert page.current_url == f"{corpus_url}/?publisher=Meridian+Weekly"
    titles = [e.text for e in page.find_elements(By.CSS_SELECTOR, ".article-card .provenance")]
    assert len(titles) == 6
    assert all(t.startswith("Meridian Weekly · ") for t in titles)
    # A page past the end says so, and leads back to the first.
    page.get(f"{corpus_url}/?page=9")
    assert find(page, "#articles-empty").text == "No article on this page. First page"


def test_an_article_page_opens_its_contents(page: WebDriver, corpus_url: str) -> None:
    article = api(corpus_url, "/v1/articles/synthetic-00002")
    sections = api(corpus_url, "/v1/sections?article=synthetic-00002&limit=100")
    page.get(f"{corpus_url}/?article=synthetic-00002")
    assert find(page, "#main h1").text == article["title"]
    tree = page.find_elements(By.CSS_SELECTOR, ".article-page .toc-list a[data-section]")
    assert len(tree) == sections["total"]
    # The sidebar holds this article's contents, and no other's.
    toc = page.find_elements(By.CSS_SELECTOR, "#toc-body a[data-section]")
    assert {a.get_attribute("data-section") for a in toc} == {s["id"] for s in sections["items"]}
    assert sorted(api_calls(page)) == [
        "/v1/articles/synthetic-00002",
        "/v1/sections?article=synthetic-00002&limit=100&offset=0",
    ]
    find(page, ".article-page a.button").click()
    first = min((s for s in sections["items"] if s["parent"] is None), key=lambda s: s["position"])
    wait(page).until(lambda d: f"section={first['id']}" in d.current_url)
    crumb = find(page, ".breadcrumb li:first-child a")
    assert crumb.text == article["title"]


def test_search_names_each_hits_article_and_filters_by_article(
    page: WebDriver, corpus_url: str
) -> None:
    page.get(f"{corpus_url}/?q=Sukhoi")
    find(page, ".hit")
    hits = page.find_elements(By.CSS_SELECTOR, ".hit")
    answer = api(corpus_url, "/v1/search?q=Sukhoi&limit=20")
    sources = [h.find_element(By.CSS_SELECTOR, ".hit-source").text for h in hits]
    assert sources == [cite(i["article_meta"]) for i in answer["items"]]
    # The search's article facet, counted over every result and not the page shown, most
    # results first, filters the search.
    facet = api(corpus_url, "/v1/search?q=Sukhoi&limit=1")["facets"]["article"]
    assert sum(f["count"] for f in facet) == answer["total"] > len(answer["items"])
    chips = page.find_elements(By.CSS_SELECTOR, ".facet-article a.chip")
    assert [
        (c.get_attribute("data-article"), c.find_element(By.CSS_SELECTOR, ".count").text)
        for c in chips
    ] == [(f["value"], str(f["count"])) for f in facet[:6]]
    target = chips[0].get_attribute("data-article")
    expected = api(corpus_url, f"/v1/search?q=Sukhoi&article={target}&limit=20")
    chips[0].click()
    wait(page).until(lambda d: f"from={target}" in d.current_url)
    title = api(corpus_url, f"/v1/articles/{target}")["title"]
    wait(page).until(
        lambda d: (
            d.find_element(By.ID, "results-status").text
            == f"{expected['total']} results for “Sukhoi” in {title}."
        )
    )
    ids = [h.get_attribute("data-id") for h in page.find_elements(By.CSS_SELECTOR, ".hit")]
    assert ids == [i["id"] for i in expected["items"]]
    find(page, '.facet-article a[aria-label="Remove the article filter"]').click()
    wait(page).until(lambda d: "from=" not in d.current_url)


def test_figures_are_paged_and_name_their_article(page: WebDriver, corpus_url: str) -> None:
    total = api(corpus_url, "/v1/figures?limit=1")["total"]
    page.get(f"{corpus_url}/?view=figures")
    find(page, ".chart-svg")
    rows = page.find_elements(By.CSS_SELECTOR, "table.figures tbody tr")
    assert len(rows) == 50
    assert find(page, "#figures-count").text == f"{total} figures"
    pager = page.find_element(By.CSS_SELECTOR, 'nav[aria-label="Pages of figures"]')
    assert pager.find_element(By.CSS_SELECTOR, ".list-range").text == f"1–50 of {total}"
    # Each chart bar says which article its figure is from.
    money = api(corpus_url, "/v1/figures?kind=money&sort=-value&limit=100")["items"]
    bar = page.find_element(By.CSS_SELECTOR, ".chart-bar")
    figure = next(f for f in money if f["id"] == bar.get_attribute("data-figure"))
    assert bar.get_attribute("aria-label").endswith(f", in {cite(figure['article_meta'])}")
    assert sorted(api_calls(page)) == [
        "/v1/articles?limit=1",
        "/v1/figures?facet=kind&limit=1",
        "/v1/figures?kind=money&sort=-value&limit=100",
        "/v1/figures?limit=50&offset=0",
    ]
    # One article's figures.
    page.get(f"{corpus_url}/?view=figures&article=synthetic-00003")
    own = api(corpus_url, "/v1/figures?article=synthetic-00003&limit=1")["total"]
    wait(page).until(lambda d: d.find_element(By.ID, "figures-count").text == f"{own} figures")
    cells = page.find_elements(By.CSS_SELECTOR, "table.figures .figure-source")
    assert {c.text.split(" · ")[0] for c in cells} == {
        api(corpus_url, "/v1/articles/synthetic-00003")["title"]
    }


def test_an_actors_claims_name_their_articles(page: WebDriver, corpus_url: str) -> None:
    claims = api(corpus_url, "/v1/claims?actor=venezuela&limit=20")
    page.get(f"{corpus_url}/?actor=venezuela")
    find(page, ".claims .claim-source")
    sources = [e.text for e in page.find_elements(By.CSS_SELECTOR, ".claims .claim-source")]
    assert len(sources) == 20
    assert sources == [f"({cite(c['article_meta'])})" for c in claims["items"]]
    pager = page.find_element(By.CSS_SELECTOR, 'nav[aria-label="Pages of claims"]')
    assert pager.find_element(By.CSS_SELECTOR, ".list-range").text == f"1–20 of {claims['total']}"


def test_a_figure_compares_its_sources(page: WebDriver, corpus_url: str) -> None:
    figures = api(corpus_url, "/v1/figures?article=synthetic-00002&kind=money&limit=100")
    related = {}
    for figure in figures["items"]:
        related = api(corpus_url, f"/v1/figures/{figure['id']}/related?limit=10")
        if related["total"]:
            break
    assert related["total"], "no money figure of synthetic-00002 has a related figure"
    page.get(f"{corpus_url}/?section={figure['section']}&figure={figure['id']}")
    find(page, "#figure-detail .compare .related")
    items = page.find_elements(By.CSS_SELECTOR, "#figure-detail .related")
    assert [i.get_attribute("data-figure") for i in items] == [r["id"] for r in related["items"]]
    badges = [i.find_element(By.CSS_SELECTOR, ".badge") for i in items]
    assert [b.get_attribute("textContent") for b in badges] == [
        "agrees" if r["agrees"] else "differs" for r in related["items"]
    ]
    assert [i.find_element(By.CSS_SELECTOR, ".related-source").text for i in items] == [
        cite(r["article_meta"]) for r in related["items"]
    ]
    assert [i.find_element(By.CSS_SELECTOR, ".related-similarity").text for i in items] == [
        f"· {round(r['similarity'] * 100)}% alike" for r in related["items"]
    ]
    agreeing = sum(r["agrees"] for r in related["items"])
    assert related["total"] == len(related["items"])  # One page: the summary counts them all.
    summary = find(page, "#figure-detail .compare-summary").text
    assert summary == f"{agreeing} of {len(related['items'])} agree."
    # A related figure opens in its own article.
    target = related["items"][0]
    items[0].find_element(By.CSS_SELECTOR, "a.related-value").click()
    wait(page).until(lambda d: f"figure={target['id']}" in d.current_url)
    assert find(page, "#figure-detail .figure-article").text == cite(target["article_meta"])


def test_an_actor_timeline_charts_its_figures_across_articles(
    page: WebDriver, corpus_url: str
) -> None:
    timeline = api(corpus_url, "/v1/actors/venezuela/figures?sort=period&kind=money&limit=100")
    charted = [
        f
        for f in timeline["items"]
        if f["value"] is not None and (f["period_start"] or f["period_end"])
    ]
    assert len({f["article"] for f in charted}) > 1
    page.get(f"{corpus_url}/?actor=venezuela")
    find(page, ".timeline .chart-svg")
    bars = page.find_elements(By.CSS_SELECTOR, ".timeline .chart-bar")
    assert sorted(b.get_attribute("data-figure") for b in bars) == sorted(f["id"] for f in charted)
    first = next(f for f in charted if f["id"] == bars[0].get_attribute("data-figure"))
    assert bars[0].get_attribute("aria-label").endswith(f", in {cite(first['article_meta'])}")
    calls = [c for c in api_calls(page) if "/figures" in c]
    assert "/v1/actors/venezuela/figures?sort=period&kind=money&limit=100" in calls


def test_the_views_do_without_the_corpus_wide_actor_list(page: WebDriver, corpus_url: str) -> None:
    # In a large corpus the actor list can run past the service's time limit (a 503).
    page.execute_cdp_cmd("Network.enable", {})
    page.execute_cdp_cmd("Network.setBlockedURLs", {"urls": ["*/v1/actors?limit=100&offset=0"]})
    try:
        page.get(f"{corpus_url}/")
        assert find(page, ".home-actors p.muted").text == (
            "The list of actors is not available; search finds them by name."
        )
        assert len(page.find_elements(By.CSS_SELECTOR, ".article-card")) == 20
        # An actor is named as an article that names it lists it; its full page (every
        # mention) is not fetched, as its count there says nothing of the corpus.
        page.get(f"{corpus_url}/?actor=venezuela")
        assert find(page, "#actor-heading").text == "Venezuela"
        find(page, ".claims > li")
        calls = api_calls(page)
        assert "/v1/actors/venezuela" not in calls
        assert any(c.startswith("/v1/actors?article=") for c in calls)
        page.get(f"{corpus_url}/?section=synthetic-00001-1-1")
        find(page, ".reader-text")
        assert not [c for c in api_calls(page) if c.startswith("/v1/actors/")]
    finally:
        page.execute_cdp_cmd("Network.setBlockedURLs", {"urls": []})
        # The blocked requests are console errors this test caused on purpose.
        page.get_log("browser")
