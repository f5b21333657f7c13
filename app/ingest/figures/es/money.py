"""Currencies as Spanish writes them: "dólares", "euros", "yuanes", "bolívares", "US$", "U$S".

The currencies are the English module's (ISO 4217 through pycountry); their Spanish names,
singular and plural ("dólar estadounidense", "pesos argentinos", "yenes japoneses"), come from
the Unicode CLDR through Babel, with the short names a reader resolves from habit added below.
Symbols are the English module's, with the prefixes Latin American copy writes ("U$S", "U$D").

Choices:
- A bare "$" or "dólares" is USD, as in English; "pesos" with no country is MXN (the most used
  peso), "pesos argentinos" ARS and so on; "bolívares" VES, "yuanes" CNY, "francos" CHF,
  "libras" GBP (never weight: a pound of weight is "libra" too, but Spanish copy weighs in kilos).
- "centavos" are hundredths of a US dollar, "céntimos" of a euro, "peniques" of a pound.
"""

from __future__ import annotations

from babel.numbers import get_currency_name

from app.ingest.figures import money
from app.ingest.figures.es.words import fold

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
    for code in sorted(money.CURRENCIES):
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
