"""Names that stand for an actor: a query that names an actor matches all of its names.

"Moscow" standing for Russia is the article's own usage (the curated gazetteer lists it as an
alias), so a search for it should find what the text says about Russia under any name. The
expansion happens on the query side: the index stays a faithful copy of the text, and the words
that matched are the ones highlighted in the snippet.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from app.core.folding import fold
from app.search.query import ParsedQuery, Term, tokens

# Longest name looked for in a query, in words ("Bolivarian Republic of Venezuela" has four).
MAX_NAME_WORDS = 6

Words = tuple[str, ...]


@dataclass(frozen=True)
class ActorNames:
    actors: dict[Words, tuple[str, ...]]  # a name's tokens -> the actors it names
    names: dict[str, tuple[Words, ...]]  # an actor -> the tokens of each of its names

    @classmethod
    def from_rows(cls, rows: Iterable[tuple[str, str, list[str]]]) -> ActorNames:
        actors: dict[Words, list[str]] = defaultdict(list)
        names: dict[str, list[Words]] = defaultdict(list)
        for actor_id, name, aliases in rows:
            for written in (name, *aliases):
                words = tokens(fold(written))
                if words and len(words) <= MAX_NAME_WORDS and words not in names[actor_id]:
                    names[actor_id].append(words)
                    actors[words].append(actor_id)
        return cls(
            actors={k: tuple(v) for k, v in actors.items()},
            names={k: tuple(v) for k, v in names.items()},
        )


def with_translations(
    actors: Iterable[tuple[str, str, list[str]]], translated: Iterable[tuple[str, str]]
) -> Iterator[tuple[str, str, list[str]]]:
    """Each actor's aliases followed by its translated names (names.py: `search_names`)."""
    extra: dict[str, list[str]] = defaultdict(list)
    for actor, name in translated:
        extra[actor].append(name)
    for actor, name, aliases in actors:
        yield actor, name, [*aliases, *extra.get(actor, ())]


# A phrase as tokens, and whether its last token is a prefix: what the engine's queries are made
# of (app/search/engine/queries.py).
Alternative = tuple[Words, bool]


@dataclass(frozen=True)
class Span:
    """What one term (or a run of terms naming an actor) asks for: any alternative will do."""

    alternatives: tuple[Alternative, ...]
    # The query terms that an actor's name spans: they match through its other names, so they
    # are never "misspelt" even when the text never uses the name as typed ("Havana").
    named: tuple[int, ...] = ()


def _name_at(terms: tuple[Term, ...], start: int, names: ActorNames) -> tuple[int, Span] | None:
    """The longest actor name spelt by the unquoted terms from `start`, as a span."""
    run = 0
    while run < MAX_NAME_WORDS and start + run < len(terms) and not terms[start + run].quoted:
        run += 1
    for length in range(run, 0, -1):
        span = terms[start : start + length]
        words = tuple(token for term in span for token in term.tokens)
        actors = names.actors.get(words)
        if not actors:
            continue
        others = dict.fromkeys(
            (other, False) for actor in actors for other in names.names[actor] if other != words
        )
        alternatives = ((words, span[-1].prefix), *others)
        return length, Span(alternatives, named=tuple(range(start, start + length)))
    return None


def spans(
    query: ParsedQuery,
    names: ActorNames,
    completions: dict[int, tuple[str, ...]] | None = None,
    variants: dict[int, tuple[str, ...]] | None = None,
) -> list[Span]:
    """One span per term, where a run of terms that names an actor becomes one span.

    `completions` replaces a term (by position) with whole words: a prefix that matches no
    stem as typed ("givin": porter indexed "giving" as "give") still finds its words.
    `variants` adds other forms of a term's word (stems.py: "petroleros" -> "petrolera").
    """
    found: list[Span] = []
    i = 0
    terms = query.terms
    completions = completions or {}
    variants = variants or {}
    while i < len(terms):
        named = None if terms[i].quoted else _name_at(terms, i, names)
        # A name first: "caracas" typed last is Venezuela's alias, whatever its completions.
        if named is not None:
            length, span = named
            found.append(span)
            i += length
            continue
        alternatives: tuple[Alternative, ...]
        if i in completions:
            alternatives = tuple(((word,), False) for word in completions[i])
        else:
            alternatives = ((terms[i].tokens, terms[i].prefix),)
        if i in variants:
            alternatives += tuple(((word,), False) for word in variants[i])
        found.append(Span(alternatives))
        i += 1
    return found
