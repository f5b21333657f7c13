"""Spanish numbers in words: "diecisiete", "dos mil trescientos", "tres billones", "un tercio".

A spelled number is a run of number words; `parse_words` reads it the way Spanish counts:
"mil" multiplies what stands before it (up to a million), "millón" what stands before it up to
the last "billón", and "billón" everything before it: a billón is 10^12 and "mil millones"
10^9, as Spanish says it. The parse is exact (decimals, no float): "dos tercios" is 2/3 to 28
digits, "cuarenta y siete coma veintiocho" 47.28.

Choices:
- "y" joins a ten to a unit only ("cuarenta y siete"): "entre dos y tres" stays two numbers;
  a group below a thousand follows a scale word or a hundred only: "un veinticinco por ciento"
  is an article and 25.
- A plural scale word alone ("millones de personas") is no number.
- "coma" and "con" read the words after them as the digits of the decimals ("siete con
  cincuenta" is 7.5, "doscientos coma cero tres" 200.03), or add a fraction ("veinte con tres
  quintos" is 20.6).
- A fraction is a numerator and a denominator word: "un tercio", "dos tercios", "cinco
  octavos", "tres veintiunavos" (1/21), "tres dosmilésimos" (1/2000); more than one takes the
  plural ("dos millonésimo" is the number two, "dos millonésimas" two millionths). "medio" and
  "media" are halves. Ordinals ("vigésimo") are no fractions.
- "uno sobre tres", "1 sobre 21": a quotient.
- Accents are optional ("dieciséis", "dieciseis"), as people type them.

text2num (MIT) reads Spanish numbers too, but not "billones" nor fractions, and it reads
"unos cincuenta" as "1 50": the grammar here is short enough to keep.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

_UNITS = {
    "cero": 0, "un": 1, "uno": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5,
    "seis": 6, "siete": 7, "ocho": 8, "nueve": 9,
}  # fmt: skip
_TEENS = {
    "diez": 10, "once": 11, "doce": 12, "trece": 13, "catorce": 14, "quince": 15,
    "dieciseis": 16, "diecisiete": 17, "dieciocho": 18, "diecinueve": 19, "veinte": 20,
    "veintiun": 21, "veintiuno": 21, "veintiuna": 21, "veintidos": 22, "veintitres": 23,
    "veinticuatro": 24, "veinticinco": 25, "veintiseis": 26, "veintisiete": 27,
    "veintiocho": 28, "veintinueve": 29,
}  # fmt: skip
_TENS = {
    "treinta": 30, "cuarenta": 40, "cincuenta": 50, "sesenta": 60, "setenta": 70,
    "ochenta": 80, "noventa": 90,
}  # fmt: skip
_HUNDREDS = {
    "cien": 100, "ciento": 100, "doscientos": 200, "trescientos": 300, "cuatrocientos": 400,
    "quinientos": 500, "seiscientos": 600, "setecientos": 700, "ochocientos": 800,
    "novecientos": 900,
}  # fmt: skip
_HUNDREDS |= {k[:-2] + "as": v for k, v in _HUNDREDS.items() if k.endswith("os")}
_SMALL: dict[str, int] = {**_UNITS, **_TEENS, **_TENS, **_HUNDREDS}
_SCALES = {"mil": 10**3, "millon": 10**6, "millones": 10**6, "billon": 10**12, "billones": 10**12}
_SCALES |= {"millardo": 10**9, "millardos": 10**9}
# Collective numbers: "una docena", "un centenar de oficiales", "tres millares".
_DOZEN = {"docena": 12, "docenas": 12, "decena": 10, "decenas": 10, "centenar": 100}
_DOZEN |= {"centenares": 100, "millar": 1000, "millares": 1000}
COLLECTIVE = r"(?:docenas?|decenas?|centenar(?:es)?|millar(?:es)?)\b"

# Denominators that are words of their own; the rest are built: "-avo" ("veintiunavo") and
# "-ésimo" after a scale ("milésimo", "dosmillonésimo").
_DENOMINATORS = {
    "medio": 2, "tercio": 3, "cuarto": 4, "quinto": 5, "sexto": 6, "septimo": 7, "octavo": 8,
    "noveno": 9, "decimo": 10, "centesimo": 100,
}  # fmt: skip


def fold(word: str) -> str:
    """Lower case, accents off: "Millón" -> "millon"."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_ACCENTS = {"a": "á", "e": "é", "i": "í", "o": "ó", "u": "úü", "n": "ñ"}


def accented(words: str) -> str:
    """A pattern for folded words that also matches them with their accents, any whitespace
    between them: "dolares de hong kong"."""
    out = []
    for c in words:
        accent = _ACCENTS.get(c)
        out.append(f"[{c}{accent}]" if accent else r"\s+" if c == " " else re.escape(c))
    return "".join(out)


def _alternation(words: object) -> str:
    assert isinstance(words, (dict, set, frozenset, list, tuple))
    return "|".join(accented(w) for w in sorted(map(str, words), key=len, reverse=True))


_TEN = _alternation(_TENS)
_UNIT = _alternation({k: v for k, v in _UNITS.items() if v})
_BELOW_100 = (
    rf"(?:(?:{_TEN})\s+y\s+(?:{_UNIT})|{_alternation(_TEENS)}|{_TEN}|{_alternation(_UNITS)})\b"
)
# A group below a thousand: "cuatrocientos cincuenta y cinco", "veintiocho", "ciento".
_GROUP = rf"(?:(?:{_alternation(_HUNDREDS)})\b(?:\s+{_BELOW_100})?|{_BELOW_100})"
_SCALE_WORD = rf"(?:{_alternation(_SCALES)})\b"
RUN = (
    rf"(?:(?:{_GROUP}\s+)?{_SCALE_WORD})(?:\s+(?:{_GROUP}\s+)?{_SCALE_WORD})*(?:\s+{_GROUP})?"
    rf"|{_GROUP}"
)
"""A run of number words as Spanish groups them: groups below a thousand, each before its
scale word ("tres billones cuatrocientos cincuenta y cinco mil"); "un veinticinco" is none."""

_SIMPLE_FRACTION = _alternation(
    {*_DENOMINATORS, *(d + "s" for d in _DENOMINATORS), "media", "medias"}
    | {d[:-1] + "a" for d in _DENOMINATORS if d.endswith("o")}
    | {d[:-1] + "as" for d in _DENOMINATORS if d.endswith("o")}
)
_BUILT_FRACTION = r"(?!cent[aá]vos?\b)[a-záéíóú]+(?:avos?|avas?|[eé]sim[oa]s?)"
DENOMINATOR = rf"(?:{_SIMPLE_FRACTION}|{_BUILT_FRACTION})\b"
"""A fraction's denominator word; `denominator` says whether a built one is a number."""

_DECIMAL = rf"\s+(?:coma|con)\s+(?:cero\s+)*(?:{RUN})"
SPELLED = (
    rf"media\s+docena|(?:{RUN})\s+{COLLECTIVE}"
    rf"|(?:{RUN})(?:\s+(?:con\s+(?:{RUN})\s+)?(?:{DENOMINATOR})|\s+sobre\s+(?:{RUN}|\d+)"
    rf"|(?:{_DECIMAL}))?"
)
"""A number in words, with its fraction or decimals: "ciento tres con dos tercios"."""


def _small_value(word: str) -> int | None:
    """A word below a thousand, or digits ("24 mil 980 millones" mixes them)."""
    return int(word) if word.isdigit() else _SMALL.get(word)


def parse_run(text: str) -> Decimal:
    """The value of a `RUN`: "tres billones cuatrocientos mil" -> 3000000400000."""
    total, chunk, small = Decimal(0), Decimal(0), Decimal(0)
    words = [fold(w) for w in text.split() if fold(w) != "y"]
    for word in words:
        if (value := _small_value(word)) is not None:
            small += value
        elif word == "mil":
            chunk += (small or Decimal(1)) * 1000
            small = Decimal(0)
        elif word in _DOZEN:
            small = (small or Decimal(1)) * _DOZEN[word]
        elif word in _SCALES:
            scale = _SCALES[word]
            if scale == 10**12:
                total = (total + chunk + small or Decimal(1)) * scale
            else:
                total += (chunk + small or Decimal(1)) * scale
            chunk = small = Decimal(0)
        else:
            raise ValueError(word)
    return total + chunk + small


def _glued(word: str) -> Decimal | None:
    """A number written as one word, as "-avo" fractions glue it: "treintaicinco" -> 35."""
    tokens: list[str] = []
    rest = word
    vocabulary = sorted({*_SMALL, "mil", "millon", "billon"}, key=len, reverse=True)
    while rest:
        if rest.startswith(("i", "y")) and tokens and tokens[-1] in _TENS:
            rest = rest[1:]
            continue
        token = next((v for v in vocabulary if rest.startswith(v)), None)
        if token is None:
            return None
        tokens.append(token)
        rest = rest[len(token) :]
    return parse_run(" ".join(tokens)) if tokens else None


def denominator(word: str) -> tuple[Decimal, bool] | None:
    """The number a denominator word divides by, and whether it is plural; None if it is not
    one: "tercios" -> (3, True), "veintiunavo" -> (21, False), "vigésimo" -> None."""
    folded = fold(word)
    plural = folded.endswith("s")
    stem = folded.removesuffix("s")
    if stem in ("media", "medio"):
        return Decimal(2), plural
    stem = stem[:-1] + "o" if stem.endswith("a") else stem
    if stem in _DENOMINATORS:
        return Decimal(_DENOMINATORS[stem]), plural
    if stem.endswith("avo"):
        base = stem[:-3]
        value = _glued(base) or _glued(base + "a")  # "treintavo" is thirty
        return (value, plural) if value else None
    if stem.endswith("esimo"):
        base = stem[:-5]
        for scale in ("billon", "millon", "mil"):
            if base.endswith(scale):
                value = _glued(base) if base != scale else Decimal(_SCALES[scale])
                return (value, plural) if value else None
    return None


def parse_spelled(text: str) -> Decimal | None:
    """The value of a `SPELLED` match; None for words that are no fraction ("dos vigésimos")."""
    words = text.split()
    folded = [fold(w) for w in words]
    if folded[0] == "media" and folded[-1].startswith("docena"):
        return Decimal(6)
    if "sobre" in folded:
        i = folded.index("sobre")
        right = " ".join(words[i + 1 :])
        divisor = Decimal(right) if right.isdigit() else parse_run(right)
        return parse_run(" ".join(words[:i])) / divisor if divisor else None
    for link in ("coma", "con"):
        if link in folded:
            i = folded.index(link)
            whole = parse_run(" ".join(words[:i]))
            rest = words[i + 1 :]
            if (d := denominator(rest[-1])) is not None and len(rest) > 1:
                part = parse_spelled(" ".join(rest))
                # "seis millones con dos tercios": two thirds of the last scale written
                scale = next((_SCALES[w] for w in reversed(folded[:i]) if w in _SCALES), 1)
                return None if part is None else whole + part * scale
            return whole + _decimals(rest)
    if (d := denominator(words[-1])) is not None and len(words) > 1:
        numerator = parse_run(" ".join(words[:-1]))
        if d[1] == (numerator == 1) and not (numerator == 1 and folded[-1].endswith("avos")):
            return None  # "dos millonésimo": the number two
        return numerator / d[0]
    if folded[-1] not in _SMALL and folded[-1] not in _SCALES and folded[-1] not in _DOZEN:
        return None
    if folded in (["millones"], ["billones"], ["millardos"]):
        return None  # "millones de personas": many, no number
    return parse_run(text)


def _decimals(words: list[str]) -> Decimal:
    """ "veintiocho" -> 0.28, "cero tres" -> 0.03, "mil quinientos setenta y ocho" -> 0.1578."""
    folded = [fold(w) for w in words]
    if folded[0] == "cero":
        digits = "".join(str(_SMALL[w]) for w in folded if w != "y")
    else:
        digits = str(parse_run(" ".join(words)))
    return Decimal("0." + digits)
