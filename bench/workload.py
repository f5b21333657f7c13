"""What the benchmarks ask for: resource URLs, and distinct search queries a person might type."""

from __future__ import annotations

import contextlib
import itertools
import random
import sqlite3
from pathlib import Path
from urllib.parse import quote

from app.core.folding import fold
from app.search.query import tokens

RESOURCES = ("section", "actor", "figure", "claim")
SEARCH_PATH = "/v1/search?q={q}"
DATASETTE_SEARCH_PATH = "/datasette/docs.json?_search={q}&_size=20"


def resource_paths(database: Path, *, limit: int | None = None) -> list[str]:
    """Every section, actor, figure and claim URL, interleaved so a short run sees each kind."""
    with contextlib.closing(sqlite3.connect(f"file:{database}?mode=ro", uri=True)) as conn:
        per_kind = [
            [
                f"/v1/{kind}s/{quote(row[0])}"
                for row in conn.execute(
                    f"SELECT id FROM {kind} ORDER BY id LIMIT ?", (limit or -1,)
                )
            ]
            for kind in RESOURCES
        ]
    mixed = [p for group in itertools.zip_longest(*per_kind) for p in group if p is not None]
    random.Random(7).shuffle(mixed)
    return mixed


def datasette_row_paths(database: Path) -> list[str]:
    with contextlib.closing(sqlite3.connect(f"file:{database}?mode=ro", uri=True)) as conn:
        ids = [row[0] for row in conn.execute("SELECT id FROM section ORDER BY id")]
    return [f"/datasette/section/{quote(i)}.json" for i in ids]


def search_queries(text: str, count: int, *, seed: int = 20261128) -> list[str]:
    """Distinct queries: words, prefixes, adjacent pairs, random pairs, in a shuffled order."""
    words = [w for w in tokens(fold(text)) if len(w) >= 3]
    vocabulary = sorted(set(words))
    queries: dict[str, None] = {}
    for word in vocabulary:
        queries[word] = None
        for end in range(3, len(word)):
            queries[word[:end]] = None
    for first, second in itertools.pairwise(words):
        queries[f"{first} {second}"] = None
    rng = random.Random(seed)
    while len(queries) < count:
        first, second = rng.choice(vocabulary), rng.choice(vocabulary)
        tail = second[: rng.randint(3, len(second))]
        queries[f"{first} {tail}"] = None
    ordered = list(queries)[:count]
    rng.shuffle(ordered)
    return ordered


def paths(template: str, queries: list[str]) -> list[str]:
    return [template.format(q=quote(q)) for q in queries]
