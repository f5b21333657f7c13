"""Phrases that match the very same index terms, known as one.

A one-word phrase matches index terms, and nothing else decides what FTS5 makes of it: `"oil"`
matches the rows holding the term porter makes of "oil"; `"venezu"*` every term starting with
the stem of "venezu". Two phrases that match the same terms match the same tokens of the same
rows, so they count the same rows, score the same bm25 doubles and get the same snippets.
Typing "venezu", "venezue", "venezuel", "venezuela" gives four phrases and one set of terms
({venezuela, venezuelan}): keyed by that set (its range in the sorted terms), the memos of
cache.py and snippets.py compute each answer once instead of four times. Phrases of several
words keep their own text as their key.

The terms come from the index itself (an fts5vocab table on the reader's connection, so they
are the data version's own) and the stems from FTS5 itself (an in-memory table with the
index's tokenizer): both are FTS5's, not a reimplementation.
"""

from __future__ import annotations

import bisect
import sqlite3
import threading
from collections.abc import Callable, Sequence

from app.search.query import ParsedQuery, Term
from app.search.sizes import text_pair_entry

# The search index's tokenizer (migrations/versions/20261128_0002_search_index.py; a test holds
# the two equal).
TOKENIZER = "porter unicode61 remove_diacritics 2"
# Words stemmed (for the process), and phrases keyed (per data version): each table emptied
# when its entries' estimated bytes (sizes.py) pass this, which costs a stem (about 30 µs) for
# each word typed again.
MAX_STEM_BYTES = 4 << 20


class Stemmer:
    """A word as the index's tokenizer writes it: its porter stem, or None when the tokenizer
    makes anything but one token of it."""

    def __init__(self) -> None:
        # Made on first use: importing the module costs nothing.
        self._conn: sqlite3.Connection | None = None
        self._lock = threading.Lock()
        self._stems: dict[str, str | None] = {}
        self.bytes = 0

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(":memory:", check_same_thread=False)
        conn.execute(f"CREATE VIRTUAL TABLE word USING fts5(w, tokenize = '{TOKENIZER}')")
        conn.execute("CREATE VIRTUAL TABLE word_terms USING fts5vocab(word, 'row')")
        return conn

    def stem(self, word: str) -> str | None:
        if word in self._stems:
            return self._stems[word]
        with self._lock:
            if self._conn is None:
                self._conn = self._connect()
            self._conn.execute("INSERT INTO word VALUES (?)", (word,))
            terms = self._conn.execute("SELECT term, cnt FROM word_terms").fetchall()
            self._conn.execute("DELETE FROM word")
        # One token, not several with one stem: a mark that the tokenizer takes for a separator
        # makes "oil\u0903oil" the phrase "oil oil", whose stem is "oil" too.
        stem = terms[0][0] if len(terms) == 1 and terms[0][1] == 1 else None
        size = text_pair_entry(word, stem)
        if self.bytes + size > MAX_STEM_BYTES:
            self._stems.clear()
            self.bytes = 0
        self._stems[word] = stem
        self.bytes += size
        return stem


_stemmer = Stemmer()
stem = _stemmer.stem


def index_terms(db: sqlite3.Connection) -> list[str]:
    """Every term of the search index, sorted (as FTS5 sorts them: by their UTF-8 bytes), from
    the reader's own view of it (`Reader` defines `temp.search_terms`)."""
    return [term for (term,) in db.execute("SELECT term FROM temp.search_terms")]


class PhraseClasses:
    """An FTS5 phrase (as query.fts_string writes it) -> the key of the terms it matches."""

    def __init__(self, terms: list[str]) -> None:
        self._terms = terms
        self._keys: dict[str, str] = {}
        self.bytes = 0

    def key(self, phrase: str) -> str:
        found = self._keys.get(phrase)
        if found is None:
            found = self._key(phrase)
            size = text_pair_entry(phrase, found)
            if self.bytes + size > MAX_STEM_BYTES:
                self._keys.clear()
                self.bytes = 0
            self._keys[phrase] = found
            self.bytes += size
        return found

    def _key(self, phrase: str) -> str:
        prefix = phrase.endswith("*")
        word = phrase[1:-2] if prefix else phrase[1:-1]
        # Several words (or a quote inside one): a phrase of its own.
        if " " in word or '"' in word:
            return phrase
        stem = _stemmer.stem(word)
        if stem is None:
            return phrase
        start = bisect.bisect_left(self._terms, stem)
        if prefix:
            end = bisect.bisect_left(self._terms, stem + "\U0010ffff", lo=start)
        else:
            end = start + 1 if start < len(self._terms) and self._terms[start] == stem else start
        # A range of terms, never the text of a phrase (those start with a quote); no terms at
        # all match nothing, which each phrase may as well find out for itself.
        return f"{start}:{end}" if end > start else phrase


def completions_for(
    query: ParsedQuery,
    rows_matching: Callable[[Term], int],
    completions: Callable[[str], Sequence[str]],
) -> dict[int, tuple[str, ...]]:
    """The last word's whole-word completions (by position), when as a prefix it matches
    nothing or porter would change it; both backends answer by this rule.

    The index holds porter stems, and a word being typed can run past its stem: "givin" is
    not a prefix of "give", the stem of "giving". The unstemmed vocabulary knows "giving".
    And FTS5 stems a prefix before matching it: "may" becomes "mai*", which finds "maintain";
    a word that porter changes is a finished word, so it matches the whole words it starts
    ("may", "mayor"), each as its own stems.
    """
    last = query.terms[-1]
    if not last.prefix or last.quoted or len(last.tokens) != 1 or len(last.tokens[0]) < 3:
        return {}
    word = last.tokens[0]
    if rows_matching(last) and stem(word) == word:
        return {}
    words = tuple(completions(word))
    return {len(query.terms) - 1: words} if words else {}
