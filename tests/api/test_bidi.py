"""Bidi controls in an article: balanced in the titles and snippets answered, the text as stored.

An override or isolate left open in a title or snippet reorders the page after it (see
app/core/bidi.py). The article below opens some it never closes and closes one it never
opened; the answers must be balanced while the text and every offset stay exact.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.core.config import Settings
from app.ingest.article import prepare_article, read_article
from app.ingest.curated import Curated
from app.ingest.loader import load
from app.main import create_app
from tests.conftest import SEED_DIR

RLE, PDF, RLO = "\u202b", "\u202c", "\u202e"
RLI, PDI = "\u2067", "\u2069"
TEXT = (
    f"A report {RLO}on zebrafish trade\n\n"
    f"The zebrafish council met a delegate {RLI}from Qazvin on Monday. The talks ended early."
    f"{PDF} Nobody objected.\n\n"
    f"## Trade {RLE}with zebrafish partners\n\n"
    "Exports of zebrafish rose by 12% in 2023, the council said.\n"
)


@pytest.fixture(scope="module")
def bidi(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    url = f"sqlite:///{tmp_path_factory.mktemp('bidi') / Path('facts.db')}"
    facts, actors = prepare_article(
        read_article(TEXT.encode(), source_name="bidi.txt"),
        source_name="bidi.txt",
        slug="bidi",
        title=None,
        annotations=None,
        curated=Curated(),
    )
    load(url, [facts], actors)
    with TestClient(create_app(Settings(database_url=url, seed_dir=SEED_DIR))) as test_client:
        yield test_client


def test_search_titles_and_snippets_are_balanced(bidi: TestClient) -> None:
    body = bidi.get("/v1/search", params={"q": "zebrafish", "limit": 10}).json()
    found = {(item["type"], item["id"]): (item["title"], item["snippet"]) for item in body["items"]}
    # The claim's sentence leaves its isolate open: closed where the sentence ends.
    assert found["claim", "c-3426b77dbea3"] == (
        f"The zebrafish council met a delegate {RLI}from Qazvin on Monday.{PDI}",
        f"The <mark>zebrafish</mark> council met a delegate {RLI}from Qazvin on Monday.{PDI}",
    )
    # The PDF inside the open isolate cannot close anything (UAX #9): dropped.
    assert found["section", "bidi-intro"] == (
        "Introduction",
        f"The <mark>zebrafish</mark> council met a delegate {RLI}from Qazvin on Monday. The talks"
        f" ended early. Nobody objected.{PDI}",
    )
    assert found["section", "bidi-trade-with-zebrafish-partners"][0] == (
        f"Trade {RLE}with zebrafish partners{PDF}"
    )


def test_article_and_section_titles_are_balanced(bidi: TestClient) -> None:
    assert bidi.get("/v1/articles/bidi").json()["title"] == f"A report {RLO}on zebrafish trade{PDF}"
    assert bidi.get("/v1/articles").json()["items"][0]["title"] == (
        f"A report {RLO}on zebrafish trade{PDF}"
    )
    sections = bidi.get("/v1/sections", params={"article": "bidi"}).json()["items"]
    assert [s["title"] for s in sections] == [
        "Introduction",
        f"Trade {RLE}with zebrafish partners{PDF}",
    ]


def test_the_text_and_its_offsets_are_as_stored(bidi: TestClient) -> None:
    text = bidi.get("/v1/articles/bidi/text").text
    assert text == TEXT
    claims = bidi.get("/v1/claims", params={"article": "bidi"}).json()["items"]
    assert [c["text"] for c in claims] == [text[c["start"] : c["end"]] for c in claims]
    assert claims[0]["text"] == (
        f"The zebrafish council met a delegate {RLI}from Qazvin on Monday."
    )
