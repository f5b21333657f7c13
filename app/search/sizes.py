"""What a memo's entry costs in memory, estimated honestly and cheaply enough to bound memos in
bytes on every search.

One function per kind of entry the memos keep, from `sys.getsizeof` of its text and tables
and the fixed sizes of CPython 3.11's small objects, plus what the memo's ordered dict spends
to hold it. Sizes are rounded up to the allocator's 8 bytes, and objects several entries share
(small integers, interned text) are counted in each: the estimate errs on the side of too much.
Walking a 5,000-row score table item by item took 12 ms; these take microseconds.
tests/search/test_memory.py holds them against what tracemalloc measures.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping

# An OrderedDict's cost per entry beyond its key and value: the hash table's slot and index
# (with the spare room a table keeps), the linked-list node, and the memo's (value, size) pair.
# 100 fell short of what tracemalloc measured for a counts memo of about 200 phrases, just past
# a resize of its table (tests/search/test_memory.py).
ENTRY_BYTES = 120
# An int below 2**60 (row ids, counts), a float, an empty tuple and each of its slots.
INT_BYTES = 32
FLOAT_BYTES = 24
TUPLE_BYTES = 40
SLOT_BYTES = 8


def _rounded(size: int) -> int:
    return (size + 7) & ~7


def text(value: str | None) -> int:
    """A string's bytes; None is shared, so nothing."""
    return 0 if value is None else _rounded(sys.getsizeof(value))


def tuple_of(values: tuple[str | None, ...]) -> int:
    """A tuple of strings (or None) with the strings."""
    return TUPLE_BYTES + SLOT_BYTES * len(values) + sum(map(text, values))


def count_entry(phrase: str, _: int) -> int:
    return ENTRY_BYTES + text(phrase) + INT_BYTES


def scores_entry(phrase: str, scores: Mapping[int, float]) -> int:
    """A phrase's table of row id -> score: the table itself, then an int and a float a row."""
    return (
        ENTRY_BYTES
        + text(phrase)
        + _rounded(sys.getsizeof(scores))
        + len(scores) * (INT_BYTES + FLOAT_BYTES)
    )


def correction_entry(key: tuple[str, int], value: tuple[str | None]) -> int:
    return ENTRY_BYTES + tuple_of((key[0],)) + SLOT_BYTES + INT_BYTES + tuple_of(value)


def snippet_entry(key: tuple[int, tuple[str, ...]], value: tuple[str, str]) -> int:
    return (
        ENTRY_BYTES + TUPLE_BYTES + 2 * SLOT_BYTES + INT_BYTES + tuple_of(key[1]) + tuple_of(value)
    )


def row_entry(_: int, row: tuple[str | None, ...]) -> int:
    return ENTRY_BYTES + INT_BYTES + tuple_of(row)


def actors_entry(article: str, actors: frozenset[str]) -> int:
    return ENTRY_BYTES + text(article) + _rounded(sys.getsizeof(actors)) + sum(map(text, actors))


def text_pair_entry(key: str, value: str | None) -> int:
    """A word and its stem, or a phrase and its key (phrases.py)."""
    return ENTRY_BYTES + text(key) + text(value)
