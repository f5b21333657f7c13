"""Ranges written as two bounds, ranges whose first end reads like a year, and ranges of
abbreviated scales."""

from __future__ import annotations

import pytest

from app.ingest.figures import extract_figures
from app.models.vocabulary import Comparator, FigureKind


def read(sentence: str) -> list[tuple[str, FigureKind, float | None, float | None, str | None]]:
    return [(f.quote, f.kind, f.value, f.value_max, f.unit) for f in extract_figures(sentence)]


@pytest.mark.parametrize(
    ("sentence", "quote", "kind", "low", "high", "unit"),
    [
        (
            "Inflation stayed above 2% but below 3% all spring.",
            "above 2% but below 3%",
            FigureKind.PERCENT,
            2,
            3,
            "percent",
        ),
        (
            "Firms with more than 50 and fewer than 250 employees qualify.",
            "more than 50 and fewer than 250 employees",
            FigureKind.COUNT,
            50,
            250,
            None,
        ),
        (
            "The court may impose at most 10 and at least 2 years.",
            "at most 10 and at least 2 years",
            FigureKind.DURATION,
            2,
            10,
            "year",
        ),
        (
            "Bids of over $5 million and under $8 million were invited.",
            "over $5 million and under $8 million",
            FigureKind.MONEY,
            5e6,
            8e6,
            "USD",
        ),
    ],
)
def test_two_bounds_are_one_range(
    sentence: str, quote: str, kind: FigureKind, low: float, high: float, unit: str | None
) -> None:
    [figure] = [f for f in extract_figures(sentence) if f.quote == quote]
    assert (figure.kind, figure.value, figure.value_max, figure.unit) == (kind, low, high, unit)
    assert figure.comparator is Comparator.EQ


@pytest.mark.parametrize(
    "sentence",
    [
        "More than 500 people died and fewer than 20 survived.",  # two things, two bounds
        "More than 40% and less than 10% are not the same.",  # out of order
        "It has more than 50 staff and less than $10 million in sales.",  # different units
    ],
)
def test_bounds_of_different_things_stay_apart(sentence: str) -> None:
    assert all(f.value_max is None for f in extract_figures(sentence))


@pytest.mark.parametrize(
    ("sentence", "quote", "low", "high"),
    [
        (
            "Between 1500 and 3000 troops were sent north.",
            "Between 1500 and 3000 troops",
            1500,
            3000,
        ),
        ("Some 2000-3000 workers lost their jobs.", "Some 2000-3000 workers", 2000, 3000),
        ("Each shipment held 1200-5000 crates.", "1200-5000 crates", 1200, 5000),
        ("Salaries of 5k-20k a month were offered.", "5k-20k", 5000, 20000),
    ],
)
def test_a_number_like_a_year_can_start_a_range(
    sentence: str, quote: str, low: float, high: float
) -> None:
    [figure] = [f for f in extract_figures(sentence) if f.quote == quote]
    assert (figure.kind, figure.value, figure.value_max) == (FigureKind.COUNT, low, high)


def test_a_year_before_an_amount_stays_a_year() -> None:
    kinds = [f.kind for f in extract_figures("Sales in 2019 to 5,000 units were a record.")]
    assert kinds == [FigureKind.YEAR, FigureKind.COUNT]
    assert [f.kind for f in extract_figures("Between 2010 and 2015 prices rose.")] == [
        FigureKind.PERIOD
    ]
