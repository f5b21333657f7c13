"""Parsing what people type into terms, and the alternatives each term or actor name stands for."""

from __future__ import annotations

import re

import pytest

from app.search.aliases import ActorNames, Span, spans
from app.search.query import (
    NOT_BLANK,
    WHITE_SPACE,
    ParsedQuery,
    Term,
    is_blank,
    parse,
    tokens,
)


def terms(text: str) -> list[tuple[tuple[str, ...], bool, bool]]:
    return [(t.tokens, t.quoted, t.prefix) for t in parse(text).terms]


def test_words_are_folded_and_the_last_one_is_a_prefix() -> None:
    assert terms("Chávez SANCTIONS") == [(("chavez",), False, False), (("sanctions",), False, True)]


def test_a_trailing_space_ends_the_last_word() -> None:
    assert terms("oil ") == [(("oil",), False, False)]


def test_quoted_phrases_are_one_term_and_not_prefixes() -> None:
    assert terms('"Belt and Road" china') == [
        (("belt", "and", "road"), True, False),
        (("china",), False, True),
    ]
    assert terms('"belt and road"') == [(("belt", "and", "road"), True, False)]


def test_curly_quotes_delimit_phrases_like_straight_ones() -> None:
    assert terms("“technological stability”") == [(("technological", "stability"), True, False)]


def test_an_unclosed_quote_runs_to_the_end_as_a_phrase_being_typed() -> None:
    assert terms('oil "belt and ro') == [
        (("oil",), False, False),
        (("belt", "and", "ro"), True, True),
    ]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Venezuela’s", ("venezuela", "s")),
        ("Venezuela's", ("venezuela", "s")),
        ("Russia–Venezuela", ("russia", "venezuela")),
        ("Russia-Venezuela", ("russia", "venezuela")),
        ("U.S.", ("u", "s")),
        ("$60", ("60",)),
        ("60%", ("60",)),
        ("4G", ("4g",)),
    ],
)
def test_punctuation_inside_a_word_splits_it_as_the_index_does(
    typed: str, expected: tuple[str, ...]
) -> None:
    assert parse(typed + " ").terms[0].tokens == expected


def test_operators_and_syntax_are_plain_text() -> None:
    assert [t.tokens for t in parse('NOT title:x* OR (a AND ^b) NEAR("c" d) -e +f').terms] == [
        ("not",),
        ("title", "x"),
        ("or",),
        ("a",),
        ("and",),
        ("b",),
        ("near",),
        ("c",),
        ("d",),
        ("e",),
        ("f",),
    ]


def test_words_without_token_characters_are_dropped() -> None:
    assert parse("🙂 *** — ()").terms == ()
    assert not parse("🙂")


def test_nul_bytes_are_removed() -> None:
    assert terms("su\x00khoi ") == [(("sukhoi",), False, False)]


def test_repeated_terms_count_once() -> None:
    assert terms("oil oil ") == [(("oil",), False, False)]


def test_right_to_left_scripts_are_words() -> None:
    assert terms("مرحبا שלום ") == [(("مرحبا",), False, False), (("שלום",), False, False)]


def test_tokens_splits_on_everything_but_letters_numbers_and_marks() -> None:
    assert tokens("a_b c·d 3.5") == ("a", "b", "c", "d", "3", "5")


@pytest.mark.parametrize(("text", "blank"), [("", True), ("  \t\n", True), ("\x00 ", True)])
def test_blank_queries(text: str, blank: bool) -> None:
    assert is_blank(text) is blank
    assert not is_blank("🙂")


NAMES = ActorNames.from_rows(
    [
        ("russia", "Russia", ["Moscow", "Russian", "Russian Federation"]),
        ("united-states", "United States", ["Washington", "U.S."]),
    ]
)


def alternatives(found: list[Span]) -> list[tuple[tuple[tuple[str, ...], bool], ...]]:
    return [span.alternatives for span in found]


def test_an_alias_expands_to_every_name_of_its_actor() -> None:
    found = spans(parse("Moscow oil"), NAMES)
    assert alternatives(found) == [
        (
            (("moscow",), False),
            (("russia",), False),
            (("russian",), False),
            (("russian", "federation"), False),
        ),
        ((("oil",), True),),
    ]
    assert [span.named for span in found] == [(0,), ()]


def test_the_longest_name_wins_and_keeps_the_typed_prefix() -> None:
    assert alternatives(spans(parse("oil united states"), NAMES)) == [
        ((("oil",), False),),
        ((("united", "states"), True), (("washington",), False), (("u", "s"), False)),
    ]


def test_completions_replace_a_prefix_that_matches_nothing() -> None:
    found = spans(parse("oil givin"), NAMES, {1: ("giving", "given")})
    assert alternatives(found) == [
        ((("oil",), False),),
        ((("giving",), False), (("given",), False)),
    ]


def test_quoted_names_are_not_expanded() -> None:
    assert alternatives(spans(parse('"Moscow"'), NAMES)) == [((("moscow",), False),)]


def test_a_query_renders_back_with_replacements() -> None:
    query = ParsedQuery((Term(("venezeula",), "venezeula"), Term(("a", "b"), "a b", quoted=True)))
    assert query.render({0: "venezuela"}) == 'venezuela "a b"'


@pytest.mark.parametrize("text", ["\x1f", "\u200b", "🙂", "\x00a"])
def test_characters_outside_unicode_white_space_are_not_blank(text: str) -> None:
    assert not is_blank(text)


def test_white_space_is_exactly_what_the_pattern_calls_blank() -> None:
    characters = (chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
    blank = {c for c in characters if re.fullmatch(NOT_BLANK, c) is None}
    assert blank == {"\x00", *WHITE_SPACE}
