"""People and organisations from the recognizer's raw spans: filtered, repaired and resolved.

A statistical recognizer finds names no rule can, and also gets some wrong in ways rules can
see. What it answers becomes an actor only through these rules:

- It reads only where it can find a new name (app/ingest/reading.py).
- A name sits in prose: a sentence of at least eight words or one ending like a sentence, so
  a share line ("Share on Facebook Twitter Email") or a heading gives none; nor does a byline
  or a credit line ("By ...", "Reporting by ...", "... reported from Dakar").
- A person's name is two to five capitalised words (particles such as "de" or "bin" aside),
  with no digit, not ending in a word the text also writes in lower case ("Ganfeng Lithium"
  beside "lithium brines" is a company); a title or office before it is cut off:
  "Venezuelan National Assembly President Juan Guaidó" is Juan Guaidó. A surname alone
  ("Maduro") or after a title ("President Putin", "Mr. Lai" for Lai Ching-te, family name
  first) names the person given in full elsewhere in the article; a titled surname with no
  full name becomes that person.
- An organisation loses a leading "the" and a possessive; a project is none, a law or a plan
  is a policy or an initiative ("European Chips Act"), nor is a one-word name that modifies
  the noun after it ("Brent crude"), follows a preposition of place ("projects in Salta"), is
  a title or an adjective ("Defence", "Financial"), nor what the words around it show to be a
  thing, a place or a common noun (app/ingest/name_context.py, which also mends the model's
  labels and finds short names); an acronym of an organisation's
  initials ("EU") becomes that organisation's alias; a name cut before "and" ("Center for
  Strategic") is completed from the text; two names joined by "and" ("PDVSA and China
  National Petroleum") are split when each side is a whole name; "St." before a name is
  part of it. An acronym in parentheses after it is its alias.
- A name the gazetteer or the rule-based candidates already have is not proposed again.

Every entry is `reviewed = False`: the recognizer proposes, a person confirms.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache

from app.core.folding import fold
from app.ingest.actors import Gazetteer, MentionDraft
from app.ingest.candidates import HEAD_NOUNS, POLICIES
from app.ingest.curated import ActorEntry
from app.ingest.drafts import SentenceDraft
from app.ingest.name_context import (
    NAMED_AFTER,
    THING_BEFORE,
    adjacent_joined,
    demonym,
    generic_body,
    national,
    placed,
    relabelled,
    short_names,
    spelled_in_lower_case,
)
from app.ingest.recognizer import Recognized
from app.models.vocabulary import ActorKind

__all__ = [
    "ORDINARY_FIRST",
    "TITLES",
    "named_in_full",
    "people_and_organisations",
    "title_before",
]

# fmt: off
TITLES = frozenset({
    "President", "Vice", "Prime", "Minister", "Chancellor", "King", "Queen", "Prince",
    "Princess", "Sheikh", "Emir", "Mr", "Mrs", "Ms", "Dr", "Sir", "General", "Gen", "Admiral",
    "Senator", "Sen", "Governor", "Secretary", "Ambassador", "Chairman", "Chairwoman",
    "Premier", "Pope", "Chief", "Executive", "CEO", "Director", "Deputy", "Foreign",
    "Speaker", "Leader", "Commander", "Colonel", "Col", "Lt", "Judge", "Justice", "Professor",
    "Prof", "Mayor", "Rep", "Representative", "Crown", "Supreme", "Defense", "Defence",
    "Finance", "Energy", "Oil", "Interior", "Economy", "Trade", "State", "Head", "Founder",
    "Capt", "Captain", "Maj", "Major", "Sgt",
})
_PARTICLES = frozenset({
    "de", "da", "del", "della", "di", "dos", "das", "do", "van", "von", "der", "den", "bin",
    "ibn", "al", "el", "la", "le", "y",
})
ORDINARY_FIRST = frozenset({
    "the", "a", "an", "this", "that", "these", "those", "it", "its", "they", "their", "he",
    "she", "his", "her", "we", "our", "in", "on", "at", "as", "for", "but", "and", "yet",
    "so", "however", "meanwhile", "since", "while", "when", "if", "although", "despite",
    "after", "before", "by", "with", "from", "to", "of", "such", "many", "most", "some",
})
# fmt: on
_ACRONYM_AFTER = re.compile(r"\s*\((?P<acronym>[A-Z][A-Za-z&-]{1,9})\)")
_POSSESSIVE = re.compile(r"['’]s?$")
_MIN_PROSE_WORDS = 8
_LOWER_WORD = re.compile(r"\b[a-z]+\b")
# Credit lines name the reporters and editors, not actors of the story.
_CREDIT = re.compile(
    r"^\(?By\s|\b(?:Reporting|Writing|Editing|[Rr]eporting)\s+by\b|\breported\s+from\b"
)
_ADJECTIVE_ENDINGS = ("ic", "al", "ive", "ous", "ary", "ern")
_NEXT_WORD = re.compile(r" ([a-z]+)\b")
# Laws and projects are named like organisations but are none.
_NO_ORGANISATION = frozenset(
    {
        *POLICIES,
        "Project",
        "Route",
        "Corridor",
        # Benchmarks, programmes and places: "Drewry World Container Index", "Extended Credit
        # Facility", "Canary Islands", "Suez Canal".
        "Index",
        "Facility",
        "Islands",
        "Island",
        "Canal",
        "Strait",
        "Sea",
        "River",
        "Mountains",
        "Valley",
        "Desert",
    }
)
# A model or type code: "MiG-29K", "Su-57", "F-16" name a machine, not its maker.
_TYPE_CODE = re.compile(r"\b[A-Z][A-Za-z]*-\d+[A-Za-z]*\b")
# Nouns a place or a benchmark names, where the name before them is no actor: "Brent crude",
# "the Yamal project" (but "an Intel plant" is Intel's).
_NAMED_THINGS = frozenset(
    {
        "crude", "oil", "gas", "field", "fields", "project", "pipeline", "blend", "benchmark",
        "index", "futures", "deposit", "deposits", "basin", "peninsula", "region", "reserves",
    }
)  # fmt: skip
_MAX_ORG_WORDS = 8
_NAME_WORD = r"[A-Z](?:[\w&'’-]|\.(?=\w)|(?<=\b[A-Z])\.)*"  # "U.S.", "J."; no sentence's "."
_NAME_RUN = re.compile(rf"{_NAME_WORD}(?:[ ](?:(?:of|for|and|de|del|the)[ ])*{_NAME_WORD})*")


def _prose(sentence: str) -> bool:
    stripped = sentence.rstrip("\"'”’)] ")
    return len(sentence.split()) >= _MIN_PROSE_WORDS or stripped.endswith((".", "!", "?"))


def _proper_word(word: str) -> bool:
    return word in _PARTICLES or (word[0].isupper() and not any(c.isdigit() for c in word))


def _person(text: str, start: int, end: int, lowered: set[str]) -> tuple[int, int] | None:
    """The person's name inside a raw PERSON span, titles and offices cut off."""
    words = [(start + m.start(), m.group()) for m in re.finditer(r"\S+", text[start:end])]
    if words and _POSSESSIVE.search(words[-1][1]) and words[-1][1][-2:] in ("'s", "’s"):
        last_start, last = words[-1]
        words[-1] = (last_start, last[:-2])
    titled = [i for i, (_, w) in enumerate(words) if w.rstrip(".") in TITLES]
    if titled:
        words = words[titled[-1] + 1 :]
    if not words or not all(_proper_word(w) for _, w in words):
        return None
    if words[0][1] in _PARTICLES or words[-1][1] in _PARTICLES:
        return None
    if len(words) > 1 and words[-1][1].lower() in lowered:
        return None  # "Ganfeng Lithium" where the text speaks of lithium: a company
    return words[0][0], words[-1][0] + len(words[-1][1])


def title_before(text: str, start: int) -> bool:
    before = text[max(0, start - 30) : start].split()
    return bool(before) and before[-1].rstrip(".") in TITLES


def _whole(name: str, orgs: set[str]) -> bool:
    words = name.split()
    return (name.isupper() or len(words) == 1 or words[-1] in HEAD_NOUNS or name in orgs) and bool(
        words
    )


# An acronym in parentheses the model read into the name, closed or not.
_ACRONYM_IN = re.compile(r"\s*\([A-Z][A-Za-z&-]{1,9}\)?$")


def _organisations(text: str, start: int, end: int, orgs: set[str]) -> list[tuple[int, int]]:
    """The organisation names inside a raw ORG span, repaired as the module says."""
    if text[start:end].startswith(("the ", "The ")):
        start += 4
    if acronym := _ACRONYM_IN.search(text, start, end):
        end = acronym.start()  # "... Trade and Development (UNCTAD": the acronym is an alias
    run = next(
        (m for m in _NAME_RUN.finditer(text, max(0, start - 4), end + 80) if m.start() <= start),
        None,
    )
    name = text[start:end]
    last = name.split()[-1] if name.split() else ""
    if run is not None and run.end() > end and not _whole(name, orgs) and last not in HEAD_NOUNS:
        end = run.end()  # "Center for Strategic" -> "... and International Studies"
    if text[max(0, start - 4) : start] == "St. ":
        start -= 4
    name = text[start:end]
    if m := _POSSESSIVE.search(name):
        end -= len(m.group())
        name = text[start:end]
    parts = re.split(r" (?:and|&) ", name)
    if len(parts) > 1 and all(_whole(p, orgs) for p in parts):
        found, pos = [], start
        for part in parts:
            at = text.index(part, pos, end)
            found.append((at, at + len(part)))
            pos = at + len(part)
        return found
    return [(start, end)]


@lru_cache(maxsize=8192)
def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-")[:80].strip("-")


def _unaccented(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def people_and_organisations(
    text: str,
    sentences: Sequence[SentenceDraft],
    recognized: Iterable[Recognized],
    known: Gazetteer,
    claimed: Iterable[str],
) -> tuple[list[ActorEntry], dict[str, str]]:
    """New person and organisation entries from the recognizer's spans, none of whose names
    is in `claimed` (the names of every entry the article is read with already); and the
    acronyms found for `known` entries ("EU" for "European Union"), alias by actor id."""
    taken = set(claimed)
    taken_ids = {_slug(n) for n in taken}
    people, single, organisations = _sort_out(text, sentences, recognized, known)
    surnames = Counter(n.split()[-1] for n in people)
    # A family name may come first ("Lai Ching-te", later "Mr. Lai").
    family = Counter(n.split()[0] for n in people)
    for s, e in single:
        name = text[s:e]
        if name not in surnames and name not in family:
            people.setdefault(name, (s, e))
            surnames[name] += 1
    titled = {text[s:e] for s, e in single}
    entries: list[ActorEntry] = []

    def add(name: str, kind: ActorKind, aliases: list[str]) -> None:
        slug = _slug(name)
        if not slug or name in taken or slug in taken_ids:
            return
        if (hits := known.find(name)) and not (
            _completes(name, hits, known) or national(name, hits, known)
            if kind is not ActorKind.PERSON
            else _first_name(name, hits)
        ):
            return
        kept = tuple(dict.fromkeys(a for a in aliases if a not in taken and a != name))
        entries.append(ActorEntry(id=slug, name=name, kind=kind, aliases=kept, reviewed=False))
        taken.update((name, *kept))
        taken_ids.add(slug)

    for name, _ in sorted(people.items(), key=lambda p: p[1]):
        words = name.split()
        aliases = [_unaccented(name)]
        if len(words) > 1 and surnames[words[-1]] == 1:
            aliases += [words[-1], _unaccented(words[-1])]
        if len(words) > 1 and words[0] in titled and family[words[0]] == 1:
            aliases.append(words[0])
        add(name, ActorKind.PERSON, aliases)
    acronyms = {n.upper(): n for n in organisations if n.isupper()}
    initials = {_initials(a.name): a.id for a in known.actors.values() if len(a.name.split()) > 1}
    expanded: dict[str, str] = {}
    shorts = short_names(organisations, known)
    for name, (_, e) in sorted(organisations.items(), key=lambda o: o[1]):
        if name.isupper() and name in initials and name not in taken:
            expanded.setdefault(initials[name], name)
            taken.add(name)
            continue
        aliases = []
        if (acronym := _ACRONYM_AFTER.match(text, e)) is not None:
            aliases.append(acronym["acronym"])
        spellings = {a.upper() for a in (*aliases, name) if a.isupper()}
        aliases += [n for n in organisations if n != name and n.upper() in spellings]
        if name.upper() in acronyms and acronyms[name.upper()] != name:
            continue  # "PdVSA" beside "PDVSA": one actor, the first spelling
        if (longer := shorts.get(name)) is not None:
            if longer in known.actors:
                expanded.setdefault(longer, name)
            continue  # "Dassault" beside "Dassault Aviation": its short name
        aliases += [n for n in organisations if shorts.get(n) == name]
        words = name.split()
        policy = POLICIES.get(words[-1]) if len(words) > 1 else None
        if policy is not None and len(words) > 2 and demonym(words[0], known):
            aliases.append(" ".join(words[1:]))  # "European Chips Act": "Chips Act"
        add(name, policy or ActorKind.ORGANIZATION, aliases)
    return entries, expanded


def named_in_full(
    text: str,
    sentences: Sequence[SentenceDraft],
    recognized: Iterable[Recognized],
    known: Gazetteer,
) -> frozenset[str]:
    """The surnames of the people `recognized` names in full, each of one person only ("Varga"
    for Elena Varga): the person's alias, so a sentence that names no one else by it adds no
    name."""
    people, _, _ = _sort_out(text, sentences, recognized, known)
    surnames = Counter(name.split()[-1] for name in people)
    return frozenset(name for name, n in surnames.items() if n == 1)


_Spans = dict[str, tuple[int, int]]


def _sort_out(
    text: str,
    sentences: Sequence[SentenceDraft],
    recognized: Iterable[Recognized],
    known: Gazetteer,
) -> tuple[_Spans, list[tuple[int, int]], _Spans]:
    """The recognizer's spans in prose, repaired and filtered: full names of people, titled
    single names, and organisations, each name at its first place."""
    starts = [s.start for s in sentences]
    in_prose = [
        r
        for r in sorted(recognized, key=lambda r: r.start)
        if _prose(sentence := _sentence_of(text, sentences, starts, r.start))
        and not _CREDIT.search(sentence)
    ]
    in_prose = relabelled(text, adjacent_joined(text, in_prose), known)
    orgs = {text[r.start : r.end] for r in in_prose if r.label == "ORG"}
    lowered = set(_LOWER_WORD.findall(text))
    people: _Spans = {}
    single: list[tuple[int, int]] = []
    organisations: _Spans = {}
    for r in in_prose:
        if THING_BEFORE.search(text, max(0, r.start - 20), r.start):
            continue  # "the aircraft carrier INS Vikrant"
        if r.label == "PERSON":
            span = _person(text, r.start, r.end, lowered)
            if span is None:
                continue
            if len(text[span[0] : span[1]].split()) >= 2:
                people.setdefault(text[span[0] : span[1]], span)
            elif title_before(text, span[0]):
                single.append(span)
        elif not _covered(text, r, known):
            place = placed(text, r.start, r.end)
            for s, e in _organisations(text, r.start, r.end, orgs):
                if _organisation(text, s, e, place):
                    organisations.setdefault(text[s:e], (s, e))
    return people, single, organisations


# What the rules leave off a name's front: "People's | Liberation Army", "Center for a | New
# American Security", "… Agriculture and | Livestock …"; not "Kevin Gallagher of | Boston …".
_FRONT = re.compile(r"(?:[A-Z][\w'’-]*[ ](?:(?:for|on)[ ](?:a[ ]|the[ ])?)?)+(?:and[ ])?")


def _first_name(name: str, hits: Sequence[MentionDraft]) -> bool:
    """ "Wellington Koo", "Chad Okoro": a place's name as a person's first name only."""
    first = name.split()[0]
    return len(hits) == 1 and hits[0].start == 0 and hits[0].end == len(first) < len(name)


def _completes(name: str, hits: Sequence[MentionDraft], known: Gazetteer) -> bool:
    """Whether `name` is a proposed organisation's name with the words before it the rules left
    off, and no other name but a country's at its start."""
    last = hits[-1]
    proposed = known.actors[last.actor_id]
    if last.end != len(name) or proposed.reviewed or proposed.kind == ActorKind.COUNTRY:
        return False
    if not _FRONT.fullmatch(name, 0, last.start):
        return False
    return all(
        h.start == 0 and known.actors[h.actor_id].kind == ActorKind.COUNTRY for h in hits[:-1]
    )


def _organisation(text: str, start: int, end: int, placed: bool) -> bool:
    """Whether text[start:end] may name an organisation (the module's rules)."""
    name = text[start:end]
    words = name.split()
    if not (0 < len(words) <= _MAX_ORG_WORDS and name[0].isupper()):
        return False
    policy = len(words) > 1 and words[-1] in POLICIES
    if (words[-1] in _NO_ORGANISATION and not policy) or _TYPE_CODE.search(name):
        return False
    if _TYPE_CODE.match(text, end + 1) or THING_BEFORE.search(text, max(0, start - 20), start):
        return False  # "Joint Sword-2024B", "the benchmark Taiex"
    if len(words) > 1 and NAMED_AFTER.match(text, end):
        return False
    if name.isupper() and spelled_in_lower_case(name, text):
        return False  # "liquefied natural gas ... LNG": a common noun's short form
    one_word_thing = placed or _modifier(text, end) or name in TITLES or generic_body(name)
    return len(words) > 1 or not (one_word_thing or name.endswith(_ADJECTIVE_ENDINGS))


def _initials(name: str) -> str:
    """ "North Atlantic Treaty Organization" -> "NATO"; "Bank of England" -> "BE"."""
    return "".join(w[0] for w in name.split() if w[0].isupper())


def _modifier(text: str, end: int) -> bool:
    """Whether the one-word name ending at `end` names a thing after it ("Brent crude",
    "the Yamal project") rather than an actor ("an Intel plant", "Reuters reported")."""
    after = _NEXT_WORD.match(text, end)
    if after is None:
        return False
    return after[1] in _NAMED_THINGS


def _covered(text: str, r: Recognized, known: Gazetteer) -> bool:
    """Whether known names cover every word of the span: "Moscow" is no new organisation."""
    rest = text[r.start : r.end]
    for m in known.find(text, r.start, r.end):
        rest = rest.replace(m.surface, " ")
    return not re.search(r"[A-Z]", rest.replace("the ", ""))


def _sentence_of(text: str, sentences: Sequence[SentenceDraft], starts: list[int], at: int) -> str:
    i = bisect.bisect_right(starts, at) - 1
    return sentences[i].text if i >= 0 else ""
