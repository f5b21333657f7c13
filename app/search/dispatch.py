"""One entry point for a search, whichever database serves it: always the embedded engine.

On SQLite its index lives beside the file and the search answers in place on the event loop
(a memory-mapped index, time-limited), but for the facets of a large index: counting them is
most of a search's time there (milliseconds at 10,000 articles, whatever the matches), reads the
index only and releases the GIL, so they are counted on a worker thread while the loop serves
other requests (docs/performance.md, "A search"). On a database server each serving process
searches its own copy of the index (replica.py), and the statements a search makes beside it
(names, the Spanish forms of words, filters, the page's article metadata) are network round
trips: that search waits on a worker thread, for no longer than the time limit.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from weakref import WeakKeyDictionary

import anyio
from sqlalchemy import create_engine

from app.core import postgres
from app.core.db import Database, is_sqlite
from app.queries.rows import SqlAlchemyRows
from app.search.engine import searching
from app.search.engine.facets import completed
from app.search.engine.replica import SYNC_TIMEOUT_MS, Replica, default_root
from app.search.filters import SearchFilters
from app.search.results import Result

log = logging.getLogger(__name__)
# From this many index documents (about 250 articles) the facets are counted on a worker
# thread. Measured over 600 distinct queries: a count costs 0.09 ms at one article (125
# documents), 0.2 ms at 4,000 documents, 0.6 ms at 20,000 and 1.6 ms at 80,000; the hop to a
# thread and back 0.05 ms on an idle loop, more on a busy one.
THREAD_FACETS_DOCUMENTS = 20_000
# Counts run at once, each on its own thread: no more than the machine has cores (past them
# they only wait their turn, each holding its thread's memory).
_facet_threads = anyio.CapacityLimiter(max(1, os.cpu_count() or 1))

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
        result, facets = searching.begin(database, q, filters, limit=limit, offset=offset)
        if facets is None or facets.documents < THREAD_FACETS_DOCUMENTS:
            return completed(result, facets)
        counted = await database.in_thread(facets.count, _facet_threads)
        return facets.into(result, counted)
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
