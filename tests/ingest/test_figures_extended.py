"""Figure rules added for ingesting any article: ranges of amounts, more currencies and
comparators, open periods from a year, changes by a fraction, "N of the M" counts."""

from __future__ import annotations

import pytest

from app.ingest.drafts import FigureDraft
from app.ingest.figures import extract_figures
from app.models.vocabulary import Comparator, FigureKind

Row = tuple[str, FigureKind, float | None, str | None, Comparator, str | None, str | None]

MONEY, PERCENT, YEAR, PERIOD = (
    FigureKind.MONEY,
    FigureKind.PERCENT,
    FigureKind.YEAR,
    FigureKind.PERIOD,
)
DURATION, COUNT, MEASURE = FigureKind.DURATION, FigureKind.COUNT, FigureKind.MEASURE
EQ, LTE, APPROX = Comparator.EQ, Comparator.LTE, Comparator.APPROX


def rows(sentence: str) -> list[Row]:
    return [_row(f) for f in extract_figures(sentence)]


def _row(f: FigureDraft) -> Row:
    return (f.quote, f.kind, f.value, f.unit, f.comparator, f.period_start, f.period_end)


Span = tuple[str, FigureKind, float | None, float | None, str | None]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Contracts run 15 to 27 years.", [("15 to 27 years", DURATION, 15.0, 27.0, "year")]),
        ("It costs $5-7 billion.", [("$5-7 billion", MONEY, 5e9, 7e9, "USD")]),
        (
            "Tariffs of 20 to 30 per cent apply.",
            [("20 to 30 per cent", PERCENT, 20.0, 30.0, "percent")],
        ),
        (
            "Between 5 and 7 million people fled.",
            [("Between 5 and 7 million people", COUNT, 5e6, 7e6, None)],
        ),
        (
            "It has 5 and 7 million people.",  # "and" makes a range only after "between"
            [("5", COUNT, 5.0, None, None), ("7 million people", COUNT, 7e6, None, None)],
        ),
        (
            "Estimates run from 77 million tonnes to 142 million tonnes.",  # both ends complete
            [("from 77 million tonnes to 142 million tonnes", MEASURE, 77e6, 142e6, "t")],
        ),
        (
            # after a verb of change: the level left and the level reached
            "Output rose from 77 million tonnes to 142 million tonnes.",
            [
                ("77 million tonnes", MEASURE, 77e6, None, "t"),
                ("142 million tonnes", MEASURE, 142e6, None, "t"),
            ],
        ),
        (
            "The fare climbed $3.10 to $41.50.",  # the move, then the level reached
            [("$3.10", MONEY, 3.1, None, "USD"), ("$41.50", MONEY, 41.5, None, "USD")],
        ),
        (
            "Yields are expected to rise 3 to 5 percent.",  # the first end states no unit
            [("3 to 5 percent", PERCENT, 3.0, 5.0, "percent")],
        ),
        (
            "Jobless claims fell by 12,000 to 1.8 million.",  # "by": the move, then the level
            [("12,000", COUNT, 12000.0, None, None), ("1.8 million", COUNT, 1.8e6, None, None)],
        ),
        (
            # the move has its own scale and takes the unit of the level reached
            "Stocks fell by 1.2 million to 430 million barrels.",
            [
                ("1.2 million", MEASURE, 1.2e6, None, "oil_bbl"),
                ("430 million barrels", MEASURE, 430e6, None, "oil_bbl"),
            ],
        ),
        (
            "Prices went from $800,000 to $1.3 million.",  # the first end has its own scale
            [("from $800,000 to $1.3 million", MONEY, 800000.0, 1300000.0, "USD")],
        ),
        (
            "Growth of between 5 and 7 percent.",
            [("between 5 and 7 percent", PERCENT, 5.0, 7.0, "percent")],
        ),
        ("Margins of 5-7% held.", [("5-7%", PERCENT, 5.0, 7.0, "percent")]),
        (
            "Rates fell from 10% to 5%.",  # backwards: two levels, no range
            [("10%", PERCENT, 10.0, None, "percent"), ("5%", PERCENT, 5.0, None, "percent")],
        ),
    ],
)
def test_a_range_is_one_figure_with_both_ends(sentence: str, expected: list[Span]) -> None:
    assert [
        (f.quote, f.kind, f.value, f.value_max, f.unit) for f in extract_figures(sentence)
    ] == expected


@pytest.mark.parametrize(
    ("sentence", "quote", "value", "unit"),
    [
        ("Samsung will invest 300 trillion won.", "300 trillion won", 300e12, "KRW"),
        ("It cost KRW 5 billion.", "KRW 5 billion", 5e9, "KRW"),
        ("India spent 2 trillion rupees.", "2 trillion rupees", 2e12, "INR"),
        ("Aramco paid 40 billion riyals.", "40 billion riyals", 40e9, "SAR"),
        ("The lira fell; it cost 9 billion lira.", "9 billion lira", 9e9, "TRY"),
    ],
)
def test_more_currencies(sentence: str, quote: str, value: float, unit: str) -> None:
    [figure] = extract_figures(sentence)
    assert (figure.quote, figure.kind, figure.value, figure.unit) == (quote, MONEY, value, unit)


def test_won_the_verb_is_no_currency() -> None:
    assert rows("The party won 300 seats.") == [("300 seats", COUNT, 300.0, None, EQ, None, None)]


@pytest.mark.parametrize(
    ("sentence", "quote", "comparator"),
    [
        ("It holds close to $1 trillion.", "close to $1 trillion", APPROX),
        ("It lent as much as $5 billion.", "as much as $5 billion", LTE),
        ("As many as 200 ships sailed.", "As many as 200 ships", LTE),
    ],
)
def test_more_comparators(sentence: str, quote: str, comparator: Comparator) -> None:
    [figure] = extract_figures(sentence)
    assert (figure.quote, figure.comparator) == (quote, comparator)


def test_from_a_year_with_no_end_is_an_open_period() -> None:
    assert rows("A deal for 2 million tonnes a year from 2026.") == [
        ("2 million tonnes a year", MEASURE, 2e6, "t/a", EQ, "2026", None),
        ("from 2026", PERIOD, None, None, EQ, "2026", None),
    ]
    assert rows("Prices fell from 2019 to 2021.") == [
        ("from 2019 to 2021", PERIOD, None, None, EQ, "2019", "2021")
    ]
    assert [r[0] for r in rows("It ran from 2013 to 2005.")] == ["2013", "2005"]


@pytest.mark.parametrize(
    ("sentence", "quote", "value"),
    [
        ("The price of rice rose by a quarter.", "a quarter", 25.0),
        ("Exports fell by half.", "half", 50.0),
        ("Output was cut by two-thirds last year.", "two-thirds", 200 / 3),
    ],
)
def test_a_change_by_a_fraction_is_a_percent(sentence: str, quote: str, value: float) -> None:
    assert rows(sentence) == [(quote, PERCENT, value, "percent", EQ, None, None)]


def test_a_fraction_after_by_that_names_a_part_is_unchanged() -> None:
    assert rows("It grew by half of what was planned.")[0][:3] == ("half", PERCENT, 50.0)
    assert rows("By the first quarter, it grew.") == []


def test_n_of_the_m_counts_both() -> None:
    assert rows("Seven of the eight members are in NATO.") == [
        ("Seven", COUNT, 7.0, None, EQ, None, None),
        ("eight members", COUNT, 8.0, None, EQ, None, None),
    ]
    assert rows("One of the two powers abstained.") == [
        ("two powers", COUNT, 2.0, None, EQ, None, None)
    ]
    assert rows("Two of the few options remain.") == []


def test_a_count_keeps_its_noun_only_in_lower_case_or_after_a_people_s_name() -> None:
    assert [f.quote for f in extract_figures("It flies 36 Rafale jets and 45 MiG-29Ks.")] == [
        "36",
        "45",
    ]
    assert [f.quote for f in extract_figures("It ordered four twin-seat aircraft.")] == ["four"]
    assert [f.quote for f in extract_figures("Two Chinese icebreakers and 14 navy ships.")] == [
        "Two Chinese icebreakers",
        "14 navy ships",
    ]


def test_crowns_and_a_level_left_named_as_an_extreme() -> None:
    [profit] = extract_figures("Profit was 2.4 billion Swedish crowns.")
    assert (profit.kind, profit.value, profit.unit) == (FigureKind.MONEY, 2.4e9, "SEK")
    figures = extract_figures("Zinc traded near $2,100, down from a peak of $2,900.")
    assert [(f.quote, f.change) for f in figures] == [("near $2,100", "fall"), ("$2,900", "fall")]
