"""Whom a person works for, and which country an organisation belongs to, from how the article
introduces them.

Each shape is read within one sentence and gives a proposed person (kind `person`, not yet
affiliated) the actor named beside them as `affiliation`:

- an apposition: "Igor Sechin, head of Rosneft", "R. Evan Ellis, a professor at the U.S.
  Army War College", "Jane Roe, a visiting senior fellow at the Lowy Institute", "Jane Roe,
  director of the Asia programme at the Lowy Institute": the name, a comma, a noun phrase of
  at most eight words (not a clause: "speaking of", "who said"), the last of them "of", "at",
  "for" or "with", then another actor's name ("the" allowed before it);
- an office after a possessive: "Sergei Lavrov, Russia's foreign minister", "Jane Roe,
  Rosneft's chief economist";
- "of", "at" or "from" right after the name: "Kevin Gallagher of Boston University";
- a relative clause of leading: "Assimi Goïta, who has led Mali since 2021", "Jane Roe, who
  heads Rosneft";
- a title and "of" before the actor and the person: "President of Azerbaijan Ilham Aliyev";
- a name before the office: "Rosneft chief Igor Sechin", "Venezuelan President Nicolás
  Maduro", "Rosneft's chief executive Igor Sechin", "Goldman Sachs analyst Jane Roe",
  "Russia's foreign minister, Sergei Lavrov", "his French counterpart, Jean Roux": another
  actor's name (a demonym names its country, an acronym in parentheses may follow it), one to
  three title or office words, then the person (a comma allowed before the name).

- the article's ministry of the topic an office names ("Finance Minister X": the Ministry of
  Finance); the organisation a noun names back ("X, the authority's chairman"); the latest
  organisation named before "its founder, X" or a sentence that opens with an office ("Chief
  executive X said ...").

An organisation named inside another's name is the one meant: "a fellow at Columbia
University's Center on Global Energy Policy" works for the centre.

A proposed organisation gets its country the same ways: "the Chinese company Ganfeng
Lithium", "Maersk, the Danish carrier" (a country's name or demonym, then a noun for a
company), "India's Hindustan Aeronautics", "Novatek, Russia's largest gas producer", "Eramet
of France", and from its own name when that starts with a country's name or demonym
("Russian Defence Ministry", "China Development Bank", "US Geological Survey") or ends with
"of" and one ("Export-Import Bank of China"; not a university: "National University of
Singapore" is named for where it is). A company also belongs to another named as its
parent: "Citgo, PDVSA's refining arm". The first introduction wins; curated entries keep what
the curated file says.
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

# A noun phrase, not a clause: "speaking of Rosneft", "based at Rosneft" or "who said at
# Rosneft" is no office. It runs to the next comma or stop, eight words at most before the
# preposition, and words may be capitalised ("director of the Asia programme at").
_APPOSITION = re.compile(
    r",\s+(?:(?:the|a|an)\s+)?(?![a-z]+(?:ing|ed)\s)"
    r"(?!(?:who|which|that|whose|said|says|told|and|but)\b)"
)
_APPOSITION_END = re.compile(r"[,;:.!?()\"“”]|\b(?:who|which|that|whose)\b")
_PREPOSITION = re.compile(r"(?<=\s)(?:of|at|for|with)\s+(?:the\s+)?")
_APPOSITION_WORDS = 9
_OF_AFTER = re.compile(r"\s+(?:(?P<of>of)|at)\s+(?:the\s+)?")
_WHO_LEADS = re.compile(
    r",\s+who\s+(?:(?:has|had|now|currently)\s+)?(?:(?:also|long)\s+)?"
    r"(?:heads?|headed|leads?|led|runs?|ran|chairs?|chaired|founded|directs?|directed"
    r"|manages?|managed|governs?|governed|rules?|ruled)\s+(?:the\s+)?"
)
_POSSESSIVE_OFFICE = re.compile(r",\s+(?:the\s+)?")
_THE = re.compile(r"(?:the\s+)?")
_OFFICE = frozenset({
    "chief", "head", "boss", "founder", "chairman", "chairwoman", "spokesman", "spokeswoman",
    "spokesperson", "ceo", "analyst", "economist", "strategist", "director", "minister",
    "secretary", "president", "envoy", "ambassador", "governor", "adviser", "advisor",
    "official", "researcher", "negotiator", "counterpart", "executive", "leader", "ministry",
    "government", "embassy", "army", "navy", "military", "party",
})  # fmt: skip
# What an organisation is called after its country: "the Chinese company Ganfeng Lithium",
# "Maersk, the Danish carrier".
_ORG_NOUNS = frozenset({
    "company", "firm", "group", "producer", "carrier", "miner", "bank", "lender", "insurer",
    "shipbuilder", "shipyard", "manufacturer", "maker", "operator", "exporter", "importer",
    "refiner", "utility", "agency", "regulator", "fund", "conglomerate", "giant", "major",
    "state", "state-owned", "oil", "gas", "mining", "copper", "lithium", "energy", "defence",
    "defense", "shipping", "chip", "chipmaker", "airline", "automaker", "investor",
})  # fmt: skip
# What a company is to its parent: "Citgo, PDVSA's refining arm".
_PARENT_NOUNS = frozenset({"arm", "unit", "subsidiary", "division", "affiliate", "branch"})
_APPOSED_COUNTRY = re.compile(r",\s+(?:the|a|an)\s+")
_APPOSED_POSSESSIVE = re.compile(r",\s+")
_POSSESSIVE = ("'s", "’s")
_ACRONYM = re.compile(r"\s*\([A-Z][A-Za-z&-]{1,9}\)")
_POSSESSED = re.compile(r"['’]s\s+")
_NAME_GOES_ON = re.compile(r"\s+(?:and\s+)?[A-Z]\w")
_WORDS_AFTER = re.compile(r"\s+((?:[a-z][\w-]*\s+){0,4}[a-z][\w-]*)")
# A university is named for where it is, not for the state that owns it.
_NAMED_FOR_A_PLACE = re.compile(r"\b(?:University|College|School|Institute)\b")


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
    countries = Gazetteer(e for e in entries if e.kind == ActorKind.COUNTRY)
    found: dict[str, str] = {}
    before: list[MentionDraft] = []  # every mention of the sentences so far
    for sentence in sentences:
        mentions = gazetteer.find(text, sentence.start, sentence.end)
        at = {m.start: m for m in mentions}
        for i, m in enumerate(mentions):
            if m.actor_id not in open_ or m.actor_id in found:
                continue
            kind = by_id[m.actor_id].kind
            if kind == ActorKind.PERSON:
                target = (
                    _ministry(text, m, by_id)
                    or _person(text, m, at, mentions[:i], by_id)
                    or _named_back(text, m, [*before, *mentions[:i]], by_id)
                    or _its_office(text, sentence.start, m, [*before, *mentions[:i]], by_id)
                )
            elif kind in (ActorKind.COMPANY, ActorKind.ORGANIZATION):
                target = _organisation(text, m, at, mentions[:i], by_id, countries)
            else:
                target = None
            if (
                target is not None
                and target != m.actor_id
                and by_id[target].kind != ActorKind.PERSON
            ):
                found[m.actor_id] = target
        before += mentions
    return [
        e.model_copy(update={"affiliation": found[e.id]}) if e.id in found else e for e in entries
    ]


# "Economy Minister Sergio Massa", "Deputy Defence Minister ...": the ministry of that name.
_TOPIC_MINISTER = re.compile(r"\b(?P<topic>[A-Z][a-z]+)\s+Minister\s+$")
# "Osama Rabie, the authority's chairman": the organisation the noun names back.
_NAMED_BACK = re.compile(r",\s+the\s+(?P<noun>[a-z]+)['’]s\s+(?P<office>[a-z]+(?:\s+[a-z]+)?)\b")
_COMPANY_NOUNS = frozenset({"company", "firm", "group", "carrier", "lender", "bank", "miner"})


def _ministry(text: str, person: MentionDraft, by_id: dict[str, ActorEntry]) -> str | None:
    """The article's ministry of the topic an office before the person names ("Finance
    Minister X": the Ministry of Finance, the Finance Ministry)."""
    m = _TOPIC_MINISTER.search(text, max(0, person.start - 40), person.start)
    if m is None:
        return None
    topic = m["topic"].lower().replace("defense", "defence")
    ministries = [
        e.id
        for e in by_id.values()
        if e.kind in (ActorKind.ORGANIZATION, ActorKind.COMPANY)
        and "Ministry" in e.name.split()
        and topic in e.name.lower().replace("defense", "defence").split()
    ]
    return ministries[0] if len(ministries) == 1 else None


# "... the Wagner Group after its founder, Yevgeny Prigozhin, died": "its" and an office; and
# "Chief executive Vincent Clerc said ..." opening a sentence, after the company was named.
_ITS_OFFICE = re.compile(r"\bits\s+(?P<office>(?:[a-z]+\s+){0,2}[a-z]+),?\s+$")
_OPENING_OFFICE = re.compile(
    r"(?P<office>(?:Chief|Managing|Executive|Finance|Technical)(?:\s+[a-z]+){1,2}"
    r"|Chairman|Chairwoman|Founder|Spokesman|Spokeswoman)\s+$"
)


def _its_office(
    text: str,
    sentence_start: int,
    person: MentionDraft,
    before: Sequence[MentionDraft],
    by_id: dict[str, ActorEntry],
) -> str | None:
    """The latest organisation named before "its founder, X" or a sentence that opens with an
    office and the person ("Chief executive X said")."""
    its = _ITS_OFFICE.search(text, max(0, person.start - 40), person.start)
    opening = _OPENING_OFFICE.fullmatch(text, sentence_start, person.start)
    office = its["office"] if its else opening["office"].lower() if opening else None
    if office is None or not _office(office.split()):
        return None
    return next(
        (
            e.id
            for m in reversed(before)
            if (e := by_id[m.actor_id]).kind in (ActorKind.ORGANIZATION, ActorKind.COMPANY)
        ),
        None,
    )


def _named_back(
    text: str,
    person: MentionDraft,
    before: Sequence[MentionDraft],
    by_id: dict[str, ActorEntry],
) -> str | None:
    """ "Osama Rabie, the authority's chairman": the latest organisation named before whose
    name ends with that noun (or any company, for "the company's")."""
    m = _NAMED_BACK.match(text, person.end)
    if m is None or not _office(m["office"].split()):
        return None
    noun = m["noun"]
    for earlier in reversed(before):
        entry = by_id[earlier.actor_id]
        if entry.kind not in (ActorKind.ORGANIZATION, ActorKind.COMPANY):
            continue
        if entry.name.split()[-1].lower() == noun or (
            noun in _COMPANY_NOUNS and entry.kind is ActorKind.COMPANY
        ):
            return entry.id
    return None


def _person(
    text: str,
    person: MentionDraft,
    at: dict[int, MentionDraft],
    earlier: Sequence[MentionDraft],
    by_id: dict[str, ActorEntry],
) -> str | None:
    return (
        _after(text, person, at)
        or _possessive_office(text, person, at, by_id)
        or _of_after(text, person, at, by_id)
        or _at(text, at, _WHO_LEADS.match(text, person.end))
        or _before(text, earlier, person)
        or _title_of(text, earlier, person)
    )


_TITLE_OF = re.compile(r"\b((?:[A-Z][a-z]+ ){1,3})of\s+(?:the\s+)?$")


def _title_of(text: str, earlier: Sequence[MentionDraft], person: MentionDraft) -> str | None:
    """ "President of Azerbaijan Ilham Aliyev": a title, "of", the actor, then the person."""
    if not earlier or text[earlier[-1].end : person.start].strip():
        return None
    last = earlier[-1]
    title = _TITLE_OF.search(text, max(0, last.start - 40), last.start)
    if title is None or not all(w in TITLES for w in title[1].split()):
        return None
    return last.actor_id


def _organisation(
    text: str,
    org: MentionDraft,
    at: dict[int, MentionDraft],
    earlier: Sequence[MentionDraft],
    by_id: dict[str, ActorEntry],
    countries: Gazetteer,
) -> str | None:
    def country(actor_id: str | None) -> str | None:
        return actor_id if actor_id and by_id[actor_id].kind == ActorKind.COUNTRY else None

    return (
        country(_country_after(text, org, at, by_id))
        or country(_possessive_org(text, org, at, _ORG_NOUNS))
        or _parent(text, org, at, by_id)
        or country(_at(text, at, re.compile(r"\s+of\s+").match(text, org.end)))
        or country(_before(text, earlier, org, _ORG_NOUNS))
        or _named_for(by_id[org.actor_id], countries)
    )


def _at(text: str, at: dict[int, MentionDraft], lead: re.Match[str] | None) -> str | None:
    """The actor named where `lead` ends; the inner one of "Columbia University's Center"."""
    if lead is None:
        return None
    target = at.get(lead.end())
    if target is None or _NAME_GOES_ON.match(text, target.end):
        return None  # "of the Brazilian Farm Confederation": a longer name nobody proposed
    possessed = _POSSESSED.match(text, target.end)
    inner = at.get(possessed.end()) if possessed else None
    return (inner or target).actor_id


def _after(text: str, person: MentionDraft, at: dict[int, MentionDraft]) -> str | None:
    """ "Jane Roe, director of the Asia programme at the Lowy Institute": the first actor named
    after a preposition of the apposition."""
    apposition = _APPOSITION.match(text, person.end)
    if apposition is None:
        return None
    stop = _APPOSITION_END.search(text, apposition.end(), apposition.end() + 120)
    end = stop.start() if stop else min(len(text), apposition.end() + 120)
    for prep in _PREPOSITION.finditer(text, apposition.end(), end):
        if len(text[apposition.end() : prep.start()].split()) >= _APPOSITION_WORDS:
            return None
        if prep.end() in at:
            return _at(text, at, prep)
    return None


def _of_after(
    text: str, person: MentionDraft, at: dict[int, MentionDraft], by_id: dict[str, ActorEntry]
) -> str | None:
    """ "Kevin Gallagher of Boston University", "Jane Roe at Rosneft" (an organisation only:
    "met Xi at the G20" is no affiliation)."""
    lead = _OF_AFTER.match(text, person.end)
    target = _at(text, at, lead)
    if target is None or lead is None:
        return None
    if lead["of"] or by_id[target].kind in (ActorKind.COMPANY, ActorKind.ORGANIZATION):
        return target
    return None


def _possessive_office(
    text: str, person: MentionDraft, at: dict[int, MentionDraft], by_id: dict[str, ActorEntry]
) -> str | None:
    """ "Sergei Lavrov, Russia's foreign minister": the office words after the possessive."""
    lead = _POSSESSIVE_OFFICE.match(text, person.end)
    target = at.get(lead.end()) if lead else None
    if target is None or text[target.end : target.end + 2] not in _POSSESSIVE:
        return None
    words = _WORDS_AFTER.match(text, target.end + 2)
    if words is None or not any(w in _OFFICE for w in words[1].lower().split()):
        return None
    return target.actor_id if by_id[target.actor_id].kind != ActorKind.PERSON else None


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


def _possessive_org(
    text: str, org: MentionDraft, at: dict[int, MentionDraft], nouns: frozenset[str]
) -> str | None:
    """ "Novatek, Russia's largest private gas producer": an actor's possessive after the comma,
    then lower-case words, one of them in `nouns`."""
    apposed = _APPOSED_POSSESSIVE.match(text, org.end)
    target = at.get(apposed.end()) if apposed is not None else None
    if target is None or text[target.end : target.end + 2] not in _POSSESSIVE:
        return None
    words = _WORDS_AFTER.match(text, target.end + 2)
    if words is None or not any(w in nouns for w in words[1].split()):
        return None
    return target.actor_id


def _parent(
    text: str, org: MentionDraft, at: dict[int, MentionDraft], by_id: dict[str, ActorEntry]
) -> str | None:
    """ "Citgo, PDVSA's refining arm": a company's parent."""
    parent = _possessive_org(text, org, at, _PARENT_NOUNS)
    if parent is None or by_id[parent].kind not in (ActorKind.COMPANY, ActorKind.ORGANIZATION):
        return None
    return parent


def _named_for(org: ActorEntry, countries: Gazetteer) -> str | None:
    """ "Russian Defence Ministry", "US Geological Survey", "Export-Import Bank of China": the
    country an organisation's own name starts with, or ends with after "of"."""
    name = org.name
    found = countries.find(name)
    if not found:
        return None
    first, last = found[0], found[-1]
    if first.start == 0 and first.end < len(name):
        return first.actor_id
    if (
        last.end == len(name)
        and name[: last.start].endswith(" of ")
        and not _NAMED_FOR_A_PLACE.search(name)
    ):
        return last.actor_id
    return None


def _before(
    text: str,
    earlier: Sequence[MentionDraft],
    person: MentionDraft,
    nouns: frozenset[str] = _OFFICE,
) -> str | None:
    if not earlier:
        return None
    last = earlier[-1]
    between = text[last.end : person.start]
    if acronym := _ACRONYM.match(between):  # "Hong Kong Exchanges and Clearing (HKEX) chief"
        between = between[acronym.end() :]
    words = between.split()
    if nouns is _OFFICE:
        # "Russia's foreign minister, Sergei Lavrov", "Burkina Faso's leader, Capt. Ibrahim ..."
        words = [w.removesuffix(",") for w in words]
    return last.actor_id if _office(words, nouns) else None
