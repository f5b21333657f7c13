"""The explorer names the article each figure row and search hit comes from, to cite it."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver

from tests.browser.test_explorer import api, find, wait

pytestmark = pytest.mark.browser


def _citation(meta: dict[str, str | None]) -> str:
    return " · ".join(str(meta[k]) for k in ("title", "publisher", "published") if meta[k])


def test_figure_rows_and_search_hits_name_their_article(page: WebDriver, server_url: str) -> None:
    figures = api(server_url, "/v1/figures?limit=100")["items"]
    page.get(f"{server_url}/?view=figures")
    find(page, "table.figures tbody tr")
    cells = page.find_elements(By.CSS_SELECTOR, "table.figures tbody td.figure-source")
    assert [c.text for c in cells] == [_citation(f["article_meta"]) for f in figures]

    hits = api(server_url, "/v1/search?q=Moscow")["items"]
    page.get(f"{server_url}/?q=Moscow")
    find(page, ".hit")
    wait(page).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, ".hit")) == len(hits))
    shown = [
        [p.text for p in item.find_elements(By.CSS_SELECTOR, ".hit-source")]
        for item in page.find_elements(By.CSS_SELECTOR, ".hit")
    ]
    assert shown == [[_citation(h["article_meta"])] if h["article_meta"] else [] for h in hits]
