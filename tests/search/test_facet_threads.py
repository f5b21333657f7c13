"""On a large SQLite index the facets are counted on a worker thread (dispatch.run_search):
the answer is the one counted inline, and the event loop's thread counts nothing."""

from __future__ import annotations

import threading

import anyio
import pytest

from app.core.db import Database
from app.search import dispatch
from app.search.engine import searching
from app.search.filters import SearchFilters
from app.search.results import Result


def _search(database: Database, q: str) -> tuple[Result, set[int]]:
    counted_on: set[int] = set()
    count = searching.Facets.count

    def spy(facets: searching.Facets) -> tuple[dict[str, list[tuple[str, int]]], bool]:
        counted_on.add(threading.get_ident())
        return count(facets)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(searching.Facets, "count", spy)

        async def run() -> Result:
            return await dispatch.run_search(database, q, SearchFilters(), limit=20, offset=0)

        return anyio.run(run), counted_on


def test_facets_of_a_large_index_are_counted_on_a_worker_thread(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    database = Database(database_url, timeout_ms=10_000)
    inline, inline_threads = _search(database, "china")
    monkeypatch.setattr(dispatch, "THREAD_FACETS_DOCUMENTS", 0)
    threaded, threads = _search(database, "china")
    database.dispose()
    assert inline_threads == {threading.get_ident()}
    assert len(threads) == 1
    assert threading.get_ident() not in threads
    assert threaded == inline
    assert inline.total == 45
    assert inline.facets["type"] == [("claim", 25), ("section", 16), ("actor", 2), ("figure", 2)]


def test_a_result_all_on_the_page_counts_nothing_more(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    database = Database(database_url, timeout_ms=10_000)
    monkeypatch.setattr(dispatch, "THREAD_FACETS_DOCUMENTS", 0)
    result, threads = _search(database, "rosneft")
    database.dispose()
    assert threads == set()
    assert result.total == len(result.items) == 3
