"""Whom a person works for, and which country an organisation belongs to, from how a Spanish
article introduces them: the Spanish shapes of app/ingest/affiliations.py, read within one
sentence for unaffiliated, unreviewed entries.

- a person's apposition that ends "de" or "en" an organisation: "Ariel Slipak, economista de
  la Universidad de Buenos Aires", "Alexéi Miller, presidente de Gazprom", "Francisco Monaldi,
  experto en energía de la Universidad Rice";
- an office of an organisation before the person: "La jefa del Comando Sur, la general Laura
  Richardson";
- an organisation after a demonym, with or without a noun for a company: "la empresa china
  Ganfeng Lithium", "el consorcio chino CBC", "la chilena Sociedad Química y Minera";
- an organisation whose own name holds a country's, after "de" ("Servicio Geológico de Estados
  Unidos", "Petróleos de Venezuela"), its name and not its capital's ("Instituto … de
  Estocolmo"); not a university, which is named for where it is.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

import babel

from app.ingest.actors import Gazetteer, MentionDraft
from app.ingest.curated import ActorEntry
from app.ingest.drafts import SentenceDraft
from app.models.vocabulary import ActorKind

__all__ = ["affiliate_es"]

_ORGANISATIONS = (ActorKind.COMPANY, ActorKind.ORGANIZATION)
# The apposition runs from the comma to the organisation: a noun phrase, no clause.
_APPOSITION = re.compile(
    r",\s+(?:(?:el|la|un|una)\s+)?(?!(?:que|quien|dijo|afirmó)\b)[^,.;:«»\"()]{1,60}?"
    r"\b(?:de|del|en)\s+(?:(?:la|el|los|las)\s+)?$"
)
_OFFICE_OF = re.compile(r"\b(?:el|la|El|La)\s+[a-záéíóúñ]+\s+(?:de|del)\s+(?:(?:la|el)\s+)?$")
_DEMONYM_BEFORE = re.compile(r"\b(?i:el|la|los|las)\s+(?:[a-záéíóúñ]+\s+)?$")


def affiliate_es(
    text: str, sentences: Sequence[SentenceDraft], entries: Sequence[ActorEntry]
) -> list[ActorEntry]:
    """`entries` with the affiliations the Spanish `sentences` give (see the module)."""
    by_id = {e.id: e for e in entries}
    open_ = {e.id for e in entries if e.affiliation is None and not e.reviewed}
    if not open_:
        return list(entries)
    gazetteer = Gazetteer(entries)
    found: dict[str, str] = {}
    for sentence in sentences:
        mentions = gazetteer.find(text, sentence.start, sentence.end)
        for i, m in enumerate(mentions):
            if m.actor_id not in open_ or m.actor_id in found:
                continue
            kind = by_id[m.actor_id].kind
            target = None
            if kind == ActorKind.PERSON:
                target = _employer(text, m, mentions[i + 1 :], mentions[:i], by_id)
            elif kind in _ORGANISATIONS:
                target = _country(text, m, mentions[:i], by_id) or _named_for(m, by_id, gazetteer)
            if target is not None and target != m.actor_id:
                found[m.actor_id] = target
    return [
        e.model_copy(update={"affiliation": found[e.id]}) if e.id in found else e for e in entries
    ]


def _employer(
    text: str,
    person: MentionDraft,
    later: Sequence[MentionDraft],
    earlier: Sequence[MentionDraft],
    by_id: dict[str, ActorEntry],
) -> str | None:
    # "X, economista de la Universidad …": the first organisation the apposition reaches.
    for m in later[:1]:
        if by_id[m.actor_id].kind in _ORGANISATIONS and _APPOSITION.fullmatch(
            text, person.end, m.start
        ):
            return m.actor_id
    # "La jefa del Comando Sur, la general Laura Richardson".
    if earlier:
        org = earlier[-1]
        between = text[org.end : person.start]
        if (
            by_id[org.actor_id].kind in _ORGANISATIONS
            and re.fullmatch(r",\s+(?:(?:el|la)\s+)?(?:[a-záéíóúñ]+\s+)?(?:\w+\.\s+)?", between)
            and _OFFICE_OF.search(text, max(0, org.start - 40), org.start)
        ):
            return org.actor_id
    return None


def _country(
    text: str, org: MentionDraft, earlier: Sequence[MentionDraft], by_id: dict[str, ActorEntry]
) -> str | None:
    """ "la empresa china X", "la chilena X": a demonym (a country's mention) right before."""
    if not earlier:
        return None
    before = earlier[-1]
    if by_id[before.actor_id].kind != ActorKind.COUNTRY or before.surface[0].isupper():
        return None
    if text[before.end : org.start].strip():
        return None
    if _DEMONYM_BEFORE.search(text, max(0, before.start - 30), before.start) is None:
        return None
    return before.actor_id


def _named_for(org: MentionDraft, by_id: dict[str, ActorEntry], gazetteer: Gazetteer) -> str | None:
    """ "Servicio Geológico de Estados Unidos": a country's name after "de" in the name."""
    name = by_id[org.actor_id].name
    if name.split()[0] in ("Universidad", "University"):
        return None
    countries = Gazetteer(e for e in by_id.values() if e.kind == ActorKind.COUNTRY)
    for m in countries.find(name):
        # A country's own name, not its capital: "Instituto … de Estocolmo" is named for a city.
        named = m.surface == by_id[m.actor_id].name or m.surface in _spanish_short_names()
        if named and name[: m.start].rstrip().endswith((" de", " del")):
            return m.actor_id
    return None


@functools.cache
def _spanish_short_names() -> frozenset[str]:
    return frozenset(babel.Locale("es").territories.values())
