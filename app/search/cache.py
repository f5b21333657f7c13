"""What a search reads again and again but that changes only with the data: kept per reader.

`Database.reader()` gives one raw connection per version of the data (a load that swaps in a
new file gets a new reader), so keying on the reader (weakly, so a replaced reader's entry
goes with it) needs no invalidation. Kept here: the actor names (read by every search), the
vocabulary (read when a suggestion or completion is considered), and bounded memos: how many
rows each phrase matches, the rows and scores of the small ones (ranking.py), what each row
needs in a result, corrections, and snippets (snippets.py). Queries are mostly new, but they
are made of words that come back again and again.

Every memo is bounded in bytes, by an estimate of what its entries hold (sizes.py), never in
entries: entries of one kind differ a hundredfold (a score table of one row or of 5,000, a
phrase of one word or of forty). A reader's memos hold MEMO_BYTES (48 MiB) at most in all, so
a serving worker stays under 200 MB however long it runs (bench/search_memory.py measures a
10-minute run of distinct queries: docs/performance.md).
"""

from __future__ import annotations

import bisect
import itertools
import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Generic, Literal, TypeVar
from weakref import WeakKeyDictionary

from app.core.db import Reader
from app.search import sizes
from app.search.aliases import ActorNames, load_names
from app.search.phrases import PhraseClasses, index_terms
from app.search.query import Term
from app.search.suggest import closest, vocabulary

# Words offered for a prefix that matches nothing as typed (see `completions`).
MAX_COMPLETIONS = 8
# A phrase in more rows than this has no scores kept: reading them would cost more than the
# memo saves (its queries rank in SQL, see backend.py). Row counts are capped at
# MAX_PHRASE_ROWS + 1: "more than that" is all anyone asks.
MAX_PHRASE_ROWS = 5_000
# Each memo's budget in bytes (sizes.py estimates each entry); MEMO_BYTES in all.
MIB = 1 << 20
COUNT_BYTES = 4 * MIB
SCORE_BYTES = 16 * MIB
CORRECTION_BYTES = 2 * MIB
SNIPPET_BYTES = 16 * MIB
# What a result needs of its row: type, id, article, section, actors (space-separated ids).
# An index this small has its rows and its terms read whole on first use (its terms, to know
# which phrases match the same ones: phrases.py); rows past the budget are read again.
ROW_BYTES = 8 * MIB
ARTICLE_ACTOR_BYTES = 2 * MIB
MEMO_BYTES = (
    COUNT_BYTES + SCORE_BYTES + CORRECTION_BYTES + SNIPPET_BYTES + ROW_BYTES + ARTICLE_ACTOR_BYTES
)
READ_WHOLE_BELOW = 20_000

K = TypeVar("K")
V = TypeVar("V")
RowMeta = tuple[str, str, str | None, str | None, str]
# A phrase's rows and what each scores for it alone: rowid -> -bm25 (positive, higher better).
Scores = dict[int, float]


class Memo(Generic[K, V]):
    """A dict bounded in bytes (`size` of each key and value: sizes.py), least recently used
    out. An entry larger than the whole budget is not kept."""

    def __init__(self, max_bytes: int, size: Callable[[K, V], int]) -> None:
        self.max_bytes = max_bytes
        self.size = size
        self.bytes = 0
        # Oldest first. An OrderedDict: evicting a plain dict's first key again and again makes
        # each `next(iter(...))` walk the deleted slots before it (3 ms of a 17 ms search at
        # 10,000 articles); popitem(last=False) does not.
        self._items: OrderedDict[K, tuple[V, int]] = OrderedDict()

    def get(self, key: K) -> V | None:
        found = self._items.get(key)
        if found is None:
            return None
        self._items.move_to_end(key)
        return found[0]

    def put(self, key: K, value: V) -> None:
        old = self._items.pop(key, None)
        if old is not None:
            self.bytes -= old[1]
        size = self.size(key, value)
        if size > self.max_bytes:
            return
        self._items[key] = (value, size)
        self.bytes += size
        while self.bytes > self.max_bytes:
            _, (_, evicted) = self._items.popitem(last=False)
            self.bytes -= evicted

    def __contains__(self, key: object) -> bool:
        return key in self._items

    def __len__(self) -> int:
        return len(self._items)


_COUNT = "SELECT count(*) FROM (SELECT 1 FROM search_index WHERE search_index MATCH ? LIMIT ?)"
_SCORES = "SELECT rowid, bm25(search_index, {title}, {body}, {aliases}) FROM search_index"
_META = "SELECT rowid, type, id, article, section, actors FROM search_index"


@dataclass
class IndexData:
    names: ActorNames
    # bm25's column weights, as the ranking query writes them (backend.WEIGHTS).
    weights: dict[str, float]
    _vocabulary: dict[str, int] | None = field(default=None, repr=False)
    _sorted: list[str] = field(default_factory=list, repr=False)
    _counts: Memo[str, int] = field(
        default_factory=lambda: Memo(COUNT_BYTES, sizes.count_entry), repr=False
    )
    _scores: Memo[str, Scores] = field(
        default_factory=lambda: Memo(SCORE_BYTES, sizes.scores_entry), repr=False
    )
    _closest: Memo[tuple[str, int], tuple[str | None]] = field(
        default_factory=lambda: Memo(CORRECTION_BYTES, sizes.correction_entry), repr=False
    )
    _rows: Memo[int, RowMeta] = field(
        default_factory=lambda: Memo(ROW_BYTES, sizes.row_entry), repr=False
    )
    _read_whole: bool | None = field(default=None, repr=False)
    _has_stems: bool | None = field(default=None, repr=False)
    _read_rows: bool = field(default=False, repr=False)
    # False for an index too large to read its terms at once.
    _classes: PhraseClasses | Literal[False] | None = field(default=None, repr=False)
    _article_actors: Memo[str, frozenset[str]] = field(
        default_factory=lambda: Memo(ARTICLE_ACTOR_BYTES, sizes.actors_entry), repr=False
    )
    # (rowid, the query's phrases found in that row) -> (label, snippet): see snippets.py.
    snippets: Memo[tuple[int, tuple[str, ...]], tuple[str, str]] = field(
        default_factory=lambda: Memo(SNIPPET_BYTES, sizes.snippet_entry), repr=False
    )

    def has_stems(self, db: sqlite3.Connection) -> bool:
        """Whether any row's words are stemmed by other rules than English (stems.py)."""
        if self._has_stems is None:
            found = db.execute("SELECT EXISTS (SELECT 1 FROM search_stems)").fetchone()[0]
            self._has_stems = bool(found)
        return self._has_stems

    def vocabulary(self, db: sqlite3.Connection) -> dict[str, int]:
        if self._vocabulary is None:
            words = vocabulary(db)
            self._sorted = sorted(words)
            self._vocabulary = words
        return self._vocabulary

    def completions(self, db: sqlite3.Connection, prefix: str) -> tuple[str, ...]:
        """Indexed words starting with `prefix`, those in most rows first."""
        words = self.vocabulary(db)
        start = bisect.bisect_left(self._sorted, prefix)
        found = list(itertools.takewhile(lambda w: w.startswith(prefix), self._sorted[start:]))
        found.sort(key=lambda w: (-words[w], w))
        return tuple(found[:MAX_COMPLETIONS])

    def phrase_key(self, db: sqlite3.Connection, phrase: str) -> str:
        """What the memos know a phrase by: the terms it matches (phrases.py), when the index
        is small enough to read its terms at once; else the phrase itself."""
        if self._classes is None:
            small = self._small(db)
            self._classes = PhraseClasses(index_terms(db)) if small else False
        return self._classes.key(phrase) if self._classes else phrase

    def count(self, db: sqlite3.Connection, phrase: str) -> int:
        """The rows an FTS5 phrase matches on its own, counted up to MAX_PHRASE_ROWS + 1."""
        key = self.phrase_key(db, phrase)
        count = self._counts.get(key)
        if count is None:
            count = int(db.execute(_COUNT, (phrase, MAX_PHRASE_ROWS + 1)).fetchone()[0])
            self._counts.put(key, count)
        return count

    def rows_matching(self, db: sqlite3.Connection, term: Term) -> int:
        """How many rows a term matches on its own: exact up to MAX_PHRASE_ROWS (suggestions
        and completions only ask whether it is none, one, or more)."""
        return self.count(db, term.fts())

    def scores(self, db: sqlite3.Connection, phrase: str) -> Scores | None:
        """What each row of a phrase scores for it alone; None past MAX_PHRASE_ROWS rows."""
        key = self.phrase_key(db, phrase)
        scores = self._scores.get(key)
        if scores is None:
            if self.count(db, phrase) > MAX_PHRASE_ROWS:
                return None
            sql = _SCORES.format(**self.weights) + " WHERE search_index MATCH ?"
            scores = {rowid: -rank for rowid, rank in db.execute(sql, (phrase,))}
            self._scores.put(key, scores)
        return scores

    def _small(self, db: sqlite3.Connection) -> bool:
        """Whether the index is small enough to read whole (its rows, its terms) at once."""
        if self._read_whole is None:
            total = int(db.execute("SELECT count(*) FROM search_index_docsize").fetchone()[0])
            self._read_whole = total <= READ_WHOLE_BELOW
        return self._read_whole

    def rows(self, db: sqlite3.Connection, rowids: Iterable[int]) -> dict[int, RowMeta]:
        """type, id, article, section and actors of each row, read once and kept."""
        kept = self._rows
        if not self._read_rows:
            self._read_rows = True
            if self._small(db):
                for r in db.execute(_META):
                    kept.put(r[0], r[1:])
        found: dict[int, RowMeta] = {}
        missing: list[int] = []
        for rowid in rowids:
            meta = kept.get(rowid)
            if meta is None:
                missing.append(rowid)
            else:
                found[rowid] = meta
        for start in range(0, len(missing), 500):
            chunk = missing[start : start + 500]
            where = f" WHERE rowid IN ({', '.join('?' * len(chunk))})"
            for r in db.execute(_META + where, chunk):
                found[r[0]] = r[1:]
                kept.put(r[0], r[1:])
        return found

    def memos(self) -> dict[str, Memo[Any, Any]]:
        """Every memo by name, for the tests and the benchmark to weigh."""
        return {
            "counts": self._counts,
            "scores": self._scores,
            "corrections": self._closest,
            "rows": self._rows,
            "article_actors": self._article_actors,
            "snippets": self.snippets,
        }

    def article_actors(self, db: sqlite3.Connection, article: str) -> frozenset[str]:
        """The actors an article mentions (an article filter keeps them in the results)."""
        actors = self._article_actors.get(article)
        if actors is None:
            found = db.execute("SELECT actor_id FROM mention WHERE article_id = ?", (article,))
            actors = frozenset(r[0] for r in found)
            self._article_actors.put(article, actors)
        return actors

    def closest(self, db: sqlite3.Connection, word: str, *, more_than: int) -> str | None:
        """`suggest.closest` over the vocabulary, remembered per word."""
        key = (word, more_than)
        found = self._closest.get(key)
        if found is None:
            found = (closest(word, self.vocabulary(db), more_than=more_than),)
            self._closest.put(key, found)
        return found[0]


_by_reader: WeakKeyDictionary[Reader, IndexData] = WeakKeyDictionary()
_lock = threading.Lock()


def index_data(reader: Reader, db: sqlite3.Connection, weights: dict[str, float]) -> IndexData:
    data = _by_reader.get(reader)
    if data is None:
        # Two first searches may both build it; one wins, both are right.
        data = IndexData(load_names(db), weights)
        with _lock:
            data = _by_reader.setdefault(reader, data)
    return data
