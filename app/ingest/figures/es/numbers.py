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
import unicodedata
from contextvars import ContextVar
from decimal import Decimal

from app.ingest.figures.es.words import RUN, SPELLED, fold, parse_run, parse_spelled

_EXPONENT = r"(?:e[+-]?\d+|\^[+-]{0,2}\d+)"
VULGAR = "½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞"
# Mexican copy mixes digits and scale words: "24 mil 980 millones" is 24980 millions, "un
# millón 33 mil barriles" 1033000 barrels, "2 millones 400 mil" 2400000.
_MIXED = (
    r"\d{1,3}\s+mil\s+\d{1,3}(?![\d.,])(?=\s+mill)"
    r"|(?:un\s+|\d{1,3}\s+)?mill(?:[oó]n|ones)\s+\d{1,3}\s+mil\b(?:\s+\d{1,3}(?![\d.,]))?"
)
DIGITS = (
    rf"{_MIXED}"
    rf"|(?:\d{{1,3}}\s?)?[{VULGAR}]"
    r"|(?:\d{1,3}\s+)?[1-9]/(?:16|2|3|4|5|8)(?![\d/])"
    r"|\d{1,3}(?:\.\d{3})+(?:,\d+)?"
    r"|\d{1,3}(?:,\d{3})+\.\d+|\d{1,3}(?:,\d{3}){2,}(?![\d,])"
    r"|\d{1,3}(?:[\u00a0\u202f ]\d{3})+(?!\d)(?:,\d+)?"
    rf"|\d+(?:,\d+|\.(?!\d{{3}}(?!\d))\d+)?{_EXPONENT}?"
    r"|(?<![\w,.]),\d+"
)
"""17.000 / 1.234.567,5 / 1 234 567 / 1,17 / 2.5 / 1e10 / ,08 / 3/4 / 2 1/4 / 2½ / ½, and
Mexican copy's 1,224,000 / 1,111.5 / 24 mil 980 (millones)."""

COMMA_THOUSANDS: ContextVar[bool] = ContextVar("comma_thousands", default=False)
"""Set for a span written the Mexican way (engine.py): "832,000" is then 832000, not 832."""
_MEXICAN = re.compile(
    r"\d{1,3}(?:,\d{3}){2,}(?![\d,])|\d{1,3}(?:,\d{3})+\.\d|(?<![\d.,])\d{1,3}\.\d{1,2}%"
)


def comma_thousands(text: str, start: int, end: int) -> bool:
    """True when the span writes its numbers the Mexican way: a comma between groups of three
    ("1,224,000") or a decimal point before a percent ("32.06%")."""
    return _MEXICAN.search(text, start, end) is not None


NUMBER = rf"\d+\s+sobre\s+(?:\d+|{RUN})\b|{DIGITS}|\b(?:{SPELLED})(?!\w)"
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
    "docena": Decimal(12),
    "docenas": Decimal(12),
    "dz": Decimal(12),
}
SCALE = (
    r"\s+(?:mil\s+millones|mill[oó]n|millones|millardos?|bill[oó]n|billones|mil)\b"
    r"|\s?(?-i:k|K)\b|\s+docenas?\b|\s+dz\b"
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
    if not (text[:1].isdigit() or text[:1] in ("," + VULGAR)):
        return parse_spelled(text)
    if text[-1] in VULGAR:  # "2½"
        units = text[:-1].strip()
        return Decimal(units or 0) + Decimal(str(unicodedata.numeric(text[-1])))
    if " sobre " in text:  # "1 sobre 3", "1 sobre ciento veintiuno"
        left, right = text.split(" sobre ", 1)
        divisor = parse_number(right.strip())
        return Decimal(left) / divisor if divisor else None
    if "/" in text:  # "2 1/4"
        *whole, fraction = text.split()
        numerator, denominator = fraction.split("/", 1)
        return Decimal(whole[0] if whole else 0) + Decimal(numerator) / Decimal(denominator)
    if m := re.fullmatch(r"(.+?)(?:e([+-]?\d+)|\^([+-]{0,2})(\d+))", text):
        base = parse_number(m[1])
        if base is None:
            return None
        if m[2] is not None:
            return base * Decimal(10) ** int(m[2])
        power = -int(m[4]) if m[3].count("-") % 2 else int(m[4])
        return base**power
    if re.search(r"\bmil\b", text):  # "24 mil 980"
        return parse_run(text)
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", text):
        return Decimal(text.replace(".", "").replace(",", "."))
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", text) and (
        COMMA_THOUSANDS.get() or "." in text or text.count(",") > 1
    ):
        return Decimal(text.replace(",", ""))
    plain = re.sub(r"[\u00a0\u202f ]", "", text)
    return Decimal(plain.replace(",", "."))


def scale_factor(text: str | None) -> Decimal:
    """10**9 for " mil millones", 10**6 for " millones"; 1 when there is none."""
    return SCALES[" ".join(fold(text).split())] if text else Decimal(1)


HALF = r"\s+y\s+medio\b"
""" "dos millones y medio", "cinco y medio": half of the last scale more."""

_READER = re.compile(
    rf"(?<![\w.,])(?P<sign>[-−]\s?)?(?P<num>{NUMBER}|mitad)(?P<scale>{SCALE})?(?P<half>{HALF})?"
    r"(?!\w)(?!,\d)",
    re.I,
)


def half(number: str, scale: str | None) -> Decimal:
    """What "y medio" adds after `number` and its `scale`: half of the last scale written."""
    if scale:
        return scale_factor(scale) / 2
    words = [fold(w) for w in number.split()]
    last = next((SCALES[w] for w in reversed(words) if w in SCALES and w != "mil"), None)
    return (last or (Decimal(1000) if "mil" in words else Decimal(1))) / 2


def find_numbers(text: str) -> list[tuple[int, int, Decimal]]:
    """Every number `text` writes, quantity or not ("un paso", "tres", "mitad"), with its
    offsets: what the figure rules then choose from. A fraction word that is no fraction ("dos
    millonésimo") leaves the number before it."""
    found: list[tuple[int, int, Decimal]] = []
    for m in _READER.finditer(text):
        value = Decimal("0.5") if fold(m["num"]) == "mitad" else parse_number(m["num"])
        end = m.end()
        if value is None:  # "dos millonésimo": the number two
            before = " ".join(m["num"].split()[:-1])
            value, end = parse_number(before) if before else None, m.start("num") + len(before)
            if value is None:
                continue
        else:
            value *= scale_factor(m["scale"])
            if m["half"]:
                value += half(m["num"], m["scale"])
        found.append((m.start(), end, -value if m["sign"] else value))
    return found
