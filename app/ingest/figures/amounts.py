"""Amounts: one pattern for everything built on a number, and what follows it decides its kind.

"$11 billion" is money, "60%" a percent, "2018" a year, "15 years" a duration, "150 bcm" a
measure, "500 soldiers" a count; "half of X" and "rose by a quarter" are percents. Values are
computed in decimal and turned into a float once, so "1.3 million" is exactly 1300000.

Choices (documented here because the API contract leaves them open):
- A four-digit number from 1000 to 2199 is a year ("the 2018 elections"), unless it carries a
  currency, unit, scale or percent, or a comparator and a plural noun ("over 2000 soldiers").
- "after"/"before" compare times only: "after 2017" is a year, gt; "after five years" is a
  duration, and the comparator stays out of the quote.
- A bare number in digits is a count even with no noun after it; a number word only counts
  before a plural noun ("three powers", not "one of the first examples") or with a scale word.
- A minus sign joined to the number makes it negative: "-1.3%" is -1.3 percent.
- "half of X", "a third of X", "two-thirds of X" are percents (50, 33.3.., 66.6..) of X;
  "rose by a quarter", "fell by half" are percents (25, 50): the size of the change.
- "Seven of the eight members" counts both: a number word before "of the <number> <plural>".
- "mid-2017", "pre-2014" are years; "F-16", "Su-30", "COVID-19" are names.
- An attached "m" is millions ("$5m", "2m people"), but metres before a size: "1.8m tall",
  "a 30m-long bridge".
"""

from __future__ import annotations

import re
from decimal import Decimal

from app.ingest.drafts import FigureDraft
from app.ingest.figures import money, units
from app.ingest.figures.comparators import (
    AMOUNT_COMPARATORS,
    COMPARATORS,
    TEMPORAL,
    alternation,
    comparator,
)
from app.ingest.figures.dates import MONTHS, is_year
from app.ingest.figures.numbers import (
    DIGITS,
    FRACTION,
    SCALE,
    SCALE_WORDS,
    WORDS,
    fraction_percent,
    parse_number,
    scale_factor,
)
from app.ingest.figures.phrases import (
    IN_PHRASE,
    NAMED_NOUN,
    NOUN_GROUP,
    OF_PHRASE,
    PART_OF,
    phrase,
)
from app.models.vocabulary import Comparator, FigureKind

# "a day", "per year", "/d", and hyphenated before a noun: "a 90,000-barrel-per-day plant".
_RATE = (
    r"(?:\s*/\s*|[\s-]per[\s-]|\s+an?\s+|-an?-)(?:day|week|month|year|annum)\b"
    r"|\s+(?:daily|annually)\b"
)
_DURATIONS = {"year": 1, "decade": 10, "century": 100, "month": 1, "week": 1, "day": 1}
_DURATIONS |= {"hour": 1, "minute": 1}
_DURATION = r"years?|decades?|century|centuries|months?|weeks?|days?|hours?|minutes?"
_YEAR_PREFIXES = {"mid", "pre", "post", "early", "late"}


def _literal(words: object) -> str:
    """An alternation of literal strings, longest first; spaces match any whitespace."""
    assert isinstance(words, (dict, frozenset, set, list, tuple))
    ordered = sorted((str(w) for w in words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


_SYMBOL = _literal(money.SYMBOLS)
_CODE = _literal(money.CODES | money.MILLIONS.keys())

QUANTITY = re.compile(
    r"(?<![\w.,])"
    rf"(?:(?P<cmp>{alternation(COMPARATORS)})\s+)?"
    rf"(?:(?-i:(?P<symbol>{_SYMBOL}))\s?|(?-i:(?P<code>{_CODE}))\s?|(?P<lower>{_literal(money.LOWER)})\s"
    rf"|(?P<code_dollar>{_literal(money.CURRENCIES)})\$\s?)?"
    r"(?P<sign>[-−](?=\d)|(?:minus|negative)\s+(?=[\d\w]))?"
    rf"(?P<num>{DIGITS}|\b(?:{WORDS}))"
    rf"(?P<scale>{SCALE})?"
    # What follows the number decides its kind; the alternatives are tried in this order.
    r"(?:\s?(?P<percent>%)"
    r"|[\s-](?P<percent_word>percentage\s+points?|percent(?:age)?s?|per\s+cent|pct"
    r"|basis\s+points?|(?-i:bps?))\b"
    # "75 USD million", and a code glued to the number: "115USD".
    rf"|(?:\s*|-)(?-i:(?P<code_after>{_CODE}))\b(?P<scale_after>\s+(?:{'|'.join(SCALE_WORDS)})\b)?"
    rf"|(?:\s+|-)(?P<currency>{_literal(money.WORDS)}|{_literal(money.LOWER)})\b"
    rf"|\s?(?P<symbol_after>{_literal(money.SYMBOLS_AFTER)})"
    rf"|(?:\s+|-)(?P<cents>cents?|pence|penny)\b"
    rf"|(?:\s*|-)(?P<unit>{units.UNIT})"
    rf"(?:\s+of\s+(?P<unit_of>[^\W\d_]+)(?={_RATE}))?(?P<rate>{_RATE})?(?!\w)"
    rf"|(?:\s+|-)(?P<duration>{_DURATION})\b"
    rf"|\s+(?P<noun>{NOUN_GROUP})"
    r")?"
    # "4G", "21st", "1990s" and "2.5x" are not quantities; a number followed by ".5" or ",000"
    # is read whole, but after a word a comma is punctuation: "500 USD,100 times".
    r"(?![\w%])(?:(?<=[^\W\d_])|(?![.,]\d))",
    re.I,
)

FRACTIONS = re.compile(
    rf"(?:\b(?P<cmp>{alternation(AMOUNT_COMPARATORS)})\s+)?\b(?P<fraction>{FRACTION})(?=\s+of\b)",
    re.I,
)
# "by a quarter of a percentage point", "half a point": a share of a point, in points.
POINT_FRACTIONS = re.compile(
    rf"\b(?P<fraction>{FRACTION})\s+(?:of\s+)?(?:a|one)\s+(?P<percentage>percentage\s+)?point\b",
    re.I,
)
# "rose by a quarter", "cut by half": a change in percent of what it was.
# Not "by half a percentage point": there the fraction is of the point.
FRACTION_CHANGES = re.compile(rf"(?<=\bby )(?P<fraction>{FRACTION})\b(?!\s+of\b)(?!\s+an?\s)", re.I)


# A size after a number with an attached "m" makes it metres: "1.8m tall", "a 2m-high wall".
_SIZE_AFTER = re.compile(
    r"[\s-]+(?:tall|high|long|wide|deep|thick|across)\b"
    r"(?!-|\s+(?:before|after|ago|since|enough|as)\b)",  # not "2m long before", "2m high-end"
    re.I,
)


def amount(
    text: str,
    start: int,
    end: int,
    kind: FigureKind,
    value: Decimal | float | None,
    unit: str | None,
    cmp: Comparator = Comparator.EQ,
    measure: str | None = None,
    period: tuple[str | None, str | None] = (None, None),
) -> FigureDraft:
    return FigureDraft(
        start=start,
        end=end,
        quote=text[start:end],
        kind=kind,
        value=None if value is None else float(value),
        unit=unit,
        comparator=cmp,
        period_start=period[0],
        period_end=period[1],
        measure=measure,
    )


def fraction(text: str, m: re.Match[str], end: int) -> FigureDraft | None:
    # "the first half of 2023", "the third of October": a part of a time or an ordinal.
    before = re.search(r"([^\W\d_]+)\W*$", text[max(0, m.start() - 20) : m.start()])
    if before and before[1].lower() in {"the", "first", "second", "other", "latter", "last"}:
        return None
    measure = phrase(OF_PHRASE, text, m.end(), end)
    if measure is None or measure.split()[0] in MONTHS:  # "half of 2023", "a third of May"
        return None
    value = fraction_percent(m["fraction"])
    return amount(
        text,
        m.start(),
        m.end(),
        FigureKind.PERCENT,
        value,
        "percent",
        comparator(m["cmp"]),
        measure,
    )


def point_fraction(text: str, m: re.Match[str], end: int) -> FigureDraft | None:
    value = Decimal(str(fraction_percent(m["fraction"]))) / 100
    if m["percentage"]:
        return amount(text, m.start(), m.end(), FigureKind.PERCENT, value, "percentage point")
    return amount(text, m.start(), m.end(), FigureKind.MEASURE, value, "point")


def fraction_change(text: str, m: re.Match[str], end: int) -> FigureDraft | None:
    value = fraction_percent(m["fraction"])
    return amount(text, m.start(), m.end(), FigureKind.PERCENT, value, "percent")


def quantity(text: str, m: re.Match[str], end: int) -> FigureDraft | None:
    if _names_a_model(text, m.start("num")):
        return None
    number = parse_number(m["num"])
    if m["sign"]:
        number = -number
    value = number * scale_factor(m["scale"]) * scale_factor(m["scale_after"])
    if (written := m["code"] or m["code_after"]) in money.MILLIONS:  # "30 MUSD"
        value *= 10**6
    in_words = not m["num"][0].isdigit()
    cmp = (m["cmp"] or "").lower()
    bound = comparator(m["cmp"])
    start = m.start()
    number_end = m.end("scale") if m["scale"] else m.end("num")
    plain = not any(m[g] for g in ("symbol", "code", "lower", "symbol_after", "cents"))
    plain = plain and not any(m[g] for g in ("code_dollar", "code_after"))
    plain = plain and not any(m[g] for g in ("scale", "percent", "percent_word"))
    plain = plain and not any(m[g] for g in ("currency", "unit", "duration", "sign"))

    if plain and is_year(m["num"]) and not (m["noun"] and cmp and cmp not in TEMPORAL):
        # "the 2018 elections": the year, not a count of elections. A year is a period of its
        # own, so `from`/`to` filters find it; "after 2017" is open.
        year = m["num"]
        period = {
            Comparator.GT: (year, None),
            Comparator.GTE: (year, None),
            Comparator.LT: (None, year),
            Comparator.LTE: (None, year),
        }.get(bound, (year, year))
        return amount(
            text, start, m.end("num"), FigureKind.YEAR, number, "year", bound, period=period
        )
    if cmp in TEMPORAL:  # "after five years": the comparator is not about the amount
        start = min(
            m.start(g)
            for g in ("symbol", "code", "lower", "code_dollar", "sign", "num")
            if m[g] is not None
        )
        bound = Comparator.EQ

    def make(
        kind: FigureKind, stop: int, value: Decimal, unit: str | None, measure: str | None
    ) -> FigureDraft:
        return amount(text, start, stop, kind, value, unit, bound, measure)

    if m["cents"]:  # "50 cents" is half a dollar, "470 pence" 4.70 pounds
        hundredths = "GBP" if m["cents"][0] in "pP" else "USD"
        measure = phrase(IN_PHRASE, text, m.end(), end)
        return make(FigureKind.MONEY, m.end(), value / 100, hundredths, measure)
    symbol = m["symbol"] or m["symbol_after"]
    code = written or (m["lower"] or "").upper() or money.dollar_code(m["code_dollar"])
    if currency := money.currency_code(symbol, code, m["currency"]):
        stop = m.end("currency") if m["currency"] else number_end
        stop = m.end("symbol_after") if m["symbol_after"] else stop
        stop = m.end("code_after") if m["code_after"] else stop
        stop = m.end("scale_after") if m["scale_after"] else stop
        measure = phrase(IN_PHRASE, text, stop, end) or m["noun"]
        return make(FigureKind.MONEY, stop, value, currency, measure)
    metres = (m["scale"] or "").lower() == "m" and m.end() == number_end
    if metres and _SIZE_AFTER.match(text, m.end(), end):  # "1.8m tall", "a 30m-long bridge"
        return make(FigureKind.MEASURE, number_end, number, units.canonical("meter"), None)
    if m["percent"] or m["percent_word"]:
        word = (m["percent_word"] or "").lower()
        unit = "percentage point" if "point" in word or word.startswith("bp") else "percent"
        if word.startswith(("basis", "bp")):  # 25 basis points are 0.25 percentage point
            value /= 100
        return make(FigureKind.PERCENT, m.end(), value, unit, phrase(OF_PHRASE, text, m.end(), end))
    if m["unit"]:
        code, factor = units.measure_unit(m["unit"], m["rate"])
        measure = m["unit_of"] or phrase(OF_PHRASE, text, m.end(), end)
        return make(FigureKind.MEASURE, m.end(), value * factor, code, measure)
    if m["duration"]:
        word = m["duration"].lower()
        base = "century" if word.startswith("centur") else word.removesuffix("s")
        unit = "year" if base in ("decade", "century") else base
        return make(FigureKind.DURATION, m.end(), value * _DURATIONS[base], unit, None)
    if in_words and not m["scale"] and (not m["noun"] or number == 1):
        # "Seven of the eight members" counts members; "one of the first examples" and "one
        # that recognizes" are no quantities.
        part = PART_OF.match(text, m.end(), end) if number != 1 else None
        if part is None:
            named = number != 1 and not m["noun"] and NAMED_NOUN.match(text, m.end(), end)
            return make(FigureKind.COUNT, m.end(), value, None, None) if named else None
        return make(FigureKind.COUNT, m.end(), value, None, part["noun"])
    return make(FigureKind.COUNT, m.end(), value, None, m["noun"])


def _names_a_model(text: str, start: int) -> bool:
    """ "F-16", "Su-30": a number joined by a hyphen to a word is part of a name."""
    if start < 2 or text[start - 1] != "-" or not text[start - 2].isalpha():
        return False
    if re.search(r"\d(?:k|m|bn|mn|tn)$", text[max(0, start - 4) : start - 1], re.I):
        return False  # "5k-20k", "$5m-$7m": the first end of a range
    word = re.search(r"[^\W\d_]+$", text[max(0, start - 20) : start - 1])
    return word is None or word[0].lower() not in _YEAR_PREFIXES
