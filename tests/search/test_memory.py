"""The search memos stay within their bounds in bytes however many distinct queries come
(app/search/cache.py), and the bytes they count are at least what their entries take."""

from __future__ import annotations

import itertools
import pickle
import tracemalloc
from typing import Any

import pytest

from app.core.db import Reader
from app.core.folding import fold
from app.search import backend, cache
from app.search.cache import MEMO_BYTES, MIB, IndexData, Memo
from app.search.filters import SearchFilters
from app.search.query import tokens

# Small enough that a few thousand queries over the seed article overflow each memo that
# they fill.
BUDGET = 32 << 10


def distinct_queries(text: str, count: int) -> list[str]:
    """Words, their prefixes and pairs of neighbouring words of the article, each once."""
    words = [w for w in tokens(fold(text)) if len(w) >= 3]
    queries = dict.fromkeys(
        itertools.chain(
            (w[:end] for w in dict.fromkeys(words) for end in range(3, len(w) + 1)),
            (f"{a} {b}" for a, b in itertools.pairwise(words)),
        )
    )
    return list(queries)[:count]


def held(memo: Memo[Any, Any]) -> int:
    """The bytes of what `memo` holds, entry by entry."""
    return sum(memo.size(key, value) for key, (value, _) in memo._items.items())


def test_the_budgets_are_as_documented(data: IndexData) -> None:
    budgets = {name: memo.max_bytes // MIB for name, memo in data.memos().items()}
    assert budgets == {
        "counts": 4,
        "scores": 16,
        "corrections": 2,
        "rows": 8,
        "article_actors": 2,
        "snippets": 16,
    }
    assert MEMO_BYTES == sum(memo.max_bytes for memo in data.memos().values()) == 48 * MIB


def test_distinct_queries_keep_every_memo_within_its_bytes(
    reader: Reader, data: IndexData, article_text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    memos = data.memos()
    for memo in memos.values():
        monkeypatch.setattr(memo, "max_bytes", BUDGET)
    monkeypatch.setattr(backend, "index_data", lambda *_: data)
    queries = distinct_queries(article_text, 3_000)
    filters = [SearchFilters(), SearchFilters(article="russia-china-venezuela")]
    assert len(queries) == 3_000
    peak = dict.fromkeys(memos, 0)
    first_snippets: set[object] = set()
    for i, q in enumerate(queries):
        # Each search within the query time limit, as the service runs it.
        with reader.limited() as db:
            backend._search(reader, db, q, filters[i % 2], limit=20, offset=0)
            if i == 0:
                first_snippets = set(data.snippets._items)
        for name, memo in memos.items():
            peak[name] = max(peak[name], memo.bytes)
    assert {name: bytes_ <= BUDGET for name, bytes_ in peak.items()} == dict.fromkeys(memos, True)
    # The count is exact, not drifting: what each memo holds, entry by entry.
    assert {name: memo.bytes for name, memo in memos.items()} == {
        name: held(memo) for name, memo in memos.items()
    }
    # Full, so the least recently used went: the first query's snippets are long gone.
    assert len(first_snippets) == 20
    assert first_snippets & set(data.snippets._items) == set()


def test_the_counted_bytes_are_at_least_what_the_entries_take(
    reader: Reader, data: IndexData, article_text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(backend, "index_data", lambda *_: data)
    for q in distinct_queries(article_text, 300):
        with reader.limited() as db:
            backend._search(reader, db, q, SearchFilters(), limit=20, offset=0)
    filled = {name: memo for name, memo in data.memos().items() if len(memo)}
    # No article filter, so no article's actors are asked for.
    assert set(filled) == {"counts", "scores", "corrections", "rows", "snippets"}
    for name, memo in filled.items():
        blob = pickle.dumps([(key, value) for key, (value, _) in memo._items.items()])
        # New objects for every key and value, made and kept while tracemalloc watches. Only
        # what this test's lines and the memo's module allocate is counted: a thread of an
        # earlier test (a server's, the access log's) may allocate at the same time.
        tracemalloc.start()
        try:
            copy: Memo[Any, Any] = Memo(memo.max_bytes, memo.size)
            entries = pickle.loads(blob)
            for key, value in entries:
                copy.put(key, value)
            del entries
            snapshot = tracemalloc.take_snapshot().filter_traces(
                [tracemalloc.Filter(True, __file__), tracemalloc.Filter(True, cache.__file__)]
            )
            taken = sum(stat.size for stat in snapshot.statistics("filename"))
        finally:
            tracemalloc.stop()
        assert len(copy) == len(memo)
        # Counted is at least taken, and not more than twice it (small integers and short
        # strings that entries share are counted in each).
        assert taken <= copy.bytes <= 2 * taken, (name, taken, copy.bytes)
