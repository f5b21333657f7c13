"""Bidi controls in text the explorer shows cannot reorder the page around it.

The API balances titles and snippets (tests/api/test_bidi.py); the explorer puts any other
string holding a bidi control into a <bdi> (app/static/explorer/dom.js). Here Chromium lays
out a line with an override left open before other text: the text after it must stay after
it, in its own order.
"""

from __future__ import annotations

import pytest
from selenium.webdriver.remote.webdriver import WebDriver

from tests.browser.test_explorer import find

pytestmark = pytest.mark.browser

RLO = "\u202e"

LAYOUT_SCRIPT = """
const done = arguments[arguments.length - 1];
import("/static/app/explorer/dom.js").then(({ h, snippetFragment }) => {
  const quote = h("span", { class: "quote", text: arguments[0] });
  const line = h("p", { style: "white-space: nowrap" }, "see ", quote, " AFTER");
  const snippet = h("p", {}, snippetFragment(arguments[1]), " AFTER");
  document.body.append(line, snippet);
  const box = (node) => {
    const range = document.createRange();
    range.selectNodeContents(node);
    return range.getBoundingClientRect();
  };
  const after = line.lastChild;
  done({
    quoteHtml: quote.innerHTML,
    quoteRight: box(quote).right,
    afterLeft: box(after).left,
    afterText: after.textContent,
    snippetHtml: snippet.innerHTML,
  });
  line.remove();
  snippet.remove();
}, (error) => done({ error: String(error) }));
"""


def test_an_open_override_stays_inside_its_text(page: WebDriver, server_url: str) -> None:
    page.get(f"{server_url}/")
    find(page, "#main h1")
    result = page.execute_async_script(
        LAYOUT_SCRIPT, f"{RLO}reversed", f"a {RLO}<mark>b</mark> c &amp; d"
    )
    assert result.get("error") is None, result
    assert result["quoteHtml"] == f"<bdi>{RLO}reversed</bdi>"
    # Outside the <bdi> the override ends: " AFTER" is laid out after the quote, not before it.
    assert result["afterText"] == " AFTER"
    assert result["afterLeft"] >= result["quoteRight"] - 0.5
    # A snippet is isolated whole, <mark> included.
    assert result["snippetHtml"] == f"<bdi>a {RLO}<mark>b</mark> c &amp; d</bdi> AFTER"
