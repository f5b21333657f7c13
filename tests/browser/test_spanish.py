"""The explorer on a Spanish article beside the English seed, in headless Chromium: each article
says its language, the list filters by it, Spanish text keeps its accents and inverted marks
and is marked as Spanish, and a search for a Spanish word finds its other forms."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.select import Select

from app.core.config import Settings
from app.ingest.loader import load
from app.ingest.seed import Seed
from bench.spanish import SLUG, spanish_article
from tests.browser.conftest import serving
from tests.browser.test_explorer import api, find, wait
from tests.conftest import ARTICLE, SEED_DIR

pytestmark = pytest.mark.browser

TITLE = "El petróleo venezolano y sus acreedores"


@pytest.fixture(scope="module")
def spanish_url(tmp_path_factory: pytest.TempPathFactory, seed: Seed) -> Iterator[str]:
    path: Path = tmp_path_factory.mktemp("spanish") / "facts.db"
    url = f"sqlite:///{path}"
    load(url, [*seed.articles, spanish_article(seed)], seed.curated.actors)
    settings = Settings(database_url=url, seed_dir=SEED_DIR, recognizer="none")
    with serving(settings) as base:
        yield base


def cards(page: WebDriver) -> dict[str, tuple[str, str | None]]:
    """Each listed article's id -> its provenance line and its title's `lang`."""
    found = {}
    for card in page.find_elements(By.CSS_SELECTOR, ".article-list .card"):
        title = card.find_element(By.CSS_SELECTOR, ".article-title")
        found[card.get_attribute("data-article") or ""] = (
            card.find_element(By.CSS_SELECTOR, ".provenance").text,
            title.get_attribute("lang"),
        )
    return found


def test_the_list_says_each_article_s_language_and_filters_by_it(
    page: WebDriver, spanish_url: str
) -> None:
    page.get(f"{spanish_url}/")
    find(page, ".article-list .card")
    assert cards(page) == {ARTICLE: ("English", "en"), SLUG: ("Spanish", "es")}
    options = [o.text for o in Select(find(page, "#language-filter")).options]
    assert options == ["All", "English (1)", "Spanish (1)"]
    Select(find(page, "#language-filter")).select_by_value("es")
    wait(page).until(lambda d: "language=es" in d.current_url)
    wait(page).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, ".article-list .card")) == 1)
    assert cards(page) == {SLUG: ("Spanish", "es")}


def test_the_article_page_shows_its_language(page: WebDriver, spanish_url: str) -> None:
    page.get(f"{spanish_url}/?article={SLUG}")
    title = find(page, ".article-page h1.article-title")
    assert (title.text, title.get_attribute("lang")) == (TITLE, "es")
    assert find(page, ".article-page .provenance").text == "Spanish"


def test_spanish_text_reads_as_written_and_is_marked_spanish(
    page: WebDriver, spanish_url: str
) -> None:
    # The first section (its id says so), "Préstamos a cambio de crudo".
    section = api(spanish_url, f"/v1/sections/{SLUG}-intro")
    assert section["title"] == "Préstamos a cambio de crudo"
    page.get(f"{spanish_url}/?section={SLUG}-intro")
    text = find(page, ".reader-text")
    assert text.get_attribute("lang") == "es"
    assert find(page, "#section-heading").get_attribute("lang") == "es"
    assert text.text == (
        "Rusia prestó a Venezuela unos 17.000 millones de dólares entre 2006 y 2017. Las empresas"
        " petroleras rusas recibieron barriles de crudo como pago.\n\n¿Quién cobrará primero? Según"
        " los analistas, China exige que la deuda petrolera se pague antes que cualquier otra."
    )


def test_an_english_section_is_marked_english(page: WebDriver, spanish_url: str) -> None:
    page.get(f"{spanish_url}/?section={ARTICLE}-intro")
    assert find(page, ".reader-text").get_attribute("lang") == "en"


def test_a_search_for_a_spanish_word_marks_its_other_forms(
    page: WebDriver, spanish_url: str
) -> None:
    page.get(f"{spanish_url}/?q=petroleros&type=claim")
    find(page, ".hit")
    marked = sorted(m.text for m in page.find_elements(By.CSS_SELECTOR, ".hit mark"))
    assert marked == ["petrolera", "petroleras", "petroleros"]
