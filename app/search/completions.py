"""Completing the word being typed, the same way on every engine.

The index holds stems, and a word being typed can run past its stem: "givin" is not a prefix
of "give", the stem of "giving". The unstemmed vocabulary knows "giving". And a prefix is
stemmed before it is matched: "may" would become "mai*", which finds "maintain"; a word that
the stemmer changes is a finished word, so it matches the whole words it starts ("may",
"mayor"), each as its own stems.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from app.search.engine.schema import STEMMER
from app.search.query import ParsedQuery, Term


def english_stem(word: str) -> str | None:
    """A word as the index writes it (Snowball's English rules, as PostgreSQL's dictionary
    has them too); None when the analyzer makes anything but one term of it."""
    found = STEMMER.analyze(word)
    return found[0] if len(found) == 1 else None


def completions_for(
    query: ParsedQuery,
    rows_matching: Callable[[Term], int],
    completions: Callable[[str], Sequence[str]],
) -> dict[int, tuple[str, ...]]:
    """The last word's whole-word completions (by position), when as a prefix it matches
    nothing or the stemmer would change it."""
    last = query.terms[-1]
    if not last.prefix or last.quoted or len(last.tokens) != 1 or len(last.tokens[0]) < 3:
        return {}
    word = last.tokens[0]
    if rows_matching(last) and english_stem(word) == word:
        return {}
    words = tuple(completions(word))
    return {len(query.terms) - 1: words} if words else {}
