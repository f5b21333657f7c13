"""Spanish numbers in digits, with their scale words: "17.000", "1,17", "1 234 567", "2 mil
millones", "US$ 10.000 millones".

Spanish writes the thousands with a dot (or a space) and the decimals with a comma: "17.000" is
seventeen thousand, "1,17" one and seventeen hundredths, "1.234.567,51274" what it says. A dot
followed by other than three digits ("2.5") is read as a decimal point, as Mexican copy writes
it. Values are exact decimals: "1,17 millones" is 1170000, never 1169999.9999999998.

Scales: "mil" (10^3), "millón"/"millones" (10^6), "mil millones" and "millardos" (10^9),
"billón"/"billones" (10^12, the Spanish billion is a million millions), and "k" attached.
"""

from __future__ import annotations

import re
from decimal import Decimal

from app.ingest.figures.es.words import SPELLED, fold, parse_spelled

_EXPONENT = r"(?:e[+-]?\d+|\^[+-]{0,2}\d+)"
DIGITS = (
    r"(?:\d{1,3}\s+)?[1-9]/(?:16|2|3|4|5|8)(?![\d/])"
    r"|\d{1,3}(?:\.\d{3})+(?:,\d+)?"
    r"|\d{1,3}(?:[\u00a0\u202f ]\d{3})+(?!\d)(?:,\d+)?"
    rf"|\d+(?:,\d+|\.(?!\d{{3}}(?!\d))\d+)?{_EXPONENT}?"
    r"|(?<![\w,.]),\d+"
)
"""17.000 / 1.234.567,5 / 1 234 567 / 1,17 / 2.5 / 1e10 / ,08 / 3/4 / 2 1/4."""

NUMBER = rf"{DIGITS}|\b(?:{SPELLED})(?!\w)"
"""A number in digits or in words (a regex source with no groups)."""

SCALES: dict[str, Decimal] = {
    "mil": Decimal(10**3),
    "mil millones": Decimal(10**9),
    "millardo": Decimal(10**9),
    "millardos": Decimal(10**9),
    "millon": Decimal(10**6),
    "millones": Decimal(10**6),
    "billon": Decimal(10**12),
    "billones": Decimal(10**12),
    "k": Decimal(10**3),
}
SCALE = (
    r"\s+(?:mil\s+millones|mill[oó]n|millones|millardos?|bill[oó]n|billones|mil)\b"
    r"|\s?(?-i:k|K)\b"
)
"""A scale word after digits: " millones", " mil millones", "k"."""

NUMBER_WORDS = (
    "un", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez", "once",
    "doce", "trece", "catorce", "quince", "dieci", "veint", "treinta", "cuarenta", "cincuenta",
    "sesenta", "setenta", "ochenta", "noventa", "cien", "doscient", "trescient", "cuatrocient",
    "quinient", "seiscient", "setecient", "ochocient", "novecient", "mil", "mill", "bill",
    "media", "cero",
)  # fmt: skip
"""Every spelled number starts a word with one of these (accents folded): the engine's gate."""


def parse_number(text: str) -> Decimal | None:
    """The value of a `NUMBER` match: "17.000" -> 17000, "1,17" -> 1.17, "tres" -> 3."""
    if not (text[:1].isdigit() or text[:1] == ","):
        return parse_spelled(text)
    if "/" in text:  # "2 1/4"
        *whole, fraction = text.split()
        numerator, denominator = fraction.split("/")
        return Decimal(whole[0] if whole else 0) + Decimal(numerator) / Decimal(denominator)
    if m := re.fullmatch(r"(.+?)(?:e([+-]?\d+)|\^([+-]{0,2})(\d+))", text):
        base = parse_number(m[1])
        if base is None:
            return None
        if m[2] is not None:
            return base * Decimal(10) ** int(m[2])
        power = -int(m[4]) if m[3].count("-") % 2 else int(m[4])
        return base**power
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", text):
        return Decimal(text.replace(".", "").replace(",", "."))
    plain = re.sub(r"[\u00a0\u202f ]", "", text)
    return Decimal(plain.replace(",", "."))


def scale_factor(text: str | None) -> Decimal:
    """10**9 for " mil millones", 10**6 for " millones"; 1 when there is none."""
    return SCALES[" ".join(fold(text).split())] if text else Decimal(1)
