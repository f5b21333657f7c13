"""Ranking a query from what each of its phrases scores alone, kept in memory (cache.py).

FTS5's bm25 for an expression of phrases is, row by row, `-1.0 * score`, where `score` adds up
in the expression's phrase order what each phrase contributes: its idf times a function of its
weighted frequency in the row and of the row's length. A phrase absent from the row adds 0.0,
and a contribution depends on nothing else in the query, so it is exactly what a query of that
phrase alone scores. Summing those in the same order gives the very double FTS5 computes
(tests/search/test_ranking.py checks every query of the benchmark both ways). Matching is set
logic over the same rows: an AND of groups, each an OR of phrases.

So a query whose phrases are all small enough to keep is matched, filtered, scored and sorted
here, without a query to the index; the others rank in SQL (backend._matches). Both give the
same answer: the matching rows, the newest MAX_MATCHES of them when there are more, by score.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from app.search.aliases import Group
from app.search.cache import IndexData, RowMeta, Scores
from app.search.filters import SearchFilters
from app.search.schemas import SearchMode

# Rows a query may gather here before ranking them in SQL is the cheaper way.
MAX_CANDIDATES = 2_000

# rowid, type, id, article, section, actors (space-separated ids), bm25 (negative: lower is
# better). Plain tuples: a query can match thousands of rows.
Match = tuple[int, str, str, str | None, str | None, str, float]


def order(match: Match) -> tuple[float, str, str]:
    """The ranking query's ORDER BY: bm25, then type, then id (SQLite compares text as
    UTF-8 bytes, which order as Python orders code points)."""
    return match[6], match[1], match[2]


def _candidates(groups: Sequence[Sequence[Scores]], mode: SearchMode) -> set[int]:
    if mode is SearchMode.ANY:
        return {rowid for scores in groups for phrase in scores for rowid in phrase}
    # Every group must be present: start from the smallest, keep what the others hold too.
    by_size = sorted(groups, key=lambda scores: sum(len(p) for p in scores))
    found = {rowid for phrase in by_size[0] for rowid in phrase}
    for scores in by_size[1:]:
        found = {rowid for rowid in found if any(rowid in phrase for phrase in scores)}
    return found


def _passes(db: sqlite3.Connection, data: IndexData, f: SearchFilters, row: RowMeta) -> bool:
    """SearchFilters.where(), in Python."""
    kind, id_, article, section, _ = row
    if f.types and kind not in f.types:
        return False
    if f.section is not None and section != f.section:
        return False
    if f.article is not None and article != f.article:
        return kind == "actor" and id_ in data.article_actors(db, f.article)
    return True


def rank(
    db: sqlite3.Connection,
    data: IndexData,
    groups: Sequence[Group],
    mode: SearchMode,
    filters: SearchFilters,
    limit: int,
) -> list[Match] | None:
    """The matches, best first, or None when some phrase is not kept or too many rows match,
    or when the search is narrowed to a publisher or to dates: the index's own SQL joins the
    article table for those (SearchFilters.where)."""
    if filters.published:
        return None
    scores: list[list[Scores]] = []
    for group in groups:
        found = [data.scores(db, phrase) for phrase in group.alternatives]
        if any(s is None for s in found):
            return None
        scores.append([s for s in found if s is not None])
    candidates = _candidates(scores, mode)
    if len(candidates) > MAX_CANDIDATES:
        return None
    rows = data.rows(db, candidates)
    passed = sorted(
        (rowid for rowid in candidates if _passes(db, data, filters, rows[rowid])), reverse=True
    )
    phrases = [phrase for group in scores for phrase in group]
    matches: list[Match] = []
    for rowid in passed[:limit]:
        total = 0.0
        for phrase in phrases:
            total += phrase.get(rowid, 0.0)
        matches.append((rowid, *rows[rowid], -1.0 * total))
    matches.sort(key=order)
    return matches
