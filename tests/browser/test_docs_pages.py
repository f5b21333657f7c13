"""The docs pages render in a browser that cannot reach the internet: every asset is ours."""

from __future__ import annotations

import httpx
import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.wait import WebDriverWait

from tests.browser.conftest import ARTIFACTS

pytestmark = pytest.mark.browser


def test_swagger_ui_lists_every_operation_offline(page: WebDriver, server_url: str) -> None:
    page.get(f"{server_url}/docs")
    wait = WebDriverWait(page, 15)
    wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, ".opblock-summary-path")))
    paths = {
        element.get_attribute("data-path")
        for element in page.find_elements(By.CSS_SELECTOR, ".opblock-summary-path")
    }
    assert {"/v1/sections/{section_id}", "/v1/search", "/v1/figures", "/ready"} <= paths
    assert page.find_element(By.CSS_SELECTOR, ".info .title").text.startswith("article-facts")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.save_screenshot(str(ARTIFACTS / "docs-swagger.png"))


def test_redoc_renders_the_reference_offline(page: WebDriver, server_url: str) -> None:
    page.get(f"{server_url}/redoc")
    wait = WebDriverWait(page, 20)
    heading = wait.until(ec.visibility_of_element_located((By.CSS_SELECTOR, "h1")))
    assert heading.text.startswith("article-facts")
    operations = page.find_elements(By.CSS_SELECTOR, "li[data-item-id^='tag/'] li label")
    spec = httpx.get(f"{server_url}/openapi.json").json()
    assert len(operations) == sum(len(item) for item in spec["paths"].values())
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.save_screenshot(str(ARTIFACTS / "docs-redoc.png"))
    # ReDoc's bundle links its "API docs by Redocly" logo to the vendor's CDN; the CSP blocks
    # it, so nothing is fetched from outside. That block is the only error the page may log.
    errors = [e["message"] for e in page.get_log("browser") if e["level"] == "SEVERE"]
    assert all("cdn.redoc.ly" in message for message in errors), errors
