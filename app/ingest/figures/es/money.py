"""Currencies as Spanish writes them: "dólares", "euros", "yuanes", "bolívares", "US$", "U$S".

The currencies are the English module's (ISO 4217 through pycountry); their Spanish names,
singular and plural ("dólar estadounidense", "pesos argentinos", "yenes japoneses"), come from
the Unicode CLDR through Babel, with the short names a reader resolves from habit added below.
Symbols are the English module's, with the prefixes Latin American copy writes ("U$S", "U$D").

Choices:
- A bare "$" or "dólares" is USD, as in English; "pesos" with no country is MXN (the most used
  peso), "pesos argentinos" ARS and so on; "bolívares" VES, "yuanes" CNY, "francos" CHF,
  "libras" GBP (never weight: a pound of weight is "libra" too, but Spanish copy weighs in kilos).
- The currencies the euro replaced are read by their names ("pesetas" ESP, "marcos
  finlandeses" FIM, "florines neerlandeses" NLG), as Spanish copy still quotes them.
- "centavos" are hundredths of a US dollar, "céntimos" of a euro, "peniques" of a pound.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from babel.numbers import get_currency_name

from app.ingest.drafts import FigureDraft
from app.ingest.figures import money
from app.ingest.figures.es.words import fold
from app.models.vocabulary import FigureKind

_HABITS = {
    "dolares": "USD", "dolar": "USD", "dolares estadounidenses": "USD",
    "dolares americanos": "USD", "dolares de estados unidos": "USD", "dolares de ee. uu.": "USD",
    "dolares de hong kong": "HKD", "euros": "EUR", "euro": "EUR", "yuanes": "CNY", "yuan": "CNY",
    "renminbi": "CNY", "rublos": "RUB", "rublo": "RUB", "bolivares": "VES", "bolivar": "VES",
    "bolivares soberanos": "VES", "bolivares digitales": "VES", "pesos": "MXN", "peso": "MXN",
    "libras": "GBP", "libra": "GBP", "libras esterlinas": "GBP", "yenes": "JPY", "yen": "JPY",
    "francos": "CHF", "franco": "CHF", "reales": "BRL", "real": "BRL", "soles": "PEN",
    "rupias": "INR", "wones": "KRW", "liras": "TRY", "rands": "ZAR",
}  # fmt: skip


def _words() -> dict[str, str]:
    words: dict[str, str] = {}
    for code in sorted(money.CURRENCIES | money.HISTORIC):
        for count in (1, 2):
            name = get_currency_name(code, count=count, locale="es")
            if name != code and "(" not in name:
                words[" ".join(fold(name).split())] = code
    return {**words, **_HABITS}


WORDS: dict[str, str] = _words()
"""Spanish currency names, accents folded and lower case, each to its code."""

SYMBOLS: dict[str, str] = {**money.SYMBOLS, "U$S": "USD", "U$D": "USD", "US $": "USD"}
"""Symbols and prefixes written before the amount."""

HUNDREDTHS = {"centavo": "USD", "centavos": "USD", "centimo": "EUR", "centimos": "EUR"}
HUNDREDTHS |= {"penique": "GBP", "peniques": "GBP"}


def code_of(word: str) -> str | None:
    """A currency word's code: "Dólares" -> "USD", "pesos argentinos" -> "ARS"."""
    return WORDS.get(" ".join(fold(word).split()))


_CENTS_LINK = re.compile(r"\s+(?:y\s+|con\s+)?")
_IN_CENTS = re.compile(r"(?:centavos?|c[eé]ntimos?|peniques?)$", re.I)
_ENDS = re.compile(r"\s*(?:[.!?;]|$)")  # "cuesta 15 dólares y 15.": nothing follows the cents
_NAMED_UNIT = re.compile(r"[^\W\d_]\.?$")  # the amount ends in its currency: "15 dólares"


def join_cents(text: str, figures: list[FigureDraft]) -> list[FigureDraft]:
    """ "15 dólares y 15 centavos", "3 euros con 99 céntimos", "25 euros con 50": one amount,
    15.15 USD, 3.99 EUR and 25.5 EUR; the cents take the currency of the amount they follow.
    A bare number joins only after "con", right after the currency ("15 dólares 50") or after
    "y" at the end of the sentence ("15 dólares y 15."), and only a number of cents (below 100)
    after an amount of units with no scale."""
    joined: list[FigureDraft] = []
    for f in figures:
        last = joined[-1] if joined else None
        link = _CENTS_LINK.fullmatch(text, last.end, f.start) if last is not None else None
        if (
            last is not None
            and link is not None
            and last.kind is FigureKind.MONEY
            and last.value is not None
            and f.value is not None
            and last.value == int(last.value) < 1000
            and _NAMED_UNIT.search(last.quote)
            and not _IN_CENTS.search(last.quote)
        ):
            cents = f.kind is FigureKind.MONEY and _IN_CENTS.search(f.quote) is not None
            bare = (
                f.kind is FigureKind.COUNT
                and f.measure is None
                and f.value == int(f.value) < 100
                and ("y" not in link.group() or _ENDS.match(text, f.end) is not None)
            )
            if cents or bare:
                hundredths = Decimal(repr(f.value)) * (1 if cents else Decimal("0.01"))
                value = float(Decimal(repr(last.value)) + hundredths)
                joined[-1] = replace(last, end=f.end, quote=text[last.start : f.end], value=value)
                continue
        joined.append(f)
    return joined
