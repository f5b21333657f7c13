"""Currencies: every ISO 4217 code, with the symbols, prefixes and words articles write for it.

The list of currencies is ISO 4217 as pycountry ships it (Debian's iso-codes); their English
names, singular and plural ("US dollar", "Hong Kong dollars"), and their English symbols ("$",
"€", "HK$", "A$", "R$", "₹") come from the Unicode CLDR through Babel. The tables are built once,
when this module is imported, in a few milliseconds; nothing here is needed to serve the API.

Choices the tables make (documented here because the API contract leaves them open):
- A bare "$" or "dollars" is USD, "¥" is JPY (as CLDR's English says), "pounds" GBP and never
  weight, "yuan", "renminbi" and "RMB" CNY, "won" after a number KRW, "francs" CHF; a
  currency one country alone uses is read by its bare name too ("rupiah" IDR, "baht" THB).
- Newspaper prefixes CLDR's English lacks are added: "US$", "$US", "$us" (Bolivia's and
  Paraguay's press), "U.S.$", "C$" (CAD), "S$" (SGD), "RM" (MYR), "Rs" (INR, as "rupees"
  are), and the symbols "₽", "₺", "₴", "₦", "₡", "₾", "₭", "₮", "₲", "₸", "₼", "₵".
- The currencies the euro replaced are read by their names ("6 billion pesetas" ESP, "Dutch
  guilders" NLG, "Finnish markka" FIM, "Deutsche marks" DEM, "lire" ITL), not by their codes.
- Codes that are also English words written in capitals ("ALL", "TOP", "CUP", "MOP", "BOB",
  "PEN", "GEL", "MAD", "SOS") are not read as codes ("TOP 10"); their names and symbols still are.
  Test codes and precious metals ("XXX", "XTS", "XAU"...) are not currencies here.
- A symbol is read with or without a space before the number ("$ 75 million"), and case matters
  for symbols made of letters ("RM", "HK$"), so "rm" or "a $5" read as nothing or as dollars.
  Symbols that are no letters also follow the number ("10 €").
- A code written before a dollar sign is that currency's ("USD$ 15", "cad$ 15", "Mex$ 10").
- A code glued to the number or followed by a scale word is read ("115USD", "75 USD million");
  trade-press million codes are millions of that currency ("30 MUSD", "MEUR 120"); "lakh"
  and "crore" (Indian English) are 10^5 and 10^7 (numbers.py).
- Bitcoin ("6.25 BTC", "10,000 bitcoins", "₿21,000,000") is money in "XBT", the code the
  market writes for it as ISO 4217 names units of no country ("X" first); ISO 4217 itself has
  none. Its smaller units and other crypto-assets are not read.
- "cents" after a number are hundredths of a US dollar, "pence" and "penny" of a pound: "50
  cents" is 0.5 USD, and "3 dollars 50 cents" one amount of 3.5 USD.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

import pycountry
from babel import Locale
from babel.numbers import get_currency_name

from app.ingest.drafts import FigureDraft
from app.models.vocabulary import FigureKind

_NOT_CODES = {"ALL", "TOP", "CUP", "MOP", "BOB", "PEN", "GEL", "MAD", "SOS"}
_NOT_CURRENCIES = {"XXX", "XTS", "XAU", "XAG", "XPT", "XPD", "XBA", "XBB", "XBC", "XBD", "XSU"}
_NOT_CURRENCIES |= {"XUA"}

CURRENCIES: frozenset[str] = frozenset(
    c.alpha_3 for c in pycountry.currencies if c.alpha_3 not in _NOT_CURRENCIES
)
"""Every ISO 4217 code this service reports money in."""

BITCOIN = "XBT"
"""Bitcoin's code: no ISO 4217 code, but the one the market writes, as ISO names units of no
country."""

ALIASES = {"RMB": "CNY", "BTC": BITCOIN}
"""Codes written for another: "RMB" is CNY, "BTC" bitcoin."""

CODES: frozenset[str] = (CURRENCIES - _NOT_CODES) | set(ALIASES) | {BITCOIN}
"""Codes read next to a number: "USD 5 million", "5 million EUR" ("RMB" is CNY)."""

HISTORIC = {"ESP", "FRF", "DEM", "ITL", "PTE", "NLG", "FIM", "BEF", "ATS", "GRD", "IEP"}
"""The currencies the euro replaced, which copy still quotes ("6 billion pesetas"): their ISO
4217 codes are withdrawn, not reused; they are read by name only, never by code."""

_TRADED = ("USD", "EUR", "GBP", "JPY", "CHF", "AUD", "CAD", "NZD", "SEK", "NOK", "DKK")
MILLIONS: dict[str, str] = {f"M{code}": code for code in _TRADED}
"""Trade-press codes of a million units ("30 MUSD", "MEUR 120"), each to its currency's code."""

_EXTRA_SYMBOLS = {
    "US$": "USD",
    "$US": "USD",
    "$us": "USD",
    "U.S.$": "USD",
    "C$": "CAD",
    "S$": "SGD",
    "RM": "MYR",
    "₽": "RUB",
    "₺": "TRY",
    "₴": "UAH",
    "₦": "NGN",
    "Mex$": "MXN",
    "Rs": "INR",
    "Rs.": "INR",
    "₿": BITCOIN,
    # Signs of their own that CLDR's English writes as the code.
    "₡": "CRC",
    "₾": "GEL",
    "₭": "LAK",
    "₮": "MNT",
    "₲": "PYG",
    "₸": "KZT",
    "₼": "AZN",
    "₵": "GHS",
}


def _symbols() -> dict[str, str]:
    english = Locale("en").currency_symbols
    found = {
        symbol: code
        for code in sorted(CURRENCIES)
        if (symbol := english.get(code)) and symbol not in (code, "¤")
    }
    return {**found, **_EXTRA_SYMBOLS}


SYMBOLS: dict[str, str] = _symbols()
"""Symbols and prefixes written before the amount, each to its code."""

SYMBOLS_AFTER: dict[str, str] = {s: c for s, c in SYMBOLS.items() if not s[0].isalpha()}
"""Symbols that also follow the amount ("10 €", "100₹"); never letters ("5 RM" is no money)."""

LOWER: dict[str, str] = {
    code.lower(): code
    for code in ("USD", "EUR", "GBP", "JPY", "CNY", "RMB", "CHF", "AUD", "HKD", "SGD", "INR")
}
"""The codes of the most traded currencies also read in lower case ("10 usd", "rmb 10")."""

# Short names a reader resolves from habit, not from the name itself (see the docstring).
_HABITS = {
    "dollars": "USD",
    "dollar": "USD",
    "us dollars": "USD",
    "u.s. dollars": "USD",
    "euros": "EUR",
    "euro": "EUR",
    "pounds sterling": "GBP",
    "pounds": "GBP",
    "sterling": "GBP",
    "yen": "JPY",
    "yuan": "CNY",
    "renminbi": "CNY",
    "roubles": "RUB",
    "rubles": "RUB",
    "won": "KRW",
    "rupees": "INR",
    "rupee": "INR",
    "riyals": "SAR",
    "riyal": "SAR",
    "dirhams": "AED",
    "dirham": "AED",
    "rouble": "RUB",
    "ruble": "RUB",
    "franc": "CHF",
    "naira": "NGN",
    "lira": "TRY",
    "bolivars": "VES",
    "bolívars": "VES",
    "reais": "BRL",
    "rand": "ZAR",
    "ringgit": "MYR",
    # Currencies English names without their country's adjective, one country each.
    "rupiah": "IDR",
    "rupiahs": "IDR",
    "baht": "THB",
    "zloty": "PLN",
    "zlotys": "PLN",
    "forint": "HUF",
    "forints": "HUF",
    "shekels": "ILS",
    "shekel": "ILS",
    "hryvnias": "UAH",
    "hryvnia": "UAH",
    "tenge": "KZT",
    "kwanzas": "AOA",
    "kwanza": "AOA",
    "cedis": "GHS",
    "bitcoins": BITCOIN,
    "bitcoin": BITCOIN,
    "francs": "CHF",
    # The currencies the euro replaced, by the names copy gave them.
    "pesetas": "ESP",
    "peseta": "ESP",
    "guilders": "NLG",
    "guilder": "NLG",
    "markka": "FIM",
    "markkaa": "FIM",
    "deutsche marks": "DEM",
    "deutschmarks": "DEM",
    "d-marks": "DEM",
    "lire": "ITL",
    "escudos": "PTE",
    "drachmas": "GRD",
    "schillings": "ATS",
    # The Nordic and Czech crowns, as English news names them (babel says "kroner", "koruny").
    "norwegian crowns": "NOK",
    "norwegian crown": "NOK",
    "swedish crowns": "SEK",
    "swedish crown": "SEK",
    "danish crowns": "DKK",
    "danish crown": "DKK",
    "czech crowns": "CZK",
    "czech crown": "CZK",
    "icelandic crowns": "ISK",
}


def _words() -> dict[str, str]:
    words: dict[str, str] = {}
    for code in sorted(CURRENCIES | HISTORIC):
        for count in (1, 2):
            name = get_currency_name(code, count=count, locale="en")
            if name != code:
                words[" ".join(name.lower().split())] = code
    return {**words, **_HABITS}


WORDS: dict[str, str] = _words()
"""Names written after the amount ("Hong Kong dollars", "euros"), lower case, each to its code."""


def currency_code(symbol: str | None, code: str | None, word: str | None) -> str | None:
    """The ISO 4217 code a matched symbol, code or currency word stands for."""
    if symbol:
        return SYMBOLS[symbol]
    if code:
        return MILLIONS.get(code) or ALIASES.get(code.upper(), code.upper())
    return code_of(word) if word else None


def dollar_code(letters: str | None) -> str | None:
    """ "usd$", "MXN$": the code written before a dollar sign, when it is a currency's."""
    return letters.upper() if letters and letters.upper() in CURRENCIES else None


def code_of(word: str) -> str | None:
    """A currency word's code, whatever its case: "Euros" -> "EUR"; a code stays itself."""
    if word.upper() in CODES and (word.isupper() or word.lower() in LOWER):
        return ALIASES.get(word.upper(), word.upper())
    return WORDS.get(" ".join(word.lower().split()))


_CENTS_LINK = re.compile(r"\s+(?:and\s+)?")
_IN_CENTS = re.compile(r"(?:cents?|pence|penny)$", re.I)


def join_cents(text: str, figures: list[FigureDraft]) -> list[FigureDraft]:
    """ "3 dollars 50 cents", "13 dollars and 45 cents": one amount, 3.5 and 13.45 USD."""
    joined: list[FigureDraft] = []
    for f in figures:
        last = joined[-1] if joined else None
        if (
            last is not None
            and last.kind is FigureKind.MONEY
            and f.kind is FigureKind.MONEY
            and last.unit == f.unit
            and last.value is not None
            and f.value is not None
            and _IN_CENTS.search(f.quote)
            and not _IN_CENTS.search(last.quote)
            and _CENTS_LINK.fullmatch(text, last.end, f.start)
        ):
            value = float(Decimal(repr(last.value)) + Decimal(repr(f.value)))
            joined[-1] = replace(last, end=f.end, quote=text[last.start : f.end], value=value)
        else:
            joined.append(f)
    return joined
