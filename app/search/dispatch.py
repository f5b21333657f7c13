"""One entry point for a search, whichever database serves it: always the embedded engine.

On SQLite its index lives beside the file and the search answers in place on the event loop
(a memory-mapped index, time-limited). On a database server each serving process searches its
own copy of the index (replica.py), and the statements a search makes beside it (names, the
Spanish forms of words, filters, the page's article metadata) are network round trips: that
search waits on a worker thread, for no longer than the time limit.
"""

from __future__ import annotations

import logging
from pathlib import Path
from weakref import WeakKeyDictionary

from sqlalchemy import create_engine

from app.core import postgres
from app.core.db import Database, is_sqlite
from app.queries.rows import SqlAlchemyRows
from app.search.engine import searching
from app.search.engine.replica import SYNC_TIMEOUT_MS, Replica, default_root
from app.search.filters import SearchFilters
from app.search.results import Result

log = logging.getLogger(__name__)
_replicas: WeakKeyDictionary[Database, Replica] = WeakKeyDictionary()


def replica_for(database: Database, root: Path | None = None) -> Replica:
    """The replica index of a database server's `Database` (made on first use, in `root` or
    the default folder)."""
    found = _replicas.get(database)
    if found is None:
        folder = root if root is not None else default_root(database.url)
        engine = (
            postgres.create_read_engine(database.url, timeout_ms=SYNC_TIMEOUT_MS)
            if postgres.is_postgres(database.url)
            else create_engine(database.url)
        )
        found = _replicas.setdefault(database, Replica(engine, folder))
    return found


def start(database: Database, root: Path | None = None) -> None:
    """Builds a database server's replica index before the service answers (blocking); a
    failure is logged, and searches answer 503 until a later one builds it."""
    if is_sqlite(database.url):
        return
    try:
        replica_for(database, root).start()
    except Exception:
        log.exception("the search index could not be built at start")


async def run_search(
    database: Database, q: str, filters: SearchFilters, *, limit: int, offset: int
) -> Result:
    if is_sqlite(database.url):
        return searching.search(database, q, filters, limit=limit, offset=offset)
    replica = replica_for(database)

    def work() -> Result:
        replica.follow(database.version)
        with database.engine.connect() as conn:
            return searching.run(
                replica.view(), SqlAlchemyRows(conn), q, filters, limit=limit, offset=offset
            )

    return await database.in_thread(work)


def stop(database: Database) -> None:
    found = _replicas.pop(database, None)
    if found is not None:
        found.dispose()
