"""Finding every mention of every actor of a gazetteer in a text."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from app.ingest.curated import ActorEntry


@dataclass(frozen=True, slots=True)
class MentionDraft:
    actor_id: str
    start: int
    end: int
    surface: str


class Gazetteer:
    """Matches names and aliases as whole words, longest first, case-sensitively.

    Case matters: "US" the country is not "us" the pronoun. A hyphen before a name blocks the
    match ("non-Western" does not name the West); one after it does not ("U.S.-centered" does
    name the United States).
    """

    def __init__(self, actors: Iterable[ActorEntry]) -> None:
        self.actors = {a.id: a for a in actors}
        self._owner: dict[str, str] = {}
        for actor in self.actors.values():
            for name in actor.names:
                self._owner[name] = actor.id
        names = sorted(self._owner, key=lambda n: (-len(n), n))
        alternatives = "|".join(re.escape(n) for n in names) or r"(?!x)x"
        self._pattern = re.compile(rf"(?<![\w-])(?:{alternatives})(?!\w)")

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[MentionDraft]:
        stop = len(text) if end is None else end
        return [
            MentionDraft(self._owner[m.group()], m.start(), m.end(), m.group())
            for m in self._pattern.finditer(text, start, stop)
        ]
