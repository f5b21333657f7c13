"""The period a Spanish amount covers: the nearest period or date in its own clause.

The same rule as the English module (`figures/periods.py`): money, percents, counts and
measures take the period or date of their clause ("Desde 2005 Caracas ha comprado armamento
ruso por más de 11.000 millones de dólares": 2005 onwards); a clause ends at a semicolon, or at
a comma before "y", "pero", "mientras", "aunque", "que", "lo que" (a relative clause, or one
that sums up what came before, has its own time).
"máximos desde 1992" is a record's baseline and lends nothing. A bare year lends its period
only after "en", "en el", "durante" or "para" ("en 2017 Venezuela
reestructuró una deuda de 3.150 millones": 2017), or with a comparator ("antes de 2030").
"frente a", "comparado con", "respecto a" and "más que"/"menos que" start the time of what is
compared ("un 18,7% más que en 2022": 2022 is the baseline). An aside
(", aprobada en agosto de 2022,", ", incluidos 24 cazas") and a condition ("Si el acuerdo se
firma en 2025,") keep their time to themselves, as in English; so does the level left in "de
21.500 millones en 2010 a 1.000 millones en 2021" (2010 is not the second amount's).
"""

from __future__ import annotations

import re
from dataclasses import replace

from app.ingest.drafts import FigureDraft
from app.ingest.figures.periods import TAKERS
from app.models.vocabulary import Comparator, FigureKind

_CLAUSE_BREAK = re.compile(
    r";|,\s+(?:y|e|pero|mientras|aunque|sino|que|quien|quienes|el\s+cual|la\s+cual|lo\s+que"
    r"|lo\s+cual)\b"
    r"|\b(?:frente\s+a|comparad[oa]s?\s+con|respecto\s+(?:a|de)|en\s+comparaci[oó]n\s+con"
    r"|(?:m[aá]s|menos)\s+que)\b"
    r"|\by\s+(?:es|son|era|eran|fue|fueron|ha|han|hab[ií]a|ser[aá]|ahora)\b",
    re.I,
)
_IN_YEAR = re.compile(
    r"\b(?:en|durante|para)\s+(?:el\s+)?(?:(?:principios|comienzos|mediados|finales|fines)\s+de"
    r"(?:l)?\s+)?$",
    re.I,
)


# "máximos desde 1992", "su mayor alza desde enero": a record's baseline, not a period.
_SUPERLATIVE = re.compile(
    r"\b(?:m[aá]xim|m[ií]nim|r[eé]cord|mayor|menor|peor|mejor|m[aá]s\s+(?:alt|baj))[\w]*"
    r"(?:\s+[\w]+){0,3}\s+$",
    re.I,
)


def _lends(text: str, figure: FigureDraft) -> bool:
    if figure.quote.lower().startswith("desde") and _SUPERLATIVE.search(
        text, max(0, figure.start - 40), figure.start
    ):
        return False
    if figure.kind in (FigureKind.PERIOD, FigureKind.DATE):
        return bool(figure.period_start or figure.period_end)
    if figure.kind is not FigureKind.YEAR:
        return False
    if figure.comparator is not Comparator.EQ:
        return True
    return _IN_YEAR.search(text, max(0, figure.start - 24), figure.start) is not None


# An aside with a time of its own: ", aprobada en agosto de 2022,", ", incluidos 24 cazas", a
# condition "Si el acuerdo se firma en 2025,". It runs to the next comma; what is inside it
# takes no time from outside it, and lends none.
_ASIDE = re.compile(
    r",\s+(?:[a-záéíóú]+(?:ad|id)[oa]s?|abiert[oa]s?|hech[oa]s?|puest[oa]s?|escrit[oa]s?)\b"
    r"|\b(?:[Ss]i|[Cc]uando|[Aa]unque|[Mm]ientras)\b"
)


def _aside(text: str, pos: int) -> int | None:
    """Where the aside holding `pos` starts, or None when `pos` is in no aside."""
    found = list(_ASIDE.finditer(text, max(0, pos - 90), pos))
    if not found or "," in text[found[-1].end() : pos]:
        return None
    return found[-1].start()


# "de 21.500 millones en 2010 a menos de 1.000 millones en 2021": the time between the level
# left and "a" is the level left's.
_LEFT_TIME = re.compile(r"\s+(?:en|de)\s+(?:el\s+)?$", re.I)
_TO = re.compile(r"\s+(?:a|hasta)\s+", re.I)


def _of_the_level_left(
    text: str, figures: list[FigureDraft], p: FigureDraft, f: FigureDraft
) -> bool:
    if not (p.end <= f.start and _TO.fullmatch(text, p.end, f.start)):
        return False
    return any(
        o.kind in TAKERS and o.end <= p.start and _LEFT_TIME.fullmatch(text, o.end, p.start)
        for o in figures
    )


def attach_periods(text: str, figures: list[FigureDraft]) -> list[FigureDraft]:
    """Money, percents, counts and measures with the period of their clause."""
    periods = [f for f in figures if _lends(text, f)]
    if not periods:
        return figures
    attached: list[FigureDraft] = []
    for f in figures:
        if f.kind in TAKERS:
            best: tuple[int, FigureDraft] | None = None
            for p in periods:
                gap = (p.end, f.start) if p.end <= f.start else (f.end, p.start)
                if _CLAUSE_BREAK.search(text, gap[0], gap[1]):
                    continue
                if _aside(text, f.start) != _aside(text, p.start):
                    continue
                if _of_the_level_left(text, figures, p, f):
                    continue
                if best is None or gap[1] - gap[0] < best[0]:
                    best = (gap[1] - gap[0], p)
            if best is not None:
                f = replace(f, period_start=best[1].period_start, period_end=best[1].period_end)
        attached.append(f)
    return attached
