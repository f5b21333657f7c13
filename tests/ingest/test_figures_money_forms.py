"""Ways of writing money that trade, regional and market copy use: codes glued to the number or
before a dollar sign, trade-press million codes, shares of a scale, Indian lakh and crore and
digit grouping, bitcoin, and a sign written as a word."""

from __future__ import annotations

import pytest

from app.ingest.figures import extract_figures
from app.models.vocabulary import FigureKind


def only(sentence: str) -> tuple[str, FigureKind, float | None, str | None]:
    figures = extract_figures(sentence)
    assert len(figures) == 1, [f.quote for f in figures]
    f = figures[0]
    return f.quote, f.kind, f.value, f.unit


MONEY = FigureKind.MONEY


@pytest.mark.parametrize(
    ("sentence", "quote", "value", "unit"),
    [
        # A code glued to the number, or followed by punctuation.
        ("The licence fee is 240EUR per seat.", "240EUR", 240, "EUR"),
        ("Tickets were sold at 12.5CHF each.", "12.5CHF", 12.5, "CHF"),
        ("The fine was 900 GBP,a sum few could pay.", "900 GBP", 900, "GBP"),
        # A code before a dollar sign, in either case.
        ("The bond raised AUD$ 40 million.", "AUD$ 40 million", 40e6, "AUD"),
        ("Fares start at cad$ 89 return.", "cad$ 89", 89, "CAD"),
        ("The harvest fetched nzd$12 a tray.", "nzd$12", 12, "NZD"),
        ("Remittances reached Mex$ 3 billion.", "Mex$ 3 billion", 3e9, "MXN"),
        # Trade-press million codes, before or after the number.
        ("The order book stood at 45 MEUR.", "45 MEUR", 45e6, "EUR"),
        ("Capital spending of MUSD 12.5 is planned.", "MUSD 12.5", 12.5e6, "USD"),
        ("Its sales came to eighty MGBP.", "eighty MGBP", 80e6, "GBP"),
        # A code between the number and its scale.
        ("The fund lost 40 EUR million in the quarter.", "40 EUR million", 40e6, "EUR"),
        # A share of a scale.
        ("The prize is half a million dollars.", "half a million dollars", 5e5, "USD"),
        ("The repairs cost a quarter million euros.", "a quarter million euros", 2.5e5, "EUR"),
        (
            "The club paid three quarters billion pounds for it.",
            "three quarters billion pounds",
            7.5e8,
            "GBP",
        ),
        # Indian English: lakh, crore, lakh crore, and the Indian digit grouping.
        ("The farmer took a loan of Rs 4 lakh.", "Rs 4 lakh", 4e5, "INR"),
        ("The state set aside 250 crore rupees.", "250 crore rupees", 2.5e9, "INR"),
        ("Tax receipts hit Rs. 1.2 lakh crore.", "Rs. 1.2 lakh crore", 1.2e12, "INR"),
        ("The flat sold for 45,60,000 rupees.", "45,60,000 rupees", 4.56e6, "INR"),
        # The currencies the euro replaced, by name.
        ("The bank was sold for 90 billion pesetas.", "90 billion pesetas", 9e10, "ESP"),
        ("The stake cost 310 million Dutch guilders.", "310 million Dutch guilders", 3.1e8, "NLG"),
        ("Bonn lent 2 billion Deutsche marks.", "2 billion Deutsche marks", 2e9, "DEM"),
        # Currency signs CLDR's English writes as codes.
        ("A night there costs ₡25,000.", "₡25,000", 25000, "CRC"),
        ("The fare is 3₾ a ride.", "3₾", 3, "GEL"),
        # Bitcoin, written as a code, a word or a symbol.
        ("The reward per block fell to 3.125 BTC.", "3.125 BTC", 3.125, "XBT"),
        ("Police seized 61,000 bitcoins.", "61,000 bitcoins", 61000, "XBT"),
        ("The wallet held ₿150.", "₿150", 150, "XBT"),
    ],
)
def test_money_forms(sentence: str, quote: str, value: float, unit: str) -> None:
    assert only(sentence) == (quote, MONEY, pytest.approx(value), unit)


@pytest.mark.parametrize(
    ("sentence", "quote", "kind", "value", "unit"),
    [
        (
            "Real wages grew minus two percent.",
            "minus two percent",
            FigureKind.PERCENT,
            -2,
            "percent",
        ),
        (
            "The fund returned negative 4.5% in 2022.",
            "negative 4.5%",
            FigureKind.PERCENT,
            -4.5,
            "percent",
        ),
        (
            "The night fell to minus 12 degrees Celsius.",
            "minus 12 degrees Celsius",
            FigureKind.MEASURE,
            -12,
            "°C",
        ),
        ("Half a million people marched.", "Half a million people", FigureKind.COUNT, 5e5, None),
        ("A crowd of 2 lakh gathered.", "2 lakh", FigureKind.COUNT, 2e5, None),
    ],
)
def test_signs_and_scales_outside_money(
    sentence: str, quote: str, kind: FigureKind, value: float, unit: str | None
) -> None:
    figures = [f for f in extract_figures(sentence) if f.kind is not FigureKind.YEAR]
    assert [(f.quote, f.kind, f.value, f.unit) for f in figures] == [
        (quote, kind, pytest.approx(value), unit)
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "The third million-seller came in 1999.",  # an ordinal, no share of a scale
        "He scored in the 1,2,3 order.",  # no Indian grouping: the last group is no three
        "The Boeing 737 MAX flew again.",  # no code after the number
        "The rates were 5,10,15 percent.",  # a list, not one number
    ],
)
def test_no_money_read_into(sentence: str) -> None:
    assert all(f.kind is not MONEY for f in extract_figures(sentence))


def test_a_number_before_a_code_and_a_comma_is_read_whole() -> None:
    # The comma after a code is punctuation; after digits it still groups thousands.
    assert [f.quote for f in extract_figures("It cost USD 1,250,000.")] == ["USD 1,250,000"]
    assert [f.value for f in extract_figures("It cost 1,250 USD, then more.")] == [1250]


def test_a_code_before_a_dollar_sign_must_be_a_currency() -> None:
    assert [f.unit for f in extract_figures("The kit costs abc$ 15.")] != ["ABC"]
