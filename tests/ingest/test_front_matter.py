"""YAML front matter and article metadata: read, checked, layered, and kept out of the text."""

from __future__ import annotations

import pytest

from app.ingest.article import IngestError, read_document
from app.ingest.front_matter import FrontMatterError, split_front_matter
from app.ingest.metadata import ArticleMeta, MetadataError, checked

HEADER = """---
title: Norway's Gas Windfall
url: https://example.org/norway
publisher:  Example   Review
authors: [Kari Nordmann, Ola Nordmann, Kari Nordmann]
date: 2023-02-01
tags: [energy]
---
"""
BAD_URL = "source URL: an http:// or https:// address of at most 2000 characters"
BAD_DATE = "published: a date as YYYY-MM-DD (or an ISO 8601 date and time), not '02/01/2023'"
BODY = "Oslo earned about $90 billion from gas exports in 2022.\n"


def test_the_block_gives_metadata_and_title_and_the_text_starts_after_it() -> None:
    meta, title, rest = split_front_matter(HEADER + BODY)
    assert meta == ArticleMeta(
        source_url="https://example.org/norway",
        publisher="Example Review",
        authors=("Kari Nordmann", "Ola Nordmann"),
        published="2023-02-01",
    )
    assert title == "Norway's Gas Windfall"
    assert rest == BODY


def test_the_stored_text_opens_with_the_declared_title_once() -> None:
    text, meta = read_document((HEADER + BODY).encode(), source_name="a.md")
    assert text == "Norway's Gas Windfall\n\n" + BODY
    assert meta.publisher == "Example Review"
    # A body that already opens with the title is not given it twice.
    text, _ = read_document(
        (HEADER + "# Norway's Gas Windfall\n\n" + BODY).encode(), source_name="a.md"
    )
    assert text == "# Norway's Gas Windfall\n\n" + BODY


def test_a_text_without_front_matter_is_read_whole() -> None:
    data = "Title\n\n---\nnot: front matter\n---\nBody.\n"
    assert split_front_matter(data) == (ArticleMeta(), None, data)
    assert read_document(data.encode(), source_name="a.txt") == (data, ArticleMeta())


@pytest.mark.parametrize(
    ("block", "message"),
    [
        ("title: [unclosed\n", "front matter: not valid YAML (line 2)"),
        ("- a list\n", "front matter: a YAML mapping of keys to values, please"),
        ("url: ftp://example.org/x\n", f"front matter: {BAD_URL}"),
        ("date: 2023-02-30\n", "front matter: not valid YAML (day is out of range for month)"),
        ("date: 02/01/2023\n", f"front matter: {BAD_DATE}"),
        ("authors: {a: 1}\n", "front matter: authors must be a name or a list of names"),
        ("publisher: {a: 1}\n", "front matter: publisher must be text"),
    ],
)  # fmt: skip
def test_a_bad_block_is_refused_naming_what_is_wrong(block: str, message: str) -> None:
    with pytest.raises(FrontMatterError) as caught:
        split_front_matter(f"---\n{block}---\n{BODY}")
    assert str(caught.value) == message
    with pytest.raises(IngestError) as refused:
        read_document(f"---\n{block}---\nTitle\n\n{BODY}".encode(), source_name="a.md")
    assert (str(refused.value), refused.value.status) == (f"a.md: {message}", 422)


def test_given_values_win_over_declared_ones_field_by_field() -> None:
    declared = checked(publisher="Declared", authors=["A"], published="2020-01-01")
    given = checked(publisher="Given", source_url="https://example.org/x")
    assert declared.merged(given) == ArticleMeta(
        source_url="https://example.org/x",
        publisher="Given",
        authors=("A",),
        published="2020-01-01",
    )


def test_values_are_normalised_and_bounded() -> None:
    assert checked(published="2024-05-02T10:30:00Z").published == "2024-05-02"
    assert checked(publisher="  ", authors=[" ", "A  B"]) == ArticleMeta(authors=("A B",))
    for bad in (
        {"source_url": "https://example.org/a b"},
        {"source_url": "javascript:alert(1)"},
        # urlsplit's own ValueError, which reached the route as a 500.
        {"source_url": "http://["},
        {"publisher": "x" * 201},
        {"authors": [f"a{i}" for i in range(21)]},
        {"published": "02/01/2023"},
    ):
        with pytest.raises(MetadataError):
            checked(**bad)  # type: ignore[arg-type]
