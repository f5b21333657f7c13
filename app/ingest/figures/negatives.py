"""Numbers that are no quantity: names, identifiers, clock times, scores, web addresses and
heading numbers.

Each pattern here marks a span no figure may overlap; the engine claims these spans before any
other rule runs.

- A number right after a capitalised word names something: "Executive Order 13884",
  "Project 636", "Junín 6", "Section 427", "Boeing 737", "S&P 500", "Vision 2030". Not after a
  word that starts a sentence or a quantity ("In 2019", "About 500", "Over $5 billion"), a month
  ("March 2019"), a currency code or a currency written in letters ("Rs 500"), and not when a
  unit or a percent follows ("Gazprom 5%").
  Numbers joined to letters ("G20", "4G", "A320") and hyphenated names ("COVID-19", "F-16")
  are never read as quantities in the first place (see amounts.py).
- A clock time: "5:25 a.m.", "10:30", "9 p.m.", "11am".
- A score: two small numbers joined by a hyphen or dash beside a word of sport ("ended 2-2",
  "a 3–1 win").
- A container's size, which names a kind of box: "per 40-foot container", "a forty-foot
  equivalent unit", "20ft boxes".
- A web address: "www.site.com/2020/05/story-500", "https://x.org/?q=30%25".
- A heading's number: "1.1. A country at the crossroads", "## 1. Title". A number with no dot
  ("2017 was...") or followed by lower case ("1.5 million people") is left alone.
- An author-year citation, as briefs and papers write them: "(Ortega, 2021)", "(Lee and Park,
  2019, p. 4)", "(World Bank, 2022; Smith et al., 2020)". Not "(March, 2020)" or "(Q2, 2021)":
  the author is a run of capitalised words, the last no month nor word that opens an amount.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from app.ingest.figures.dates import MONTHS
from app.ingest.figures.money import CODES, MILLIONS, SYMBOLS

# Capitalised words that start a sentence or an amount, not a name.
_NOT_NAMES = (
    "a|an|the|of|and|or|but|nor|that|which|who|this|these|those|it|its|there|they|their|we|our|"
    "he|his|she|her|to|for|since|from|between|by|until|till|in|on|at|during|over|under|with|"
    "within|through|into|including|while|as|than|then|where|when|per|is|are|was|were|be|been|"
    "has|have|had|will|would|could|should|can|may|might|must|do|does|did|not|about|around|"
    "roughly|nearly|almost|approximately|some|only|just|another|more|most|less|fewer|least|"
    "above|below|up|down|after|before|all|each|every|both|many|few|several|last|next|top|"
    "exactly|estimated|other|no|yes|plus|minus|rose|fell|grew|fall|rise|and|nearly|"
    "monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    + "|".join(m.lower() for m in MONTHS)
    + "|"
    + "|".join(c.lower() for c in (*CODES, *MILLIONS))
    + "".join(f"|{s.lower()}" for s in SYMBOLS if s.rstrip(".").isalpha())  # "RM", "Rs"
)
_NAMED = re.compile(
    r"(?<![\w.])(?-i:(?P<name>[A-Z][\w&’'.-]*[\w&]|[A-Z]))\s+(?:No\.\s*)?"
    r"(?P<number>\d+)(?![\w%:/-]|[.,]\d|\s*(?:%|percent|per\s+cent|[-–]\s*\d))"
    r"(?!\s+(?:thousand|million|billion|trillion|bn|mn|lakhs?|crores?)\b)",
)
_CLOCK = re.compile(
    r"(?<![\w.:,])(?:[01]?\d|2[0-3])(?::[0-5]\d(?::[0-5]\d)?(?:\s*[ap]\.?\s?m\b\.?)?"
    r"|\s*[ap]\.m\.|\s*[ap]m\b)",
    re.I,
)
_SPORT = (
    r"ended|ending|ends|finished|drew|draw|drawn|won|win|wins|lost|lose|loses|beat|beats|"
    r"defeated|defeat|score|scored|scores|scoreline|trailed|trailing|led|leading|lead|victory|"
    r"tie|tied|match|game|final|half-time|halftime|goals?"
)
_SCORE = re.compile(
    rf"(?:\b(?:{_SPORT})\b[^.;\d]{{0,20}}?)(?P<score>(?<![\w.,])\d{{1,2}}\s*[-–]\s*\d{{1,2}})(?![\w%-]|[.,]\d)"
    rf"|(?P<score2>(?<![\w.,])\d{{1,2}}\s*[-–]\s*\d{{1,2}})(?![\w%-]|[.,]\d)\s+(?:{_SPORT})\b",
    re.I,
)
CONTAINER_SIZE = re.compile(
    r"\b(?:20|40|45|53|twenty|forty|forty-five|fifty-three)[-\s]?(?:foot|feet|ft)\b"
    r"(?=[-\s]+(?:(?:dry|high[-\s]cube|reefer|standard|shipping)\s+)?"
    r"(?:equivalents?|containers?|boxe?s?|units?|TEUs?|FEUs?)\b)",
    re.I,
)
_ADDRESS = re.compile(r"(?:\bhttps?://|(?<![\w.])www\.)[^\s<>\"']+", re.I)
HEADING_NUMBER = re.compile(
    r"\s*(?:#{1,6}\s+)?(?:\d{1,3}(?:\.\d{1,3})*\.\s|\d{1,3}(?:\.\d{1,3})+\s+(?=[A-Z]))"
)

_PARENTHESIS = re.compile(r"\(([^()]{6,300})\)")
_CITED = re.compile(
    r"(?:(?:see|cf\.)\s+)?(?-i:(?P<author>[A-Z][A-Za-zÀ-ÿ'’.-]*[A-Za-zÀ-ÿ.]"
    r"(?:\s+(?:de|del|van|von|of|the|la)?\s*[A-Z][A-Za-zÀ-ÿ'’.-]*[A-Za-zÀ-ÿ.]){0,4}))"
    r"(?:\s+(?:and|&|y|e)\s+[A-Z][A-Za-zÀ-ÿ'’.-]+|\s+et\s+al\.?)?"
    r",?\s+(?:19|20)\d{2}[a-z]?(?:,\s*(?:pp?\.\s*)?\d{1,4}(?:[-–]\d{1,4})?)?",
    re.I,
)


def citations(
    text: str, start: int, end: int, not_author: Callable[[str], bool] | None = None
) -> list[tuple[int, int]]:
    """The author-year citations in `text[start:end]`, whole parentheses. An author whose
    last word is a month or opens an amount (`not_author`, English words by default) is none."""
    refused = not_author or (lambda word: re.fullmatch(_NOT_NAMES, word, re.I) is not None)
    spans: list[tuple[int, int]] = []
    for m in _PARENTHESIS.finditer(text, start, end):
        parts = [_CITED.fullmatch(p.strip()) for p in m[1].split(";")]
        lasts = [p["author"].split()[-1].rstrip(".") if p else "" for p in parts]
        if all(w and not refused(w) and not re.fullmatch(r"[A-Z]{1,2}", w) for w in lasts):
            spans.append(m.span())
    return spans


def blocked_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans in `text[start:end]` that hold a number but no quantity."""
    spans: list[tuple[int, int]] = []
    for m in _NAMED.finditer(text, start, end):
        if re.fullmatch(_NOT_NAMES, m["name"].rstrip("."), re.I) is None:
            spans.append(m.span("number"))
    spans.extend(m.span() for m in _CLOCK.finditer(text, start, end))
    spans.extend(m.span() for m in _ADDRESS.finditer(text, start, end))
    spans.extend(m.span() for m in CONTAINER_SIZE.finditer(text, start, end))
    spans.extend(citations(text, start, end))
    for m in _SCORE.finditer(text, start, end):
        group = "score" if m["score"] else "score2"
        spans.append(m.span(group))
    return spans
