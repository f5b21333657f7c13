"""Multiples written as one word: "a fourfold rise", "grew roughly tenfold", "output doubled",
"will double by 2030", "tripling", "quadrupled".

Each is a measure in "times" (value 2 for "double", 4 for "fourfold"), like "three times" or
"5-fold" (units.py). A verb of multiplying is a rise of its own, whatever the words around it
say. "double" and "triple" are verbs only after a modal or "to" ("is set to double", "could
triple exports"): "a double blow", "triple-digit" and "double taxation" are no figure, nor is
"to double down".
"""

from __future__ import annotations

import re

from app.ingest.drafts import FigureDraft
from app.ingest.figures.comparators import AMOUNT_COMPARATORS, alternation, comparator
from app.models.vocabulary import Change, FigureKind

__all__ = ["MULTIPLES", "MULTIPLE_WORD", "multiple"]

_FOLD = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "twelve": 12, "twenty": 20, "fifty": 50, "hundred": 100, "thousand": 1000,
}  # fmt: skip
_VERBS = {"doubl": 2, "tripl": 3, "quadrupl": 4}
_MODAL = r"to|will|would|could|can|may|might|should|must|likely|nearly|almost|roughly|more\s+than"
MULTIPLES = re.compile(
    rf"(?:\b(?P<cmp>{alternation(AMOUNT_COMPARATORS)})\s+)?"
    rf"\b(?:(?P<fold>{'|'.join(_FOLD)})-?fold"
    rf"|(?P<verb>doubl|tripl|quadrupl)(?:ed|es|ing)"
    r"|(?<=\s)(?P<base>double|triple|quadruple)(?!-)(?!\s+down\b)"
    r")\b",
    re.I,
)
"""A multiple; a bare "double" only after a modal (checked by `multiple`)."""
MULTIPLE_WORD = re.compile(r"fold|doubl|tripl|quadrupl", re.I)
"""Every `MULTIPLES` match holds one of these: a text with none holds no multiple."""
_MODAL_BEFORE = re.compile(rf"\b(?:{_MODAL})\s+(?:\w+ly\s+)?$", re.I)


def multiple(text: str, m: re.Match[str], end: int) -> FigureDraft | None:
    if m["fold"]:
        value, verb = _FOLD[m["fold"].lower()], False
    elif m["verb"]:
        value, verb = _VERBS[m["verb"].lower()], True
    else:
        if not _MODAL_BEFORE.search(text, max(0, m.start("base") - 30), m.start("base")):
            return None
        value, verb = _VERBS[m["base"].lower()[:-1]], True
    return FigureDraft(
        start=m.start(),
        end=m.end(),
        quote=m.group(),
        kind=FigureKind.MEASURE,
        value=float(value),
        unit="times",
        comparator=comparator(m["cmp"]),
        change=Change.RISE if verb else None,
    )
