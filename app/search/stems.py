"""Spanish words found by their other forms: "petroleros" finds "petrolera" and "petrolero".

The index stems every row with English rules (Snowball's English rules, on both backends),
which leave Spanish endings alone. Rather than a second index, the index keeps a table of the
words that occur in the rows of Spanish articles, each with its Spanish Snowball stem and the
number of rows it is in (`search_stems`, migration 0013). A query's word is stemmed with the
Spanish rules too, and the indexed words sharing that stem join the query as alternatives of
the word (OR): an English query matches what it matched before, and a Spanish one also matches
every form of its words that the Spanish rows hold, highlighted in the snippet as written.
An index with no Spanish rows has an empty table, so its queries are exactly what they were.

Words are folded (case and accents off) before they are stemmed, on both sides: "petróleo"
and "petroleo" have one stem, whichever a person types. The stemmer is PyStemmer (the
Snowball project's C stemmers; docs/performance.md measures it against snowballstemmer).
Both backends fill and read the table through this module, so they expand a query alike.
"""

from __future__ import annotations

import re
import threading
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import Stemmer  # type: ignore[import-not-found]
from sqlalchemy import Connection, text

from app.core.folding import fold
from app.search.completions import english_stem
from app.search.query import ParsedQuery, tokens

# Article languages whose words are stemmed here (ISO 639-1 -> Snowball's name for its rules).
# English rows are stemmed by the index itself.
STEMMED = {"es": "spanish"}
# Alternatives a word gains at most: its forms in the most rows.
MAX_VARIANTS = 8
# Shorter words and words with digits have no endings worth stemming.
MIN_LENGTH = 3

# (language, word) -> the number of rows it is in (to add, or to take away).
Counts = Counter[tuple[str, str]]


class _Stemmers(threading.local):
    """PyStemmer's stemmers are not safe to share between threads: one set per thread."""

    def __init__(self) -> None:
        self.by_language: dict[str, Stemmer.Stemmer] = {}


_stemmers = _Stemmers()


def _stemmer(language: str) -> Stemmer.Stemmer:
    found = _stemmers.by_language.get(language)
    if found is None:
        found = Stemmer.Stemmer(STEMMED[language])
        _stemmers.by_language[language] = found
    return found


def stem(language: str, word: str) -> str:
    """The stem of a folded word by `language`'s Snowball rules: "petroleros" -> "petroler".

    About 0.2 µs a word; each stemmer also keeps its own bounded cache of recent words."""
    return str(_stemmer(language).stemWord(word))


_DIGIT = re.compile(r"\d")


def eligible(word: str) -> bool:
    return len(word) >= MIN_LENGTH and _DIGIT.search(word) is None


def row_words(*columns: str) -> set[str]:
    """The distinct words of a row's columns, folded and split as the index splits them."""
    return {w for column in columns for w in tokens(fold(column)) if eligible(w)}


def count_words(rows: Iterable[tuple[str | None, str, str, str]]) -> Counts:
    """(language, title, body, aliases) rows -> the rows each word of a stemmed language is in."""
    counts: Counts = Counter()
    for language, title, body, aliases in rows:
        if language in STEMMED:
            counts.update((language, word) for word in row_words(title, body, aliases))
    return counts


def texts(rows: Iterable[Sequence[Any]]) -> Iterator[tuple[str | None, str, str, str]]:
    """Database rows of (language, title, body, aliases) as `count_words` takes them."""
    for row in rows:
        yield row[0], row[1], row[2], row[3]


_UPSERT = text(
    "INSERT INTO search_stems (language, word, stem, rows)"
    " VALUES (:language, :word, :stem, :rows)"
    " ON CONFLICT (language, word) DO UPDATE SET rows = search_stems.rows + excluded.rows"
)


def write_counts(conn: Connection, counts: Counts, sign: int) -> None:
    """Adds (sign 1) or takes away (sign -1) the counted rows; words in no row are dropped."""
    if not counts:
        return
    conn.execute(
        _UPSERT,
        [
            {"language": language, "word": word, "stem": stem(language, word), "rows": sign * n}
            for (language, word), n in sorted(counts.items())
        ],
    )
    if sign < 0:
        conn.execute(text("DELETE FROM search_stems WHERE rows <= 0"))


def wanted(query: ParsedQuery) -> dict[int, str]:
    """Query positions whose word may have other forms: unquoted single words."""
    return {
        i: term.tokens[0]
        for i, term in enumerate(query.terms)
        if not term.quoted and len(term.tokens) == 1 and eligible(term.tokens[0])
    }


def stems_of(words: Iterable[str]) -> dict[str, list[str]]:
    """Language -> the stems of these words, sorted: what the index is asked for."""
    unique = set(words)
    return {language: sorted({stem(language, w) for w in unique}) for language in STEMMED}


# The words of a search's stems, those in most rows first: `spelled` groups them.
SPELLED_SQL = (
    "SELECT stem, word FROM search_stems WHERE language = {language} AND stem IN {stems}"
    " ORDER BY stem, rows DESC, word"
)


def spelled(rows: Iterable[tuple[str, str]]) -> dict[str, list[str]]:
    """(stem, word) rows, in SPELLED_SQL's order -> stem -> its words."""
    found: dict[str, list[str]] = defaultdict(list)
    for stem_, word in rows:
        found[stem_].append(word)
    return found


Lookup = dict[str, dict[str, list[str]]]  # language -> stem -> words, most rows first


def variants_for(
    query: ParsedQuery,
    words: dict[int, str],
    lookup: Lookup,
    completed: dict[int, tuple[str, ...]],
) -> dict[int, tuple[str, ...]]:
    """Position -> the other forms of its word (`words`: `wanted`) that the index holds
    (`lookup`).

    A form is left out when it adds nothing: the word itself, a completion already offered,
    a form that the word being typed starts (its prefix matches it), and a form with the same
    English stem as one already there (it would match the same rows again).
    """
    found: dict[int, tuple[str, ...]] = {}
    if not any(lookup.values()):
        return found
    for i, word in words.items():
        prefix = query.terms[i].prefix
        own = completed.get(i, (word,))
        seen = {english_stem(w) for w in own}
        kept: list[str] = []
        for language, stems in lookup.items():
            for form in stems.get(stem(language, word), ()):
                if form in own or form in kept or (prefix and form.startswith(word)):
                    continue
                english = english_stem(form)
                if english is not None and english in seen:
                    continue
                seen.add(english)
                kept.append(form)
        if kept:
            found[i] = tuple(kept[:MAX_VARIANTS])
    return found
