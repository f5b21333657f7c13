"""GET /v1/articles and /v1/articles/{id}/text against the seeded article, value by value."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

ARTICLE = "russia-china-venezuela"
SOURCE = Path(__file__).resolve().parents[2] / "seed" / f"{ARTICLE}.txt"
TITLE = (
    "Russia and China in Latin America: How Cooperation with Venezuela Is Redefining "
    "Global Power Dynamics"
)
# The "SEO keywords included:" line, split on commas, in order.
KEYWORDS = [
    "Russia China Venezuela alliance",
    "Venezuela defense cooperation",
    "Latin America geopolitics",
    "China Belt and Road Latin America",
    "Russia influence Western Hemisphere",
    "multipolar world order",
    "US-Venezuela relations",
    "global South strategy",
]
# The introduction, ten numbered sections and fourteen subsections (1.1-6.2, 8.1, 8.2).
SECTIONS = 1 + 10 + 14
# two decades, three powers, after 2017, more than 60%, 1999–2013, Between 2005 and 2013,
# over $11 billion, over $60 billion, since 2007, Since 2017.
FIGURES = 10
# Every sentence and bullet of the bodies: intro 4, 1.1 3, 1.2 4, 2.1 4, 2.2 3, 3.1 3, 3.2 5,
# 4.1 5, 4.2 3, 5.1 3, 5.2 3, 6.1 3, 6.2 2, 7 3, 8.1 3, 8.2 3, 9 3, 10 9.
CLAIMS = 66
# Every one of the 24 curated actors is named somewhere in the sections.
ACTORS = 24


def _article(client: TestClient) -> dict[str, Any]:
    body = client.get("/v1/articles").json()
    assert body["total"] == 1
    article: dict[str, Any] = body["items"][0]
    return article


def test_the_list_holds_exactly_the_seeded_article(client: TestClient) -> None:
    body = client.get("/v1/articles").json()
    assert body["total"] == 1
    assert [a["id"] for a in body["items"]] == [ARTICLE]


def test_article_metadata(client: TestClient) -> None:
    article = _article(client)
    assert article["id"] == "russia-china-venezuela"
    assert article["title"] == TITLE
    assert article["language"] == "en"
    assert article["source"] == "russia-china-venezuela.txt"


def test_article_keywords_are_the_eight_seo_keywords_in_order(client: TestClient) -> None:
    assert _article(client)["keywords"] == KEYWORDS


def test_article_sha256_is_the_digest_of_the_seed_file_bytes(client: TestClient) -> None:
    expected = hashlib.sha256(SOURCE.read_bytes()).hexdigest()
    assert _article(client)["sha256"] == expected


def test_article_length_counts_code_points(client: TestClient, article_text: str) -> None:
    length = _article(client)["length"]
    assert length == len(article_text)
    # The text has curly quotes and dashes: code points, not bytes.
    assert length < len(SOURCE.read_bytes())


def test_article_counts(client: TestClient) -> None:
    assert _article(client)["counts"] == {
        "sections": SECTIONS,
        "actors": ACTORS,
        "figures": FIGURES,
        "claims": CLAIMS,
    }


def test_single_article_equals_its_list_item(client: TestClient) -> None:
    assert client.get(f"/v1/articles/{ARTICLE}").json() == _article(client)


def test_counts_agree_with_the_collections(client: TestClient) -> None:
    counts = _article(client)["counts"]
    params: dict[str, str | int] = {"article": ARTICLE, "limit": 1}
    for resource in ("sections", "figures", "claims", "actors"):
        assert client.get(f"/v1/{resource}", params=params).json()["total"] == counts[resource]


def test_text_is_the_seed_file_exactly(client: TestClient) -> None:
    response = client.get(f"/v1/articles/{ARTICLE}/text")
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/plain; charset=utf-8"
    assert response.content == SOURCE.read_bytes()
    assert response.text == SOURCE.read_bytes().decode("utf-8")


def test_text_starts_with_the_title_line(client: TestClient) -> None:
    text = client.get(f"/v1/articles/{ARTICLE}/text").text
    assert text.split("\n", 1)[0] == TITLE
