from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.ingest.drafts import FigureDraft
from app.ingest.figures import extract_figures
from app.models.vocabulary import Comparator, FigureKind

SEED = (
    (Path(__file__).parents[2] / "seed" / "russia-china-venezuela.txt").read_bytes().decode("utf-8")
)

Row = tuple[str, FigureKind, float | None, str | None, Comparator, str | None, str | None]

MONEY, PERCENT, YEAR, DATE = FigureKind.MONEY, FigureKind.PERCENT, FigureKind.YEAR, FigureKind.DATE
PERIOD, DURATION, COUNT = FigureKind.PERIOD, FigureKind.DURATION, FigureKind.COUNT
MEASURE = FigureKind.MEASURE
EQ, GT, GTE, LT = Comparator.EQ, Comparator.GT, Comparator.GTE, Comparator.LT
LTE, APPROX = Comparator.LTE, Comparator.APPROX


def _row(f: FigureDraft) -> Row:
    return (f.quote, f.kind, f.value, f.unit, f.comparator, f.period_start, f.period_end)


def _only(sentence: str) -> FigureDraft:
    figures = extract_figures(sentence)
    assert len(figures) == 1, figures
    return figures[0]


def _body_lines() -> list[tuple[int, int]]:
    """(start, end) of every line between the title line and "SEO keywords included:"."""
    spans: list[tuple[int, int]] = []
    pos = SEED.index("\n") + 1  # past the title line
    for line in SEED[pos:].split("\n"):
        if line.startswith("SEO keywords included:"):
            break
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def _assert_well_formed(text: str, figures: list[FigureDraft], start: int, end: int) -> None:
    for f in figures:
        assert text[f.start : f.end] == f.quote
        assert start <= f.start < f.end <= end
    for a, b in itertools.pairwise(figures):
        assert a.end <= b.start


# --- the seed article ---------------------------------------------------------------------------


def test_seed_body_figures_are_exactly_these() -> None:
    found = [_row(f) for start, end in _body_lines() for f in extract_figures(SEED, start, end)]
    assert found == [
        ("two decades", DURATION, 20.0, "year", EQ, None, None),
        ("three powers", COUNT, 3.0, None, EQ, None, None),
        ("after 2017", YEAR, 2017.0, "year", GT, "2017", None),
        ("more than 60%", PERCENT, 60.0, "percent", GT, None, None),
        ("1999–2013", PERIOD, None, None, EQ, "1999", "2013"),
        ("Between 2005 and 2013", PERIOD, None, None, EQ, "2005", "2013"),
        ("over $11 billion", MONEY, 11e9, "USD", GT, "2005", "2013"),
        ("over $60 billion", MONEY, 60e9, "USD", GT, "2007", None),
        ("since 2007", PERIOD, None, None, EQ, "2007", None),
        ("Since 2017", PERIOD, None, None, EQ, "2017", None),
    ]


def test_seed_measures_are_what_is_counted() -> None:
    measures = {
        f.quote: f.measure
        for start, end in _body_lines()
        for f in extract_figures(SEED, start, end)
    }
    assert measures == {
        "two decades": None,
        "three powers": "powers",
        "after 2017": None,
        "more than 60%": "Venezuelan oil exports",
        "1999–2013": None,
        "Between 2005 and 2013": None,
        "over $11 billion": "Russian military equipment",
        "over $60 billion": "credit",
        "since 2007": None,
        "Since 2017": None,
    }


def test_seed_offsets_are_absolute() -> None:
    line = "1.1. A country at the crossroads of three powers"
    start = SEED.index(line)
    [figure] = extract_figures(SEED, start, start + len(line))
    assert figure.start == SEED.index("three powers")
    assert SEED[figure.start : figure.end] == "three powers"


def test_seed_title_and_keywords_lines_have_no_figures() -> None:
    title_end = SEED.index("\n")
    keywords = SEED.index("SEO keywords included:")
    assert extract_figures(SEED, 0, title_end) == []
    assert extract_figures(SEED, keywords, SEED.index("\n", keywords)) == []


def test_every_seed_line_is_well_formed() -> None:
    pos = 0
    for line in SEED.split("\n"):
        _assert_well_formed(SEED, extract_figures(SEED, pos, pos + len(line)), pos, pos + len(line))
        pos += len(line) + 1


# --- money --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "quote", "value", "unit"),
    [
        ("It cost $5 million.", "$5 million", 5e6, "USD"),
        ("It cost US$5 million.", "US$5 million", 5e6, "USD"),
        ("It cost 5 million dollars.", "5 million dollars", 5e6, "USD"),
        ("It cost 5 billion US dollars.", "5 billion US dollars", 5e9, "USD"),
        ("It cost USD 5 million.", "USD 5 million", 5e6, "USD"),
        ("It cost 5 million USD.", "5 million USD", 5e6, "USD"),
        ("It cost €3.5 billion.", "€3.5 billion", 3.5e9, "EUR"),
        ("It cost 20 euros.", "20 euros", 20.0, "EUR"),
        ("It cost EUR 7 million.", "EUR 7 million", 7e6, "EUR"),
        ("It cost £2 billion.", "£2 billion", 2e9, "GBP"),
        ("It cost 300 pounds.", "300 pounds", 300.0, "GBP"),
        ("It cost 2 million pounds sterling.", "2 million pounds sterling", 2e6, "GBP"),
        ("It cost ¥100 million.", "¥100 million", 1e8, "JPY"),
        ("It cost 100 million yen.", "100 million yen", 1e8, "JPY"),
        ("It cost 100 million yuan.", "100 million yuan", 1e8, "CNY"),
        ("It cost 5 billion renminbi.", "5 billion renminbi", 5e9, "CNY"),
        ("It cost RMB 2 billion.", "RMB 2 billion", 2e9, "CNY"),
        ("It cost CNY 2 billion.", "CNY 2 billion", 2e9, "CNY"),
        ("It cost five million dollars.", "five million dollars", 5e6, "USD"),
        ("It was a billion-dollar deal.", "a billion-dollar", 1e9, "USD"),
    ],
)
def test_money_currency_forms(sentence: str, quote: str, value: float, unit: str) -> None:
    figure = _only(sentence)
    assert (figure.quote, figure.kind, figure.value, figure.unit) == (quote, MONEY, value, unit)


@pytest.mark.parametrize(
    ("quote", "value"),
    [
        ("$7 thousand", 7e3),
        ("$300k", 3e5),
        ("$11 million", 11e6),
        ("$5m", 5e6),
        ("$5mn", 5e6),
        ("$11 billion", 11e9),
        ("$11bn", 11e9),
        ("$11 bn", 11e9),
        ("$3 trillion", 3e12),
        ("$2tn", 2e12),
        ("$1.25 billion", 1.25e9),
        ("$1,200", 1200.0),
    ],
)
def test_money_scale_words_and_abbreviations(quote: str, value: float) -> None:
    figure = _only(f"The fund holds {quote} today.")
    assert (figure.quote, figure.kind, figure.value) == (quote, MONEY, value)


@pytest.mark.parametrize(
    ("sentence", "measure"),
    [
        ("Beijing lent $60 billion in credit to Caracas.", "credit"),
        (
            "It bought $11 billion in Russian military equipment, including tanks.",
            "Russian military equipment",
        ),
        ("It bought $11 billion in arms for the army.", "arms"),
        ("It bought $11 billion in arms since 2007.", "arms"),
        ("It spent $2 billion of its reserves.", "reserves"),
        ("It bought $5 billion worth of weapons.", "weapons"),
        ("It bought $11 billion in arms", "arms"),
        ("It bought $11 billion.", None),
    ],
)
def test_money_measure_is_the_phrase_after_in(sentence: str, measure: str | None) -> None:
    money = [f for f in extract_figures(sentence) if f.kind is MONEY]
    assert [f.measure for f in money] == [measure]


# --- percents -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "quote", "value", "unit"),
    [
        ("Exports rose 60% last year.", "60%", 60.0, "percent"),
        ("Exports rose 60 % last year.", "60 %", 60.0, "percent"),
        ("Exports rose 5.5% last year.", "5.5%", 5.5, "percent"),
        ("Exports rose 60 percent last year.", "60 percent", 60.0, "percent"),
        ("Exports rose 60 per cent last year.", "60 per cent", 60.0, "percent"),
        ("Exports rose sixty percent last year.", "sixty percent", 60.0, "percent"),
        ("It holds a 60-percent share.", "60-percent", 60.0, "percent"),
        ("Rates rose 3 percentage points.", "3 percentage points", 3.0, "percentage point"),
    ],
)
def test_percent_forms(sentence: str, quote: str, value: float, unit: str) -> None:
    figure = _only(sentence)
    assert (figure.quote, figure.kind, figure.value, figure.unit) == (quote, PERCENT, value, unit)


@pytest.mark.parametrize(
    ("sentence", "measure"),
    [
        ("More than 60% of Venezuelan oil exports go to Asia.", "Venezuelan oil exports"),
        ("About 60% of the country's exports are oil.", "country's exports"),
        ("About 60% of exports, mostly oil, leave by sea.", "exports"),
        ("About 60% of oil and gas exports went to China.", "oil and gas exports"),
        ("Exports rose 60%.", None),
    ],
)
def test_percent_measure_is_the_phrase_after_of(sentence: str, measure: str | None) -> None:
    assert _only(sentence).measure == measure


@pytest.mark.parametrize(
    ("sentence", "quote", "value", "comparator", "measure"),
    [
        ("Half of exports go to Asia.", "Half", 50.0, EQ, "exports"),
        ("More than half of exports go to Asia.", "More than half", 50.0, GT, "exports"),
        ("Nearly a third of the budget is debt.", "Nearly a third", 100 / 3, APPROX, "budget"),
        ("Two-thirds of the budget is debt.", "Two-thirds", 200 / 3, EQ, "budget"),
        ("A quarter of imports come from China.", "A quarter", 25.0, EQ, "imports"),
        ("Three quarters of imports come from China.", "Three quarters", 75.0, EQ, "imports"),
    ],
)
def test_fractions_of_something_are_percents(
    sentence: str, quote: str, value: float, comparator: Comparator, measure: str
) -> None:
    figure = _only(sentence)
    assert (figure.quote, figure.kind, figure.value, figure.unit) == (
        quote,
        PERCENT,
        value,
        "percent",
    )
    assert (figure.comparator, figure.measure) == (comparator, measure)


@pytest.mark.parametrize(
    "sentence",
    [
        "Growth slowed in the first half of the decade.",
        "The other half of the plan failed.",
        "It was cut in half.",
    ],
)
def test_fractions_that_are_not_shares(sentence: str) -> None:
    assert extract_figures(sentence) == []


# --- years, dates, periods ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "quote", "comparator", "period"),
    [
        ("In 2017, sanctions began.", "2017", EQ, ("2017", "2017")),
        ("The 2017 sanctions bit hard.", "2017", EQ, ("2017", "2017")),
        ("Sanctions imposed after 2017 bit hard.", "after 2017", GT, ("2017", None)),
        ("Sanctions imposed before 2017 were mild.", "before 2017", LT, (None, "2017")),
        ("Sanctions were lifted around 2017.", "around 2017", APPROX, ("2017", "2017")),
        ("Growth returned in mid-2017.", "2017", EQ, ("2017", "2017")),
    ],
)
def test_years(
    sentence: str, quote: str, comparator: Comparator, period: tuple[str | None, str | None]
) -> None:
    """A year is its own period; a comparator leaves the period open on its side."""
    assert _row(_only(sentence)) == (quote, YEAR, 2017.0, "year", comparator, *period)


@pytest.mark.parametrize("year", ["1000", "1999", "2199"])
def test_year_range_bounds(year: str) -> None:
    assert _row(_only(f"It happened in {year}.")) == (
        year,
        YEAR,
        float(year),
        "year",
        EQ,
        year,
        year,
    )


@pytest.mark.parametrize(
    ("number", "value"),
    [("999", 999.0), ("2200", 2200.0)],
)
def test_numbers_outside_the_year_range_are_counts(number: str, value: float) -> None:
    assert _row(_only(f"It counted {number} ships.")) == (
        f"{number} ships",
        COUNT,
        value,
        None,
        EQ,
        None,
        None,
    )


@pytest.mark.parametrize(
    ("sentence", "quote", "first", "last"),
    [
        ("Chávez ruled (1999-2013).", "1999-2013", "1999", "2013"),
        ("Chávez ruled (1999–2013).", "1999–2013", "1999", "2013"),
        ("Chávez ruled (1999—2013).", "1999—2013", "1999", "2013"),
        ("Chávez ruled 1999 – 2013.", "1999 – 2013", "1999", "2013"),
        ("The 2012–13 season was dry.", "2012–13", "2012", "2013"),
        ("The 1999–00 season was dry.", "1999–00", "1999", "2000"),
        ("Between 2005 and 2013, arms flowed.", "Between 2005 and 2013", "2005", "2013"),
        ("From 2005 to 2013, arms flowed.", "From 2005 to 2013", "2005", "2013"),
        ("Arms flowed from 2005 until 2013.", "from 2005 until 2013", "2005", "2013"),
        ("Arms flowed from 2005 through 2013.", "from 2005 through 2013", "2005", "2013"),
        ("Arms flowed from 2005–2013.", "from 2005–2013", "2005", "2013"),
        (
            "Between January 2020 and March 2021, talks stalled.",
            "Between January 2020 and March 2021",
            "2020-01",
            "2021-03",
        ),
        ("Talks stalled October 2023–March 2024.", "October 2023–March 2024", "2023-10", "2024-03"),
        ("It boomed in the 1990s.", "1990s", "1990", "1999"),
        # Two months and the year they share; a first month after the last is the year before's.
        (
            "Ferries stopped between March and May 2021.",
            "between March and May 2021",
            "2021-03",
            "2021-05",
        ),
        (
            "Sales fell from November to February 2024.",
            "from November to February 2024",
            "2023-11",
            "2024-02",
        ),
        ("Strikes ran June–August 2022.", "June–August 2022", "2022-06", "2022-08"),
    ],
)
def test_closed_periods(sentence: str, quote: str, first: str, last: str) -> None:
    assert _row(_only(sentence)) == (quote, PERIOD, None, None, EQ, first, last)


@pytest.mark.parametrize(
    ("sentence", "quote", "first", "last"),
    [
        ("Beijing has lent since 2007.", "since 2007", "2007", None),
        ("Since 2017, sanctions apply.", "Since 2017", "2017", None),
        ("Prices rose since October 2023.", "since October 2023", "2023-10", None),
        ("The deal runs until 2030.", "until 2030", None, "2030"),
        ("The deal runs till 2030.", "till 2030", None, "2030"),
        ("Output will peak by 2030.", "by 2030", None, "2030"),
        # "to" after a time that runs on.
        ("The lease runs to 2043.", "to 2043", None, "2043"),
        ("The licence was extended to March 2026.", "to March 2026", None, "2026-03"),
    ],
)
def test_open_periods(sentence: str, quote: str, first: str | None, last: str | None) -> None:
    assert _row(_only(sentence)) == (quote, PERIOD, None, None, EQ, first, last)


def test_to_a_year_that_is_no_end_is_a_year() -> None:
    assert [f.kind for f in extract_figures("Exports went back to 2019 levels.")] == [
        FigureKind.YEAR
    ]


@pytest.mark.parametrize(
    ("sentence", "quote", "point", "comparator"),
    [
        ("Talks began in October 2023.", "October 2023", "2023-10", EQ),
        ("Talks began in Oct. 2023.", "Oct. 2023", "2023-10", EQ),
        ("Talks began on 5 October 2023.", "5 October 2023", "2023-10-05", EQ),
        ("Talks began on October 5, 2023.", "October 5, 2023", "2023-10-05", EQ),
        ("Talks began on October 5th, 2023.", "October 5th, 2023", "2023-10-05", EQ),
        ("Talks began on 2023-10-05.", "2023-10-05", "2023-10-05", EQ),
        ("Talks began after May 2023.", "after May 2023", "2023-05", GT),
        ("Talks began before May 2023.", "before May 2023", "2023-05", LT),
    ],
)
def test_dates(sentence: str, quote: str, point: str, comparator: Comparator) -> None:
    assert _row(_only(sentence)) == (quote, DATE, None, None, comparator, point, point)


@pytest.mark.parametrize(
    ("sentence", "quotes"),
    [
        ("Talks began on 31 February 2023.", ["31", "2023"]),  # no such day: not a date
        ("Prices may 2023 rise.", ["2023"]),  # month names must be capitalised
        ("It ran from 2013 to 2005.", ["2013", "2005"]),  # backwards: not a period
        ("It ran since 2023-02-30.", ["2023", "02", "30"]),  # no such day: plain numbers
        ("It ran October 2023–24.", ["October 2023", "24"]),  # "–24" ends only a year range
    ],
)
def test_invalid_dates_and_periods_fall_back_to_numbers(sentence: str, quotes: list[str]) -> None:
    assert [f.quote for f in extract_figures(sentence)] == quotes


# --- periods attach to amounts ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "kind", "first", "last"),
    [
        ("Between 2005 and 2013, Caracas bought over $11 billion in arms.", MONEY, "2005", "2013"),
        ("Beijing lent over $60 billion in credit since 2007.", MONEY, "2007", None),
        ("Since 2015, exports fell 40%.", PERCENT, "2015", None),
        ("Until 2030, it will build 12 ships.", COUNT, None, "2030"),
        ("In October 2023 it pumped 2 million barrels per day.", MEASURE, "2023-10", "2023-10"),
    ],
)
def test_amounts_take_the_period_of_their_span(
    sentence: str, kind: FigureKind, first: str | None, last: str | None
) -> None:
    figures = extract_figures(sentence)
    periods = [f for f in figures if f.kind in (PERIOD, DATE)]
    [amount] = [f for f in figures if f.kind is kind]
    assert len(figures) == 2
    assert len(periods) == 1
    assert (amount.period_start, amount.period_end) == (first, last)


def test_amounts_take_the_nearest_period() -> None:
    sentence = "Since 2007 it lent $5 billion; between 2015 and 2016 it lent $2 billion."
    money = [
        (f.quote, f.period_start, f.period_end)
        for f in extract_figures(sentence)
        if f.kind is MONEY
    ]
    assert money == [("$5 billion", "2007", None), ("$2 billion", "2015", "2016")]


def test_years_and_durations_do_not_take_periods() -> None:
    figures = extract_figures("Since 2007, after 2017, it waited five years.")
    assert [_row(f) for f in figures] == [
        ("Since 2007", PERIOD, None, None, EQ, "2007", None),
        ("after 2017", YEAR, 2017.0, "year", GT, "2017", None),
        ("five years", DURATION, 5.0, "year", EQ, None, None),
    ]


def test_a_year_after_in_dates_the_amounts_of_its_clause() -> None:
    figures = extract_figures("In 2017, Russia lent $1 billion.")
    assert [(f.quote, f.period_start, f.period_end) for f in figures] == [
        ("2017", "2017", "2017"),
        ("$1 billion", "2017", "2017"),
    ]


def test_a_year_used_as_an_adjective_dates_nothing() -> None:
    figures = extract_figures("The 2017 loan was $1 billion.")
    assert [(f.quote, f.period_start, f.period_end) for f in figures] == [
        ("2017", "2017", "2017"),
        ("$1 billion", None, None),
    ]


# --- durations, counts, measures ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("quote", "value", "unit"),
    [
        ("two decades", 20.0, "year"),
        ("fifteen years", 15.0, "year"),
        ("six months", 6.0, "month"),
        ("three weeks", 3.0, "week"),
        ("ninety days", 90.0, "day"),
        ("two centuries", 200.0, "year"),
        ("a decade", 10.0, "year"),
        ("a century", 100.0, "year"),
        ("15 years", 15.0, "year"),
        ("10-year", 10.0, "year"),
        ("five-year", 5.0, "year"),
    ],
)
def test_durations(quote: str, value: float, unit: str) -> None:
    assert _row(_only(f"It took {quote} to finish.")) == (
        quote,
        DURATION,
        value,
        unit,
        EQ,
        None,
        None,
    )


@pytest.mark.parametrize(
    ("quote", "value"),
    [
        ("one million", 1e6),
        ("two", 2.0),
        ("three", 3.0),
        ("four", 4.0),
        ("five", 5.0),
        ("six", 6.0),
        ("seven", 7.0),
        ("eight", 8.0),
        ("nine", 9.0),
        ("ten", 10.0),
        ("eleven", 11.0),
        ("twelve", 12.0),
        ("thirteen", 13.0),
        ("fourteen", 14.0),
        ("fifteen", 15.0),
        ("sixteen", 16.0),
        ("seventeen", 17.0),
        ("eighteen", 18.0),
        ("nineteen", 19.0),
        ("twenty", 20.0),
        ("thirty", 30.0),
        ("forty", 40.0),
        ("fifty", 50.0),
        ("sixty", 60.0),
        ("seventy", 70.0),
        ("eighty", 80.0),
        ("ninety", 90.0),
        ("twenty-five", 25.0),
        ("ninety nine", 99.0),
        ("a hundred", 100.0),
        ("two hundred", 200.0),
        ("two hundred and fifty", 250.0),
        ("a dozen", 12.0),
        ("two dozen", 24.0),
        ("three thousand", 3e3),
        ("a million", 1e6),
        ("two billion", 2e9),
    ],
)
def test_number_words(quote: str, value: float) -> None:
    figure = _only(f"They sent {quote} soldiers home.")
    assert (figure.quote, figure.kind, figure.value, figure.unit, figure.measure) == (
        f"{quote} soldiers",
        COUNT,
        value,
        None,
        "soldiers",
    )


@pytest.mark.parametrize(
    ("sentence", "quote", "value", "measure"),
    [
        ("A country at the crossroads of three powers", "three powers", 3.0, "powers"),
        ("It deployed 1,200 soldiers there.", "1,200 soldiers", 1200.0, "soldiers"),
        ("It built five new military bases.", "five new military bases", 5.0, "new military bases"),
        ("It sold 12 Russian warships.", "12 Russian warships", 12.0, "Russian warships"),
        ("Some 2 million people left.", "Some 2 million people", 2e6, "people"),
        ("About 5m people left.", "About 5m people", 5e6, "people"),
        ("Over 2000 soldiers died.", "Over 2000 soldiers", 2000.0, "soldiers"),
        ("The two sides agreed.", "two sides", 2.0, "sides"),
        ("The index rose to 112.", "112", 112.0, None),
        ("It has 1,200,000.5 units.", "1,200,000.5 units", 1200000.5, "units"),
    ],
)
def test_counts(sentence: str, quote: str, value: float, measure: str | None) -> None:
    figure = _only(sentence)
    assert (figure.quote, figure.kind, figure.value, figure.unit, figure.measure) == (
        quote,
        COUNT,
        value,
        None,
        measure,
    )


@pytest.mark.parametrize(
    ("sentence", "quote", "value", "unit", "measure"),
    [
        ("A road of 500 kilometres.", "500 kilometres", 500.0, "km", None),
        ("A road of 500 kilometers.", "500 kilometers", 500.0, "km", None),
        ("A road of 500 km.", "500 km", 500.0, "km", None),
        ("It has 500km of coastline.", "500km", 500.0, "km", "coastline"),
        ("It lies 10 miles away.", "10 miles", 10.0, "mi", None),
        ("It covers 2,500 square kilometres.", "2,500 square kilometres", 2500.0, "km**2", None),
        ("It covers 2,500 km².", "2,500 km²", 2500.0, "km**2", None),
        ("It seized 40 tonnes of cocaine.", "40 tonnes", 40.0, "t", "cocaine"),
        ("It seized 40 tons.", "40 tons", 40.0, "ton", None),
        ("It seized 40 kg.", "40 kg", 40.0, "kg", None),
        ("It stores 5 million barrels.", "5 million barrels", 5e6, "oil_bbl", None),
        (
            "It pumps 2 million barrels per day.",
            "2 million barrels per day",
            2e6,
            "oil_bbl/d",
            None,
        ),
        ("It pumps 2 million barrels a day.", "2 million barrels a day", 2e6, "oil_bbl/d", None),
        ("It pumps 2m barrels daily.", "2m barrels daily", 2e6, "oil_bbl/d", None),
        (
            "It pumps 2 million barrels of oil per day.",
            "2 million barrels of oil per day",
            2e6,
            "oil_bbl/d",
            "oil",
        ),
        ("It pumps 300,000 bpd.", "300,000 bpd", 3e5, "oil_bbl/d", None),
        # Hyphenated before a noun, the rate stays with the unit.
        ("It runs a 90,000-barrel-per-day plant.", "90,000-barrel-per-day", 9e4, "oil_bbl/d", None),
        ("It runs a 40,000-barrel-a-day plant.", "40,000-barrel-a-day", 4e4, "oil_bbl/d", None),
        ("It runs a 3-tonne-per-year kiln.", "3-tonne-per-year", 3.0, "t/a", None),
        ("It mines 5 tonnes per year.", "5 tonnes per year", 5.0, "t/a", None),
        ("It mines 5 tonnes annually.", "5 tonnes annually", 5.0, "t/a", None),
        ("It generates 1,000 MW.", "1,000 MW", 1000.0, "MW", None),
        ("It generates 2 gigawatts.", "2 gigawatts", 2.0, "GW", None),
        ("It burns 3 cubic metres.", "3 cubic metres", 3.0, "m**3", None),
        ("It spans 4 hectares.", "4 hectares", 4.0, "ha", None),
        ("It sails five nautical miles.", "five nautical miles", 5.0, "nmi", None),
    ],
)
def test_units_of_measure(
    sentence: str, quote: str, value: float, unit: str, measure: str | None
) -> None:
    figure = _only(sentence)
    assert (figure.quote, figure.kind, figure.value, figure.unit, figure.measure) == (
        quote,
        MEASURE,
        value,
        unit,
        measure,
    )


# --- comparators --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "comparator"),
    [
        ("over", GT),
        ("Over", GT),
        ("more than", GT),
        ("greater than", GT),
        ("above", GT),
        ("exceeding", GT),
        ("in excess of", GT),
        ("at least", GTE),
        ("no less than", GTE),
        ("no fewer than", GTE),
        ("under", LT),
        ("less than", LT),
        ("fewer than", LT),
        ("below", LT),
        ("up to", LTE),
        ("at most", LTE),
        ("no more than", LTE),
        ("about", APPROX),
        ("around", APPROX),
        ("roughly", APPROX),
        ("approximately", APPROX),
        ("nearly", APPROX),
        ("almost", APPROX),
        ("some", APPROX),
        ("an estimated", APPROX),
    ],
)
def test_comparator_words_are_part_of_the_quote(word: str, comparator: Comparator) -> None:
    for amount, kind in (("$11 billion", MONEY), ("60%", PERCENT), ("40 ships", COUNT)):
        figure = _only(f"They reported {word} {amount} last year.")
        assert (figure.quote, figure.kind, figure.comparator) == (
            f"{word} {amount}",
            kind,
            comparator,
        )


def test_no_comparator_is_eq() -> None:
    assert _only("They reported $11 billion.").comparator is EQ


def test_after_and_before_only_compare_times() -> None:
    figure = _only("It collapsed after five years.")
    assert (figure.quote, figure.kind, figure.comparator) == ("five years", DURATION, EQ)


def test_up_to_a_year_is_a_year() -> None:
    assert _row(_only("Valid up to 2030.")) == (
        "up to 2030",
        YEAR,
        2030.0,
        "year",
        LTE,
        None,
        "2030",
    )


# --- what is not a figure -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "This illustrates one of the first examples of cooperation.",
        "A pragmatic policy, one that recognizes the legitimacy of others.",
        "A multipolar order — one where smaller states leverage relationships.",
        "The logic of the 21st-century multipolar world.",
        "Huawei built 4G infrastructure.",
        "The first and second steps.",
        "He ranked 2nd and 3rd.",
        "The Cold War ended.",
        "The dual presence of both powers in a trilateral framework.",
        "It flies F-16 jets and Su-30MK2 fighters.",
        "The COVID-19 pandemic.",
        "It was a year of change.",
        "1. Venezuela as a Strategic Hub in the Global South",
        "1.1. A country at the crossroads",
        "1.1 A country at the crossroads",
        "10. Conclusion: Venezuela and the Multipolar Century",
        "5.2. The erosion of U.S. influence",
        "",
    ],
)
def test_not_figures(sentence: str) -> None:
    assert extract_figures(sentence) == []


def test_a_leading_number_that_is_no_heading_number_is_kept() -> None:
    assert [f.quote for f in extract_figures("2017 was a turning point.")] == ["2017"]
    assert [f.quote for f in extract_figures("1.5 million people fled.")] == ["1.5 million people"]


# --- spans and offsets --------------------------------------------------------------------------


def test_only_the_given_span_is_read() -> None:
    text = "It cost $5 billion. Since 2007, 40% of exports went east."
    start = text.index("Since")
    figures = extract_figures(text, start, len(text))
    assert [(f.quote, f.start) for f in figures] == [
        ("Since 2007", start),
        ("40%", text.index("40%")),
    ]
    assert [f.quote for f in extract_figures(text, 0, start)] == ["$5 billion"]


def test_end_beyond_the_text_is_clamped() -> None:
    assert [f.quote for f in extract_figures("It cost $5 billion", 0, 1000)] == ["$5 billion"]


def test_figures_come_in_text_order() -> None:
    sentence = "Between 2005 and 2013 it sold 12 jets, 40% of its output, for $1 billion."
    assert [f.quote for f in extract_figures(sentence)] == [
        "Between 2005 and 2013",
        "12 jets",
        "40%",
        "$1 billion",
    ]


def test_a_period_wins_over_a_comparator_before_its_first_year() -> None:
    assert [f.quote for f in extract_figures("Over 2005–2013, it grew.")] == ["2005–2013"]


_TOKENS = [
    "$", "US$", "€", "£", "¥", "over", "more than", "about", "after", "since", "between", "and",
    "from", "to", "until", "by", "in", "of", "the", "2005", "2013", "1999–2013", "2012-13",
    "11", "1,200", "3.5", "60%", "percent", "per cent", "billion", "bn", "m", "k", "two",
    "twenty-five", "a dozen", "half", "decades", "years", "months", "powers", "soldiers",
    "km", "barrels", "per day", "October", "5", "1.1.", "4G", "21st-century", "F-16", "one",
    "credit", ",", ".", "(", ")", "—", "-", "USD", "yuan", "mid-2017", "1990s",
]  # fmt: skip


@given(
    st.lists(st.sampled_from(_TOKENS), max_size=25),
    st.sampled_from([" ", "", "  ", "\n"]),
    st.integers(min_value=0, max_value=20),
    st.integers(min_value=0, max_value=20),
)
def test_quotes_match_offsets_and_never_overlap(
    tokens: list[str], glue: str, lead: int, trail: int
) -> None:
    body = glue.join(tokens)
    text = "x" * lead + " " + body + " " + "y" * trail
    start, end = lead, lead + len(body) + 2
    _assert_well_formed(text, extract_figures(text, start, end), start, end)


@pytest.mark.parametrize(
    ("sentence", "quotes"),
    [
        (
            "Since October 2023, about 60% of 2 million barrels per day went east for two decades.",
            ["Since October 2023", "about 60%", "2 million barrels per day", "two decades"],
        ),
        (
            "In the 1990s and from 2005–2013, some 1,200 troops and $3bn came; half of them left.",
            ["1990s", "from 2005–2013", "some 1,200 troops", "$3bn"],
        ),
    ],
)
def test_quotes_match_offsets_in_busy_sentences(sentence: str, quotes: list[str]) -> None:
    text = f"Intro. {sentence} Outro."
    start = text.index(sentence)
    figures = extract_figures(text, start, start + len(sentence))
    assert [f.quote for f in figures] == quotes
    _assert_well_formed(text, figures, start, start + len(sentence))
