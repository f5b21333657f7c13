"""Search answers pinned byte for byte: the JSON (field order included) and paging headers.

`data/pinned.json` was written from the service before search moved off FastAPI's model
serialisation onto raw SQLite and orjson (see docs/performance.md); every rewrite since must
give the same bytes. Changes since:

- fields added: every answer's facets gained `article` (counted from the pinned answer's own
  total less its actors: the seed is one article), and every answer `facets_exact`
  (true: the seed's queries are counted whole);
- the move from FTS5 to the embedded engine (app/search/engine/) re-pinned orders, scores and
  snippets, and nothing else: every query's total, mode, suggestion and facets are as they
  were. BM25 is now computed per field (how rare a word is among titles, not among whole
  rows, each field normalised by its own length), so a match in a title or a name counts for
  more: "Moscow" now puts the sections titled with it or with "Russia" right after the actor.
  Equal scores keep the order rows were indexed in (an article's rows in text order, actors by
  id), not (type, id). A snippet is a window of 24 terms around the matches, centred on them
  (in a long text, within the region where tantivy scores the query's terms most).

The queries cover each path through the search: all words, the fallback to any word,
suggestions, completions, phrases, actor names, filters, pages and empty results.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

PINNED: dict[str, dict[str, str | None]] = json.loads(
    (Path(__file__).parent / "data" / "pinned.json").read_text(encoding="utf-8")
)


@pytest.mark.parametrize("url", list(PINNED))
def test_search_answers_exactly_as_pinned(client: TestClient, url: str) -> None:
    response = client.get(url)
    expected = PINNED[url]
    assert response.status_code == 200
    assert response.text == expected["body"]
    assert response.headers["x-total-count"] == expected["x-total-count"]
    assert response.headers.get("link") == expected["link"]
    assert response.headers["content-type"] == "application/json"
