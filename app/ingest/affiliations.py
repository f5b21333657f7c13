"""Whom a person works for, from how the article introduces them.

Two shapes, each within one sentence, give a person (kind `person`, not yet affiliated) the
actor named beside them as `affiliation`:

- an apposition: "Igor Sechin, head of Rosneft", "R. Evan Ellis, a professor at the U.S.
  Army War College": the name, a comma, at most four lower-case words ending in "of", "at"
  or "for" (not a clause: "speaking of"), then another actor's name ("the" allowed before it);
- a name before the office: "Rosneft chief Igor Sechin", "Venezuelan President Nicolás
  Maduro": another actor's name (a demonym names its country), one to three title or office
  words, then the person.

The first such introduction wins; curated entries keep what the curated file says.
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
_OFFICE = frozenset({"chief", "head", "boss", "founder", "chairman", "spokesman", "CEO"})


def _office(words: list[str]) -> bool:
    return 1 <= len(words) <= 3 and all(w.rstrip(".") in TITLES or w in _OFFICE for w in words)


def affiliate(
    text: str, sentences: Sequence[SentenceDraft], entries: Sequence[ActorEntry]
) -> list[ActorEntry]:
    """`entries` with the affiliations their sentences give to unaffiliated, unreviewed people."""
    by_id = {e.id: e for e in entries}
    open_people = {
        e.id
        for e in entries
        if e.kind == ActorKind.PERSON and e.affiliation is None and not e.reviewed
    }
    if not open_people:
        return list(entries)
    gazetteer = Gazetteer(entries)
    found: dict[str, str] = {}
    for sentence in sentences:
        mentions = gazetteer.find(text, sentence.start, sentence.end)
        at = {m.start: m for m in mentions}
        for i, m in enumerate(mentions):
            if m.actor_id not in open_people or m.actor_id in found:
                continue
            target = _after(text, m, at) or _before(text, mentions[:i], m)
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


def _before(text: str, earlier: Sequence[MentionDraft], person: MentionDraft) -> str | None:
    if not earlier:
        return None
    last = earlier[-1]
    between = text[last.end : person.start].split()
    return last.actor_id if _office(between) else None
