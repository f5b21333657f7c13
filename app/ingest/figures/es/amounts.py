"""Spanish amounts: one pattern for everything built on a number; what follows decides its kind.

The same contract as the English module (`figures/amounts.py`): "17.000 millones de dólares" is
money (17e9 USD), "37 por ciento" a percent, "2018" a year, "10 años" a duration, "600.000
toneladas" a measure, "24 cazas" a count (the noun in `measure`), "un tercio de las
exportaciones" and "la mitad de" percents (33.3.., 50).

Choices:
- What a percent, a fraction or an amount of money is of is its `measure` (phrases.py): "el
  37% de las exportaciones" -> "exportaciones", "5.000 millones en préstamos" -> "préstamos".
- A scale word takes its currency, unit or noun through "de": "1,17 millones de barriles",
  "5.000 millones de dólares", "3 millones de personas"; so may a fraction ("1/4 de milla").
- A four-digit number from 1000 to 2199 alone is a year; "17.000" (with its dot) never is.
- A number in words counts only before a plural noun ("dos funcionarios"), with a scale word
  or a unit: "un" in "un acuerdo" or "una crisis" is no quantity.
- A fraction is a share of what follows "de" ("un tercio de las exportaciones"), or, with a
  comparator, of what the sentence said before ("de los cuales cerca de un tercio llegó").
- "se ha reducido a la mitad", "cayó a la mitad": the fraction is the size of the change, a
  percent (50) even with no "de" after it.
- The article after a comparator is part of the quote ("cerca de un 20 por ciento"), the one
  after a verb is not ("superó el 1.000.000 por ciento").
"""

from __future__ import annotations

import re
from decimal import Decimal

from app.ingest.drafts import FigureDraft
from app.ingest.figures import money as english_money
from app.ingest.figures.amounts import amount
from app.ingest.figures.dates import is_year
from app.ingest.figures.es import money, units
from app.ingest.figures.es.comparators import (
    ALL_COMPARATORS,
    AMOUNT_COMPARATORS,
    ARTICLE,
    TEMPORAL,
    change,
    comparator,
)
from app.ingest.figures.es.numbers import HALF, NUMBER, SCALE, half, parse_number, scale_factor
from app.ingest.figures.es.phrases import IN_PHRASE, OF_PHRASE, phrase
from app.ingest.figures.es.words import COLLECTIVE, accented, fold
from app.models.vocabulary import Comparator, FigureKind


def _literal(words: object) -> str:
    assert isinstance(words, dict)
    return "|".join(re.escape(w) for w in sorted(map(str, words), key=len, reverse=True))


# Words ending in "s" that are no plural noun a count counts.
_STOP = (
    "los|las|sus|unos|unas|les|nos|tras|mientras|dos|tres|seis|antes|despu[eé]s|pues|entonces"
    "|adem[aá]s|es|m[aá]s|menos|ellos|ellas|estos|estas|esos|esas|aquellos|otros|otras|todos"
    "|todas|muchos|muchas|varios|varias|ambos|ambas|cuales|nuestros|vuestros|mis|tus|hemos|has"
    "|era|eras|fue|fueron|son|est[aá]s|est[aá]n|veces|apenas|casi"
)
_PLURAL = rf"(?!(?:{_STOP})\b)[^\W\d_][\w'’-]*(?<=[^\W\d_][sS])\b"
NOUN_GROUP = rf"{_PLURAL}(?:\s+(?!(?:{_STOP})\b)[^\W\d_]+(?:os|as|es)\b)?"
_CURRENCY = "|".join(accented(w) for w in sorted(money.WORDS, key=len, reverse=True))
_CODE = _literal(dict.fromkeys(english_money.CODES))
_SYMBOL = _literal(money.SYMBOLS)
_SYMBOL_AFTER = _literal(english_money.SYMBOLS_AFTER)
_DURATIONS = {"ano": 1, "decada": 10, "siglo": 100, "mes": 1, "meses": 1, "semana": 1, "dia": 1}
_DURATIONS |= {"hora": 1, "minuto": 1}
_DURATION_UNIT = {"ano": "year", "decada": "year", "siglo": "year", "mes": "month"}
_DURATION_UNIT |= {"meses": "month", "semana": "week", "dia": "day", "hora": "hour"}
_DURATION_UNIT |= {"minuto": "minute"}
_DURATION = r"a[nñ]os?|meses|mes|semanas?|d[ií]as?|d[eé]cadas?|siglos?|horas?|minutos?"

QUANTITY = re.compile(
    r"(?<![\w.,])"
    rf"(?:(?P<cmp>{ALL_COMPARATORS})\s+(?:(?P<article>{ARTICLE})\s+)?)?"
    rf"(?:(?-i:(?P<symbol>{_SYMBOL}))\s?|(?-i:(?P<code>{_CODE}))\s?|(?P<code_dollar>[a-z]{{3}})\$\s?)?"
    r"(?P<sign>[-−](?=\d))?"
    rf"(?P<num>{NUMBER})"
    rf"(?P<scale>{SCALE})?(?P<half>{HALF})?"
    r"(?:\s?(?P<percent>%)"
    r"|\s+(?P<percent_word>puntos?\s+porcentual(?:es)?|por\s*cien(?:to)?|puntos?\s+b[aá]sicos?"
    r"|puntos?\s+base|(?-i:pbs?))\b"
    rf"|\s+(?:de\s+)?(?P<currency>{_CURRENCY})\b"
    rf"|\s?(?-i:(?P<code_after>{_CODE}))(?:\b|\$)(?P<scale_after>{SCALE})?"
    rf"|\s?(?P<symbol_after>{_SYMBOL_AFTER})"
    r"|\s+(?P<cents>centavos?|c[eé]ntimos?|peniques?)\b"
    rf"|(?:\s*|\s+de\s+)(?P<unit>{units.UNIT})"
    rf"(?:\s+de\s+(?P<unit_of>[^\W\d_]+(?:\s+natural)?)(?={units.RATE_AHEAD}))?(?:{units.RATE})?(?!\w)"
    rf"|\s+(?P<duration>{_DURATION})\b"
    rf"|\s+(?:de\s+)?(?P<noun>{NOUN_GROUP})"
    r")?"
    r"(?![\w%])(?![.,]\d)",
    re.I,
)
_FRACTION = (
    r"(?:la|una)\s+mitad|(?:un|una|dos)\s+tercios?|(?:un|una|tres)\s+cuartos?"
    r"|(?:un|una|dos|tres|cuatro)\s+quint[oa]s?"
    # "una cuarta parte", "dos terceras partes": an ordinal and "parte".
    r"|(?:la|una|dos|tres|cuatro)\s+(?:tercera|cuarta|quinta)s?\s+partes?"
)
FRACTIONS = re.compile(
    rf"(?:\b(?P<cmp>{AMOUNT_COMPARATORS})\s+)?\b(?P<fraction>{_FRACTION})\b"
    r"(?P<of>(?=\s+(?:de|del)\b))?",
    re.I,
)
# "se ha reducido a la mitad": the size of the change.
FRACTION_CHANGES = re.compile(rf"(?<=\ba\s)(?P<fraction>{_FRACTION})\b(?!\s+(?:de|del)\b)", re.I)
_SHARES = {"mitad": Decimal(50), "tercio": Decimal(100) / 3, "cuarto": Decimal(25)}
_SHARES |= {"quinto": Decimal(20)}


_ORDINALS = {"tercera": "tercio", "cuarta": "cuarto", "quinta": "quinto"}


def _share(words: str) -> Decimal:
    first, last = fold(words).split()[:2]
    last = _ORDINALS.get(last.rstrip("s"), last)
    base = _SHARES[last.rstrip("s").removesuffix("a") if last != "mitad" else "mitad"]
    if last.startswith("quint"):
        base = _SHARES["quinto"]
    count = {"dos": 2, "tres": 3, "cuatro": 4}.get(first, 1)
    return base * count


def fraction(text: str, m: re.Match[str], end: int) -> FigureDraft | None:
    if m["of"] is None and m["cmp"] is None:
        return None  # "un cuarto", "la mitad": a share only of something, or with a bound
    after = re.match(r"\s+(?:de|del)\s+(?P<what>[^\W\d_]+)", text[m.end() : end])
    if after and fold(after["what"]) in ("ano", "siglo", "mes", "decada", "camino"):
        return None  # "la mitad del año": a part of a time
    value = _share(m["fraction"])
    cmp = comparator(m["cmp"])
    measure = phrase(OF_PHRASE, text, m.end(), end)
    return amount(text, m.start(), m.end(), FigureKind.PERCENT, value, "percent", cmp, measure)


def fraction_change(text: str, m: re.Match[str], end: int) -> FigureDraft | None:
    if change(text, m.start(), m.end(), end) is None:
        return None
    value = _share(m["fraction"])
    return amount(text, m.start(), m.end(), FigureKind.PERCENT, value, "percent")


_PER_EACH = re.compile(r"\bpor\s+cada\s+$", re.I)


def quantity(text: str, m: re.Match[str], end: int) -> FigureDraft | None:
    if _names_a_model(text, m.start("num")) or _PER_EACH.search(
        text, max(0, m.start() - 12), m.start()
    ):
        return None  # "Su-30" names a jet; "por cada mil metros cúbicos" is the unit of a price
    number = parse_number(m["num"])
    if number is None:
        return None
    if m["sign"]:
        number = -number
    value = number * scale_factor(m["scale"]) * scale_factor(m["scale_after"])
    if m["half"]:
        value += half(m["num"], m["scale"])
    in_words = not (m["num"][0].isdigit() or m["num"][0] == ",")
    cmp = fold(m["cmp"] or "")
    bound = comparator(m["cmp"])
    start = m.start()
    number_end = m.end("half") if m["half"] else m.end("scale") if m["scale"] else m.end("num")
    money_marks: tuple[str, ...] = ("symbol", "code", "code_dollar", "symbol_after")
    money_marks += ("code_after", "cents", "currency")
    plain = not any(m[g] for g in (*money_marks, "scale", "percent", "percent_word"))
    plain = plain and not any(m[g] for g in ("unit", "duration", "sign", "half"))

    if plain and is_year(m["num"]) and not (m["noun"] and cmp and cmp not in TEMPORAL):
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
    if cmp in TEMPORAL:  # "después de cinco años": the comparator is not about the amount
        start = min(m.start(g) for g in ("symbol", "code", "sign", "num") if m[g] is not None)
        bound = Comparator.EQ

    def make(
        kind: FigureKind, stop: int, value: Decimal, unit: str | None, measure: str | None
    ) -> FigureDraft:
        return amount(text, start, stop, kind, value, unit, bound, measure)

    if m["cents"]:
        hundredths = money.HUNDREDTHS[fold(m["cents"])]
        return make(FigureKind.MONEY, m.end(), value / 100, hundredths, None)
    code = m["code"] or m["code_after"] or _code(m["code_dollar"])
    symbol = m["symbol"] or m["symbol_after"]
    currency = (
        money.SYMBOLS[symbol]
        if symbol
        else english_money.ALIASES.get(code, code)
        if code
        else money.code_of(m["currency"])
        if m["currency"]
        else None
    )
    if currency:
        stop = m.end("currency") if m["currency"] else number_end
        stop = m.end("symbol_after") if m["symbol_after"] else stop
        stop = m.end("code_after") if m["code_after"] else stop
        stop = m.end("scale_after") if m["scale_after"] else stop
        return make(FigureKind.MONEY, stop, value, currency, phrase(IN_PHRASE, text, stop, end))
    if m["percent"] or m["percent_word"]:
        word = (m["percent_word"] or "").lower()
        unit = "percentage point" if word.startswith(("punto", "pb")) else "percent"
        # 50 puntos básicos (or "puntos base") are 0,5 punto porcentual
        if word.startswith("pb") or word.endswith(("sico", "sicos", "base")):
            value /= 100
        return make(FigureKind.PERCENT, m.end(), value, unit, phrase(OF_PHRASE, text, m.end(), end))
    if m["unit"]:
        code_, factor = units.measure_unit(m["unit"], m["per"] or m["adj"])
        measure = m["unit_of"] or phrase(OF_PHRASE, text, m.end(), end)
        return make(FigureKind.MEASURE, m.end(), value * factor, code_, measure)
    if m["duration"]:
        word = fold(m["duration"])
        base = word if word in _DURATIONS else word.removesuffix("s")
        return make(
            FigureKind.DURATION, m.end(), value * _DURATIONS[base], _DURATION_UNIT[base], None
        )
    if in_words and not m["scale"] and not m["noun"] and not _scaled_words(m["num"]):
        return None
    if in_words and m["noun"] is None and value == 1:
        return None
    # "una crisis", "un análisis": before a noun whose plural ends like its singular, "un" is
    # the article, and a noun in the singular is never counted.
    if in_words and fold(m["num"]) in ("un", "una", "uno") and not m["scale"]:
        return None
    noun = " ".join(m["noun"].split()) if m["noun"] else None
    return make(FigureKind.COUNT, m.end(), value, None, noun)


def _scaled_words(words: str) -> bool:
    """ "tres millones", "dos mil": spelled numbers with a scale stand alone as counts."""
    scaled = rf"\b(?:mil|mill[oó]n|millones|bill[oó]n|billones|{COLLECTIVE})"
    return re.search(scaled, words, re.I) is not None


def _code(letters: str | None) -> str | None:
    """ "MXN$", "usd$": a code written before a dollar sign, when it is a currency's."""
    return letters.upper() if letters and letters.upper() in english_money.CURRENCIES else None


def _names_a_model(text: str, start: int) -> bool:
    """ "Su-30", "F-16": a number joined by a hyphen to a word is part of a name."""
    return start >= 2 and text[start - 1] == "-" and text[start - 2].isalpha()
