"""How a Spanish figure bounds the real quantity, and which way it moved.

The same contract as the English module (`figures/comparators.py`), in Spanish words:
comparator words stand before the amount and are part of its quote ("más de 11.000 millones
de dólares", "cerca de un 20 por ciento", "más de la mitad"); comparator verbs ("superó el
1.000.000 por ciento") and the words of a change ("cayó un 37 por ciento", "una contracción
del 18 por ciento", "se ha reducido a la mitad", "un 20 por ciento menos") are read around the
quote and stay out of it.

Choices:
- After a verb of change, "hasta" is the level reached, not a bound: "bajó hasta el 12,3%" is
  12,3%, eq, a fall; "ofrece créditos de hasta 7.500 dólares" is lte.
- "unos", "unas", "cerca de", "alrededor de", "aproximadamente", "en torno a", "casi" are
  `approx`; "hasta" before an amount is `lte` (before a year it ends a period: dates.py).
- "antes de"/"después de" compare times only, as "before"/"after" do.
- "subió a 7%" and "subió 2 puntos" are both a rise: the direction is recorded, not whether
  the figure is the new level or the size of the move (as in English).
- "mayor que", "menor o igual a", "más alto que" are comparators too; "o más", "o menos",
  "como mínimo" after the amount bound it and join its quote ("5.000 o más"), as in English.
- "más"/"menos" right after the amount are a rise and a fall ("un 20 por ciento menos que a
  comienzos de octubre"), and so are "mayor"/"menor" and "superior"/"inferior" ("un 12%
  inferior a la de 2020"), but not "más de"/"menos de" (a comparison of what follows).
"""

from __future__ import annotations

import re

from app.ingest.figures.es.words import accented, fold
from app.models.vocabulary import Change, Comparator

_GT = """mas de|mas del|por encima de|por encima del|superior a|superior al|superiores a
arriba de|poco mas de|algo mas de|mas alla de|en exceso de|mayor que|mayor a|mayor al|mayor de
mayores que|mayores a|mayores de|mas alto que|mas alta que|mas altos que|mas altas que|>"""
_GTE = """al menos|por lo menos|como minimo|un minimo de|no menos de|no menos del
mayor o igual a|mayor o igual que|igual o mayor que|igual o mayor a|igual a o mayor que
mayores o iguales a|mayores o iguales que|>=|≥"""
_LT = """menos de|menos del|por debajo de|por debajo del|inferior a|inferior al|inferiores a
poco menos de|menor que|menor a|menor al|menor de|menores que|menores a|menores de
mas bajo que|mas baja que|mas bajos que|mas bajas que|<"""
_LTE = """hasta|como maximo|un maximo de|no mas de|no mas del|hasta un maximo de
menor o igual a|menor o igual que|igual o menor que|igual o menor a|igual a o menor que
menores o iguales a|menores o iguales que|<=|≤"""
_APPROX = """unos|unas|cerca de|cerca del|aproximadamente|alrededor de|alrededor del|en torno a
en torno al|casi|del orden de|mas o menos|aproximadamente unos|cerca de unos|alrededor de unos
unos aproximadamente"""


def _each(words: str) -> list[str]:
    return [w for w in re.split(r"[|\n]", words) if w]


COMPARATORS: dict[str, Comparator] = {
    **dict.fromkeys(_each(_GT), Comparator.GT),
    **dict.fromkeys(_each(_GTE), Comparator.GTE),
    **dict.fromkeys(_each(_LT), Comparator.LT),
    **dict.fromkeys(_each(_LTE), Comparator.LTE),
    **dict.fromkeys(_each(_APPROX), Comparator.APPROX),
    "despues de": Comparator.GT,
    "antes de": Comparator.LT,
}
TEMPORAL = {"despues de", "antes de"}


def alternation(words: object) -> str:
    """Longest first; accents optional, any whitespace between words."""
    assert isinstance(words, (dict, set, list, tuple))
    return "|".join(accented(w) for w in sorted(map(str, words), key=len, reverse=True))


AMOUNT_COMPARATORS = alternation([w for w in COMPARATORS if w not in TEMPORAL])
ALL_COMPARATORS = alternation(list(COMPARATORS))
# "cerca de un 20 por ciento", "más del 50%": the article after a comparator joins the quote.
ARTICLE = r"(?:un|una|el|la|los|las)"


# "5.000 o más", "30 o menos", "20 como mínimo": the bound written after the amount.
_BOUND_AFTER = re.compile(
    r"\s+(?:o\s+(?:(?P<gte>m[aá]s|mayor(?:es)?|superior(?:es)?)|(?P<lte>menos|menor(?:es)?"
    r"|inferior(?:es)?))|(?P<gte2>por\s+lo\s+menos|al\s+menos|como\s+m[ií]nimo)"
    r"|(?P<lte2>como\s+m[aá]ximo))\b(?!\s+(?:de|del|que|a)\b)",
    re.I,
)


def bound_after(text: str, end: int, stop: int) -> tuple[Comparator, int] | None:
    """`gte` or `lte` and where the words end, for "o más", "o menos" right after `end`."""
    m = _BOUND_AFTER.match(text, end, stop)
    if m is None:
        return None
    return (Comparator.GTE if m["gte"] or m["gte2"] else Comparator.LTE), m.end()


def comparator(word: str | None) -> Comparator:
    return COMPARATORS[" ".join(fold(word).split())] if word else Comparator.EQ


_VERB_BEFORE = re.compile(
    r"\b(?:super|rebas|sobrepas|exced)(?:[oó]|a|an|aron|ar|ando|ado|e|en|ido|i[oó]|ieron)"
    rf"\s+(?:{ARTICLE}\s+)?$",
    re.I,
)

# Verb endings: -ar and -er/-ir verbs, with their conditional and future ("reduciría").
_AR = r"(?:[oó]|a|an|aron|ar|ando|ad[oa]s?|e|en|ar[aá]n?|ar[ií]an?|aba|aban)\b"
_IR = r"(?:e|en|i[oó]|ieron|er|ir|iendo|id[oa]s?|[ei]r[aá]n?|[ei]r[ií]an?|[ií]a|[ií]an)\b"
_RISE = (
    rf"sub{_IR}|aument{_AR}|crec{_IR}|crezcan?|(?:se\s+)?elev{_AR}|(?:se\s+)?increment{_AR}"
    rf"|repunt{_AR}|(?:se\s+)?dispar{_AR}|salt{_AR}|avanz{_AR}|escal{_AR}|(?:se\s+)?duplic{_AR}"
    rf"|(?:se\s+)?triplic{_AR}|ascend{_IR}|(?:se\s+)?expand{_IR}|(?:se\s+)?multiplic{_AR}"
)
_FALL = (
    r"ca(?:y[oó]|yeron|e|en|er|[ií]do|yendo|er[aá]n?|er[ií]an?|[ií]a|[ií]an)\b"
    rf"|baj{_AR}|(?:se\s+)?reduj(?:o|eron)\b|(?:se\s+)?reduc{_IR}"
    rf"|disminu(?:y[oó]|yeron|ye|yen|ir|ido|yendo|ir[ií]an?|ir[aá]n?)\b|descend{_IR}"
    rf"|(?:se\s+)?desplom{_AR}|retroced{_IR}|(?:se\s+)?contraj(?:o|eron)\b|recort{_AR}"
    rf"|ced{_IR}|(?:se\s+)?hund{_IR}|(?:se\s+)?derrumb{_AR}|perd(?:i[oó]|ieron|ido)\b"
    rf"|(?:se\s+)?abarat{_AR}"
)
_RISE_NOUN = r"aumentos?|alzas?|subidas?|incrementos?|crecimientos?|repuntes?|saltos?"
_FALL_NOUN = (
    r"ca[ií]das?|descensos?|reducci[oó]n|reducciones|contracci[oó]n|contracciones|bajas?"
    r"|recortes?|disminuci[oó]n|disminuciones|retrocesos?|desplomes?"
)
_FILLER = r"(?:(?:un|una|el|la|en|a|de|del|al|hasta|otro|otra|casi|hasta\s+un)\s+){0,2}"
_ADVERB = r"(?:[a-záéíóú]+mente\s+)?"
_CHANGE_BEFORE = re.compile(
    rf"\b(?:(?P<rise>{_RISE})|(?P<fall>{_FALL})|(?P<rise_noun>{_RISE_NOUN})"
    rf"|(?P<fall_noun>{_FALL_NOUN}))\s+{_ADVERB}(?:[a-záéíóú]+\s+)?{_FILLER}$",
    re.I,
)
# "redujo las compras en 20.000 millones", "subió ... hasta rondar los 80.000 dólares": a verb
# of change earlier in the clause, and "en" (the size of the move) or "a"/"hasta" (the level).
# A clause ends at a comma before a conjunction, or at "y" before a new subject ("creció un
# 2,5% y la deuda se situó en el 107,7%").
_IN_CLAUSE = (
    r"(?:(?!,\s+(?:y|pero|mientras|aunque|pues|porque|ya\s+que|lo\s+que|que|donde|cuando)\b"
    r"|\by\s+(?:el|la|los|las|su|sus)\b)[^.;:!?])"
)
_LATER = re.compile(
    rf"\b(?:(?P<rise>{_RISE})|(?P<fall>{_FALL})){_IN_CLAUSE}{{0,80}}?"
    r"\b(?:en|a|al|hasta)\s+(?:[a-záéíóú]+\s+){0,2}$",
    re.I,
)
_CHANGE_AFTER = re.compile(
    # "un 3% mayor que", "0,05 por ciento menor", "un 12% inferior a": the same as "más".
    r"\s*(?:(?P<rise>m[aá]s|al\s+alza|arriba|mayor(?:es)?|superior(?:es)?)"
    r"|(?P<fall>menos|a\s+la\s+baja|abajo|menor(?:es)?|inferior(?:es)?))\b"
    r"(?!\s+(?:de|del)\b)",
    re.I,
)


# "hasta rondar los 80.000 dólares", "ronda el 5%": close to the amount.
_NEAR_VERB = re.compile(
    rf"\brond(?:a|an|aba|aban|[oó]|aron|ar|ando|ar[aá]n?|ar[ií]an?)\s+(?:{ARTICLE}\s+)?$", re.I
)


_VERB_OF_CHANGE = re.compile(rf"\b(?:{_RISE}|{_FALL}){_IN_CLAUSE}{{0,60}}?$", re.I)
_TO_LEVEL = re.compile(rf"hasta\s+(?:{ARTICLE}\s+)?", re.I)


def level_reached(text: str, start: int, quote: str) -> int:
    """How much of `quote` is "hasta (el)" when a verb of change stands before it: "bajó hasta
    el 12,3%" is the level reached (12,3%, no bound); 0 when the "hasta" is a bound."""
    to = _TO_LEVEL.match(quote)
    if to is None or _VERB_OF_CHANGE.search(text, max(0, start - 80), start) is None:
        return 0
    return to.end()


def bounding_verb(text: str, start: int) -> Comparator | None:
    """`gt` when "superó", "rebasó" or "excede" stands right before `start`; `approx` after
    "ronda", "rondar los"."""
    if _VERB_BEFORE.search(text, max(0, start - 25), start):
        return Comparator.GT
    if _NEAR_VERB.search(text, max(0, start - 25), start):
        return Comparator.APPROX
    return None


def change(text: str, start: int, end: int, stop: int) -> Change | None:
    """Which way the amount at `text[start:end]` moved, from the words around it."""
    before = _CHANGE_BEFORE.search(text, max(0, start - 50), start)
    if before:
        noun = before["rise_noun"] or before["fall_noun"]
        # A noun of change takes its amount through "de"/"del": "una caída del 5%".
        if noun is None or re.search(r"\bde(?:l)?\s+$", before.group(), re.I):
            return Change.RISE if before["rise"] or before["rise_noun"] else Change.FALL
    if later := _LATER.search(text, max(0, start - 110), start):
        return Change.RISE if later["rise"] else Change.FALL
    after = _CHANGE_AFTER.match(text, end, stop)
    if after:
        return Change.RISE if after["rise"] else Change.FALL
    return None


# "se reducirá de 35 días", "subió a 40 días": a length that moved, the verb right before it.
_DURATION_MOVED = re.compile(
    rf"\b(?:(?P<rise>{_RISE})|(?P<fall>{_FALL}))\s+(?:de|desde|a|hasta)\s+$", re.I
)


def duration_change(text: str, start: int) -> Change | None:
    """Which way a length of time moved: only when a verb of change governs it through "de",
    "desde", "a" or "hasta" ("se reducirá de 35 días"); "creció en dos años" is a time."""
    moved = _DURATION_MOVED.search(text, max(0, start - 40), start)
    if moved is None:
        return None
    return Change.RISE if moved["rise"] else Change.FALL
