"""The Spanish engine: the stages of `figures/engine.py`, with the Spanish rules.

0. the span's number convention: "1,224,000" or "32.06%" say it is written the Mexican way,
   and "832,000" is then 832000 (Spain and most of Latin America write 832.000);
1. negatives (names, clock times, scores) claim their spans first;
2. candidates in two tiers, times then amounts; within a tier leftmost-longest, on equal
   spans the rule listed first ("desde 2006" beats the year inside it);
3. joins: "15 dólares con 50 centavos" is one amount (money.py); two amounts linked by "a",
   "-" or "entre ... y" become one range;
4. context: a comparator verb before the amount ("superó") and the direction of its change;
5. periods: money, percents, counts and measures take the period of their clause.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from app.ingest.drafts import FigureDraft
from app.ingest.figures.es import amounts, dates, money
from app.ingest.figures.es.comparators import (
    bound_after,
    bounding_verb,
    change,
    duration_change,
    level_reached,
)
from app.ingest.figures.es.negatives import blocked_spans
from app.ingest.figures.es.numbers import (
    COMMA_THOUSANDS,
    NUMBER_WORDS,
    VULGAR,
    comma_thousands,
)
from app.ingest.figures.es.periods import attach_periods
from app.ingest.figures.es.ranges import join_ranges
from app.ingest.figures.es.words import accented
from app.ingest.figures.negatives import HEADING_NUMBER
from app.ingest.figures.periods import TAKERS
from app.models.vocabulary import Comparator, FigureKind

_Rule = tuple[re.Pattern[str], Callable[[str, re.Match[str], int], FigureDraft | None]]
TIME_RULES: tuple[_Rule, ...] = (
    (dates.DATES, dates.date),
    (dates.NUMERIC_DATES, dates.numeric_date),
    (dates.DAYS, dates.day),
    (dates.PART_OF_YEAR, dates.part_of_year),
    (dates.CLOSED_PERIOD, dates.closed_period),
    (dates.RANGE, dates.closed_period),
    (dates.OPEN_PERIOD, dates.open_period),
    (dates.DECADE, dates.decade),
)
FRACTION_RULES: tuple[_Rule, ...] = (
    (amounts.FRACTIONS, amounts.fraction),
    (amounts.FRACTION_CHANGES, amounts.fraction_change),
)
QUANTITY_RULE: _Rule = (amounts.QUANTITY, amounts.quantity)

# Gates, as in English: a rule runs only where what every match of it holds is present.
DIGIT = re.compile(rf"[\d{VULGAR}]")  # "½ de los votos" is a number too
NUMBER_WORD = re.compile(rf"\b(?:{'|'.join(accented(w) for w in NUMBER_WORDS)})", re.I)
FRACTION_WORD = re.compile(r"mitad|tercio|tercer|cuart|quint", re.I)
_CHANGERS = (*TAKERS, FigureKind.DURATION)


def extract_figures(text: str, start: int = 0, end: int | None = None) -> list[FigureDraft]:
    """Every quantity in the Spanish `text[start:end]`, in text order, absolute offsets."""
    end = len(text) if end is None else min(end, len(text))
    convention = COMMA_THOUSANDS.set(comma_thousands(text, start, end))
    try:
        return _extract(text, start, end)
    finally:
        COMMA_THOUSANDS.reset(convention)


def _extract(text: str, start: int, end: int) -> list[FigureDraft]:
    if heading := HEADING_NUMBER.match(text, start, end):
        start = heading.end()
    has_digit = DIGIT.search(text, start, end) is not None
    blocked = blocked_spans(text, start, end) if has_digit else []
    times = TIME_RULES if has_digit else ()
    fractions = FRACTION_RULES if FRACTION_WORD.search(text, start, end) else ()
    if has_digit or NUMBER_WORD.search(text, start, end):
        rules: tuple[_Rule, ...] = (*fractions, QUANTITY_RULE)
    else:
        rules = fractions
    candidates: list[tuple[int, FigureDraft]] = []
    for tier, tier_rules in enumerate((times, rules)):
        for pattern, build in tier_rules:
            for m in pattern.finditer(text, start, end):
                if (figure := build(text, m, end)) is not None:
                    candidates.append((tier, figure))
    taken: list[tuple[int, int]] = list(blocked)
    chosen: list[FigureDraft] = []
    for _, figure in sorted(candidates, key=lambda c: (c[0], c[1].start, c[1].start - c[1].end)):
        if all(figure.end <= a or b <= figure.start for a, b in taken):
            taken.append((figure.start, figure.end))
            chosen.append(figure)
    # "el 3 de marzo" holds its place, so its day is no count, and is then no figure: with no
    # year it says no date (as in English).
    chosen = [f for f in chosen if f.kind is not FigureKind.DATE or f.period_start is not None]
    chosen.sort(key=lambda f: f.start)
    joined = join_ranges(text, money.join_cents(text, chosen))
    return attach_periods(text, _in_context(text, joined, end))


def _in_context(text: str, figures: list[FigureDraft], end: int) -> list[FigureDraft]:
    """Each amount with the comparator verb before it and the direction of its change."""
    read: list[FigureDraft] = []
    for f in figures:
        if f.kind in _CHANGERS:
            if f.comparator is Comparator.LTE and (cut := level_reached(text, f.start, f.quote)):
                f = replace(f, start=f.start + cut, quote=f.quote[cut:], comparator=Comparator.EQ)
            bound = f.comparator
            if bound is Comparator.EQ:
                bound = bounding_verb(text, f.start) or bound
            if f.kind is FigureKind.DURATION:
                moved = duration_change(text, f.start)
            else:
                moved = change(text, f.start, f.end, end)
            f = replace(f, change=moved, comparator=bound)
            if f.comparator is Comparator.EQ and (after := bound_after(text, f.end, end)):
                f = replace(f, comparator=after[0], end=after[1], quote=text[f.start : after[1]])
        read.append(f)
    return _carried(text, read)


# "cayeron de 21.500 millones en 2010 a menos de 1.000 millones", "se reducirá de 35 días a 23
# días": the level reached after the level left; "subieron a 6,1 millones, desde 100.000": the
# level left after the level reached. Both moved the same way.
_LEFT = re.compile(r"\b(?:de|desde)\s+$", re.I)
_TO_AFTER_LEFT = re.compile(r"(?:[^.;:!?\d]|\b(?:19|20)\d\d\b){0,40}?\b(?:a|hasta)\s+$", re.I)
_FROM_AFTER = re.compile(r"(?:[^.;:!?\d]|\b(?:19|20)\d\d\b){0,40}?,\s+desde\s+$", re.I)


def _carried(text: str, figures: list[FigureDraft]) -> list[FigureDraft]:
    """A move carried from one amount to the next, as in English (`figures/engine.py`)."""
    carried: list[FigureDraft] = []
    last: FigureDraft | None = None
    for f in figures:
        if f.kind in _CHANGERS:
            if last is not None and last.change is not None and f.change is None:
                left = _LEFT.search(text, max(0, last.start - 8), last.start) is not None
                if (left and _TO_AFTER_LEFT.fullmatch(text, last.end, f.start)) or (
                    _FROM_AFTER.fullmatch(text, last.end, f.start)
                ):
                    f = replace(f, change=last.change)
            last = f
        carried.append(f)
    return carried
