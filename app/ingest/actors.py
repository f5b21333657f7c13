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


def _plain_quotes(name: str) -> str:
    return name.replace("’", "'")


# A name starts where a word does: not inside a word or right after a hyphen.
_WORD_CHAR = re.compile(r"\w")


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
        # Phrases by their first two characters, longest first: at each place a word starts,
        # the first that fits is the longest match. A lookup per word start, where one regex
        # alternation of every name took longer to compile (some 0.15 s for the countries
        # alone) than a long article takes to read.
        # Two phrases of one length cannot both start at one place, so length alone orders them.
        self._by_prefix: dict[str, list[tuple[str, bool]]] = {}
        for name in sorted(phrases, key=len, reverse=True):
            # A blocked phrase that ends in a symbol ends where it ends: "US$" in "US$5".
            whole_word = name in self._owner or name[-1].isalnum()
            self._by_prefix.setdefault(name[:2], []).append((name, whole_word))
        # Word starts with a character some phrase starts with: the rest ("the", "of") are
        # passed over inside the regex engine, not looked up one by one.
        firsts = "".join(re.escape(c) for c in sorted({p[0] for p in phrases}))
        self._word_start = re.compile(rf"(?<![\w-])[{firsts}]") if firsts else None
        self._plain: tuple[str, str] = ("", "")

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[MentionDraft]:
        stop = len(text) if end is None else end
        if self._word_start is None:
            return []
        plain_of = self._plain  # one read: a gazetteer may be shared between threads
        if plain_of[0] is not text:  # once per text, not per sentence
            plain_of = (text, _plain_quotes(text))  # the same length: offsets hold
            self._plain = plain_of
        plain = plain_of[1]
        found: list[MentionDraft] = []
        pos = start
        by_prefix = self._by_prefix
        owners = self._owner
        for word in self._word_start.finditer(plain, start, stop):
            at = word.start()
            if at < pos:  # inside the name just found
                continue
            # A one-character phrase is the shortest, so it is tried last.
            fits = (*by_prefix.get(plain[at : at + 2], ()), *by_prefix.get(plain[at], ()))
            for name, whole_word in fits:
                after = at + len(name)
                if after > stop or not plain.startswith(name, at):
                    continue
                if whole_word and after < stop and _WORD_CHAR.match(plain, after):
                    continue
                owner = owners.get(name)
                if owner is not None:
                    found.append(MentionDraft(owner, at, after, text[at:after]))
                pos = after
                break
        return found
