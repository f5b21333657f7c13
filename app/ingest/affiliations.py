"""Whom a person works for, from how the article introduces them.

Two shapes, each within one sentence, give a person (kind `person`, not yet affiliated) the
actor named beside them as `affiliation`:

- an apposition: "Igor Sechin, head of Rosneft", "R. Evan Ellis, a professor at the U.S.
  Army War College": the name, a comma, at most four lower-case words ending in "of", "at"
  or "for" (not a clause: "speaking of"), then another actor's name ("the" allowed before it);
- a name before the office: "Rosneft chief Igor Sechin", "Venezuelan President Nicolás
  Maduro": another actor's name (a demonym names its country), one to three title or office
  words, then the person.

A proposed organisation gets its country the same ways: "the Chinese company Ganfeng
Lithium", "Maersk, the Danish carrier" (a country's name or demonym, then a noun for a
company), "India's Hindustan Aeronautics". The first such introduction wins; curated entries
keep what the curated file says.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.ingest.actors import Gazetteer, MentionDraft
from app.ingest.curated import ActorEntry
from app.ingest.drafts import SentenceDraft
from app.ingest.names import TITLES
from app.models.vocabulary import ActorKind

__all__ = ["affiliate"]

# A noun phrase, not a clause: "speaking of Rosneft" or "based at Rosneft" is no office.
_APPOSITION = re.compile(
    r",\s+(?:(?:the|a|an)\s+)?(?![a-z]+(?:ing|ed)\s)(?:[a-z][\w-]*\s+){0,3}(?:of|at|for)\s+"
)
_THE = re.compile(r"(?:the\s+)?")
_OFFICE = frozenset({"chief", "head", "boss", "founder", "chairman", "spokesman", "ceo"})
# What an organisation is called after its country: "the Chinese company Ganfeng Lithium",
# "Maersk, the Danish carrier".
_ORG_NOUNS = frozenset({
    "company", "firm", "group", "producer", "carrier", "miner", "bank", "lender", "insurer",
    "shipbuilder", "shipyard", "manufacturer", "maker", "operator", "exporter", "importer",
    "refiner", "utility", "agency", "regulator", "fund", "conglomerate", "giant", "major",
    "state", "state-owned", "oil", "gas", "mining", "copper", "lithium", "energy", "defence",
    "defense", "shipping", "chip", "chipmaker", "airline", "automaker", "investor",
})  # fmt: skip
_APPOSED_COUNTRY = re.compile(r",\s+(?:the|a|an)\s+")
_POSSESSIVE = ("'s", "’s")


def _office(words: list[str], nouns: frozenset[str] = _OFFICE) -> bool:
    if words and words[0] in _POSSESSIVE:  # "Venezuela's oil minister ...", "India's HAL"
        words = words[1:]
        if not words and nouns is _ORG_NOUNS:
            return True
    return 1 <= len(words) <= 3 and all(
        w.rstrip(".").capitalize() in TITLES or w.rstrip(".").lower() in nouns for w in words
    )


def affiliate(
    text: str, sentences: Sequence[SentenceDraft], entries: Sequence[ActorEntry]
) -> list[ActorEntry]:
    """`entries` with the affiliations their sentences give to unaffiliated, unreviewed people
    and organisations."""
    by_id = {e.id: e for e in entries}
    open_ = {e.id for e in entries if e.affiliation is None and not e.reviewed}
    if not open_:
        return list(entries)
    gazetteer = Gazetteer(entries)
    found: dict[str, str] = {}
    for sentence in sentences:
        mentions = gazetteer.find(text, sentence.start, sentence.end)
        at = {m.start: m for m in mentions}
        for i, m in enumerate(mentions):
            if m.actor_id not in open_ or m.actor_id in found:
                continue
            if by_id[m.actor_id].kind == ActorKind.PERSON:
                target = _after(text, m, at) or _before(text, mentions[:i], m)
            else:  # an organisation belongs to a country
                target = _country_after(text, m, at, by_id) or _before(
                    text, mentions[:i], m, _ORG_NOUNS
                )
                if target is not None and by_id[target].kind != ActorKind.COUNTRY:
                    target = None
            if target is not None and by_id[target].kind != ActorKind.PERSON:
                found[m.actor_id] = target
    return [
        e.model_copy(update={"affiliation": found[e.id]}) if e.id in found else e for e in entries
    ]


def _after(text: str, person: MentionDraft, at: dict[int, MentionDraft]) -> str | None:
    apposition = _APPOSITION.match(text, person.end)
    if apposition is None:
        return None
    start = _THE.match(text, apposition.end())
    target = at.get(start.end() if start else apposition.end())
    return target.actor_id if target is not None else None


def _country_after(
    text: str, org: MentionDraft, at: dict[int, MentionDraft], by_id: dict[str, ActorEntry]
) -> str | None:
    """ "Maersk, the Danish carrier": the country a demonym names right after the comma."""
    apposed = _APPOSED_COUNTRY.match(text, org.end)
    target = at.get(apposed.end()) if apposed is not None else None
    if target is None or by_id[target.actor_id].kind != ActorKind.COUNTRY:
        return None
    noun = re.match(r"\s+([a-z][\w-]*)", text[target.end : target.end + 30])
    return target.actor_id if noun is not None and noun[1] in _ORG_NOUNS else None


def _before(
    text: str,
    earlier: Sequence[MentionDraft],
    person: MentionDraft,
    nouns: frozenset[str] = _OFFICE,
) -> str | None:
    if not earlier:
        return None
    last = earlier[-1]
    between = text[last.end : person.start].split()
    return last.actor_id if _office(between, nouns) else None
