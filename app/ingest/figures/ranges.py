"""Ranges of amounts: "15 to 27 years", "$5-7 billion", "between 5 and 7 percent" are one figure.

The two ends found apart become one figure: `value` is the lower end, `value_max` the upper, the
quote runs from "between"/"from" (when the text says it) to the end of the second amount, and
the comparator is the first end's ("up to 5-7%").

Choices (documented here because the API contract leaves them open):
- The end that states no unit takes the other's: "15 to 27 years" is 15..27 years, "5-7%"
  5..7 percent, and in "$5-7 billion" the currency goes forward while the scale goes back.
- The first end takes the second's scale only when it has none of its own and the range stays
  in order: "between 5 and 7 million people" is 5e6..7e6, "two to three decades" 20..30
  years, but "from $800,000 to $1.3 million" is 800000..1300000 (8e11 would pass the end).
- "and" links a range only after "between"; "to", "through", "-", "~" and dashes link it
  anywhere.
- Two ends in the wrong order ("fell from 10% to 5%") are no range: they stay two figures. Nor
  are two ends that each state their unit after a verb of change ("rose from 10% to 20%",
  "rose $2.69 to $114.24"): they are the level left and the level reached, or the move and
  the level ("rose 3 to 5 percent" stays a range, "fell by 326,000 to 7.2 million" does not);
  a bare level left takes the unit of the level reached ("raised it from 5.5 to 7 percent").
- Ranges of years are periods (dates.py), never amounts; but a number that reads as a year
  is the first end of a range of a larger amount that is no year ("between 2000 and 3000
  troops", "1000-5000"), unless a word of time comes before it ("in 2019 to 5,000 units").
- A lower and an upper bound linked by "and" or "but" are one range: "more than 10 and less
  than 20 percent" is 10..20 percent (the comparator is then "eq": the range is the bound).
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from app.ingest.drafts import FigureDraft
from app.ingest.figures.comparators import governed
from app.ingest.figures.numbers import DIGITS, WORDS, parse_number
from app.models.vocabulary import Comparator, FigureKind

_BY = re.compile(r"\bby\s+$", re.I)
_RANGE_LINK = re.compile(r"\s*(?:to|[-–—~])\s*|\s+(?:and|through|thru)\s+")
_OPENER = re.compile(r"\b(?P<word>between|from)\s+$", re.I)
_NUMBER_IN = re.compile(
    rf"(?P<sign>[-−](?=\d)|\b(?:minus|negative)\s+)?(?P<num>{DIGITS}|\b(?:{WORDS}))", re.I
)
_AMOUNTS = {
    FigureKind.MONEY,
    FigureKind.PERCENT,
    FigureKind.COUNT,
    FigureKind.MEASURE,
    FigureKind.DURATION,
}


def join_ranges(text: str, figures: list[FigureDraft]) -> list[FigureDraft]:
    """`figures` (in text order) with each range's two ends joined into one figure."""
    joined: list[FigureDraft] = []
    i = 0
    while i < len(figures):
        pair = _join(text, figures[i], figures[i + 1]) if i + 1 < len(figures) else None
        if pair is None and i + 1 < len(figures):
            figures[i] = shared_unit(text, figures[i], figures[i + 1])
        joined.append(pair or figures[i])
        i += 2 if pair else 1
    return joined


_LEVELS_LINK = re.compile(r"\s+(?:to|a|al)\s+", re.I)
_SCALED = re.compile(r"\d\s?[^\W\d_]")  # "0.3 million", "2bn", "0,3 millones"


def shared_unit(
    text: str, a: FigureDraft, b: FigureDraft, written: Decimal | None = None
) -> FigureDraft:
    """ "raised the rate from 5.5 to 7 percent": the level left, written bare before the level
    reached, is in its unit; a figure that is no such bare end is returned as it is. `written`
    is the number `b` writes (read in English when not given)."""
    written = _number_in(b.quote) if written is None else written
    # "by 0.3 million to 8 million barrels": a level left with its own scale shares the unit only.
    own_scale = _SCALED.search(a.quote) is not None
    if (
        a.kind is not FigureKind.COUNT
        or a.measure is not None
        or b.kind not in (FigureKind.PERCENT, FigureKind.MONEY, FigureKind.MEASURE)
        or written is None
        # "from 5 to 7 million": a scale to share too
        or (Decimal(repr(b.value)) != written and not own_scale)
        or _LEVELS_LINK.fullmatch(text, a.end, b.start) is None  # "from 5.5 to", "del 5,5 al"
    ):
        return a
    return replace(a, kind=b.kind, unit=b.unit)


def _join(text: str, a: FigureDraft, b: FigureDraft) -> FigureDraft | None:
    link = _RANGE_LINK.fullmatch(text, a.end, b.start)
    if link is None or text[max(0, a.start - 1) : a.start] in (
        "-",
        "–",
    ):  # "2023-02-30" or a.value is None or b.value is None:
        return None
    if _year_as_end(text, a, b):  # "between 2000 and 3000 troops", "1000-5000"
        a = replace(a, kind=FigureKind.COUNT, unit=None, period_start=None, period_end=None)
    if a.kind not in _AMOUNTS or b.kind not in _AMOUNTS or a.value_max or b.value_max:
        return None
    opener = _OPENER.search(text, max(0, a.start - 10), a.start)
    if "and" in link.group() and (opener is None or opener["word"].lower() != "between"):
        return None
    number_a, number_b = _number_in(a.quote), _number_in(b.quote)
    if number_a is None or not number_b:
        return None
    kind, unit, measure = a.kind, a.unit, a.measure or b.measure
    bare_a = a.kind is FigureKind.COUNT and a.measure is None
    bare_b = b.kind is FigureKind.COUNT and b.measure is None
    # "rose from 10% to 20%", "rose $2.69 to $114.24", "fell by 326,000 to 7.2 million": the
    # level left or the move, then the level reached.
    moved = not bare_a or _BY.search(text, max(0, a.start - 4), a.start) is not None
    # "raised the rate from 5.5 to 7 percent": a bare level left, then the level reached.
    moved = moved or (
        opener is not None
        and opener["word"].lower() == "from"
        and shared_unit(text, a, b) is not a  # not "from 5 to 7 million tonnes": millions
    )
    if moved and "to" in link.group() and governed(text, opener.start() if opener else a.start):
        return None
    if bare_a and not bare_b:
        kind, unit = b.kind, b.unit
    elif not (bare_b and a.kind is FigureKind.MONEY):
        if a.kind is not b.kind or a.unit != b.unit:
            return None
        if a.measure and b.measure and a.measure != b.measure:
            return None
    low, high = Decimal(repr(a.value)), Decimal(repr(b.value))
    scale = high / number_b
    if low == number_a and scale != 1 and number_a * scale <= high:
        low = number_a * scale  # "5 to 7 million people", "$5-7 billion"
    if low >= high:
        return None
    start = opener.start() if opener else a.start
    return replace(
        a,
        start=start,
        end=b.end,
        quote=text[start : b.end],
        kind=kind,
        unit=unit,
        value=float(low),
        value_max=b.value,
        measure=measure,
    )


_IN_TIME = re.compile(r"\b(?:in|since|by|until|till|after|before|during|of)\s+$", re.I)


def _year_as_end(text: str, a: FigureDraft, b: FigureDraft) -> bool:
    """A number that reads as a year is a range's first end before a larger amount that is no
    year: "between 2000 and 3000 troops", "1000-5000"; not "in 2019 to 5,000 units"."""
    return (
        a.kind is FigureKind.YEAR
        and a.value is not None
        and a.period_start == a.period_end
        and b.kind in _AMOUNTS
        and b.value is not None
        and b.value > a.value
        and (b.kind is not FigureKind.COUNT or b.measure is not None or b.value > 2199)
        and _IN_TIME.search(text, max(0, a.start - 10), a.start) is None
    )


def _number_in(quote: str) -> Decimal | None:
    m = _NUMBER_IN.search(quote)
    if m is None:
        return None
    number = parse_number(m["num"])
    return -number if m["sign"] else number


_BOUND_LINK = re.compile(r",?\s+(?:and|but)\s+", re.I)
_LOWER = (Comparator.GT, Comparator.GTE)
_UPPER = (Comparator.LT, Comparator.LTE)


def join_bounds(text: str, figures: list[FigureDraft]) -> list[FigureDraft]:
    """ "more than 10 and less than 20 percent", "at most 100 and at least 20 seats": a lower
    and an upper bound written one after the other are one range, 10..20 and 20..100."""
    joined: list[FigureDraft] = []
    for f in figures:
        last = joined[-1] if joined else None
        if last is not None and (bounded := _bounds(text, last, f)) is not None:
            joined[-1] = bounded
        else:
            joined.append(f)
    return joined


def _bounds(text: str, a: FigureDraft, b: FigureDraft) -> FigureDraft | None:
    if _BOUND_LINK.fullmatch(text, a.end, b.start) is None:
        return None
    if a.kind not in _AMOUNTS or b.kind not in _AMOUNTS or a.value_max or b.value_max:
        return None
    if a.value is None or b.value is None:
        return None
    if a.comparator in _LOWER and b.comparator in _UPPER:
        low, high = a.value, b.value
    elif a.comparator in _UPPER and b.comparator in _LOWER:
        low, high = b.value, a.value
    else:
        return None
    kind, unit = a.kind, a.unit
    if (a.kind, a.unit) != (b.kind, b.unit):
        if b.kind is FigureKind.COUNT and b.measure is None:
            pass  # "more than 10% and less than 20": the second end in the first's unit
        elif a.kind is FigureKind.COUNT and a.measure is None:
            kind, unit = b.kind, b.unit
        else:
            return None
    if a.measure and b.measure and a.measure != b.measure:
        return None
    if low >= high:
        return None
    return replace(
        a,
        end=b.end,
        quote=text[a.start : b.end],
        kind=kind,
        unit=unit,
        value=low,
        value_max=high,
        comparator=Comparator.EQ,
        measure=a.measure or b.measure,
    )
