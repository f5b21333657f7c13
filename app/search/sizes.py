"""What a memo's entry costs in memory, estimated honestly enough to bound memos in bytes.

`sys.getsizeof` gives each object's own size; an entry's cost is its key's and its value's,
through the containers the memos keep (tuples, frozensets, dicts of numbers and text), plus
what the memo's ordered dict spends to hold it. Objects that several entries share (small
integers, interned text) are counted in each: the estimate errs on the side of too much.
tests/search/test_memory.py holds it against what tracemalloc measures.
"""

from __future__ import annotations

import sys

# An OrderedDict's cost per entry beyond its key and value: the hash table's slot and index
# (with the spare room a table keeps) and the linked-list node. Measured on CPython 3.11.
ENTRY_BYTES = 100
# Every allocation is rounded up to 8 bytes (16 past pymalloc's small objects), which
# getsizeof does not count: a quarter more on short strings, nothing on large tables.
_ALIGN = 8


def approx_bytes(value: object) -> int:
    """The memory `value` holds, with what its containers hold."""
    size = -(-sys.getsizeof(value) // _ALIGN) * _ALIGN
    if isinstance(value, tuple | list | frozenset | set):
        return size + sum(approx_bytes(item) for item in value)
    if isinstance(value, dict):
        return size + sum(approx_bytes(k) + approx_bytes(v) for k, v in value.items())
    return size


def entry_bytes(key: object, value: object) -> int:
    """What one memo entry costs: its key, its value and its place in the table."""
    return ENTRY_BYTES + approx_bytes(key) + approx_bytes(value)
