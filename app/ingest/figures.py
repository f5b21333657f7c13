"""Quantities in article text, found by rule: money, percents, years, dates, periods, counts...

`extract_figures` reads one span (a sentence, a bullet item or a heading line) and returns every
quantity in it, in text order, with absolute offsets: `text[f.start:f.end] == f.quote` always.

How it works: a few regexes each propose candidates (dates, periods, fractions, and one pattern
for everything built on a number). Overlaps are settled in two tiers: dates and periods first,
then amounts, each leftmost-longest, so "since 2007" beats the bare year inside it and
"over $11 billion" beats "11". Finally money, percents, counts and measures take the period
stated in the same span.

Choices the rules make (documented here because the API contract leaves them open):
- "¥" and "yen" are JPY; "yuan", "renminbi" and "RMB" are CNY. "pounds" is GBP, never weight.
- "half of X", "a third of X", "two-thirds of X" are percents (50, 33.3.., 66.6..) of X.
- A range in parentheses, "(1999–2013)", is quoted without the parentheses.
- A four-digit number from 1000 to 2199 is a year ("the 2018 elections"), unless it carries a
  currency, unit, scale or percent, or a comparator and a plural noun ("over 2000 soldiers").
- "after"/"before" compare times only: "after 2017" is a year, gt; "after five years" is a
  duration, and the comparator stays out of the quote.
- A bare number in digits is a count even with no noun after it; a number word only counts
  before a plural noun ("three powers", not "one of the first examples") or with a scale word.
- Only period and date figures lend their period to amounts; a bare year does not ("the 2018
  elections" says nothing about when the money was spent). With several, the nearest wins.
- Measures drop a leading determiner: "60% of the country's exports" -> "country's exports".
- In a range of amounts the first end takes the unit and scale of the second: "15 to 27 years"
  is 15 years, "between 5 and 7 million people" 5 million; "$5-7 billion" is $5 billion and
  $7 billion. Ranges of years are periods, as above.
- "from 2026" with no end after it is an open period, like "since 2026".
- "rose by a quarter", "fell by half" are percents (25, 50): the size of the change.
- "Seven of the eight members" counts both: a number word before "of the <number> <plural>".
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Callable, Iterable
from dataclasses import replace

from app.ingest.drafts import FigureDraft
from app.ingest.numbers import (
    DIGITS,
    FRACTION,
    FRACTIONS,
    NUMBER_WORDS,
    SCALE,
    WORDS,
    fraction_percent,
    parse_number,
    scale_factor,
)
from app.models.vocabulary import Comparator, FigureKind

# --- vocabulary ---------------------------------------------------------------------------------

_COMPARATORS: dict[str, Comparator] = {
    "more than": Comparator.GT,
    "greater than": Comparator.GT,
    "over": Comparator.GT,
    "above": Comparator.GT,
    "exceeding": Comparator.GT,
    "in excess of": Comparator.GT,
    "at least": Comparator.GTE,
    "no less than": Comparator.GTE,
    "no fewer than": Comparator.GTE,
    "under": Comparator.LT,
    "less than": Comparator.LT,
    "fewer than": Comparator.LT,
    "below": Comparator.LT,
    "up to": Comparator.LTE,
    "at most": Comparator.LTE,
    "no more than": Comparator.LTE,
    "as much as": Comparator.LTE,
    "as many as": Comparator.LTE,
    "about": Comparator.APPROX,
    "close to": Comparator.APPROX,
    "around": Comparator.APPROX,
    "roughly": Comparator.APPROX,
    "approximately": Comparator.APPROX,
    "nearly": Comparator.APPROX,
    "almost": Comparator.APPROX,
    "some": Comparator.APPROX,
    "an estimated": Comparator.APPROX,
    # Temporal: they compare years and dates only (see _quantity).
    "after": Comparator.GT,
    "before": Comparator.LT,
}
_TEMPORAL = {"after", "before"}
_AMOUNT_COMPARATORS = [w for w in _COMPARATORS if w not in _TEMPORAL]

_SYMBOLS = {"us$": "USD", "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY"}
_CODES = (
    *("USD", "EUR", "GBP", "JPY", "CNY", "RMB", "RUB", "CHF", "CAD", "AUD", "BRL", "VES"),
    *("KRW", "INR", "SAR", "AED", "QAR", "TRY", "ZAR", "MXN", "IDR", "NGN", "EGP", "KZT"),
)
_CURRENCY_WORDS = {
    "us dollars": "USD",
    "dollars": "USD",
    "dollar": "USD",
    "euros": "EUR",
    "euro": "EUR",
    "pounds sterling": "GBP",
    "pounds": "GBP",
    "yen": "JPY",
    "yuan": "CNY",
    "renminbi": "CNY",
    "roubles": "RUB",
    "rubles": "RUB",
    # After a number only, so "won" the verb ("won 300 seats") never reads as money.
    "won": "KRW",
    "rupees": "INR",
    "riyals": "SAR",
    "dirhams": "AED",
    "naira": "NGN",
    "lira": "TRY",
}

# Units of measure, most specific first: the first pattern that fully matches names the unit.
_UNITS: tuple[tuple[str, str], ...] = (
    (r"square\s+kilomet(?:re|er)s?|sq\.?\s?km|km2|km²", "km2"),
    (r"kilomet(?:re|er)s?|km", "km"),
    (r"nautical\s+miles?", "nmi"),
    (r"miles?", "mile"),
    (r"cubic\s+met(?:re|er)s?|m3|m³", "m3"),
    (r"met(?:re|er)s?", "m"),
    (r"hectares?", "ha"),
    (r"metric\s+tons?|tonnes?", "tonne"),
    (r"tons?", "ton"),
    (r"kilograms?|kg", "kg"),
    (r"bpd|b/d", "barrel/day"),
    (r"barrels?|bbl", "barrel"),
    (r"megawatts?|mw", "MW"),
    (r"gigawatts?|gw", "GW"),
    (r"terawatt[-\s]hours?|twh", "TWh"),
)
_RATE = r"(?:\s*/\s*|\s+per\s+|\s+an?\s+)(?:day|week|month|year|annum)\b|\s+(?:daily|annually)\b"
_RATE_UNITS = {"daily": "day", "annually": "year", "annum": "year"}

_DURATIONS = {"year": 1, "decade": 10, "century": 100, "month": 1, "week": 1, "day": 1}
_DURATION = r"years?|decades?|century|centuries|months?|weeks?|days?"

# Words that end a noun phrase: what a count counts, or what follows "in"/"of" after a figure.
_STOP = (
    "a|an|the|of|and|or|but|nor|that|which|who|whom|whose|this|these|those|it|its|there|"
    "they|them|their|we|us|our|he|him|his|she|her|"
    "to|for|since|from|between|by|until|till|in|on|at|during|over|with|within|through|into|"
    "including|while|as|than|then|where|when|per|percent|cent|"
    "is|are|was|were|be|been|has|have|had|go|goes|went|will|would|could|should|can|may|might|"
    "must|do|does|did|not|thus|less|unless|perhaps|always|besides|whereas|across|"
    "come|comes|came|rose|rise|rises|fell|fall|falls|grew|grow|grows|remain|remains|remained|"
    "more|most|other|others|such|each|every|all|both|some|many|few|several|last|next"
)
_WORD = rf"(?!(?:{_STOP})\b)[^\W\d_][\w'’-]*"
# A plural noun: ends in "s" but not "ss", "us" or "is" ("class", "status", "crisis").
_PLURAL = (
    rf"(?!(?:{_STOP})\b)(?:[^\W\d_][\w'’-]*(?<![suiSUI'’])s"
    r"|people|children|men|women|personnel|aircraft|police|staff)\b"
)
_NOUN_GROUP = rf"(?:{_WORD}\s+){{0,2}}{_PLURAL}"

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("January", "Jan"),
            ("February", "Feb"),
            ("March", "Mar"),
            ("April", "Apr"),
            ("May",),
            ("June", "Jun"),
            ("July", "Jul"),
            ("August", "Aug"),
            ("September", "Sept", "Sep"),
            ("October", "Oct"),
            ("November", "Nov"),
            ("December", "Dec"),
        ),
        start=1,
    )
    for name in names
}


def _alternation(words: Iterable[str]) -> str:
    """Longest first, so "no more than" wins over "more than"; spaces match any whitespace."""
    return "|".join(w.replace(" ", r"\s+") for w in sorted(words, key=len, reverse=True))


# --- patterns -----------------------------------------------------------------------------------

_YEAR = r"(?<!\d)(?:1\d{3}|20\d{2}|21\d{2})(?!\d)"
# Capitalised month names only, so the verbs "may" and "march" never start a date.
_MONTH = rf"(?-i:{_alternation(_MONTHS)})\b\.?"
_DAY = r"(?<!\d)\d{1,2}(?:st|nd|rd|th)?"
_DATE = (
    rf"\d{{4}}-\d{{2}}-\d{{2}}"
    rf"|{_DAY}\s+{_MONTH},?\s+{_YEAR}"
    rf"|{_MONTH}\s+(?:{_DAY},?\s+)?{_YEAR}"
)
_POINT = rf"(?:{_DATE}|{_YEAR})"  # a period's end: "2013", "October 2023", "5 October 2023"

_DATES = re.compile(rf"(?:\b(?P<cmp>after|before)\s+)?(?P<date>{_DATE})(?![\w-])", re.I)
_CLOSED_PERIOD = re.compile(
    rf"\b(?:between|from)\s+(?P<a>{_POINT})"
    rf"(?:\s+(?:and|to|until|till|through)\s+(?P<b>{_POINT})|\s*[-–—]\s*(?P<b2>{_POINT}|\d{{2}}))"
    r"(?![\w-])",
    re.I,
)
_RANGE = re.compile(rf"(?<![\w.,-])(?P<a>{_POINT})\s*[-–—]\s*(?P<b2>{_POINT}|\d{{2}})(?![\w-])")
_OPEN_PERIOD = re.compile(
    rf"\b(?:(?P<since>since)|until|till|by)\s+(?P<point>{_POINT})(?![\w-])", re.I
)
# "from 2026" with no end in sight; "from 2013 to 2005" is no period at all (_closed_period).
_FROM_PERIOD = re.compile(
    rf"\b(?P<since>from)\s+(?P<point>{_POINT})(?![\w-])"
    r"(?!\s*(?:to|until|till|through|[-–—])\s*\d)",
    re.I,
)
_DIGIT = re.compile(r"\d")
_NUMBER_WORD = re.compile(rf"\b(?:{'|'.join(NUMBER_WORDS)})", re.I)
_FRACTION_WORD = re.compile("|".join(sorted({key.split()[-1] for key in FRACTIONS})), re.I)
_DECADE = re.compile(r"(?<![\w$])(?P<decade>(?:1\d|20|21)\d0)'?s\b")
_FRACTIONS = re.compile(
    rf"(?:\b(?P<cmp>{_alternation(_AMOUNT_COMPARATORS)})\s+)?\b(?P<fraction>{FRACTION})(?=\s+of\b)",
    re.I,
)
# "rose by a quarter", "cut by half": a change in percent of what it was.
_FRACTION_CHANGES = re.compile(rf"(?<=\bby )(?P<fraction>{FRACTION})\b(?!\s+of\b)", re.I)
_QUANTITY = re.compile(
    r"(?<![\w.,])"
    rf"(?:(?P<cmp>{_alternation(_COMPARATORS)})\s+)?"
    rf"(?:(?P<symbol>US\$|[$€£¥])\s?|(?P<code>(?-i:{'|'.join(_CODES)}))\s?)?"
    rf"(?P<num>{DIGITS}|\b(?:{WORDS}))"
    rf"(?P<scale>{SCALE})?"
    # What follows the number decides its kind; the alternatives are tried in this order.
    r"(?:\s?(?P<percent>%)|[\s-](?P<percent_word>percent|per\s+cent|percentage\s+points?)\b"
    rf"|(?:\s+|-)(?P<currency>{_alternation(_CURRENCY_WORDS)}|(?-i:{'|'.join(_CODES)}))\b"
    rf"|(?:\s*|-)(?P<unit>{'|'.join(p for p, _ in _UNITS)})"
    rf"(?:\s+of\s+(?P<unit_of>[^\W\d_]+)(?={_RATE}))?(?P<rate>{_RATE})?\b"
    rf"|[\s-](?P<duration>{_DURATION})\b"
    rf"|\s+(?P<noun>{_NOUN_GROUP})"
    r")?"
    r"(?![\w%])(?![.,]\d)",  # "4G", "21st", "1990s" and "2.5x" are not quantities
    re.I,
)

# What a figure is of: "$60 billion in credit", "60% of Venezuelan oil exports".
_DETERMINER = r"(?:the|an?|its|their|his|her|our)\s+"  # left out: "60% of the exports" -> "exports"
_PHRASE = rf"(?:{_DETERMINER})?(?P<phrase>{_WORD}(?:(?:\s+(?:and|or))?\s+{_WORD}){{0,5}})"
_IN_PHRASE = re.compile(rf"\s+(?:in|of|worth\s+of)\s+{_PHRASE}", re.I)
_OF_PHRASE = re.compile(rf"\s+of\s+{_PHRASE}", re.I)

_PART_OF = re.compile(
    rf"\s+of\s+(?:the|its|their|these|those)\s+(?:{DIGITS}|{WORDS})\s+(?P<noun>{_NOUN_GROUP})",
    re.I,
)
# The words between the two ends of a range of amounts: "15 to 27 years", "$5-7 billion".
_RANGE_LINK = re.compile(r"\s*(?:to|[-–—])\s*|\s+and\s+")
_NUMBER_IN = re.compile(rf"{DIGITS}|\b(?:{WORDS})", re.I)

# "1.1. A country at the crossroads": a heading's number, not a quantity. A number with no dot
# ("2017 was...") or followed by lower case ("1.5 million people") is left alone.
_HEADING_NUMBER = re.compile(r"\s*\d{1,3}(?:\.\d{1,3})*\.\s|\s*\d{1,3}(?:\.\d{1,3})+\s+(?=[A-Z])")
# "mid-2017", "pre-2014" are years; "F-16", "Su-30", "COVID-19" are names.
_YEAR_PREFIXES = {"mid", "pre", "post", "early", "late"}


# --- public -------------------------------------------------------------------------------------


def extract_figures(text: str, start: int = 0, end: int | None = None) -> list[FigureDraft]:
    """Every quantity in `text[start:end]`, in text order, non-overlapping, absolute offsets."""
    end = len(text) if end is None else min(end, len(text))
    if heading := _HEADING_NUMBER.match(text, start, end):
        start = heading.end()
    # Times claim their text first: in "over 2005–2013" the range wins over "over 2005". Within
    # a tier, leftmost-longest; on equal spans, the rule listed first.
    candidates: list[tuple[int, FigureDraft]] = []
    # Most sentences hold no digit, no number word and no fraction word, and every rule costs a
    # scan of the text: skip the rules that cannot match (each time rule needs a digit, a
    # quantity a digit or a number word, a fraction its fraction's last word).
    has_digit = _DIGIT.search(text, start, end) is not None
    times = _TIME_RULES if has_digit else ()
    fractions = _FRACTION_RULES if _FRACTION_WORD.search(text, start, end) else ()
    if has_digit or _NUMBER_WORD.search(text, start, end):
        amounts = (*fractions, _QUANTITY_RULE)
    else:
        amounts = fractions
    for tier, rules in enumerate((times, amounts)):
        for pattern, build in rules:
            for m in pattern.finditer(text, start, end):
                if (figure := build(text, m, end)) is not None:
                    candidates.append((tier, figure))
    chosen: list[FigureDraft] = []
    for _, figure in sorted(candidates, key=lambda c: (c[0], c[1].start, c[1].start - c[1].end)):
        if all(figure.end <= f.start or f.end <= figure.start for f in chosen):
            chosen.append(figure)
    return _attach_periods(text, _share_range_units(text, sorted(chosen, key=lambda f: f.start)))


# --- candidates ---------------------------------------------------------------------------------


def _date(text: str, m: re.Match[str], end: int) -> FigureDraft | None:
    point = _iso_point(m["date"])
    if point is None:
        return None
    comparator = _comparator(m["cmp"])
    return _figure(
        text, m.start(), m.end(), FigureKind.DATE, None, None, comparator, (point, point)
    )


def _closed_period(text: str, m: re.Match[str], end: int) -> FigureDraft | None:
    first = _iso_point(m["a"])
    last = _iso_point(m.groupdict().get("b") or m["b2"], after=m["a"])
    if first is None or last is None or last < first:
        return None
    return _figure(text, m.start(), m.end(), FigureKind.PERIOD, None, None, period=(first, last))


def _open_period(text: str, m: re.Match[str], end: int) -> FigureDraft | None:
    point = _iso_point(m["point"])
    if point is None:
        return None
    period = (point, None) if m["since"] else (None, point)
    return _figure(text, m.start(), m.end(), FigureKind.PERIOD, None, None, period=period)


def _decade(text: str, m: re.Match[str], end: int) -> FigureDraft | None:
    first = int(m["decade"])
    period = (str(first), str(first + 9))
    return _figure(text, m.start(), m.end(), FigureKind.PERIOD, None, None, period=period)


def _fraction(text: str, m: re.Match[str], end: int) -> FigureDraft | None:
    # "the first half of 2023", "the third of October": a part of a time or an ordinal.
    before = re.search(r"([^\W\d_]+)\W*$", text[max(0, m.start() - 20) : m.start()])
    if before and before[1].lower() in {"the", "first", "second", "other", "latter", "last"}:
        return None
    measure = _phrase(_OF_PHRASE, text, m.end(), end)
    if measure is None or measure.split()[0] in _MONTHS:  # "half of 2023", "a third of May"
        return None
    comparator = _comparator(m["cmp"])
    value = fraction_percent(m["fraction"])
    return _figure(
        text, m.start(), m.end(), FigureKind.PERCENT, value, "percent", comparator, measure=measure
    )


def _fraction_change(text: str, m: re.Match[str], end: int) -> FigureDraft | None:
    value = fraction_percent(m["fraction"])
    return _figure(text, m.start(), m.end(), FigureKind.PERCENT, value, "percent")


def _quantity(text: str, m: re.Match[str], end: int) -> FigureDraft | None:
    if _names_a_model(text, m.start("num")):
        return None
    number = parse_number(m["num"])
    value = number * scale_factor(m["scale"])
    in_words = not m["num"][0].isdigit()
    cmp = (m["cmp"] or "").lower()
    comparator = _comparator(m["cmp"])
    start = m.start()
    number_end = m.end("scale") if m["scale"] else m.end("num")
    plain = not any(m[g] for g in ("symbol", "code", "scale", "percent", "percent_word"))
    plain = plain and not any(m[g] for g in ("currency", "unit", "duration"))

    if plain and _is_year(m["num"]) and not (m["noun"] and cmp and cmp not in _TEMPORAL):
        # "the 2018 elections": the year, not a count of elections.
        year = m["num"]
        # A year is a period of its own, so `from`/`to` filters find it; "after 2017" is open.
        period = {
            Comparator.GT: (year, None),
            Comparator.GTE: (year, None),
            Comparator.LT: (None, year),
            Comparator.LTE: (None, year),
        }.get(comparator, (year, year))
        return _figure(
            text, start, m.end("num"), FigureKind.YEAR, number, "year", comparator, period
        )
    if cmp in _TEMPORAL:  # "after five years": the comparator is not about the amount
        start = min(m.start(g) for g in ("symbol", "code", "num") if m[g] is not None)
        comparator = Comparator.EQ

    def make(
        kind: FigureKind, stop: int, value: float, unit: str | None, measure: str | None
    ) -> FigureDraft:
        return _figure(text, start, stop, kind, value, unit, comparator, measure=measure)

    if currency := _currency(m):
        stop = m.end("currency") if m["currency"] else number_end
        measure = _phrase(_IN_PHRASE, text, stop, end) or m["noun"]
        return make(FigureKind.MONEY, stop, value, currency, measure)
    if m["percent"] or m["percent_word"]:
        unit = "percentage point" if "point" in (m["percent_word"] or "").lower() else "percent"
        return make(
            FigureKind.PERCENT, m.end(), value, unit, _phrase(_OF_PHRASE, text, m.end(), end)
        )
    if m["unit"]:
        unit = _unit(m["unit"], m["rate"])
        measure = m["unit_of"] or _phrase(_OF_PHRASE, text, m.end(), end)
        return make(FigureKind.MEASURE, m.end(), value, unit, measure)
    if m["duration"]:
        word = m["duration"].lower()
        base = "century" if word.startswith("centur") else word.removesuffix("s")
        unit = "year" if base in ("decade", "century") else base
        return make(FigureKind.DURATION, m.end(), value * _DURATIONS[base], unit, None)
    if in_words and not m["scale"] and (not m["noun"] or number == 1):
        # "Seven of the eight members" counts members; "one of the first examples" and "one
        # that recognizes" are no quantities.
        part = _PART_OF.match(text, m.end(), end) if number != 1 else None
        if part is None:
            return None
        return make(FigureKind.COUNT, m.end(), value, None, part["noun"])
    return make(FigureKind.COUNT, m.end(), value, None, m["noun"])


_Rule = tuple[re.Pattern[str], Callable[[str, re.Match[str], int], FigureDraft | None]]
_TIME_RULES: tuple[_Rule, ...] = (
    (_DATES, _date),
    (_CLOSED_PERIOD, _closed_period),
    (_RANGE, _closed_period),
    (_OPEN_PERIOD, _open_period),
    (_FROM_PERIOD, _open_period),
    (_DECADE, _decade),
)
# In this order: on equal spans, the rule listed first wins.
_FRACTION_RULES: tuple[_Rule, ...] = (
    (_FRACTIONS, _fraction),
    (_FRACTION_CHANGES, _fraction_change),
)
_QUANTITY_RULE: _Rule = (_QUANTITY, _quantity)


# --- helpers ------------------------------------------------------------------------------------


def _figure(
    text: str,
    start: int,
    end: int,
    kind: FigureKind,
    value: float | None,
    unit: str | None,
    comparator: Comparator = Comparator.EQ,
    period: tuple[str | None, str | None] = (None, None),
    measure: str | None = None,
) -> FigureDraft:
    return FigureDraft(
        start=start,
        end=end,
        quote=text[start:end],
        kind=kind,
        value=value,
        unit=unit,
        comparator=comparator,
        period_start=period[0],
        period_end=period[1],
        measure=measure,
    )


def _comparator(word: str | None) -> Comparator:
    return _COMPARATORS[" ".join(word.lower().split())] if word else Comparator.EQ


def _is_year(digits: str) -> bool:
    return digits.isdigit() and 1000 <= int(digits) <= 2199


def _iso_point(point: str, after: str | None = None) -> str | None:
    """ "2013" -> "2013", "October 2023" -> "2023-10", "5 Oct. 2023" -> "2023-10-05".

    With `after`, a two-digit point ends a range: "2012–13" -> "2013". None when invalid.
    """
    if len(point) == 2:
        if after is None or not after.isdigit():
            return None
        first = int(after)
        last = first // 100 * 100 + int(point)
        return str(last if last > first else last + 100)
    if _is_year(point):
        return point
    month = re.search(r"[A-Z][a-z]+", point)
    if month is None:  # 2023-10-05
        try:
            return dt.date.fromisoformat(point).isoformat()
        except ValueError:
            return None
    four_digits = re.search(r"\d{4}", point)
    year = four_digits[0] if four_digits else ""
    day = re.search(r"(?<!\d)\d{1,2}(?!\d)", point.replace(year, ""))
    if day is None:
        return f"{year}-{_MONTHS[month[0]]:02d}"
    try:
        return dt.date(int(year), _MONTHS[month[0]], int(day[0])).isoformat()
    except ValueError:  # "31 February 2023"
        return None


def _names_a_model(text: str, start: int) -> bool:
    """ "F-16", "Su-30": a number joined by a hyphen to a word is part of a name."""
    if start < 2 or text[start - 1] != "-" or not text[start - 2].isalpha():
        return False
    word = re.search(r"[^\W\d_]+$", text[max(0, start - 20) : start - 1])
    return word is None or word[0].lower() not in _YEAR_PREFIXES


def _currency(m: re.Match[str]) -> str | None:
    if m["symbol"]:
        return _SYMBOLS[m["symbol"].lower()]
    code = m["code"] or m["currency"]
    if code is None:
        return None
    if code in _CODES:
        return "CNY" if code == "RMB" else code
    return _CURRENCY_WORDS[" ".join(code.lower().split())]


def _unit(word: str, rate: str | None) -> str:
    unit = next(u for pattern, u in _UNITS if re.fullmatch(pattern, word, re.I))
    if rate:
        per = re.search(r"[a-z]+$", rate.lower())
        assert per is not None
        unit = f"{unit}/{_RATE_UNITS.get(per[0], per[0])}"
    return unit


def _phrase(pattern: re.Pattern[str], text: str, pos: int, end: int) -> str | None:
    m = pattern.match(text, pos, end)
    return " ".join(m["phrase"].split()) if m else None


def _share_range_units(text: str, figures: list[FigureDraft]) -> list[FigureDraft]:
    """The first end of a range takes the unit and scale of the second, which carries them:
    "15 to 27 years" is 15 years, "20 to 30 per cent" 20%; in "$5-7 billion" the currency
    goes the other way. "and" links a range only after "between"."""
    shared = list(figures)
    for i, (a, b) in enumerate(itertools.pairwise(figures)):
        link = _RANGE_LINK.fullmatch(text, a.end, b.start)
        if link is None or a.value is None or b.value is None:
            continue
        if "and" in link.group() and not re.search(r"\bbetween\s+\S*$", text[: a.start], re.I):
            continue
        number_a, number_b = _number_in(a.quote), _number_in(b.quote)
        if not number_a or not number_b:
            continue
        scale = b.value / number_b
        bare = a.kind is FigureKind.COUNT and a.measure is None
        if a.kind is FigureKind.MONEY and b.kind is FigureKind.COUNT and b.measure is None:
            b = shared[i + 1] = replace(b, kind=FigureKind.MONEY, unit=a.unit)  # "$5-7 billion"
        if bare and b.kind is not FigureKind.COUNT:
            shared[i] = replace(a, kind=b.kind, unit=b.unit, value=number_a * scale)
        elif (bare or a.kind is b.kind) and a.unit == b.unit and a.value == number_a != 0:
            shared[i] = replace(a, value=number_a * scale)  # "5 to 7 million people"
    return shared


def _number_in(quote: str) -> float | None:
    m = _NUMBER_IN.search(quote)
    return parse_number(m[0]) if m else None


_IN_YEAR = re.compile(r"\b(?:in|during)\s+$", re.IGNORECASE)


def _dates_its_clause(text: str, figure: FigureDraft) -> bool:
    """ "In 2023 it pumped 9 million barrels a day": a year after "in" or "during" sets the time
    of what its clause counts; a year used otherwise ("the 2018 elections") does not."""
    return (
        figure.kind is FigureKind.YEAR
        and figure.comparator is Comparator.EQ
        and _IN_YEAR.search(text, max(0, figure.start - 8), figure.start) is not None
    )


def _attach_periods(text: str, figures: list[FigureDraft]) -> list[FigureDraft]:
    """Money, percents, counts and measures take the nearest period or date in their span.

    "Nearest" in characters, but a period across a semicolon belongs to another clause and is
    only used when the figure's own clause has none.
    """
    periods = [
        f
        for f in figures
        if f.kind in (FigureKind.PERIOD, FigureKind.DATE) or _dates_its_clause(text, f)
    ]
    if not periods:
        return figures
    takers = (FigureKind.MONEY, FigureKind.PERCENT, FigureKind.COUNT, FigureKind.MEASURE)

    def distance(f: FigureDraft, p: FigureDraft) -> tuple[bool, int]:
        gap = (p.end, f.start) if p.end <= f.start else (f.end, p.start)
        return ";" in text[gap[0] : gap[1]], gap[1] - gap[0]

    attached: list[FigureDraft] = []
    for f in figures:
        if f.kind in takers:
            nearest = min(periods, key=lambda p: distance(f, p))
            f = replace(f, period_start=nearest.period_start, period_end=nearest.period_end)
        attached.append(f)
    return attached
