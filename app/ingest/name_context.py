"""What the words around a recognised name say about it, and which known entry it shortens.

The recognizer reads a few words around a name; these rules read the rest of the article:

- Where a name stands: after a preposition of place or in a list of places ("provinces such
  as Jujuy, Salta and Catamarca") it is a place; after the noun of a thing ("the aircraft
  carrier INS Vikrant", "the benchmark Taiex", a unit "per FEU") or before one ("the Power of
  Siberia pipeline") it names that thing; an acronym whose words the text writes in lower case
  ("liquefied natural gas ... LNG") is a common noun's.
- Labels the model got wrong: two organisations read side by side ("Lockheed" "Martin") are
  one; a "person" joined by "and" to an organisation is one ("First Quantum Minerals and
  Barrick Gold"); an "organisation" of plain words after an office is a person ("Opposition
  leader María Corina Machado").
- Which entry a name belongs to: a one-word name is the short name of the one organisation
  named by it and a word that ends such names ("Dassault" for Dassault Aviation, "Wagner" for
  the Wagner Group, not "Gazprom" for Gazprom Neft); a name that begins with a country's name,
  capital or demonym is still new ("US Army War College", "Paris Club", "Taiwan Relations
  Act"); a law or plan is a policy or an initiative, and one that begins with a word of place
  is also named without it ("European Chips Act", "Chips Act").
- A word for a kind of body standing alone ("the Government", "el Ejecutivo", "la
  Administración") names whichever one the story is about, not an actor of its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from app.ingest.actors import Gazetteer, MentionDraft
from app.ingest.candidates import HEAD_NOUNS
from app.ingest.recognizer import Recognized
from app.models.vocabulary import ActorKind

__all__ = [
    "JOINED",
    "NAMED_AFTER",
    "OFFICE_BEFORE",
    "PLACE_BEFORE",
    "THING_BEFORE",
    "adjacent_joined",
    "demonym",
    "generic_body",
    "national",
    "placed",
    "relabelled",
    "short_names",
    "spelled_in_lower_case",
]

_POSSESSIVE = re.compile(r"['’]s?$")
# "projects in Salta (and Catamarca)": a one-word name after a preposition of place is a place.
PLACE_BEFORE = re.compile(
    r"(?:\b(?:in|near|across|around|throughout)\s+"
    r"|\b(?i:provinces|states|regions|cities|towns|districts|ports|countries)\s+"
    r"(?:such\s+as|including|like)\s+(?:[A-Z][\w-]*,\s+)*)"
    r"(?:[A-Z][\w-]*,?\s+(?:and|or)\s+)?$"
)
# "deforestation in the Amazon." (but "in the OPEC member nation" names OPEC).
PLACE_BEFORE_THE = re.compile(r"\b(?:in|near|across|around|throughout)\s+the\s+$")
_NOUN_AFTER = re.compile(r"\s+[a-z]")


def placed(text: str, start: int, end: int) -> bool:
    """Whether the one-word name text[start:end] stands where a place's name does."""
    if text[start:end].isupper():
        return False  # an acronym: "in the EU"
    if PLACE_BEFORE.search(text, max(0, start - 40), start):
        return True
    return bool(PLACE_BEFORE_THE.search(text, max(0, start - 20), start)) and not (
        _NOUN_AFTER.match(text, end)
    )


# A name after the noun of a thing names the thing: "the aircraft carrier INS Vikrant", "the
# benchmark Taiex", "the drills Joint Sword-2024B".
THING_BEFORE = re.compile(
    r"\b(?:aircraft\s+carrier|ship|vessel|tanker|frigate|destroyer|submarine|benchmark"
    r"|index|pipeline|project|field|mine|drills|exercise|operation|satellite|missile"
    # "$825 per FEU", "per MWh": after "per" comes a unit.
    r"|per)\s+$"
)
# What names a thing when it follows a name of several words: "the Power of Siberia pipeline".
NAMED_AFTER = re.compile(r" (?:pipeline|project|field|fields|deposit|basin|index|blend)\b")
# An office before a name: "Opposition leader María Corina Machado" is a person.
OFFICE_BEFORE = re.compile(
    r"\b(?:leader|minister|president|chief|executive|director|chairman|chairwoman|spokesman"
    r"|spokeswoman|analyst|economist|governor|ambassador|secretary|senator|candidate"
    r"|lawmaker|founder)\s+$"
)
# Two recognised names joined by "and": "First Quantum Minerals and Barrick Gold" are alike.
# (A comma joins two names only in a list that goes on: "Halliburton, Baker Hughes and ...",
# not "a spokesperson for Chevron, Bill Turenne, said".)
JOINED = (" and ", " or ", ", ")
_LIST_GOES_ON = re.compile(r"(?:,\s+|\s+(?:and|or)\s+)[A-Z]")


def adjacent_joined(text: str, spans: list[Recognized]) -> list[Recognized]:
    """Two organisations the model read side by side, one space apart, are one name:
    "Lockheed" "Martin" is Lockheed Martin."""
    joined: list[Recognized] = []
    for r in spans:
        last = joined[-1] if joined else None
        if (
            last
            and r.label == last.label == "ORG"
            and text[last.end : r.start] == " "
            and not _POSSESSIVE.search(text, last.start, last.end)
        ):
            joined[-1] = Recognized(last.start, r.end, "ORG")
        else:
            joined.append(r)
    return joined


def relabelled(text: str, spans: list[Recognized], known: Gazetteer) -> list[Recognized]:
    """Labels the model got wrong where the words around say otherwise: a "person" joined by
    "and" to an organisation is one ("First Quantum Minerals and Barrick Gold"), a "person"
    whose last word is an organisation's head noun is one ("Fitch Ratings"), an
    "organisation" of two to four plain words after an office is a person ("Opposition leader
    María Corina Machado")."""
    out: list[Recognized] = []
    for r in spans:
        label = r.label
        before = out[-1] if out else None
        if (
            label == "PERSON"
            and before is not None
            and before.label == "ORG"
            and text[before.end : r.start] in JOINED
            and (text[before.end : r.start] != ", " or _LIST_GOES_ON.match(text, r.end))
        ):
            label = "ORG"
        elif label == "PERSON" and text[r.start : r.end].split()[-1] in HEAD_NOUNS:
            label = "ORG"  # "Fitch Ratings", "Harbin Electric": no person's name ends so
        elif label == "ORG" and OFFICE_BEFORE.search(text, max(0, r.start - 20), r.start):
            words = text[r.start : r.end].split()
            if (
                2 <= len(words) <= 4
                and all(w[0].isupper() and w[1:].islower() for w in words)
                and not any(w in HEAD_NOUNS for w in words)
                and not known.find(text, r.start, r.end)
            ):
                label = "PERSON"
        out.append(Recognized(r.start, r.end, label) if label != r.label else r)
    return out


# Legal forms: "Rheinmetall" for "Rheinmetall AG", "Norsk Aluminium" for "Norsk Aluminium ASA".
_LEGAL_FORMS = frozenset(
    {"AG", "SA", "ASA", "AB", "plc", "PLC", "NV", "SE", "SpA", "Limited", "LLC", "GmbH"}
    | {"Inc", "Inc.", "Ltd", "Ltd.", "Corp", "Corp.", "Co.", "Corporation", "Holdings", "Group"}
)
# What ends a name a single word also stands for: "Dassault" for "Dassault Aviation".
_ENDINGS = HEAD_NOUNS | _LEGAL_FORMS | {"Aviation", "Aerospace", "Energy"}


def short_names(organisations: Iterable[str], known: Gazetteer) -> dict[str, str]:
    """Each name that is the short name of exactly one organisation, and what it is the short
    name of: a word that ends such names after a one-word name ("Dassault" for "Dassault
    Aviation", "Wagner" for "Wagner Group"), a legal form after a longer one ("Norsk Aluminium"
    for "Norsk Aluminium ASA"); not "Gazprom" for "Gazprom Neft", another company. What it is
    the short name of is a recognised name (of `organisations`), or a proposed entry's id."""
    longer: dict[str, list[str]] = {}
    proposed = [
        (a.name, a.id)
        for a in known.actors.values()
        if not a.reviewed and a.kind is not ActorKind.COUNTRY
    ]
    for name, target in [*((n, n) for n in organisations), *proposed]:
        head, _, last = name.rpartition(" ")
        if head and last in (_ENDINGS if " " not in head else _LEGAL_FORMS):
            longer.setdefault(head, []).append(target)
    return {short: found[0] for short, found in longer.items() if len(found) == 1}


# Capitalised in news copy for the body in charge, whichever it is.
_GENERIC_BODIES = frozenset({
    "Government", "Administration", "Executive", "Cabinet", "State", "Gobierno", "Ejecutivo",
    "Administración", "Gabinete", "Estado", "País", "Nación",
})  # fmt: skip


def generic_body(name: str) -> bool:
    """Whether `name` is one word for a kind of body: "Government", "Gobierno"."""
    return name in _GENERIC_BODIES


def demonym(word: str, known: Gazetteer) -> bool:
    """ "European", "American": a word of place before a law's name."""
    hits = known.find(word)
    return word.endswith(("an", "ese", "ish")) or bool(
        hits and known.actors[hits[0].actor_id].kind is ActorKind.COUNTRY
    )


def national(name: str, hits: Sequence[MentionDraft], known: Gazetteer) -> bool:
    """ "US Army War College", "Paris Club", "Taiwan Relations Act", "Center for a New American
    Security": a country's name, capital or demonym, first or inside, then words no entry
    has."""
    return (
        len(hits) == 1
        and known.actors[hits[0].actor_id].kind is ActorKind.COUNTRY
        and re.search(r"[A-Z]", name[hits[0].end :]) is not None
    )


def spelled_in_lower_case(acronym: str, text: str) -> bool:
    """Whether the text writes the words `acronym` stands for in lower case ("lithium carbonate
    equivalent (LCE)")."""
    if not 2 <= len(acronym) <= 5:
        return False
    words = r"[\s-]+".join(rf"{c.lower()}[a-z]*" for c in acronym)
    return re.search(rf"\b{words}\b", text) is not None
