"""Split a section body into sentences with absolute offsets.

The articles put one paragraph, sentence or bullet per line, so a line break ends a sentence
and the finer rules below run inside one paragraph; except in hard-wrapped text, where a line
that does not end like a sentence and a next line that starts in lowercase are one paragraph.
A bullet line is one sentence without its marker. Within a paragraph a sentence ends at `.`,
`!` or `?` (closing quotes and brackets included) when whitespace and an uppercase letter, a
digit or an opening quote follow, unless the period belongs to an abbreviation or an initial.

Lines of web-page furniture (app/ingest/furniture.py) and keyword lists hold no sentence, and
a dateline opening a paragraph ("MOSCOW (Reuters) - ") is not part of its first sentence.
"""

from __future__ import annotations

import re

from app.ingest.drafts import SentenceDraft
from app.ingest.furniture import dateline_length, furniture_rule
from app.ingest.keywords import keyword_items
from app.ingest.lines import raw_lines

__all__ = ["split_sentences"]

_BULLET = re.compile(r"(?:[•◦‣▪●*+–-]|\d{1,3}[.)]|[a-z]\))(?:\s+|$)")
_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s)")
_OPENERS = "\"'“‘(["
_NEXT_WORD = re.compile(r"\s*[\"'“‘(\[]*([$€£]?\w*)")

# fmt: off
# Titles and Latin shorthands precede the next word of the same sentence, even a capitalised
# one ("Dr. Smith", "e.g. China"), so they never end a sentence.
_NEVER_END = frozenset({
    "mr.", "mrs.", "ms.", "dr.", "prof.", "st.", "gen.", "sen.", "rep.", "gov.", "lt.", "col.",
    "maj.", "capt.", "cmdr.", "adm.", "sgt.", "pres.", "amb.", "rev.", "hon.", "mt.", "ft.",
    "messrs.", "e.g.", "i.e.", "cf.", "vs.", "fig.", "approx.", "ca.",
})
# Before a number these never end a sentence ("No. 2", "Sept. 13", "Art. 5"); before a word
# they are treated like the ambiguous ones below ("...since Sept. The talks...").
_BEFORE_NUMBER = frozenset({
    "no.", "nos.", "art.", "vol.", "p.", "pp.", "ch.", "sec.", "para.",
    "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.",
    "dec.",
})
# These may close a sentence too ("...made in the U.S. The next..."); they end one only
# before a word that usually opens a sentence, so "U.S. Hegemony" or "Acme Inc. Board" stay.
# Dotted acronyms ("U.S.", "U.K.") and single initials ("J.") are treated the same way.
_AMBIGUOUS = frozenset({"inc.", "ltd.", "co.", "corp.", "etc.", "jr.", "sr.", "bros.", "plc."})
_SENTENCE_OPENERS = frozenset({
    "the", "this", "that", "these", "those", "it", "its", "they", "their", "we", "our",
    "he", "she", "his", "her", "there", "in", "on", "at", "as", "for", "but", "and", "yet",
    "so", "however", "meanwhile", "moreover", "since", "while", "when", "if", "although",
    "despite", "today", "such", "many", "most", "some",
})
# fmt: on
# A line that ends like this ends its sentence, even when the next starts in lowercase.
_WRAP_END = re.compile(r"[.!?:;…][\"'”’)\]]*$")
_ACRONYM = re.compile(r"(?:[a-z]\.){2,}", re.IGNORECASE)
_INITIAL = re.compile(r"[A-Z]\.")


def _next_word(line: str, pos: int) -> str:
    """The word after `pos`, past whitespace and opening quotes or brackets."""
    match = _NEXT_WORD.match(line, pos)
    return match[1] if match else ""


def _ends_sentence(line: str, match: re.Match[str]) -> bool:
    word = _next_word(line, match.end())
    if not word or not (word[0].isupper() or word[0].isdigit() or word[0] in "$€£"):
        return False
    if match[0] != ".":
        return True  # "?", "!", "..." and a closing quote are not abbreviations
    # The word the stop ends: `line[: match.end()].split()[-1]`, without copying and splitting
    # the whole line before it for every stop (quadratic in a long paragraph).
    first = match.end()
    while first > 0 and not line[first - 1].isspace():
        first -= 1
    raw = line[first : match.end()].lstrip(_OPENERS)
    abbreviation = raw.lower()
    if abbreviation in _NEVER_END or (abbreviation in _BEFORE_NUMBER and word[0].isdigit()):
        return False
    if (
        abbreviation in _AMBIGUOUS
        or abbreviation in _BEFORE_NUMBER
        or _ACRONYM.fullmatch(raw)
        or _INITIAL.fullmatch(raw)
    ):
        return word.lower() in _SENTENCE_OPENERS
    return True


def _split_line(line: str, offset: int) -> list[SentenceDraft]:
    sentences: list[SentenceDraft] = []
    start = 0
    for match in _END.finditer(line):
        if _ends_sentence(line, match):
            piece = line[start : match.end()]
            sentences.append(SentenceDraft(offset + start, offset + match.end(), piece))
            start = len(line) - len(line[match.end() :].lstrip())
    # A split needs whitespace then a word after it, so the stripped line never ends on one.
    sentences.append(SentenceDraft(offset + start, offset + len(line), line[start:]))
    return sentences


def _continues(previous: str, line: str) -> bool:
    """Whether `line` carries on the sentence `previous` broke off (hard-wrapped text)."""
    return (
        line[0].islower()
        and _WRAP_END.search(previous) is None
        and _BULLET.match(line) is None
        and _BULLET.match(previous) is None
    )


def split_sentences(text: str, start: int, end: int) -> list[SentenceDraft]:
    """Sentences of `text[start:end]`, each stripped, with offsets into the whole `text`."""
    sentences: list[SentenceDraft] = []
    # The paragraph being read: its start and the end of its last line, joined across hard
    # wraps ("Venezuela is\nnegotiating help"), a line break inside a sentence.
    block: tuple[int, int] | None = None

    def flush() -> None:
        if block is not None:
            sentences.extend(_split_line(text[block[0] : block[1]], block[0]))

    for offset, raw in raw_lines(text, start, end):
        line_start = offset + len(raw) - len(raw.lstrip())
        line = raw.strip()
        if not line or furniture_rule(line) is not None or keyword_items(line) is not None:
            flush()
            block = None
            continue
        if block is not None and _continues(text[block[0] : block[1]], line):
            block = (block[0], line_start + len(line))
            continue
        flush()
        block = None
        if skip := dateline_length(line):
            line_start += skip
            line = line[skip:]
        bullet = _BULLET.match(line)
        if bullet is not None:
            item = line[bullet.end() :]
            if item:
                item_start = line_start + bullet.end()
                sentences.append(SentenceDraft(item_start, item_start + len(item), item))
            continue
        block = (line_start, line_start + len(line))
    flush()
    return sentences
