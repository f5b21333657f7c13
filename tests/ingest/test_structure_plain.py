"""Unnumbered plain-text headings, and trailers where the tags follow the share buttons."""

from __future__ import annotations

from app.ingest.structure import parse_document


def titles(text: str) -> list[tuple[str | None, str]]:
    return [(s.number, s.title) for s in parse_document(text).sections]


def test_short_lines_between_paragraphs_are_headings() -> None:
    text = (
        "A Title\n\nAn opening paragraph.\n\n"
        "The budget\n\nThe Commission proposed a budget.\n\n"
        "Asia’s lead\n\nTaiwan makes most chips.\n"
    )
    assert titles(text) == [(None, "Introduction"), (None, "The budget"), (None, "Asia’s lead")]
    budget = parse_document(text).sections[1]
    assert (budget.level, budget.parent_number) == (1, None)
    assert text[budget.start : budget.end] == "The budget\n\nThe Commission proposed a budget."
    assert text[budget.body_start : budget.body_end] == "The Commission proposed a budget."


def test_a_first_line_after_the_title_may_be_a_heading() -> None:
    assert titles("T\n\nBackground\n\nIt began in 2019.\n") == [(None, "Background")]


def test_lines_that_look_like_something_else_are_no_headings() -> None:
    text = (
        "A Title\n\n"
        "By Jane Roe\n\nA byline is no heading.\n\n"
        "October 5, 2023\n\nNor is a dateline.\n\n"
        "Key points:\n\nNor is a line ending like a clause.\n\n"
        "- A list item\n\nNor is a bullet.\n\n"
        "lower-case line\n\nNor is one without a capital.\n\n"
        "A line that runs on for more than ten words is surely no heading\n\nProse.\n\n"
        "Joined lines\nstay one paragraph.\n\n"
        "A hard-wrapped line\nThat Goes On.\n\n"
        "A long heading-like line\nShort.\n\n"
        "Thanks for reading\n"
    )
    assert titles(text) == [(None, "Introduction")]


def test_numbered_headings_keep_unnumbered_lines_as_text() -> None:
    text = "T\n\n1. Context\n\nKey points\n\nThe point is made here.\n"
    assert titles(text) == [("1", "Context")]


def test_markdown_keeps_plain_lines_as_text() -> None:
    text = "# T\n\n## Context\n\nKey points\n\nThe point is made here.\n"
    assert titles(text) == [(None, "Context")]


def test_tags_after_the_share_buttons_are_kept_and_the_rest_dropped() -> None:
    text = (
        "T\n\nBody text.\n\nShare this:\nClick to share on X (Opens in new window)\n"
        "Like this:\nLoading...\n\nTags: chips, Taiwan\n\nLeave a Reply\nComment *\n"
    )
    doc = parse_document(text)
    assert doc.keywords == ["chips", "Taiwan"]
    assert [text[s.start : s.end] for s in doc.sections] == ["Body text."]
