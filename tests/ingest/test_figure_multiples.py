"""Multiples written as one word ("fourfold", "doubled") and currencies named without their
country ("rupiah")."""

from __future__ import annotations

import pytest

from app.ingest.figures import extract_figures
from app.models.vocabulary import Change, Comparator, FigureKind


@pytest.mark.parametrize(
    ("sentence", "quote", "value", "comparator", "change"),
    [
        (
            "Its fleet has grown roughly fivefold since 2015.",
            "roughly fivefold",
            5,
            "approx",
            "rise",
        ),
        ("Analysts expect a tenfold jump.", "tenfold", 10, "eq", "rise"),
        ("Prices fell three-fold.", "three-fold", 3, "eq", "fall"),
        ("Bread prices doubled in a year.", "doubled", 2, "eq", "rise"),
        ("Freight costs more than tripled.", "more than tripled", 3, "gt", "rise"),
        ("The city hopes to double its harbour traffic.", "double", 2, "eq", "rise"),
        ("Demand could quadruple.", "quadruple", 4, "eq", "rise"),
    ],
)
def test_a_multiple_in_one_word(
    sentence: str, quote: str, value: float, comparator: str, change: str
) -> None:
    found = [f for f in extract_figures(sentence) if f.unit == "times"]
    assert len(found) == 1, found
    f = found[0]
    assert (f.quote, f.kind, f.value) == (quote, FigureKind.MEASURE, value)
    assert (f.comparator, f.change) == (Comparator(comparator), Change(change))


@pytest.mark.parametrize(
    "sentence",
    [
        "The farmers took a double blow.",
        "Inflation stayed in triple-digit territory.",
        "The treaty ends double taxation.",
        "The minister chose to double down.",
        "Please double-check the form.",
    ],
)
def test_an_adjective_or_an_idiom_is_no_multiple(sentence: str) -> None:
    assert extract_figures(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        ("The port cost 4 trillion rupiah.", "IDR"),
        ("A meal costs 90 baht.", "THB"),
        ("The loan is worth 2 billion zlotys.", "PLN"),
        ("Fares rose to 40 hryvnias.", "UAH"),
    ],
)
def test_a_currency_one_country_uses_by_its_bare_name(sentence: str, code: str) -> None:
    [f] = extract_figures(sentence)
    assert (f.kind, f.unit) == (FigureKind.MONEY, code)
