"""The explorer page and its assets, over HTTP without a browser (these always run)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from fastapi.testclient import TestClient

from app.api.routes.explorer import EXPLORER_DIR

ASSETS = "/static/app/explorer/"


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.inline_script = False
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script and data.strip():
            self.inline_script = True


def _parse(html: str) -> _Tags:
    parser = _Tags()
    parser.feed(html)
    return parser


def test_root_serves_the_explorer_under_the_strict_csp(client: TestClient) -> None:
    response = client.get("/")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    csp = response.headers["content-security-policy"]
    assert "script-src 'self';" in csp
    assert "connect-src 'self'" in csp
    assert response.headers["etag"]
    page = _parse(response.text)
    assert not page.inline_script
    scripts = [attrs for tag, attrs in page.tags if tag == "script"]
    assert scripts == [{"type": "module", "src": ASSETS + "app.js"}]
    # Landmarks and labels the page is navigated by.
    ids = {attrs.get("id") for _, attrs in page.tags}
    assert {"main", "q", "results-status", "search-form"} <= ids
    assert ("label", {"for": "q"}) in page.tags
    assert not any("style" in attrs for _, attrs in page.tags)


def test_root_is_not_part_of_the_api_document(client: TestClient) -> None:
    assert "/" not in client.get("/openapi.json").json()["paths"]
    assert client.head("/").status_code == 200


def test_every_asset_the_page_names_is_served_from_the_service(client: TestClient) -> None:
    page = _parse(client.get("/").text)
    urls = [
        attrs.get("src") or attrs.get("href")
        for tag, attrs in page.tags
        if tag in ("script", "link") and (attrs.get("src") or attrs.get("href"))
    ]
    assert urls
    for url in urls:
        assert url is not None
        assert url.startswith(ASSETS), f"{url} is not one of the page's own"
        response = client.get(url)
        assert response.status_code == 200, url
    # Modules import each other by relative path: each import names a file that is there.
    for module in EXPLORER_DIR.glob("*.js"):
        for name in re.findall(r'from "\./([\w.-]+)"', module.read_text(encoding="utf-8")):
            response = client.get(ASSETS + name)
            assert response.status_code == 200, f"{module.name} imports {name}"
            assert response.headers["content-type"].startswith("text/javascript")


def test_no_script_writes_markup_from_strings() -> None:
    """API text reaches the DOM only as text nodes: no innerHTML and friends anywhere."""
    sinks = re.compile(
        r"\.(innerHTML|outerHTML)\b|insertAdjacentHTML\(|document\.write|\beval\(|new Function\("
        r"|createContextualFragment|DOMParser"
    )
    for module in EXPLORER_DIR.glob("*.js"):
        found = sinks.search(module.read_text(encoding="utf-8"))
        assert found is None, f"{module.name} uses {found and found.group()}"
