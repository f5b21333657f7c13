"""Organisations no gazetteer knows yet, proposed from the text for someone to review.

A candidate is a capitalised name of at least two words ("Gazprom Neft", "Bank for
International Settlements") that looks like an organisation by one of three signs:

- a word that heads organisation or company names ("Bank", "Organisation", "Council",
  "Party", "Electronics", "Shipping"...);
- an acronym in parentheses right after it, which becomes its alias: "Shanghai Cooperation
  Organisation (SCO)", so later mentions of "SCO" count too;
- a common noun for an organisation right before it: "the oil company Gazprom Neft". With
  that sign a single word will do too: "the Dutch company ASML".

Left out: names the gazetteer already has, or that are only gazetteer names joined by "and"
("Russia and China"); names after a person's title ("President Xi Jinping"); headings and
the title, which capitalise every word. A sentence's first word is capitalised whatever it
is, so it is dropped from a name when it is an ordinary word: a function word, or one the
text also writes in lower case ("Meanwhile", "Beyond").

Candidates are kind `organization` with `reviewed = False`: rules find them, a person
confirms them (or corrects the kind) in the curated file.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from app.core.folding import fold
from app.ingest.actors import Gazetteer
from app.ingest.candidates_es import (
    CALENDAR_ES,
    CONNECTOR_ES,
    FUNCTION_WORDS_ES,
    HEAD_NOUNS_ES,
    ORG_NOUNS_ES,
    TITLES_ES,
)
from app.ingest.curated import ActorEntry
from app.ingest.drafts import SentenceDraft
from app.models.vocabulary import ActorKind

__all__ = ["find_candidates"]

# fmt: off
HEAD_NOUNS = frozenset({
    "Organisation", "Organization", "Bank", "Fund", "Council", "Union", "Agency",
    "Corporation", "Company", "Group", "Ministry", "Forum", "Alliance", "Institute",
    "Commission", "Committee", "Association", "Party", "Court", "Authority", "Office",
    "Department", "Administration", "Exchange", "Reserve", "Board", "Parliament", "Assembly",
    "Congress", "Secretariat", "Community", "Bureau", "Foundation", "Consortium", "Holdings",
    "Industries", "Airlines", "Coalition", "Movement", "Army", "Navy", "Forces", "Guard",
    "University", "Centre", "Center", "Inc", "Ltd", "Corp", "Cooperation", "Partnership",
    "Survey",
    # Company names
    "Electronics", "Petrochemical", "Petrochemicals", "Petroleum", "Shipping", "Motors",
    "Steel", "Chemicals", "Mining", "Technologies", "Semiconductor", "Semiconductors",
    "Systems", "Telecom", "Airways", "Logistics", "Pharmaceuticals",
})
# Capitalised, but never an organisation's one-word name.
_CALENDAR = frozenset({
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
})
# "the oil company Gazprom Neft", "Russia's gas giant ..."
_ORG_NOUNS = (
    "company|companies|corporation|firm|firms|giant|major|producer|bank|lender|group|agency"
    "|bloc|alliance"
    "|organisation|organization|conglomerate|operator|fund|exporter|refiner|miner|carrier"
    "|manufacturer|shipbuilder|insurer|utility|consortium|subsidiary|institution|body|champion"
)
_TITLES = frozenset({
    "President", "Prime", "Minister", "Chancellor", "King", "Queen", "Prince", "Princess",
    "Sheikh", "Emir", "Mr", "Mrs", "Ms", "Dr", "Sir", "General", "Admiral", "Senator",
    "Governor", "Secretary", "Ambassador", "Chairman", "Chairwoman", "Premier", "Pope",
})
_FUNCTION_WORDS = frozenset({
    "a", "an", "the", "this", "that", "these", "those", "its", "their", "our", "his", "her",
    "it", "they", "we", "he", "she", "there", "here", "then", "thus", "hence", "and", "but",
    "or", "nor", "so", "yet", "if", "as", "at", "by", "for", "from", "in", "into", "of",
    "on", "to", "upon", "with", "without", "within", "while", "when", "where", "why", "how",
    "what", "which", "who", "although", "though", "because", "since", "after", "before",
    "during", "under", "over", "across", "through", "between", "among", "against", "beyond",
    "despite", "following", "unlike", "like", "both", "each", "every", "either", "neither",
    "all", "any", "some", "many", "most", "several", "such", "only", "even", "not", "no",
    "however", "meanwhile", "moreover", "furthermore", "nonetheless", "nevertheless",
    "instead", "indeed", "also", "still", "today", "now", "once", "overall", "finally",
    "first", "second", "third", "last", "next", "recently", "currently", "together",
})
# fmt: on

# A dotted acronym ("U.S. Army War College") or "St." ("St. Petersburg") is a word of a name.
_WORD = r"(?:St\.|(?:[A-Z]\.){2,}|[A-Z][\w&'’-]*)"
_CONNECTOR = r"(?:of(?:\s+the)?|for(?:\s+the)?|de|del|du|y|and|&)"
_NAME = re.compile(rf"{_WORD}(?:[ \t]+(?:{_CONNECTOR}[ \t]+)?{_WORD})*")
_ACRONYM_AFTER = re.compile(r"\s*\((?P<acronym>[A-Z][A-Z&-]{1,9})\)")
_ORG_NOUN_BEFORE = re.compile(rf"\b(?:{_ORG_NOUNS})\s+$")
_POSSESSIVE = re.compile(r"['’]s?$")
_POSSESSIVE_S = re.compile(r"['’]s$")
_MAX_NAME_CHARS = 120
_ADJECTIVE_ENDINGS = ("ic", "al", "ive", "ous", "ary", "ern")
_TITLE_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Sen|Gov)\.\s+$")


@dataclass(frozen=True, slots=True)
class _Words:
    """The words a language's names are read with (English; Spanish adds its own)."""

    heads: frozenset[str]
    titles: frozenset[str]
    function: frozenset[str]
    calendar: frozenset[str]
    connector: str
    name: re.Pattern[str]
    org_noun_before: re.Pattern[str]
    title_before: re.Pattern[str]


_ENGLISH = _Words(
    HEAD_NOUNS,
    _TITLES,
    _FUNCTION_WORDS,
    _CALENDAR,
    _CONNECTOR,
    _NAME,
    _ORG_NOUN_BEFORE,
    _TITLE_BEFORE,
)
_CONNECTOR_ES = rf"(?:{CONNECTOR_ES}|of(?:\s+the)?|for(?:\s+the)?|and|&)"
_SPANISH = _Words(
    HEAD_NOUNS | HEAD_NOUNS_ES,
    _TITLES | TITLES_ES,
    _FUNCTION_WORDS | FUNCTION_WORDS_ES,
    _CALENDAR | CALENDAR_ES,
    _CONNECTOR_ES,
    re.compile(rf"{_WORD}(?:[ \t]+(?:{_CONNECTOR_ES}[ \t]+)?{_WORD})*"),
    # One adjective or "de" phrase may follow the noun: "la empresa china", "el fabricante
    # de baterías".
    re.compile(rf"\b(?:{_ORG_NOUNS}|{ORG_NOUNS_ES})(?:\s+(?:de\s+)?[a-záéíóúñ]+)?\s+$"),
    re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Dra|Prof|Gen|Sen|Gov|Sr|Sra|Lic)\.\s+$"),
)
_BY_LANGUAGE = {"en": _ENGLISH, "es": _SPANISH}


def find_candidates(
    text: str,
    sentences: Iterable[SentenceDraft],
    known: Gazetteer,
    taken_ids: Iterable[str],
    language: str = "en",
) -> list[ActorEntry]:
    """Candidate organisations in the body `sentences` of `text`, in order of first mention,
    read with `language`'s words (app/ingest/candidates_es.py for "es")."""
    vocabulary = _BY_LANGUAGE[language]
    lowered = set(re.findall(r"\b[a-z][\w'’-]*", text))
    taken = set(taken_ids)
    claimed: set[str] = set()  # names and aliases of the candidates so far
    found: list[ActorEntry] = []
    for sentence in sentences:
        for start, end in _names(text, sentence.start, sentence.end, lowered, vocabulary):
            entry = _candidate(text, start, end, known, lowered, vocabulary)
            if entry is None or entry.name in claimed or entry.id in taken:
                continue
            # Two names may bring the same acronym: the first keeps it.
            entry = entry.model_copy(
                update={"aliases": tuple(a for a in entry.aliases if a not in claimed)}
            )
            taken.add(entry.id)
            claimed.update(entry.names)
            found.append(entry)
    return found


_Word = tuple[int, str]  # absolute offset, text


def _names(
    text: str, start: int, end: int, lowered: set[str], v: _Words
) -> Iterable[tuple[int, int]]:
    """Spans of capitalised names in one sentence, trimmed and split at "and"."""
    for m in v.name.finditer(text, start, end):
        words = [(m.start() + w.start(), w.group()) for w in re.finditer(r"\S+", m.group())]
        # A possessive ends a name: "Venezuela’s Workers’ Party" is two.
        groups: list[list[_Word]] = [[]]
        for word in words:
            groups[-1].append(word)
            if _POSSESSIVE_S.search(word[1]):
                groups.append([])
        begins_sentence = not text[start : m.start()].strip(" \"'“‘([")
        for i, group in enumerate(g for g in groups if g):
            titled = v.title_before.search(text, max(0, group[0][0] - 8), group[0][0]) is not None
            trimmed = _trim(group, begins_sentence and i == 0, titled, lowered, v)
            if trimmed:
                yield from _split_at_and(trimmed, v)


def _trim(
    words: list[_Word], begins_sentence: bool, titled: bool, lowered: set[str], v: _Words
) -> list[_Word]:
    first = words[0][1]
    ordinary = first.lower() in v.function or first.lower() in lowered
    # A sentence's first word before "of" is a common noun unless it heads the name:
    # "Officials of the ECB" but "Bank of England".
    before_of = (
        len(words) > 1 and words[1][1] in ("of", "for", "de", "del") and first not in v.heads
    )
    articles = ("The", "A", "An", "El", "La", "Los", "Las", "Un", "Una")
    if (begins_sentence and (ordinary or before_of)) or first in articles:
        words = words[1:]
        while words and (words[0][1] == "the" or re.fullmatch(v.connector, words[0][1])):
            words = words[1:]
    if words and (titled or words[0][1] in v.titles):
        # "Mr Smith of Acme Holdings": the person is no candidate, what follows may be.
        of = next((i for i, (_, w) in enumerate(words) if w in ("of", "for", "de", "del")), None)
        words = words[of + 1 :] if of is not None else []
    # "National Assembly President Juan Guaidó": a title before a name ends the organisation.
    titled_at = next(
        (
            i
            for i, (_, w) in enumerate(words)
            if i > 0 and w in v.titles and i + 1 < len(words) and words[i + 1][1][0].isupper()
        ),
        None,
    )
    return words[:titled_at] if titled_at is not None else words


def _split_at_and(words: Sequence[_Word], v: _Words) -> Iterable[tuple[int, int]]:
    """ "Belt and Road Initiative" is one name; "Gazprom Neft and Rosneft" is two."""
    cut = next((i for i, (_, w) in enumerate(words) if w in ("and", "&")), None)
    if cut is not None:
        left, right = words[:cut], words[cut + 1 :]
        left_heads = any(w in v.heads for _, w in left)
        right_heads = any(w in v.heads for _, w in right)
        # An adjective does not end a name: "Center for Strategic and International Studies".
        unfinished = bool(left) and left[-1][1].endswith(_ADJECTIVE_ENDINGS)
        acronym = len(left) == 1 and left[0][1].isupper()  # "PDVSA and China National ..."
        if acronym or ((left_heads or not right_heads) and not unfinished):
            yield from _split_at_and(left, v)
            yield from _split_at_and(right, v)
            return
    while words and re.fullmatch(v.connector, words[-1][1]):
        words = words[:-1]
    if words:
        start, last = words[0][0], words[-1]
        yield start, last[0] + len(_POSSESSIVE.sub("", last[1]))


def _candidate(
    text: str, start: int, end: int, known: Gazetteer, lowered: set[str], v: _Words
) -> ActorEntry | None:
    name = text[start:end]
    if len(name) > _MAX_NAME_CHARS:  # a run of capitalised words, not a name
        return None
    capitalised = [w for w in name.split() if w[0].isupper()]
    introduced = v.org_noun_before.search(text, max(0, start - 40), start) is not None
    if len(capitalised) < 2 and not (introduced and _proper(name, lowered, v)):
        return None
    # Only gazetteer names and connectors: "Moscow and Beijing" is no new actor.
    rest = list(re.findall(r"[\w&]+", _uncovered(text, start, end, known)))
    if all(re.fullmatch(v.connector, w) or w == "the" for w in rest):
        return None
    acronym = _ACRONYM_AFTER.match(text, end)
    heads = any(w in v.heads for w in capitalised)
    if not (heads or acronym or introduced):
        return None
    aliases: tuple[str, ...] = ()
    if acronym is not None and not known.find(acronym["acronym"]):
        aliases = (acronym["acronym"],)
    slug = re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-")[:80].strip("-")
    if not slug:
        return None
    return ActorEntry(
        id=slug, name=name, kind=ActorKind.ORGANIZATION, aliases=aliases, reviewed=False
    )


def _proper(word: str, lowered: set[str], v: _Words) -> bool:
    """A one-word name: not an ordinary word the text also writes in lower case."""
    return (
        len(word) > 1
        and word.lower() not in lowered
        and word.lower() not in v.function
        and word not in v.calendar
        and word not in v.titles
    )


def _uncovered(text: str, start: int, end: int, known: Gazetteer) -> str:
    """The part of text[start:end] that no gazetteer name covers."""
    pieces, pos = [], start
    for m in known.find(text, start, end):
        pieces.append(text[pos : m.start])
        pos = m.end
    pieces.append(text[pos:end])
    return "".join(pieces)
