"""A length in feet and inches is one length in feet."""

from __future__ import annotations

import pytest

from app.ingest.figures import extract_figures


@pytest.mark.parametrize(
    ("sentence", "quote", "value"),
    [
        ("The centre stands 6 feet 9 inches tall.", "6 feet 9 inches", 6.75),
        ("The record fish was 4ft 6in long.", "4ft 6in", 4.5),
        ("The fence is 7 feet and 3 inches high.", "7 feet and 3 inches", 7.25),
    ],
)
def test_feet_and_inches_are_one_length(sentence: str, quote: str, value: float) -> None:
    figures = extract_figures(sentence)
    assert [(f.quote, f.value, f.unit) for f in figures] == [(quote, pytest.approx(value), "ft")]


def test_inches_apart_from_the_feet_stay_apart() -> None:
    figures = extract_figures("The wall is 9 feet high, with a ledge of 4 inches.")
    assert [(f.quote, f.unit) for f in figures] == [("9 feet", "ft"), ("4 inches", "in")]


def test_a_number_after_feet_is_no_inches_without_the_word() -> None:
    figures = extract_figures("The 40 ft 2 in 3 days.")
    assert figures[0].quote == "40 ft"


@pytest.mark.parametrize(
    ("sentence", "quote", "value", "unit"),
    [
        ("The statue is 4.5m tall.", "4.5m", 4.5, "m"),
        ("They built a 3m-high fence.", "3m", 3, "m"),
        ("The city has 2m residents.", "2m residents", 2e6, None),
        ("It sold 2m long before the launch.", "2m", 2e6, None),
        ("They sold 2m high-end phones.", "2m", 2e6, None),
    ],
)
def test_an_attached_m_is_metres_only_before_a_size(
    sentence: str, quote: str, value: float, unit: str | None
) -> None:
    figures = extract_figures(sentence)
    assert [(f.quote, f.value, f.unit) for f in figures] == [(quote, value, unit)]
