"""Highlighting and suggestion helpers, without a database."""

from __future__ import annotations

from app.search import highlight
from app.search.index import truncate
from app.search.suggest import closest

WORDS = {"venezuela": 40, "venezuelan": 6, "huawei": 2, "south": 5, "sukhoi": 1}


def test_snippets_are_escaped_before_markers_become_tags() -> None:
    marked = f'<script>alert("x")</script> & {highlight.OPEN}oil{highlight.CLOSE}\n  reserves'
    assert highlight.to_html(marked) == (
        "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; <mark>oil</mark> reserves"
    )


def test_marker_characters_cannot_come_from_the_text() -> None:
    assert highlight.strip_markers(f"a{highlight.OPEN}b{highlight.CLOSE}") == "a\ufffdb\ufffd"


def test_the_closest_more_common_word_is_suggested() -> None:
    assert closest("venezeula", WORDS, more_than=0) == "venezuela"
    assert closest("huwaei", WORDS, more_than=0) == "huawei"


def test_nothing_is_suggested_for_unrelated_or_rarer_words() -> None:
    assert closest("zzzz", WORDS, more_than=0) is None
    assert closest("huawey", WORDS, more_than=2) is None


def test_long_claims_are_cut_at_a_word() -> None:
    assert truncate("one two three", 100) == "one two three"
    assert truncate("one two, three", 9) == "one two…"
    assert truncate("abcdefghij", 4) == "abcd…"
