"""What a search reads on every request but that changes only with the data: kept per engine.

The serving side opens a new read engine whenever a load swaps in a new database file
(app/core/db.py), so an engine stands for one version of the data: keying on it (weakly, so a
disposed engine's entry goes with it) needs no invalidation. The actor names are read on every
search; the vocabulary only when a suggestion is considered.
"""

from __future__ import annotations

import bisect
import itertools
import sqlite3
import threading
from dataclasses import dataclass, field
from weakref import WeakKeyDictionary

from sqlalchemy import Engine
from sqlmodel import Session

from app.search.aliases import ActorNames, load_names
from app.search.suggest import vocabulary

# Words offered for a prefix that matches nothing as typed (see `completions`).
MAX_COMPLETIONS = 8


@dataclass
class IndexData:
    names: ActorNames
    _vocabulary: dict[str, int] | None = field(default=None, repr=False)
    _sorted: list[str] = field(default_factory=list, repr=False)

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


_by_engine: WeakKeyDictionary[Engine, IndexData] = WeakKeyDictionary()
_lock = threading.Lock()


def sqlite_connection(session: Session) -> sqlite3.Connection:
    """The session's own DB-API connection (read-only, time-limited): FTS5 is SQLite's."""
    driver = session.connection().connection.driver_connection
    if not isinstance(driver, sqlite3.Connection):
        raise TypeError("search needs SQLite's FTS5")
    return driver


def index_data(session: Session, db: sqlite3.Connection) -> IndexData:
    engine = session.get_bind()
    assert isinstance(engine, Engine)
    data = _by_engine.get(engine)
    if data is None:
        # Two first searches may both build it; one wins, both are right.
        data = IndexData(load_names(db))
        with _lock:
            data = _by_engine.setdefault(engine, data)
    return data
