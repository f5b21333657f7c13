"""Organisations no gazetteer knows yet, proposed from the text for someone to review.

A candidate is a capitalised name of at least two words ("Gazprom Neft", "Bank for
International Settlements") that looks like an organisation by one of these signs:

- a word that heads organisation or company names ("Bank", "Organisation", "Council",
  "Party", "Electronics", "Shipping", "Co."..., "Statistics" for "Statistics Norway", and the
  words of names kept in their own language: "Banco", "Grupo", "Société"...);
- an acronym or a short name in parentheses right after it, which becomes its alias:
  "Shanghai Cooperation Organisation (SCO)", so later mentions of "SCO" count too; "Southern
  Common Market (Mercosur)"; and a name after "known as" ("..., known as the Big Fund");
- a common noun for an organisation right before it, a comma allowed: "the oil company
  Gazprom Neft", "another state company, Roszarubezhneft". With that sign a single word will
  do too: "the Dutch company ASML"; so will one in an apposition ("Maersk, the Danish
  carrier"), before an office and a person ("Gazprom chief executive Alexei Miller") or
  before "of" and a country ("Eramet of France").

An acronym that spells the whole name keeps its "and" inside the name ("Armed Conflict
Location and Event Data Project (ACLED)"); a person's name before "of" and an organisation's
is cut off ("Kevin Gallagher of Boston University"). Left out: names the gazetteer already
has, or that are only gazetteer names joined by "and" ("Russia and China"), or a list item's
verb before one ("1. Fund BIS enforcement"); names after a person's title ("President Xi
Jinping"); headings and the title, which capitalise every word. A sentence's first word is
capitalised whatever it is, so it is dropped from a name when it is an ordinary word: a
function word, or one the text also writes in lower case ("Meanwhile", "Beyond").

Candidates are kind `organization` (a `policy` or an `initiative` when the name ends like a
law or a plan) with `reviewed = False`: rules find them, a person confirms them (or corrects
the kind) in the curated file.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
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
from app.ingest.name_joins import (
    ACRONYM_AFTER,
    POSSESSIVE,
    Word,
    at_on,
    spelled_out,
    split_at_and,
)
from app.models.vocabulary import ActorKind

__all__ = ["HEAD_NOUNS", "POLICIES", "find_candidates"]

# fmt: off
HEAD_NOUNS = frozenset({
    "Organisation", "Organization", "Bank", "Fund", "Council", "Union", "Agency",
    "Corporation", "Company", "Group", "Ministry", "Forum", "Alliance", "Institute",
    "Commission", "Committee", "Association", "Party", "Court", "Authority", "Office",
    "Department", "Administration", "Exchange", "Reserve", "Board", "Parliament", "Assembly",
    "Congress", "Secretariat", "Community", "Bureau", "Foundation", "Consortium", "Holdings",
    "Industries", "Airlines", "Coalition", "Movement", "Army", "Navy", "Forces", "Guard",
    "University", "Centre", "Center", "Inc", "Ltd", "Corp", "Cooperation", "Partnership",
    "Survey", "College", "Co.", "Inc.", "Ltd.", "Corp.",
    # Company names
    "Electronics", "Petrochemical", "Petrochemicals", "Petroleum", "Shipping", "Motors",
    "Steel", "Chemicals", "Mining", "Technologies", "Semiconductor", "Semiconductors",
    "Systems", "Telecom", "Airways", "Logistics", "Pharmaceuticals", "Ratings", "Insurance",
    # National statistics offices ("Statistics Norway").
    "Statistics",
    # Names English news keeps in their own language ("Banco Central do Brasil").
    "Banco", "Banque", "Banca", "Corporación", "Compañía", "Companhia", "Empresa",
    "Ministerio", "Instituto", "Petróleos", "Grupo", "Fondo", "Société", "Sociedad",
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
    "|consultancy|consultants|think[ -]tank|developer|regulator|watchdog|broker|airline"
    "|automaker|carmaker|chipmaker|provider|broadcaster|newspaper|agency"
)
# "Gazprom chief executive Alexei Miller": a one-word name before an office and a person.
_OFFICE_AFTER = re.compile(
    r"\s+(?:chief\s+executive|chief|chairman|chairwoman|CEO|spokesman|spokeswoman"
    r"|spokesperson|boss)\s+[A-Z]"
)
# "Maersk, the Danish carrier, ...", "Novatek, Russia's largest gas producer": an apposition.
_ORG_NOUN_AFTER = re.compile(
    rf",\s+(?:the|a|an|[A-Z][\w-]*['’]s)\s+(?:(?!of\b)[\w.'’-]+\s+){{0,4}}?(?:{_ORG_NOUNS})\b"
    r"(?!\s+of\b)"
)
# "Eramet of France": a one-word name that belongs to a country.
_OF = re.compile(r"\s+of\s+")
_NAME_AFTER = re.compile(r"\s+[A-Z]")
# A list item's number or bullet: what follows begins its sentence ("1. Fund BIS ...").
_LIST_MARK = re.compile(r"\s*(?:\d{1,2}[.)]|[-*•])\s+")
# "..., known as the Big Fund": another name of the same organisation.
_KNOWN_AS = re.compile(
    r",?\s+(?:also\s+|commonly\s+|widely\s+)?known\s+as\s+(?:the\s+)?"
    r"(?P<alias>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})"
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
# Laws and plans are actors of their own kind (a policy, an initiative), never organisations:
# "EU-Viet Nam Free Trade Agreement (EVFTA)", "European Chips Act".
POLICIES = {
    **dict.fromkeys(
        ("Act", "Law", "Bill", "Treaty", "Accord", "Agreement", "Doctrine", "Protocol"),
        ActorKind.POLICY,
    ),
    **dict.fromkeys(
        ("Plan", "Strategy", "Programme", "Program", "Initiative", "Framework"),
        ActorKind.INITIATIVE,
    ),
}

# A dotted acronym ("U.S. Army War College") or "St." ("St. Petersburg") is a word of a name.
# A company's abbreviated form keeps its point: "Taiwan Semiconductor Manufacturing Co.".
_WORD = r"(?:St\.|(?:[A-Z]\.){2,}|(?:Co|Inc|Corp|Ltd)\.(?!\w)|[A-Z][\w&'’-]*)"
_CONNECTOR = (
    r"(?:of(?:\s+the)?|for(?:\s+the)?|on|de|del|du|do|da|dos|das|des|di|y|and(?:\s+the)?|&)"
)
_NAME = re.compile(rf"{_WORD}(?:[ \t]+(?:{_CONNECTOR}[ \t]+)?{_WORD})*")
# "the oil company Gazprom Neft", "another state company, Roszarubezhneft" (not "the aircraft
# carrier INS Vikrant", a ship).
_ORG_NOUN_BEFORE = re.compile(rf"\b(?<!aircraft )(?:{_ORG_NOUNS}),?\s+$")
_POSSESSIVE_S = re.compile(r"['’]s$")
_MAX_NAME_CHARS = 120
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
_CONNECTOR_ES = (
    rf"(?:y\s+(?:el|la|los|las)|{CONNECTOR_ES}|of(?:\s+the)?|for(?:\s+the)?|on|and(?:\s+the)?|&)"
)
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
        for start, end in _names(text, sentence.start, sentence.end, lowered, vocabulary, known):
            entry = _candidate(text, start, end, known, lowered, vocabulary, claimed)
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


def _names(
    text: str, start: int, end: int, lowered: set[str], v: _Words, known: Gazetteer
) -> Iterable[tuple[int, int]]:
    """Spans of capitalised names in one sentence, trimmed and split at "and"."""
    for m in v.name.finditer(text, start, end):
        every = [(m.start() + w.start(), w.group()) for w in re.finditer(r"\S+", m.group())]
        for words in at_on(every, v.heads):
            yield from _name_spans(text, start, words, lowered, v, known)


def _name_spans(
    text: str, start: int, words: list[Word], lowered: set[str], v: _Words, known: Gazetteer
) -> Iterable[tuple[int, int]]:
    """One run of capitalised words' names, trimmed and split at "and"."""
    if (
        len(words) > 2
        and words[1][1] == "of"
        and _of_country(text, words[0][0] + len(words[0][1]), known)
    ):
        # "Eramet of France": the name before "of" and a country is one word.
        if words[0][1] not in v.heads and _proper(words[0][1], lowered, v):
            yield words[0][0], words[0][0] + len(words[0][1])
        return
    # A possessive ends a name: "Venezuela’s Workers’ Party" is two.
    groups: list[list[Word]] = [[]]
    for word in words:
        groups[-1].append(word)
        if _POSSESSIVE_S.search(word[1]):
            groups.append([])
    mark = _LIST_MARK.match(text, start, words[0][0])
    begins_sentence = not text[mark.end() if mark else start : words[0][0]].strip(" \"'“‘([")
    for i, group in enumerate(g for g in groups if g):
        titled = v.title_before.search(text, max(0, group[0][0] - 8), group[0][0]) is not None
        trimmed = _after_person(_trim(group, begins_sentence and i == 0, titled, lowered, v))
        if trimmed and spelled_out(text, trimmed):
            yield trimmed[0][0], trimmed[-1][0] + len(POSSESSIVE.sub("", trimmed[-1][1]))
        elif trimmed:
            yield from split_at_and(trimmed, v.heads, v.connector, known)


def _after_person(words: list[Word]) -> list[Word]:
    """ "Kevin Gallagher of Boston University": a name of two words or more, none of which
    heads an organisation, before "of" and one that does is a person's, then the organisation's."""
    of = next((i for i, (_, w) in enumerate(words) if w == "of"), None)
    if of is None or of < 2 or any(w in HEAD_NOUNS for _, w in words[:of]):
        return words
    rest = words[of + 1 :]
    while rest and rest[0][1] == "the":
        rest = rest[1:]
    return rest if any(w in HEAD_NOUNS for _, w in rest) else words


def _trim(
    words: list[Word], begins_sentence: bool, titled: bool, lowered: set[str], v: _Words
) -> list[Word]:
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


def _candidate(
    text: str,
    start: int,
    end: int,
    known: Gazetteer,
    lowered: set[str],
    v: _Words,
    claimed: set[str],
) -> ActorEntry | None:
    name = text[start:end]
    if len(name) > _MAX_NAME_CHARS:  # a run of capitalised words, not a name
        return None
    capitalised = [w for w in name.split() if w[0].isupper()]
    introduced = (
        v.org_noun_before.search(text, max(0, start - 40), start) is not None
        or _ORG_NOUN_AFTER.match(text, end) is not None
        or _OFFICE_AFTER.match(text, end) is not None
        or _of_country(text, end, known)
    )
    if len(capitalised) < 2 and not (introduced and _proper(name, lowered, v)):
        return None
    # Only gazetteer names and connectors: "Moscow and Beijing" is no new actor; nor is a verb
    # before one ("Fund BIS enforcement", a recommendation).
    rest = list(re.findall(r"[\w&]+", _uncovered(text, start, end, known)))
    if all(re.fullmatch(v.connector, w) or w == "the" for w in rest):
        return None
    lead = name.split()[0]
    if (
        len(capitalised) > 1
        and [w for w in rest if w not in claimed] == [lead]
        and _LIST_MARK.match(text, text.rfind("\n", 0, start) + 1)
    ):
        return None
    acronym = ACRONYM_AFTER.match(text, end)
    if acronym is not None and not acronym["acronym"].isupper():
        # A short name in parentheses, not a word of the text ("Mercosur", not "(Growth)").
        acronym = acronym if _proper(acronym["acronym"], lowered, v) else None
    heads = any(w in v.heads for w in capitalised)
    if not (heads or acronym or introduced):
        return None
    aliases: tuple[str, ...] = ()
    if acronym is not None and not known.find(acronym["acronym"]):
        aliases = (acronym["acronym"],)
    other = _KNOWN_AS.match(text, acronym.end() if acronym else end)
    if other is not None and not known.find(other["alias"]):
        aliases += (other["alias"],)
    slug = re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-")[:80].strip("-")
    if not slug:
        return None
    return ActorEntry(
        id=slug,
        name=name,
        kind=POLICIES.get(name.split()[-1], ActorKind.ORGANIZATION),
        aliases=aliases,
        reviewed=False,
    )


def _of_country(text: str, end: int, known: Gazetteer) -> bool:
    """ "Eramet of France opened ...": "of" and a country's name, and no longer name after."""
    of = _OF.match(text, end)
    if of is None:
        return False
    hit = next(iter(known.find(text, of.end(), min(len(text), of.end() + 60))), None)
    return (
        hit is not None
        and hit.start == of.end()
        and known.actors[hit.actor_id].kind == ActorKind.COUNTRY
        and not _NAME_AFTER.match(text, hit.end)
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
