"""Real headless Chromium against the real service: uvicorn on a free loopback port, serving a
database seeded by the real loader (tests/conftest.py's `settings`).

The browser is Debian's chromium and chromium-driver (scripts/ci-browser.sh installs them);
nothing is downloaded. Without them the browser tests are skipped, saying why. Screenshots go
to artifacts/browser/ (git-ignored): the ones the tests take on purpose, and one of the page
for every failing test.
"""

from __future__ import annotations

import contextlib
import os
import socket
import tempfile
import threading
import time
from collections.abc import Generator, Iterator
from pathlib import Path

import pytest
import uvicorn
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.chrome.webdriver import WebDriver

from app.core.config import Settings
from app.main import create_app
from tests.conftest import REPO

CHROMIUM = Path(os.environ.get("ARTICLE_FACTS_CHROMIUM", "/usr/bin/chromium"))
CHROMEDRIVER = Path(os.environ.get("ARTICLE_FACTS_CHROMEDRIVER", "/usr/bin/chromedriver"))
ARTIFACTS = REPO / "artifacts" / "browser"
CHROME_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--hide-scrollbars",
    "--lang=en-US",
]
WINDOW = (1280, 900)


@pytest.fixture(scope="session")
def server_url(settings: Settings) -> Iterator[str]:
    """The service, in a thread of this process, on a port the OS picked."""
    with serving(settings) as url:
        yield url


@contextlib.contextmanager
def serving(settings: Settings) -> Iterator[str]:
    """The service on `settings`, in a thread of this process, on a port the OS picked."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(
        create_app(settings),
        log_level="warning",
        access_log=False,
        # The pure-Python stack: no websockets (unused), nothing that warns on import.
        loop="asyncio",
        http="h11",
        ws="none",
        lifespan="on",
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.02)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
    sock.close()


@pytest.fixture(scope="session")
def browser() -> Iterator[WebDriver]:
    missing = [str(path) for path in (CHROMIUM, CHROMEDRIVER) if not path.exists()]
    if missing:
        pytest.skip(
            f"browser tests need Chromium and its driver; missing {', '.join(missing)} "
            "(install them with scripts/ci-browser.sh)"
        )
    for stale in ARTIFACTS.glob("failed-*.png"):  # From an earlier run.
        stale.unlink()
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in CHROME_ARGS:
        options.add_argument(argument)
    # Console messages (CSP violations, script errors) are read back after every test.
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    with tempfile.TemporaryDirectory(prefix="explorer-chromium-") as profile:
        options.add_argument(f"--user-data-dir={profile}")
        with pytest.MonkeyPatch.context() as patch:
            # Never let Selenium Manager look for a browser or driver online.
            patch.setenv("SE_OFFLINE", "true")
            driver = webdriver.Chrome(options=options, service=Service(str(CHROMEDRIVER)))
        try:
            driver.set_window_size(*WINDOW)
            yield driver
        finally:
            driver.quit()


FAILED = pytest.StashKey[bool]()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    """Remembers whether the test itself failed, for `page` to take a screenshot."""
    report = yield
    if report.when == "call":
        item.stash[FAILED] = report.failed
    return report


@pytest.fixture
def page(
    browser: WebDriver, server_url: str, request: pytest.FixtureRequest
) -> Iterator[WebDriver]:
    """The browser, at a known window size, checked for console errors after the test."""
    browser.set_window_size(*WINDOW)
    browser.get_log("browser")  # Drop what earlier tests left.
    yield browser
    if request.node.stash.get(FAILED, False):
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        browser.save_screenshot(str(ARTIFACTS / f"failed-{request.node.name}.png"))
    errors = [entry for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]
    assert not errors, f"the browser console reported errors: {errors}"
