"""Snippets for a page of results: cut by FTS5's snippet(), remembered per row and phrases.

snippet() tokenizes the whole column it cuts from, twice, and was most of what a search cost
(docs/performance.md). What it returns for a row depends only on the row's text and on where
the query's phrases occur in it, that is on which of the query's phrases (FTS5 strings such as
`"oil"` or `"sanct"*`, in the expression's order, repeats included) the row contains: a phrase
absent from the row adds no instance, and FTS5 orders instances by position, then by phrase
order. So:

- a snippet is kept under (rowid, the query's phrases found in the row), and a later query
  whose phrases meet that row the same way ("oil" alone, "oil venezeula" falling back to any
  word...) reuses it; phrases are known there by the terms they match (phrases.py), so
  "venezu" and "venezuela" being typed share theirs;
- a new one is cut with only those phrases in the expression (`"a" OR "b"`): the same snippet,
  without FTS5 setting up, for every row, the phrases that cannot be in it (an actor's name
  brings all its other names along).

Which phrases a row contains comes from the rows each phrase matches (cache.py). When some
phrase is too common for its rows to be kept, the page is cut with the query's own expression.
"""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Sequence

from app.search import highlight
from app.search.cache import IndexData
from app.search.schemas import SearchType

# Tokens around the matches in a snippet (FTS5 allows at most 64).
SNIPPET_TOKENS = 24
_COLUMNS = ("title", "body", "aliases")


def choose(kind: str, marked: dict[str, str]) -> str:
    """The column that shows the match best, as safe HTML."""
    if kind == SearchType.ACTOR:
        # Short texts: the name, the other names, and the kind when that is what matched.
        parts = [marked["title"], marked["aliases"]]
        if highlight.has_match(marked["body"]):
            parts.append(marked["body"])
        return " · ".join(highlight.to_html(p) for p in parts if p)
    order = ("body", "title") if kind == SearchType.SECTION else ("body",)
    # Every match marks some column; the first column shown stands in all the same.
    chosen = next((marked[c] for c in order if highlight.has_match(marked[c])), marked[order[0]])
    return highlight.to_html(chosen)


def _snippet_sql(column: str, types: tuple[SearchType, ...]) -> str:
    # snippet() tokenizes the whole column: cut only the columns a type shows (CASE evaluates
    # just the branch taken), so long section bodies are not cut for nothing.
    call = f"snippet(search_index, {_COLUMNS.index(column)}, ?, ?, ?, {SNIPPET_TOKENS})"
    kinds = ", ".join(f"'{t.value}'" for t in types)
    return f"CASE WHEN type IN ({kinds}) THEN {call} ELSE '' END"


# Which columns each type's snippet is made from (see `choose`).
_SNIPPETS = ", ".join(
    [
        _snippet_sql("title", (SearchType.SECTION, SearchType.ACTOR)),
        _snippet_sql("body", tuple(SearchType)),
        _snippet_sql("aliases", (SearchType.ACTOR,)),
    ]
)
_MARKERS = (highlight.OPEN, highlight.CLOSE, highlight.ELLIPSIS) * len(_COLUMNS)


def _cut(db: sqlite3.Connection, match: str, rowids: Sequence[int]) -> dict[int, tuple[str, str]]:
    """rowid -> (label, snippet HTML), from FTS5 for the rows of `match` given.

    `rowid IN (...)` would make FTS5 run the match once per row, expanding each prefix phrase
    over the whole index every time (tens of milliseconds in a large index). Instead it runs
    once over the rows between the first and the last asked for, and SQLite skips the others
    (`+rowid` keeps the IN list from FTS5) before any snippet is cut.
    """
    rows = db.execute(
        f"SELECT rowid, type, label, {_SNIPPETS} FROM search_index"  # noqa: S608 (constants and placeholders only)
        " WHERE search_index MATCH ? AND rowid BETWEEN ? AND ?"
        f" AND +rowid IN ({', '.join('?' * len(rowids))})",
        (*_MARKERS, match, min(rowids), max(rowids), *rowids),
    ).fetchall()
    return {
        row[0]: (row[2], choose(row[1], dict(zip(_COLUMNS, row[3:], strict=True)))) for row in rows
    }


def _present(
    db: sqlite3.Connection, data: IndexData, phrases: Sequence[str], rowids: Sequence[int]
) -> list[tuple[int, ...]] | None:
    """For each row, the positions of the phrases it holds; None when some phrase is in too
    many rows to tell."""
    found = [data.scores(db, phrase) for phrase in phrases]
    kept = [s for s in found if s is not None]
    if len(kept) < len(found):
        return None
    return [tuple(i for i, scores in enumerate(kept) if rowid in scores) for rowid in rowids]


def page_snippets(
    db: sqlite3.Connection,
    data: IndexData,
    match: str,
    phrases: Sequence[str],
    rowids: Sequence[int],
) -> list[tuple[str, str]]:
    """(label, snippet HTML) for each row of the page, in order; FTS5 cuts only the new ones.

    A snippet is kept under the row and the keys of the phrases present (phrases.py: phrases
    that match the same terms are one), interned so that the keys of many rows share them; it
    is cut with the phrases as this query wrote them.
    """
    if not rowids:
        return []
    present = _present(db, data, phrases, rowids)
    if present is None:
        cut = _cut(db, match, rowids)
        return [cut[rowid] for rowid in rowids]
    keys = [sys.intern(data.phrase_key(db, p)) for p in phrases]
    found: dict[int, tuple[str, str]] = {}
    missing: dict[tuple[int, ...], list[int]] = {}
    for rowid, held in zip(rowids, present, strict=True):
        known = data.snippets.get((rowid, tuple(keys[i] for i in held)))
        if known is None:
            missing.setdefault(held, []).append(rowid)
        else:
            found[rowid] = known
    for held, rows in missing.items():
        cut = _cut(db, " OR ".join(phrases[i] for i in held), rows)
        for rowid in rows:
            data.snippets.put((rowid, tuple(keys[i] for i in held)), cut[rowid])
        found.update(cut)
    return [found[rowid] for rowid in rowids]
