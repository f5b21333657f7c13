"""Swagger UI's Authorize button sends the bearer token: `/docs` adds an article with it, and
the same Try-it-out without it is refused (401)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pydantic import SecretStr
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.wait import WebDriverWait

from app.core.config import Settings
from app.core.db import sqlite_path
from tests.browser.conftest import ARTIFACTS, serving
from tests.conftest import copy_database

pytestmark = pytest.mark.browser

TOKEN = "docs-admin-token"
ARTICLE = (
    "Tidal Power on the Severn Estuary\n\n"
    "A tidal lagoon near Cardiff would cost £1.3 billion and power 150,000 homes, "
    "its planners said in March.\n"
)
OPERATION = "#operations-articles-create_article"


@pytest.fixture(scope="module")
def writable_url(settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The service on a copy of the seeded database, writes allowed with `TOKEN`."""
    db = tmp_path_factory.mktemp("docs-auth") / "facts.db"
    copy_database(sqlite_path(settings.database_url), db)
    update = {"database_url": f"sqlite:///{db}", "admin_token": SecretStr(TOKEN)}
    with serving(settings.model_copy(update=update)) as url:
        yield url


def _open_docs(page: WebDriver, url: str) -> WebDriverWait[WebDriver]:
    page.get(f"{url}/docs")
    page.execute_script("window.localStorage.clear()")  # No token kept from another test.
    page.refresh()
    wait = WebDriverWait(page, 15)
    wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, OPERATION)))
    return wait


def _authorize(page: WebDriver, wait: WebDriverWait[WebDriver], token: str) -> None:
    page.find_element(By.CSS_SELECTOR, ".auth-wrapper .btn.authorize").click()
    field = wait.until(ec.visibility_of_element_located((By.CSS_SELECTOR, ".auth-container input")))
    field.send_keys(token)
    page.find_element(By.CSS_SELECTOR, ".auth-btn-wrapper .modal-btn.authorize").click()
    # Authorized: the dialog now offers to log out, and shows the value masked.
    wait.until(ec.presence_of_element_located((By.XPATH, "//button[text()='Logout']")))
    page.find_element(By.XPATH, "//button[text()='Close']").click()


def _try_upload(page: WebDriver, wait: WebDriverWait[WebDriver], text: str) -> WebElement:
    """Opens the upload, types `text` as its body, executes it; the answer's status cell."""
    block = page.find_element(By.CSS_SELECTOR, OPERATION)
    block.find_element(By.CSS_SELECTOR, ".opblock-summary").click()
    wait.until(ec.element_to_be_clickable((By.CSS_SELECTOR, f"{OPERATION} .try-out__btn")))
    block.find_element(By.CSS_SELECTOR, ".try-out__btn").click()
    body = wait.until(
        ec.visibility_of_element_located(
            (By.CSS_SELECTOR, f"{OPERATION} textarea.body-param__text")
        )
    )
    body.clear()
    body.send_keys(text)
    block.find_element(By.CSS_SELECTOR, ".execute").click()
    return wait.until(
        ec.visibility_of_element_located(
            (By.CSS_SELECTOR, f"{OPERATION} .live-responses-table tbody .response-col_status")
        )
    )


def test_authorize_then_try_it_out_adds_an_article(page: WebDriver, writable_url: str) -> None:
    wait = _open_docs(page, writable_url)
    _authorize(page, wait, TOKEN)
    status = _try_upload(page, wait, ARTICLE)
    assert status.text.split()[0] == "201"
    answer = page.find_element(By.CSS_SELECTOR, f"{OPERATION} .live-responses-table .microlight")
    assert '"id": "tidal-power-on-the-severn-estuary"' in answer.text
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.save_screenshot(str(ARTIFACTS / "docs-authorized-upload.png"))


def test_try_it_out_without_the_token_is_refused(page: WebDriver, writable_url: str) -> None:
    wait = _open_docs(page, writable_url)
    status = _try_upload(page, wait, ARTICLE.replace("Severn", "Mersey"))
    assert status.text.split()[0] == "401"
    # The browser logs the refused fetch as an error; it is the answer this test expects.
    page.get_log("browser")
