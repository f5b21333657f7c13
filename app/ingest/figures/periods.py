"""The period an amount covers: the nearest period or date in its own clause.

"Since 2015 Russia lent $6.5 billion, and in December 2016 Rosneft paid $1.5 billion": each
amount takes the time of its own clause, 2015 onwards for the first, December 2016 for the
second. A clause ends at a semicolon, or at a comma before "and", "but", "while", "whereas",
"although" or "though". When the figure's own clause states no time, the figure has no period:
"24 aircraft, and the summit is due in 2025" says nothing of when the aircraft were counted.
(Lending an earlier clause's period as well measured worse on the labelled articles: it helps
"In 2019, exports fell 5%, and imports rose 3%" and hurts more sentences than that.)

Choices (documented here because the API contract leaves them open):
- Only period and date figures lend their period to amounts; a bare year does not ("the 2018
  elections" says nothing about when the money was spent), except after "in" or "during" ("In
  2023 it pumped 9 million barrels a day") or with a comparator ("before 2030": until 2030).
- A date with no year ("Sept. 13") lends nothing: it has no period.
"""

from __future__ import annotations

import re
from dataclasses import replace

from app.ingest.drafts import FigureDraft
from app.models.vocabulary import Comparator, FigureKind

_CLAUSE_BREAK = re.compile(r";|,\s+(?:and|but|while|whereas|although|though)\b", re.I)
_IN_YEAR = re.compile(r"\b(?:in|during)\s+(?:(?:early|mid|late)[-\s]+)?$", re.IGNORECASE)
TAKERS = (FigureKind.MONEY, FigureKind.PERCENT, FigureKind.COUNT, FigureKind.MEASURE)


def _dates_its_clause(text: str, figure: FigureDraft) -> bool:
    """ "In 2023 it pumped 9 million barrels a day": a year after "in" or "during" sets the time
    of what its clause counts, and so does "before 2030" or "after 2017" (an open period); a
    year used otherwise ("the 2018 elections") does not."""
    if figure.kind is not FigureKind.YEAR:
        return False
    if figure.comparator is not Comparator.EQ:
        return True
    return _IN_YEAR.search(text, max(0, figure.start - 16), figure.start) is not None


def attach_periods(text: str, figures: list[FigureDraft]) -> list[FigureDraft]:
    """Money, percents, counts and measures with the period of their clause (see above)."""
    periods = [
        f
        for f in figures
        if (f.kind in (FigureKind.PERIOD, FigureKind.DATE) or _dates_its_clause(text, f))
        and (f.period_start or f.period_end)
    ]
    if not periods:
        return figures

    def distance(f: FigureDraft, p: FigureDraft) -> tuple[bool, int]:
        gap = (p.end, f.start) if p.end <= f.start else (f.end, p.start)
        return _CLAUSE_BREAK.search(text, gap[0], gap[1]) is not None, gap[1] - gap[0]

    attached: list[FigureDraft] = []
    for f in figures:
        if f.kind in TAKERS:
            across, nearest = min(((distance(f, p), p) for p in periods), key=lambda c: c[0])
            if not across[0]:
                f = replace(f, period_start=nearest.period_start, period_end=nearest.period_end)
        attached.append(f)
    return attached
