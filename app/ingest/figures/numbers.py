"""Numbers as articles write them: digits, number words, scale words and fractions.

The patterns here are regex *sources* without named groups, so the other modules of this
package can embed them in their own patterns; the parse functions turn what those patterns
matched into exact decimals, so "1.3 million" is 1300000 and never 1299999.9999999998.
"""

from __future__ import annotations

import re
from decimal import Decimal

# Words fused like "seventeen"/"seven" or "sixty"/"six": longer alternatives come first, and
# every pattern ends at a word boundary, so "seven" never matches the start of "seventeen".
_UNITS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
}
_TEENS = {
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_WORD_VALUES: dict[str, int] = {**_UNITS, **_TEENS, **_TENS, "a": 1, "an": 1}


def _alternation(words: dict[str, int] | tuple[str, ...]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


_BELOW_100 = (
    rf"(?:(?:{_alternation(_TENS)})(?:[-\s](?:{_alternation(_UNITS)}))?"
    rf"|{_alternation(_TEENS)}|{_alternation(_UNITS)})\b"
)

# Scale words, and the abbreviations financial writing uses ("$11bn", "$5m", "£300k").
SCALES: dict[str, Decimal] = {
    "thousand": Decimal(10**3),
    "k": Decimal(10**3),
    "million": Decimal(10**6),
    "mn": Decimal(10**6),
    "m": Decimal(10**6),
    "billion": Decimal(10**9),
    "bn": Decimal(10**9),
    "b": Decimal(10**9),
    "trillion": Decimal(10**12),
    "tn": Decimal(10**12),
    "trn": Decimal(10**12),
    # Indian English: a lakh is a hundred thousand, a crore ten million ("Rs 35 lakh").
    "lakh crore": Decimal(10**12),
    "lakh crores": Decimal(10**12),
    "lakh": Decimal(10**5),
    "lakhs": Decimal(10**5),
    "crore": Decimal(10**7),
    "crores": Decimal(10**7),
}
SCALE_WORDS = ("thousand", "million", "billion", "trillion", "lakhs", "lakh", "crores", "crore")

DIGITS = (
    r"(?:\d{1,3}\s+)?[1-9]/(?:16|2|3|4|8)(?![\d/])"
    r"|\d{1,2},(?:\d{2},)+\d{3}(?:\.\d+)?"
    r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
)
"""1,200 / 11 / 2.5 (a thousands separator only in groups of three, so "2005, 2013" is two),
the Indian grouping, in pairs before the last three digits ("1,00,000", "12,34,567.89"), and
the fractions of measures: "1/4", "10 1/2" (halves to sixteenths only: "24/7" is none)."""

_PARTS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4}
_SCALED = r"(?=\s+(?:thousand|million|billion|trillion)\b)"

WORDS = (
    # "half a million", "a quarter million", "three quarters billion": a share of a scale.
    rf"(?:(?:(?:an?|one)\s+)?(?:half|quarter)|(?:an?|one)\s+third)(?:\s+an?)?{_SCALED}"
    rf"|(?:two|three)[\s-]+(?:thirds|quarters)(?:\s+of\s+an?)?{_SCALED}|"
    # "a hundred", "two hundred and fifty"
    rf"(?:an?|{_BELOW_100})\s+hundred(?:\s+(?:and\s+)?{_BELOW_100})?"
    # "a dozen", "two dozen"
    rf"|(?:an?|{_BELOW_100})\s+dozen\b"
    rf"|{_BELOW_100}"
    # A bare "a" is a number only where it must be: "a million", "a decade". Not "a year",
    # which in "$5 billion a year" is a rate, not a duration.
    rf"|an?(?=\s+(?:{'|'.join(SCALE_WORDS)}|decade|century)\b)"
)
"""Number words from "one" to "nine hundred and ninety-nine", "a dozen", and "a" or a share
("half", "a quarter", "three quarters") before a scale."""
NUMBER_WORDS = (*_UNITS, *_TEENS, *_TENS, "hundred", "dozen", *SCALE_WORDS, "decade", "century")
"""Every `WORDS` match holds one of these, starting a word, or is followed by a scale word: a
text with none holds no `WORDS`."""

SCALE = (
    # "$4 billion", and "$4-billion" as some newspapers hyphenate it.
    rf"(?:\s+|-)(?:lakh\s+crores?|{'|'.join(SCALE_WORDS)})\b"
    # "bn", "mn", "tn" are unambiguous, so a space may separate them from the number...
    r"|\s?(?:bn|mn|trn|tn)\b"
    # ... but a lone "m" or "k" counts only when attached: "500 m" is as likely metres.
    r"|(?:k|m|b)\b"
)

FRACTIONS: dict[str, float] = {
    "half": 50.0,
    "one half": 50.0,
    "a third": 100 / 3,
    "one third": 100 / 3,
    "two thirds": 200 / 3,
    "a quarter": 25.0,
    "one quarter": 25.0,
    "three quarters": 75.0,
}
FRACTION = "|".join(key.replace(" ", r"[\s-]+") for key in sorted(FRACTIONS, key=len, reverse=True))
"""Shares of a whole ("two thirds", "two-thirds"); figures.py reads "half of X" as 50 percent."""


def parse_number(text: str) -> Decimal:
    """The value of a `DIGITS` or `WORDS` match: "1,200" -> 1200, "twenty-five" -> 25."""
    if "/" in text:  # "10 1/2"
        *whole, fraction = text.split()
        numerator, denominator = fraction.split("/")
        return Decimal(whole[0] if whole else 0) + Decimal(numerator) / Decimal(denominator)
    if text[:1].isdigit():
        return Decimal(text.replace(",", ""))
    words = re.split(r"[\s-]+", text.lower())
    parts = [w for w in words if w in _PARTS]
    if parts:  # "half a", "a quarter", "three quarters of a" (million)
        count = next((_WORD_VALUES[w] for w in words if w in _UNITS), 1)
        return Decimal(count) / _PARTS[parts[0]]
    total = 0
    for word in words:
        if word == "hundred":
            total = (total or 1) * 100
        elif word == "dozen":
            total = (total or 1) * 12
        elif word != "and":
            total += _WORD_VALUES[word]
    return Decimal(total)


def scale_factor(text: str | None) -> Decimal:
    """10**9 for " billion", "-billion", "bn", "b"; 1 when there is no scale."""
    return SCALES[" ".join(text.lstrip("-").lower().split())] if text else Decimal(1)


def fraction_percent(text: str) -> float:
    """The share a `FRACTION` match stands for, in percent: "two-thirds" -> 66.66..."""
    return FRACTIONS[" ".join(re.split(r"[\s-]+", text.lower()))]
