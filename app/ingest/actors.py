"""Finding every mention of every actor of a gazetteer in a text."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from app.ingest.curated import ActorEntry

# Typeset text writes "People’s Republic" where a gazetteer says "People's Republic".
_APOSTROPHES = "'’"


@dataclass(frozen=True, slots=True)
class MentionDraft:
    actor_id: str
    start: int
    end: int
    surface: str


def _plain_quotes(name: str) -> str:
    return name.replace("’", "'")


def _pattern(name: str, *, whole_word: bool) -> str:
    escaped = "".join(f"[{_APOSTROPHES}]" if c in _APOSTROPHES else re.escape(c) for c in name)
    return escaped + (r"(?!\w)" if whole_word else "")


class Gazetteer:
    """Matches names and aliases as whole words, longest first, case-sensitively.

    Case matters: "US" the country is not "us" the pronoun. A hyphen before a name blocks the
    match ("non-Western" does not name the West); one after it does not ("U.S.-centered" does
    name the United States). Straight and curly apostrophes match each other.

    `blocked` phrases are matched like names but yield no mention: "New Mexico" hides the
    "Mexico" inside it.
    """

    def __init__(self, actors: Iterable[ActorEntry], blocked: Iterable[str] = ()) -> None:
        self.actors = {a.id: a for a in actors}
        self._owner: dict[str, str] = {}
        for actor in self.actors.values():
            for name in actor.names:
                self._owner[_plain_quotes(name)] = actor.id
        phrases = set(self._owner) | {_plain_quotes(b) for b in blocked if b}
        names = sorted(phrases, key=lambda n: (-len(n), n))
        # A blocked phrase that ends in a symbol ends where it ends: "US$" in "US$5".
        alternatives = "|".join(
            _pattern(n, whole_word=n in self._owner or n[-1].isalnum()) for n in names
        )
        alternatives = alternatives or r"(?!x)x"
        self._pattern = re.compile(rf"(?<![\w-])(?:{alternatives})")

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[MentionDraft]:
        stop = len(text) if end is None else end
        found: list[MentionDraft] = []
        for m in self._pattern.finditer(text, start, stop):
            owner = self._owner.get(_plain_quotes(m.group()))
            if owner is not None:
                found.append(MentionDraft(owner, m.start(), m.end(), m.group()))
        return found
