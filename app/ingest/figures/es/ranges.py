"""Spanish ranges: "entre 5 y 7 millones", "de 15 a 27 años", "5-7%" are one figure.

The same contract as the English module (`figures/ranges.py`): `value` is the lower end,
`value_max` the upper, the quote runs from "entre"/"de"/"desde" to the end of the second
amount; an end that states no unit takes the other's; the first end takes the second's scale
when it has none and the range stays in order ("entre 5 y 7 millones de personas" is
5e6..7e6). "y" links a range only after "entre"; "a", "hasta" and dashes anywhere. Ends in the
wrong order, or after a verb of change ("subió de 10% a 20%": the level left and the level
reached), stay two figures, the bare first taking the second's unit ("subió del 5,5 al 7
por ciento"). "desde 20 hasta 100" is one range, though "hasta 100" alone is a
bound.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from app.ingest.drafts import FigureDraft
from app.ingest.figures.es.numbers import NUMBER, parse_number
from app.ingest.figures.ranges import shared_unit
from app.models.vocabulary import FigureKind

_LINK = re.compile(r"\s*[-–—]\s*|\s+(?:a|al|hasta|y)\s+", re.I)
_OPENER = re.compile(r"\b(?P<word>entre|de|desde)\s+$", re.I)
_NUMBER_IN = re.compile(rf"(?P<sign>[-−](?=\d))?(?P<num>{NUMBER})", re.I)
_GOVERNING = re.compile(
    r"\b(?:sub|aument|creci|crec|cay|ca[ei]|baj|reduj|reduc|disminu|descend|elev|increment)"
    r"[a-záéíóú]*\b[^.;:]{0,60}?$",
    re.I,
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
            b = figures[i + 1]
            figures[i] = shared_unit(text, figures[i], b, _number_in(b.quote))
        joined.append(pair or figures[i])
        i += 2 if pair else 1
    return joined


_UNTIL = re.compile(r"hasta\s+", re.I)


def _join(text: str, a: FigureDraft, b: FigureDraft) -> FigureDraft | None:
    link = _LINK.fullmatch(text, a.end, b.start)
    until = _UNTIL.match(b.quote)
    if link is None and until and re.fullmatch(r"\s+", text[a.end : b.start]):
        # "desde 20 hasta 100": "hasta" went to the second end as its bound
        if _OPENER.search(text, max(0, a.start - 8), a.start) is None:
            return None
        link = _LINK.fullmatch(text, a.end, b.start + until.end())
        b = replace(b, start=b.start + until.end(), quote=b.quote[until.end() :])
        b = replace(b, comparator=a.comparator)
    if link is None or a.value is None or b.value is None:
        return None
    if a.kind not in _AMOUNTS or b.kind not in _AMOUNTS or a.value_max or b.value_max:
        return None
    opener = _OPENER.search(text, max(0, a.start - 8), a.start)
    word = link.group().strip().lower()
    if word == "y" and (opener is None or opener["word"].lower() != "entre"):
        return None
    if opener is not None and opener["word"].lower() != "entre" and word in ("y",):
        return None
    if word in ("a", "al", "hasta") and _GOVERNING.search(text, max(0, a.start - 80), a.start):
        return None
    number_a, number_b = _number_in(a.quote), _number_in(b.quote)
    if number_a is None or not number_b:
        return None
    kind, unit, measure = a.kind, a.unit, a.measure or b.measure
    bare_a = a.kind is FigureKind.COUNT and a.measure is None
    bare_b = b.kind is FigureKind.COUNT and b.measure is None
    if bare_a and not bare_b:
        kind, unit = b.kind, b.unit
    elif not (bare_b and a.kind is FigureKind.MONEY) and (a.kind is not b.kind or a.unit != b.unit):
        return None
    low, high = Decimal(repr(a.value)), Decimal(repr(b.value))
    scale = high / number_b
    if low == number_a and scale != 1 and number_a * scale <= high:
        low = number_a * scale
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


def _number_in(quote: str) -> Decimal | None:
    for m in _NUMBER_IN.finditer(quote):
        number = parse_number(m["num"])
        if number is not None:
            return -number if m["sign"] else number
    return None
