"""The explorer at `/`, in headless Chromium against the running service."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.select import Select
from selenium.webdriver.support.wait import WebDriverWait

from app.search.engine import facets
from tests.browser.conftest import ARTIFACTS

pytestmark = pytest.mark.browser

SECTION = "russia-china-venezuela-2-1"
MONEY_FIGURE = "f-af2de5d75cd8"  # "over $11 billion", 2005-2013


def api(server_url: str, path: str) -> Any:
    response = httpx.get(server_url + path)
    response.raise_for_status()
    return response.json()


def wait(driver: WebDriver, timeout: float = 10) -> WebDriverWait[WebDriver]:
    # The page re-renders results as they arrive: an element found a moment ago may be gone.
    return WebDriverWait(driver, timeout, ignored_exceptions=(StaleElementReferenceException,))


def find(driver: WebDriver, css: str) -> WebElement:
    """The first element matching `css`, once it is there and visible."""
    return wait(driver).until(ec.visibility_of_element_located((By.CSS_SELECTOR, css)))


def screenshot(driver: WebDriver, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(ARTIFACTS / name))


def test_search_deep_link_shows_the_matching_section_marked(
    page: WebDriver, server_url: str
) -> None:
    page.get(f"{server_url}/?q=Sukhoi")
    hit = find(page, f'.hit[data-type="section"][data-id="{SECTION}"]')
    marks = hit.find_elements(By.CSS_SELECTOR, ".snippet mark")
    assert [mark.text for mark in marks] == ["Sukhoi"]
    assert "Sukhoi" in page.find_element(By.ID, "results-status").text
    assert page.find_element(By.ID, "q").get_attribute("value") == "Sukhoi"
    # The results are announced, and the contents give way to them.
    assert page.find_element(By.ID, "results-status").get_attribute("aria-live") == "polite"
    assert not page.find_element(By.ID, "toc").is_displayed()
    screenshot(page, "explorer-search.png")


def test_typing_searches_and_the_url_survives_a_reload(page: WebDriver, server_url: str) -> None:
    page.get(f"{server_url}/")
    box = find(page, "#q")
    entries = page.execute_script("return history.length")
    box.send_keys("sukho")  # The last word matches as a prefix.
    find(page, f'.hit[data-id="{SECTION}"] mark')
    wait(page).until(lambda d: "q=sukho" in d.current_url)
    # Typing refines one search: one history entry for it, not one per key.
    assert page.execute_script("return history.length") <= entries + 1

    page.refresh()
    find(page, f'.hit[data-id="{SECTION}"] mark')
    assert page.find_element(By.ID, "q").get_attribute("value") == "sukho"

    # A result opens its section beside the results; Back returns to the overview.
    page.find_element(By.CSS_SELECTOR, f'.hit[data-type="section"][data-id="{SECTION}"] a').click()
    find(page, "#section-heading")
    assert f"section={SECTION}" in page.current_url
    assert page.find_element(By.CSS_SELECTOR, f'.hit[data-id="{SECTION}"] a').get_attribute(
        "aria-current"
    )
    page.back()
    find(page, ".home")
    assert page.find_element(By.ID, "results").is_displayed()


def test_type_facets_filter_the_results(page: WebDriver, server_url: str) -> None:
    page.get(f"{server_url}/?q=Sukhoi")
    find(page, '.chip[data-focus-key="type:claim"]').click()
    wait(page).until(lambda d: "type=claim" in d.current_url)
    wait(page).until(
        lambda d: (
            {h.get_attribute("data-type") for h in d.find_elements(By.CSS_SELECTOR, ".hit")}
            == {"claim"}
        )
    )
    button = page.find_element(By.CSS_SELECTOR, '.chip[data-focus-key="type:claim"]')
    assert button.get_attribute("aria-pressed") == "true"
    # The other types are still offered, with their counts.
    assert page.find_element(By.CSS_SELECTOR, '.chip[data-focus-key="type:section"]')


def test_a_misspelt_query_offers_a_suggestion(page: WebDriver, server_url: str) -> None:
    suggestion = api(server_url, "/v1/search?q=venzuela")["suggestion"]
    assert suggestion == "venezuela"
    page.get(f"{server_url}/?q=venzuela")
    link = find(page, ".suggestion a")
    assert link.text == suggestion
    link.click()
    wait(page).until(lambda d: d.find_element(By.ID, "q").get_attribute("value") == suggestion)
    find(page, ".hit")


def test_section_reader_highlights_every_fact_from_its_offsets(
    page: WebDriver, server_url: str
) -> None:
    detail = api(server_url, f"/v1/sections/{SECTION}")
    text = httpx.get(f"{server_url}/v1/articles/{detail['article']}/text").text
    page.get(f"{server_url}/?section={SECTION}")
    find(page, ".reader-text .figure-mark")

    figures = page.find_elements(By.CSS_SELECTOR, ".reader-text [data-figure]")
    assert {(f.get_attribute("data-figure"), f.text) for f in figures} == {
        (f["id"], f["quote"]) for f in detail["figures"]
    }
    claims = page.find_elements(By.CSS_SELECTOR, ".reader-text .claim[id]")
    by_id = {c.get_attribute("data-claim"): c for c in claims}
    assert set(by_id) == {c["id"] for c in detail["claims"]}
    for claim in detail["claims"]:
        assert by_id[claim["id"]].text == text[claim["start"] : claim["end"]].strip()
    # Mentions in the body (the heading above it is shown as the title, without them).
    body_start = detail["end"] - len(detail["body"])
    occurrences = sorted(
        (o["start"], actor["id"], o["quote"])
        for actor in (api(server_url, f"/v1/actors/{a['id']}") for a in detail["actors"])
        for o in actor["occurrences"]
        if o["section"] == SECTION and o["start"] >= body_start
    )
    mentions = page.find_elements(By.CSS_SELECTOR, ".reader-text .mention")
    assert [(m.get_attribute("data-actor"), m.text) for m in mentions] == [
        (actor, quote) for _, actor, quote in occurrences
    ]
    # The text shown is the section's body, exactly.
    shown = page.find_element(By.CSS_SELECTOR, ".reader-text").get_attribute("textContent")
    assert shown == detail["body"]
    screenshot(page, "explorer-section.png")


def test_clicking_a_figure_shows_its_normalised_value(page: WebDriver, server_url: str) -> None:
    figure = api(server_url, f"/v1/figures/{MONEY_FIGURE}")
    page.get(f"{server_url}/?section={SECTION}")
    mark = find(page, f'.reader-text [data-figure="{MONEY_FIGURE}"]')
    mark.click()
    value = find(page, "#figure-detail .figure-value")
    assert value.text == "11,000,000,000 USD"
    assert figure["value"] == 11_000_000_000
    assert page.find_element(By.CSS_SELECTOR, "#figure-detail .figure-comparator").text == (
        "more than"
    )
    assert page.find_element(By.CSS_SELECTOR, "#figure-detail .figure-period").text == (
        "2005 – 2013"
    )
    assert mark.get_attribute("aria-pressed") == "true"
    # The selection is part of the address: a reload shows the same figure.
    wait(page).until(lambda d: f"figure={MONEY_FIGURE}" in d.current_url)
    page.refresh()
    assert find(page, "#figure-detail .figure-value").text == "11,000,000,000 USD"
    screenshot(page, "explorer-figure.png")


def test_figures_work_from_the_keyboard(page: WebDriver, server_url: str) -> None:
    page.get(f"{server_url}/?section={SECTION}")
    marks = wait(page).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, ".reader-text [data-figure]")
    )
    assert all(m.get_attribute("tabindex") == "0" for m in marks)
    assert all(m.get_attribute("role") == "button" for m in marks)
    page.execute_script("arguments[0].focus()", marks[0])
    page.switch_to.active_element.send_keys(Keys.ENTER)
    wait(page).until(lambda d: marks[0].get_attribute("aria-pressed") == "true")
    # Focus is visible: the focused figure draws an outline.
    outline = page.execute_script("return getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("", "none")
    # Tab goes on in reading order, to the next figure or actor mention.
    stops = page.find_elements(By.CSS_SELECTOR, ".reader-text [data-figure], .reader-text a")
    after = stops[stops.index(marks[0]) + 1]
    page.switch_to.active_element.send_keys(Keys.TAB)
    assert page.switch_to.active_element == after
    # Space selects too, and only one figure is selected at a time.
    page.execute_script("arguments[0].focus()", marks[-1])
    page.switch_to.active_element.send_keys(" ")
    wait(page).until(lambda d: marks[-1].get_attribute("aria-pressed") == "true")
    assert marks[0].get_attribute("aria-pressed") == "false"


def test_a_claim_hit_opens_its_section_with_the_claim_marked(
    page: WebDriver, server_url: str
) -> None:
    page.get(f"{server_url}/?q=Sukhoi")
    find(page, '.hit[data-type="claim"] a').click()
    find(page, ".reader-text .claim-focused")
    assert "claim=" in page.current_url
    assert page.find_element(By.ID, "results").is_displayed()


def test_actor_page_lists_claims_and_figures(page: WebDriver, server_url: str) -> None:
    actor = api(server_url, "/v1/actors/russia")
    page.get(f"{server_url}/?actor=russia")
    assert find(page, "#actor-heading").text == actor["name"]
    # Claims come a page of 20 at a time, each naming its article.
    assert len(actor["claims"]) == 24
    find(page, ".claims > li")
    claims = page.find_elements(By.CSS_SELECTOR, ".claims > li")
    assert len(claims) == 20
    source = page.find_element(By.CSS_SELECTOR, ".claims .claim-source").text
    assert source == f"({actor['claims'][0]['article_meta']['title']})"
    pager = page.find_element(By.CSS_SELECTOR, 'nav[aria-label="Pages of claims"]')
    assert pager.find_element(By.CSS_SELECTOR, ".list-range").text == "1–20 of 24"
    pager.find_element(By.CSS_SELECTOR, 'button[data-rel="next"]').click()
    wait(page).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, ".claims > li")) == 4)
    rows = page.find_elements(By.CSS_SELECTOR, "table.figures tbody tr")
    assert len(rows) == len(actor["figures"])
    # The actor's own mentions are marked inside its claims.
    assert page.find_elements(By.CSS_SELECTOR, ".claims .mention-self")
    # A mention in the reader leads to its actor.
    page.get(f"{server_url}/?section={SECTION}")
    find(page, '.reader-text a.mention[data-actor="hugo-chavez"]').click()
    assert find(page, "#actor-heading").text == "Hugo Chávez"


def test_figures_view_charts_money_over_periods(page: WebDriver, server_url: str) -> None:
    money = api(server_url, "/v1/figures?kind=money&limit=100")["items"]
    charted = [f for f in money if f["period_start"] or f["period_end"]]
    page.get(f"{server_url}/?view=figures")
    find(page, ".chart-svg")
    bars = page.find_elements(By.CSS_SELECTOR, ".chart-svg .chart-bar")
    assert {b.get_attribute("data-figure") for b in bars} == {f["id"] for f in charted}
    rows = page.find_elements(By.CSS_SELECTOR, "table.figures tbody tr")
    assert len(rows) == api(server_url, "/v1/figures?limit=1")["total"]
    screenshot(page, "explorer-figures.png")

    # The filter's options count each kind (the list's facet).
    options = [o.text for o in Select(find(page, "#kind-filter")).options]
    assert options == [
        "All kinds",
        "count (1)",
        "duration (1)",
        "money (2)",
        "percent (1)",
        "period (4)",
        "year (1)",
    ]
    # Filtering the table keeps the view and the address.
    Select(find(page, "#kind-filter")).select_by_value("money")
    wait(page).until(lambda d: "kind=money" in d.current_url)
    wait(page).until(
        lambda d: len(d.find_elements(By.CSS_SELECTOR, "table.figures tbody tr")) == len(money)
    )
    # The table's rows as a spreadsheet: every money figure, from the export.
    download = find(page, ".download a")
    assert download.text == "Download CSV"
    assert download.get_attribute("download") == "figures-money.csv"
    href = download.get_attribute("href")
    assert href == f"{server_url}/v1/figures?kind=money&format=csv&all=true"
    exported = httpx.get(href).text.splitlines()
    assert [line.split(",")[0] for line in exported[1:]] == [f["id"] for f in money]
    # A bar is a link to its figure, selected in its section.
    bar = page.find_element(By.CSS_SELECTOR, f'.chart-bar[data-figure="{MONEY_FIGURE}"]')
    bar.click()
    assert find(page, "#figure-detail .figure-value").text == "11,000,000,000 USD"


def test_unknown_ids_say_not_found(page: WebDriver, server_url: str) -> None:
    page.get(f"{server_url}/?section=no-such-section")
    assert find(page, "[role=alert] h1").text == "Not found"
    # The browser logs the API's 404 itself; that one is expected here.
    errors = [e["message"] for e in page.get_log("browser") if e["level"] == "SEVERE"]
    assert all("/v1/sections/no-such-section" in e and "404" in e for e in errors)


def test_narrow_window_has_no_sideways_scroll(page: WebDriver, server_url: str) -> None:
    page.set_window_size(390, 844)
    for path in (f"/?q=Sukhoi&section={SECTION}&figure={MONEY_FIGURE}", "/?view=figures", "/"):
        page.get(server_url + path)
        find(page, "#main h1")
        overflow = page.execute_script(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px"
    page.get(f"{server_url}/?q=Sukhoi&section={SECTION}&figure={MONEY_FIGURE}")
    find(page, "#figure-detail .figure-value")
    screenshot(page, "explorer-narrow.png")


def test_readme_screenshot(page: WebDriver, server_url: str) -> None:
    """artifacts/browser/explorer.png: the picture docs/explorer.png is copied from."""
    # A 1280x820 viewport, whatever the browser's own frame takes.
    page.set_window_size(1280, 820)
    frame = page.execute_script("return window.outerHeight - window.innerHeight")
    page.set_window_size(1280, 820 + frame)
    page.get(f"{server_url}/?q=Sukhoi&section={SECTION}&figure={MONEY_FIGURE}")
    find(page, "#figure-detail .figure-value")
    find(page, f'.hit[data-id="{SECTION}"] mark')
    page.execute_script("window.scrollTo(0, 0); document.activeElement.blur()")
    screenshot(page, "explorer.png")


SNIPPET_SCRIPT = """
const done = arguments[arguments.length - 1];
import("/static/app/explorer/dom.js").then(({ snippetFragment }) => {
  const box = document.createElement("div");
  box.append(snippetFragment(arguments[0]));
  done({ html: box.innerHTML, marks: [...box.querySelectorAll("mark")].map((m) => m.textContent),
         elements: box.querySelectorAll("*").length, text: box.textContent });
}, (error) => done({ error: String(error) }));
"""


def test_snippets_are_parsed_without_trusting_their_markup(
    page: WebDriver, server_url: str
) -> None:
    page.get(f"{server_url}/")
    find(page, "#main h1")
    hostile = 'a &lt;b&gt; &amp; <mark>x</mark> <img src=x onerror="alert(1)"> &#x27;q&#x27;'
    result = page.execute_async_script(SNIPPET_SCRIPT, hostile)
    assert result["marks"] == ["x"]
    assert result["elements"] == 1  # Only the <mark>: the <img> stayed text.
    assert result["text"] == "a <b> & x <img src=x onerror=\"alert(1)\"> 'q'"


NEST_SCRIPT = """
const done = arguments[arguments.length - 1];
import("/static/app/explorer/highlight.js").then(({ highlight }) => {
  const make = (span) => {
    const el = document.createElement("span");
    el.dataset.id = span.id;
    return el;
  };
  const box = document.createElement("div");
  box.append(highlight(arguments[0], arguments[1], arguments[2], make));
  done({ html: box.innerHTML });
}, (error) => done({ error: String(error) }));
"""


def test_highlights_use_code_points_and_split_crossing_spans(
    page: WebDriver, server_url: str
) -> None:
    page.get(f"{server_url}/")
    find(page, "#main h1")
    # "😀" is one code point but two UTF-16 units: offsets after it must still land right.
    text = "x😀 ab cd"
    spans = [
        {"start": 13, "end": 17, "layer": 0, "id": "outer"},  # "ab c" at origin 10
        {"start": 16, "end": 18, "layer": 1, "id": "cross"},  # "cd" crosses outer's end
        {"start": 11, "end": 12, "layer": 2, "id": "emoji"},
    ]
    result = page.execute_async_script(NEST_SCRIPT, text, 10, spans)
    assert result["html"] == (
        'x<span data-id="emoji">😀</span> '
        '<span data-id="outer">ab <span data-id="cross">c</span></span>'
        '<span data-id="cross">d</span>'
    )


def test_the_skip_link_moves_focus_to_the_content(page: WebDriver, server_url: str) -> None:
    page.get(f"{server_url}/?section={SECTION}")
    find(page, ".reader-text")
    skip = page.find_element(By.CSS_SELECTOR, ".skip-link")
    page.execute_script("arguments[0].focus()", skip)
    page.switch_to.active_element.send_keys(Keys.ENTER)
    # The browser's own jump: focus on the content, the same view still open.
    wait(page).until(lambda d: d.switch_to.active_element.get_attribute("id") == "main")
    assert f"section={SECTION}" in page.current_url
    find(page, ".reader-text")


def test_back_to_an_address_without_a_figure_empties_the_figure_panel(
    page: WebDriver, server_url: str
) -> None:
    page.get(f"{server_url}/?q=billion&section={SECTION}")
    find(page, f'.hit[data-type="figure"][data-id="{MONEY_FIGURE}"] a').click()
    assert find(page, "#figure-detail .figure-value").text == "11,000,000,000 USD"
    page.back()
    wait(page).until(lambda d: "figure=" not in d.current_url)
    wait(page).until(lambda d: not d.find_elements(By.CSS_SELECTOR, "#figure-detail .figure-value"))
    assert find(page, "#figure-detail p.muted").text.startswith("Select a highlighted figure")


def test_picking_a_figure_clears_the_claim_outline(page: WebDriver, server_url: str) -> None:
    page.get(f"{server_url}/?section={SECTION}&claim=c-8de3ca5457e6")
    find(page, ".reader-text .claim-focused")
    find(page, f'.reader-text [data-figure="{MONEY_FIGURE}"]').click()
    wait(page).until(lambda d: "claim=" not in d.current_url)
    assert page.find_elements(By.CSS_SELECTOR, ".reader-text .claim-focused") == []


def test_the_search_box_takes_at_most_the_apis_200_characters(
    page: WebDriver, server_url: str
) -> None:
    page.get(server_url)
    box = find(page, "#q")
    assert box.get_attribute("maxlength") == "200"
    box.send_keys("a" * 205)
    assert len(box.get_attribute("value")) == 200


def test_a_view_that_failed_to_load_loads_when_asked_again(
    page: WebDriver, server_url: str
) -> None:
    page.get(server_url)
    link = f'#toc-body a[href="/?section={SECTION}"]'
    find(page, link)
    page.execute_cdp_cmd("Network.enable", {})
    page.execute_cdp_cmd("Network.setBlockedURLs", {"urls": [f"*/v1/sections/{SECTION}"]})
    try:
        page.find_element(By.CSS_SELECTOR, link).click()
        assert find(page, "#main .error h1").text == "Something went wrong"
    finally:
        page.execute_cdp_cmd("Network.setBlockedURLs", {"urls": []})
    page.find_element(By.CSS_SELECTOR, link).click()
    find(page, ".reader-text")
    assert page.find_elements(By.CSS_SELECTOR, "#main .error") == []


def test_a_late_page_of_an_old_search_leaves_the_new_one_alone(
    page: WebDriver, server_url: str
) -> None:
    page.get(f"{server_url}/?q=Venezuela")
    status = page.find_element(By.ID, "results-status")
    wait(page).until(lambda d: "results for" in status.text)
    # The next page of results arrives a second late.
    page.execute_script(
        """const fetch_ = window.fetch;
        window.fetch = (url, options) => String(url).includes("offset=")
          ? new Promise((done) => setTimeout(done, 1000)).then(() => fetch_(url, options))
          : fetch_(url, options);"""
    )
    find(page, "#results button.button").click()
    box = page.find_element(By.ID, "q")
    box.clear()
    box.send_keys("oil")
    wait(page).until(lambda d: "“oil”" in status.text)
    settled = status.text
    page.execute_script("return new Promise((done) => setTimeout(done, 1500))")
    assert status.text == settled
    assert not status.text.startswith("Showing")


def test_a_type_filter_with_no_results_shows_and_can_be_turned_off(
    page: WebDriver, server_url: str
) -> None:
    page.get(f"{server_url}/?q=Sukhoi&type=actor")
    chip = find(page, '.chip[data-focus-key="type:actor"]')
    assert chip.get_attribute("aria-pressed") == "true"
    assert chip.find_element(By.CSS_SELECTOR, ".count").text == "0"
    chip.click()
    wait(page).until(lambda d: "type=" not in d.current_url)
    find(page, f'.hit[data-type="section"][data-id="{SECTION}"]')


def test_focus_stays_in_the_results_after_a_link_that_redraws_them(
    page: WebDriver, server_url: str
) -> None:
    page.get(f"{server_url}/?q=venzuela")
    link = find(page, ".suggestion a")
    page.execute_script("arguments[0].focus()", link)
    page.switch_to.active_element.send_keys(Keys.ENTER)
    wait(page).until(lambda d: d.find_element(By.ID, "q").get_attribute("value") == "venezuela")
    find(page, ".hit")
    wait(page).until(lambda d: d.switch_to.active_element.get_attribute("id") == "results-status")


PROVENANCE_SCRIPT = """
const done = arguments[arguments.length - 1];
import("/static/app/explorer/format.js").then(({ provenance }) => {
  done(arguments[0].map(provenance));
}, (error) => done({ error: String(error) }));
"""


def test_the_overview_says_where_an_article_came_from(page: WebDriver, server_url: str) -> None:
    page.get(f"{server_url}/")
    # The seed article declares no publisher, author or date; its language was detected.
    assert find(page, ".card .provenance").text == "English"
    articles = [
        {
            "publisher": "Diario Altiplano",
            "authors": ["Marta Quispe Rivas", "Ana Ruiz"],
            "published": "2025-03-04",
            "language": "es",
        },
        {"publisher": None, "authors": [], "published": None, "language": "und"},
    ]
    assert page.execute_async_script(PROVENANCE_SCRIPT, articles) == [
        "Diario Altiplano · Marta Quispe Rivas, Ana Ruiz · 2025-03-04 · Spanish",
        "",
    ]


def test_an_attributed_claim_shows_its_speaker(page: WebDriver, server_url: str) -> None:
    section = "russia-china-venezuela-8-2"
    [claim] = [c for c in api(server_url, f"/v1/sections/{section}")["claims"] if c["speaker"]]
    page.get(f"{server_url}/?section={section}&claim={claim['id']}")
    marked = find(page, f".reader-text #claim-{claim['id']}")
    assert marked.get_attribute("title") == "Prescription claim, attributed to Experts"
    page.find_element(By.CSS_SELECTOR, ".claims-list summary").click()
    notes = page.find_elements(By.CSS_SELECTOR, ".claims-list .claim-speaker")
    assert [n.text for n in notes] == ["— according to Experts"]


def test_facet_counts_that_may_be_low_say_so(
    page: WebDriver, server_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Past 10,000 matches the API may count low and says so (`facets_exact: false`: see
    # tests/search/test_facet_bounds.py); here it says so of the seed's "china".
    count = facets.count

    def bounded(*args: Any) -> tuple[facets.FacetCounts, bool]:
        return count(*args)[0], False

    monkeypatch.setattr(facets, "count", bounded)
    assert api(server_url, "/v1/search?q=china&limit=3")["facets_exact"] is False
    page.get(f"{server_url}/?q=china")
    note = find(page, ".facet-note")
    assert note.text == "Counts may be low: there are more than 10,000 results."
    counts = [c.text for c in page.find_elements(By.CSS_SELECTOR, ".facets .count")]
    assert counts
    assert all(c.startswith("≥ ") for c in counts), counts
