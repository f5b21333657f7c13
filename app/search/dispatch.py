"""One entry point for a search, whichever database serves it."""

from __future__ import annotations

from functools import partial

from app.core.db import Database, is_sqlite
from app.search import postgres_backend
from app.search.engine import searching
from app.search.filters import SearchFilters
from app.search.results import Result


async def run_search(
    database: Database, q: str, filters: SearchFilters, *, limit: int, offset: int
) -> Result:
    """SQLite's engine answers in place on the event loop (a memory-mapped index, time-limited);
    a database server is a network round trip, so that search waits on a worker thread, for
    no longer than the time limit."""
    if is_sqlite(database.url):
        return searching.search(database, q, filters, limit=limit, offset=offset)
    return await database.in_thread(
        partial(
            postgres_backend.search,
            database.engine,
            q,
            filters,
            limit=limit,
            offset=offset,
            version=database.version,
        )
    )
