"""An article's fingerprint: one digest of every row its text gives, so that a load can tell an
article whose facts are unchanged (and write nothing) from one it must write again."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from operator import itemgetter
from typing import Any

from app.ingest.rows import TABLES, Row

# What json.dumps(data, sort_keys=True, ensure_ascii=False) does, with the keys sorted once per
# table below rather than for every row.
_to_json = json.JSONEncoder(ensure_ascii=False).encode


# Not facts of the text: the digest itself, and when a load wrote it.
_UNHASHED = frozenset({"fingerprint", "added", "updated"})


def _hashed_columns(row_class: type[Row]) -> tuple[str, tuple[str, ...], itemgetter[Any]]:
    """The table's class name, its columns but the fingerprint and the load's time stamps
    sorted, and their getter."""
    names = tuple(sorted(set(row_class._fields) - _UNHASHED))
    positions = [row_class._fields.index(name) for name in names]
    return TABLES[row_class].__name__, names, itemgetter(*positions)


_HASHED = {row_class: _hashed_columns(row_class) for row_class in TABLES}


def fingerprint(rows: Iterable[Row]) -> str:
    """A digest of every row but the fingerprint itself: equal digests, identical facts.

    Each row is hashed as its table's class name and its columns as sorted JSON, as when the
    rows were SQLModel objects (`model_dump`), so stored fingerprints stay valid. One digest
    of the concatenation is the digest of the parts fed one by one.
    """
    parts: list[str] = []
    for row in rows:
        table, names, get = _HASHED[type(row)]
        parts += (table, _to_json(dict(zip(names, get(row), strict=True))))
    return hashlib.sha256("".join(parts).encode()).hexdigest()
