"""Split a section body into sentences with absolute offsets.

The articles put one paragraph, sentence or bullet per line, so a line break ends a sentence
and the finer rules below run inside one paragraph; except in hard-wrapped text, where a line
that does not end like a sentence and a next line that starts in lowercase are one paragraph.
A bullet line is one sentence without its marker. Within a paragraph a sentence ends at `.`,
`!` or `?` (closing quotes and brackets included) when whitespace and an uppercase letter, a
digit or an opening quote follow, unless the period belongs to an abbreviation or an initial.

Spanish text (`language="es"`) has its own abbreviations ("Sr.", "Dra.", "núm.", "pág.",
"sept.", "ene.", "a. C."), doubled-letter plurals ("EE. UU.", "FF. AA.") that end a sentence
only before a word that usually opens one, and its own such words ("El", "La", "Según"); the
inverted marks and angle quotes that open a sentence ("¿", "¡", "«") count as opening quotes.

Lines of web-page furniture (app/ingest/furniture.py) and keyword lists hold no sentence, and
a dateline opening a paragraph ("MOSCOW (Reuters) - ") is not part of its first sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.ingest.drafts import SentenceDraft
from app.ingest.furniture import dateline_length, furniture_rule
from app.ingest.keywords import keyword_items
from app.ingest.lines import raw_lines

__all__ = ["split_sentences"]

_BULLET = re.compile(r"(?:[•◦‣▪●*+–-]|\d{1,3}[.)]|[a-z]\))(?:\s+|$)")
_END = re.compile(r"[.!?]+[\"'”’»)\]]*(?=\s)")
_OPENERS = "\"'“‘«¿¡(["
_NEXT_WORD = re.compile(r"\s*[\"'“‘«¿¡(\[]*([$€£]?\w*)")

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
# Spanish: titles, shorthands and the eras' "a. C."/"d. C." never end a sentence; numbering and
# month abbreviations do not before a number; the rest only before a sentence's usual opener.
_NEVER_END_ES = frozenset({
    "sr.", "sra.", "sres.", "srta.", "dr.", "dra.", "lic.", "ing.", "prof.", "profa.", "gral.",
    "gen.", "cnel.", "tte.", "cap.", "sto.", "sta.", "mons.", "excmo.", "excma.", "ud.", "uds.",
    "vs.", "cf.", "aprox.", "ca.", "a.", "d.", "p.", "ej.",
})
_BEFORE_NUMBER_ES = frozenset({
    "núm.", "nro.", "art.", "arts.", "pág.", "págs.", "pp.", "vol.", "cap.", "secc.", "inc.",
    "ene.", "feb.", "mar.", "abr.", "may.", "jun.", "jul.", "ago.", "sep.", "sept.", "set.",
    "oct.", "nov.", "dic.",
})
_AMBIGUOUS_ES = frozenset({"etc.", "cía.", "ltda.", "hnos.", "jr.", "s.a.", "c.a."})
_SENTENCE_OPENERS_ES = frozenset({
    "el", "la", "los", "las", "lo", "un", "una", "unos", "unas", "este", "esta", "estos",
    "estas", "ese", "esa", "esos", "esas", "eso", "esto", "en", "con", "pero", "y", "sin",
    "además", "mientras", "cuando", "si", "aunque", "hoy", "según", "para", "por", "desde",
    "tras", "su", "sus", "se", "no", "al", "también", "así", "ya", "ante", "otro", "otra",
    "muchos", "algunos", "ello", "ellos", "nosotros",
})
# fmt: on


@dataclass(frozen=True, slots=True)
class _Abbreviations:
    never_end: frozenset[str]
    before_number: frozenset[str]
    ambiguous: frozenset[str]
    openers: frozenset[str]


_ENGLISH = _Abbreviations(_NEVER_END, _BEFORE_NUMBER, _AMBIGUOUS, _SENTENCE_OPENERS)
_SPANISH = _Abbreviations(_NEVER_END_ES, _BEFORE_NUMBER_ES, _AMBIGUOUS_ES, _SENTENCE_OPENERS_ES)
_BY_LANGUAGE = {"en": _ENGLISH, "es": _SPANISH}
# Spanish plurals of abbreviations double their letter: "EE. UU.", "FF. AA.", "RR. HH.".
_DOUBLED = re.compile(r"([A-Z])\1\.")
# A line that ends like this ends its sentence, even when the next starts in lowercase.
_WRAP_END = re.compile(r"[.!?:;…][\"'”’)\]]*$")
_ACRONYM = re.compile(r"(?:[a-z]\.){2,}", re.IGNORECASE)
_INITIAL = re.compile(r"[A-Z]\.")


def _next_word(line: str, pos: int) -> str:
    """The word after `pos`, past whitespace and opening quotes or brackets."""
    match = _NEXT_WORD.match(line, pos)
    return match[1] if match else ""


def _ends_sentence(line: str, match: re.Match[str], rules: _Abbreviations) -> bool:
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
    if abbreviation in rules.never_end or (
        abbreviation in rules.before_number and word[0].isdigit()
    ):
        return False
    if (
        abbreviation in rules.ambiguous
        or abbreviation in rules.before_number
        or _ACRONYM.fullmatch(raw)
        or _INITIAL.fullmatch(raw)
        or (rules is _SPANISH and _DOUBLED.fullmatch(raw))
    ):
        return word.lower() in rules.openers
    return True


def _split_line(line: str, offset: int, rules: _Abbreviations) -> list[SentenceDraft]:
    sentences: list[SentenceDraft] = []
    start = 0
    for match in _END.finditer(line):
        if _ends_sentence(line, match, rules):
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


def split_sentences(text: str, start: int, end: int, language: str = "en") -> list[SentenceDraft]:
    """Sentences of `text[start:end]`, each stripped, with offsets into the whole `text`,
    split by `language`'s abbreviations ("en" or "es")."""
    rules = _BY_LANGUAGE[language]
    sentences: list[SentenceDraft] = []
    # The paragraph being read: its start and the end of its last line, joined across hard
    # wraps ("Venezuela is\nnegotiating help"), a line break inside a sentence.
    block: tuple[int, int] | None = None

    def flush() -> None:
        if block is not None:
            sentences.extend(_split_line(text[block[0] : block[1]], block[0], rules))

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
