"""The engine: runs every rule of the package over one span and settles what they propose.

`extract_figures` reads one span (a sentence, a bullet item or a heading line) and returns every
quantity in it, in text order, with absolute offsets: `text[f.start:f.end] == f.quote` always.

Stages, in order:
1. negatives: names, identifiers, clock times, scores and a heading's number claim their
   spans first; no figure may overlap them (negatives.py);
2. candidates, in two tiers: times (dates.py), then amounts (amounts.py); within a tier
   leftmost-longest, on equal spans the rule listed first. "since 2007" beats the bare year
   inside it and "over $11 billion" beats "11";
3. joins: "3 dollars 50 cents" is one amount (money.py), "6 feet 4 inches" one length
   (units.py); two amounts linked by "to", "-" or "between ... and" become one range, and so
   do a lower and an upper bound ("more than 10 and less than 20") (ranges.py);
4. context: a comparator verb before the amount ("exceeded") and the direction of a change
   around it ("rose", "fell by", "up", "a 5% increase") (comparators.py);
5. periods: money, percents, counts and measures take the period of their clause (periods.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from app.ingest.drafts import FigureDraft
from app.ingest.figures import amounts, dates, money, multiples, units
from app.ingest.figures.comparators import (
    FROM_TO,
    RECORD,
    RESTATED,
    bound_after,
    bounding_verb,
    change,
    particle_up,
)
from app.ingest.figures.negatives import CONTAINER_SIZE, HEADING_NUMBER, blocked_spans
from app.ingest.figures.numbers import NUMBER_WORDS
from app.ingest.figures.periods import TAKERS, attach_periods
from app.ingest.figures.ranges import join_bounds, join_ranges
from app.models.vocabulary import Comparator, FigureKind

_Rule = tuple[re.Pattern[str], Callable[[str, re.Match[str], int], FigureDraft | None]]
TIME_RULES: tuple[_Rule, ...] = (
    (dates.DATES, dates.date),
    (dates.NUMERIC_DATES, dates.numeric_date),
    (dates.DAYS, dates.day),
    (dates.PART_OF_YEAR, dates.part_of_year),
    (dates.CLOSED_PERIOD, dates.closed_period),
    (dates.MONTH_RANGE, dates.month_range),
    (dates.RANGE, dates.closed_period),
    (dates.OPEN_PERIOD, dates.open_period),
    (dates.OPEN_TO, dates.open_period),
    (dates.FROM_PERIOD, dates.open_period),
    (dates.DECADE, dates.decade),
)
# In this order: on equal spans, the rule listed first wins.
FRACTION_RULES: tuple[_Rule, ...] = (
    (amounts.POINT_FRACTIONS, amounts.point_fraction),
    (amounts.FRACTIONS, amounts.fraction),
    (amounts.FRACTION_CHANGES, amounts.fraction_change),
)
QUANTITY_RULE: _Rule = (amounts.QUANTITY, amounts.quantity)
MULTIPLE_RULE: _Rule = (multiples.MULTIPLES, multiples.multiple)

# Gates: most sentences hold no digit, no number word and no fraction word, and every rule
# costs a scan of the text, so a rule runs only where what every match of it holds is present
# (each time rule needs a digit, a quantity a digit or a number word, a fraction its fraction's
# last word). tests/ingest/test_figure_gates.py holds the gates to the patterns.
DIGIT = re.compile(r"\d")
NUMBER_WORD = re.compile(rf"\b(?:{'|'.join(NUMBER_WORDS)})", re.I)
FRACTION_WORD = re.compile(
    "|".join(sorted({"half", "third", "thirds", "quarter", "quarters"})), re.I
)
_CHANGERS = (*TAKERS, FigureKind.DURATION)


def extract_figures(
    text: str, start: int = 0, end: int | None = None, language: str = "en"
) -> list[FigureDraft]:
    """Every quantity in `text[start:end]`, in text order, non-overlapping, absolute offsets;
    Spanish (`language="es"`) is read with the rules of `figures/es/`."""
    if language == "es":  # imported on first use: English reading never compiles its rules
        from app.ingest.figures.es import engine as spanish

        return spanish.extract_figures(text, start, end)
    end = len(text) if end is None else min(end, len(text))
    if heading := HEADING_NUMBER.match(text, start, end):
        start = heading.end()
    has_digit = DIGIT.search(text, start, end) is not None
    spelled_box = not has_digit and CONTAINER_SIZE.search(text, start, end) is not None
    blocked = blocked_spans(text, start, end) if has_digit or spelled_box else []
    times = TIME_RULES if has_digit else ()
    fractions = FRACTION_RULES if FRACTION_WORD.search(text, start, end) else ()
    if multiples.MULTIPLE_WORD.search(text, start, end):
        fractions = (*fractions, MULTIPLE_RULE)
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
    # A month and day with no year ("March 26") holds its place, so its day is no count, and
    # is then no figure: it says no date.
    chosen = [f for f in chosen if f.kind is not FigureKind.DATE or f.period_start is not None]
    chosen.sort(key=lambda f: f.start)
    joined = join_ranges(text, units.join_inches(text, money.join_cents(text, chosen)))
    joined = join_bounds(text, joined)
    return attach_periods(text, _in_context(text, joined, end), start, end)


def _in_context(text: str, figures: list[FigureDraft], end: int) -> list[FigureDraft]:
    """Each amount with the comparator verb before it and the direction of its change."""
    read: list[FigureDraft] = []
    for f in figures:
        if f.kind in _CHANGERS:
            up = _UP_TO.match(f.quote) if f.comparator is Comparator.LTE else None
            if up and particle_up(text, f.start):  # "ticked up to 4.1%": the level, no bound
                f = replace(
                    f, start=f.start + up.end(), quote=f.quote[up.end() :], comparator=Comparator.EQ
                )
            market = f.kind in (FigureKind.MONEY, FigureKind.PERCENT) or f.unit == "point"
            level = f.kind is not FigureKind.DURATION  # "a three-month period, up 5%"
            # A multiplying verb ("doubled") is a rise whatever the words around it say.
            moved = f.change or change(text, f.start, f.end, end, market, level)
            bound = f.comparator
            if bound is Comparator.EQ:
                bound = bounding_verb(text, f.start) or bound
            f = replace(f, change=moved, comparator=bound)
            if f.comparator is Comparator.EQ and (after := bound_after(text, f.end, end)):
                f = replace(f, comparator=after[0], end=after[1], quote=text[f.start : after[1]])
        read.append(f)
    return _carried(text, read)


_UP_TO = re.compile(r"up\s+to\s+", re.I)
_FROM = re.compile(rf"\bfrom\s+{RECORD}$", re.I)
_AND = re.compile(r",?\s+(?:and|or)\s+", re.I)
_OF = re.compile(r"\s+of\b", re.I)


def _carried(text: str, figures: list[FigureDraft]) -> list[FigureDraft]:
    """A move carried to the next amount: "rose 87 cents, or 1%" (the same move restated),
    "fell from $600 in 2022 to around $100" (the level reached after the level left)."""
    carried: list[FigureDraft] = []
    last: FigureDraft | None = None  # the last amount: dates and years between are skipped
    for f in figures:
        if f.kind in _CHANGERS:
            if last is not None and last.change is not None and f.change is None:
                restated = RESTATED.fullmatch(text, last.end, f.start) is not None
                left = _FROM.search(text, max(0, last.start - 40), last.start) is not None
                # "up 66% and 27%, respectively", "rose to $722 and $2,067": one move of two
                # things, written once.
                paired = (
                    (f.kind, f.unit) == (last.kind, last.unit)
                    and _AND.fullmatch(text, last.end, f.start) is not None
                    and _OF.match(text, f.end) is None  # "fell 3% and 40% of plants closed"
                )
                if restated or paired or (left and FROM_TO.fullmatch(text, last.end, f.start)):
                    f = replace(f, change=last.change)
            last = f
        carried.append(f)
    return carried
