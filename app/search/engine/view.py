"""What a serving process opens for one version of the data: the index generation that goes
with it, its searcher, and the actor names and vocabulary that searches read again and again.

`Database.reader()` gives one raw connection per version of the data, and the reader records
the generation its snapshot names; keying on the reader (weakly: a replaced reader's entry
goes with it) needs no invalidation. tantivy maps the generation's files: they are read from
the operating system's file cache, not copied into the process.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from weakref import WeakKeyDictionary

import tantivy

from app.core.db import Reader
from app.queries.rows import Rows
from app.search.aliases import ActorNames
from app.search.engine import data, store
from app.search.engine.facets import Names
from app.search.engine.schema import SCHEMA
from app.search.suggest import MIN_WORD_LENGTH, closest

# Words offered for a prefix that matches nothing as typed.
MAX_COMPLETIONS = 8


@dataclass
class IndexView:
    index: tantivy.Index
    searcher: tantivy.Searcher
    names: ActorNames
    facet_names: Names = field(default_factory=Names)
    _vocabulary: dict[str, int] | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def vocabulary(self) -> dict[str, int]:
        """Every indexed word (unstemmed) of three characters or more, with its row count."""
        if self._vocabulary is None:
            with self._lock:
                if self._vocabulary is None:
                    self._vocabulary = {
                        word: count
                        for word, count in self.searcher.terms_with_prefix("words", "")
                        if len(word) >= MIN_WORD_LENGTH
                    }
        return self._vocabulary

    def rows(self, word: str) -> int:
        """The rows that hold `word` now. The term dictionary's counts include rows deleted
        since their segment was written (until segments merge); a query counts live rows."""
        query = tantivy.Query.term_query(SCHEMA, "words", word)
        return int(self.searcher.search(query, 1, count=True).count)  # type: ignore[attr-defined]

    def completions(self, prefix: str) -> tuple[str, ...]:
        """Indexed words starting with `prefix`, those in most rows first."""
        found = self.searcher.terms_with_prefix("words", prefix, limit=MAX_COMPLETIONS * 2)
        live = sorted(((-self.rows(word), word) for word, _ in found))
        return tuple(word for count, word in live if count < 0)[:MAX_COMPLETIONS]

    def closest(self, word: str, *, more_than: int) -> str | None:
        """The most similar word in more rows than `more_than` (suggest.closest), among the
        words that rows still hold."""
        vocabulary = self.vocabulary()
        while True:
            found = closest(word, vocabulary, more_than=more_than)
            if found is None or self.rows(found) > more_than:
                return found
            vocabulary = {w: n for w, n in vocabulary.items() if w != found}


_views: WeakKeyDictionary[Reader, IndexView] = WeakKeyDictionary()
_lock = threading.Lock()


def view(reader: Reader, rows: Rows) -> IndexView:
    found = _views.get(reader)
    if found is None:
        generation = reader.search_generation
        folder = store.root_for(reader.path) / generation if generation is not None else None
        index = store.open_generation(folder)
        # Two first searches may both open it; one wins, both are right.
        found = IndexView(index, index.searcher(), data.actor_names(rows))
        with _lock:
            found = _views.setdefault(reader, found)
    return found
