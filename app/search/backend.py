"""Running a search: match, rank, count facets, cut the page's snippets, suggest.

One FTS5 table holds every type, so one ranking merges sections, claims, figures and actors.
A query whose phrases are small enough is ranked in Python from each phrase's kept scores
(ranking.py); the others by FTS5, over a bounded number of rows. Only the page's rows pay for
snippets (snippets.py). Everything runs on the reader's raw connection, inline on the event
loop: each statement is well under a millisecond on the seeded article, and the whole search is
bounded by the reader's time limit.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypedDict

from app.core.bidi import balance
from app.core.db import Database, Reader, sqlite_errors
from app.queries.published import article_meta
from app.queries.rows import SqliteRows
from app.search import phrases, ranking, snippets, stems
from app.search.aliases import Group, expand, match_all, match_any
from app.search.cache import IndexData, index_data
from app.search.filters import SearchFilters
from app.search.query import ParsedQuery, parse
from app.search.ranking import Match
from app.search.schemas import SearchMode
from app.search.suggest import FEW_MATCHES, suggest

# bm25 column weights, in the table's column order (title, body, aliases): a word in a section
# title or an actor's name counts ten times a word in running text; an alias (a capital for its
# state, a demonym) counts five times. Tests pin the resulting order (tests/search/).
WEIGHTS = {"title": 10.0, "body": 1.0, "aliases": 5.0}
_BM25 = "bm25(search_index, {title}, {body}, {aliases})".format(**WEIGHTS)

# The most rows a query ranks (and counts in `total` and the facets): when more match, the
# newest ones (the highest rowids: the last loaded). Far above what any query finds in the
# seeded article (125 rows in all), so there results are those of ranking every match; in a
# large corpus it bounds the work a common word can cause (docs/performance.md).
MAX_MATCHES = 1_000


class Hit(TypedDict):
    """One result on the page, keys in the order of `SearchHit`'s fields: a dict, because orjson
    writes dicts several times faster than dataclasses (render.py)."""

    type: str
    id: str
    title: str
    snippet: str
    score: float
    section: str | None
    article: str | None
    article_meta: dict[str, str | None] | None


def hit(
    kind: str,
    id_: str,
    title: str,
    snippet: str,
    score: float,
    section: str | None,
    article: str | None,
    meta: dict[str, dict[str, Any]],
) -> Hit:
    return {
        "type": kind,
        "id": id_,
        # A claim's title is its sentence cut short: the cut can leave a bidi opener open.
        "title": balance(title),
        "snippet": snippet,
        "score": score,
        "section": section,
        "article": article,
        "article_meta": meta[article] if article is not None else None,
    }


@dataclass(frozen=True, slots=True)
class Result:
    """A page of results, in the order of `SearchPage`'s fields."""

    items: list[Hit]
    total: int
    limit: int
    offset: int
    mode: SearchMode
    facets: dict[str, list[tuple[str, int]]]  # type, section, actor -> (value, count), most first
    suggestion: str | None


@dataclass(frozen=True, slots=True)
class _Plan:
    """What ranking a match in Python needs (ranking.rank), and the kept rows (cache.py)."""

    data: IndexData
    groups: Sequence[Group]
    mode: SearchMode


def _matches(
    db: sqlite3.Connection, match: str, filters: SearchFilters, plan: _Plan | None = None
) -> list[Match]:
    """The rows of `match` that pass the filters (the newest MAX_MATCHES), best first.

    With a plan, they are ranked from the phrases' kept scores when those are all kept
    (ranking.py). Otherwise FTS5 ranks them, reading at most MAX_MATCHES rows, newest first:
    FTS5 walks its index in rowid order either way, so this bounds the work however common
    the words. Unfiltered, it reads only rowids and scores, and takes the rest of each row
    from the kept rows: the newest matches of common words are the same rows query after
    query, so they are read from the table once.
    """
    if plan is not None:
        found = ranking.rank(db, plan.data, plan.groups, plan.mode, filters, MAX_MATCHES)
        if found is not None:
            return found
    where, params = filters.where()
    if plan is not None and not where:
        scored = db.execute(
            f"SELECT rowid, {_BM25} FROM search_index WHERE search_index MATCH ?"  # noqa: S608 (constants and placeholders only)
            " ORDER BY rowid DESC LIMIT ?",
            (match, MAX_MATCHES),
        ).fetchall()
        rows = plan.data.rows(db, [rowid for rowid, _ in scored])
        matches = [(rowid, *rows[rowid], rank) for rowid, rank in scored]
    else:
        matches = db.execute(
            f"SELECT rowid, type, id, article, section, actors, {_BM25} FROM search_index"  # noqa: S608 (constants and placeholders only)
            f" WHERE search_index MATCH ?{where} ORDER BY rowid DESC LIMIT ?",
            (match, *params, MAX_MATCHES),
        ).fetchall()
    matches.sort(key=ranking.order)
    return matches


def _most_first(item: tuple[str, int]) -> tuple[int, str]:
    return -item[1], item[0]


def facets(matches: Sequence[Match]) -> dict[str, list[tuple[str, int]]]:
    """Counts by type, section and actor over all the matches: most first, ties by value."""
    types: dict[str, int] = {}
    sections: dict[str, int] = {}
    actors: dict[str, int] = {}
    for _, kind, _, _, section, names, _ in matches:
        types[kind] = types.get(kind, 0) + 1
        if section is not None:
            sections[section] = sections.get(section, 0) + 1
        for actor in names.split():
            actors[actor] = actors.get(actor, 0) + 1
    return {
        "type": sorted(types.items(), key=_most_first),
        "section": sorted(sections.items(), key=_most_first),
        "actor": sorted(actors.items(), key=_most_first),
    }


def _hits(
    db: sqlite3.Connection,
    data: IndexData,
    match: str,
    phrases: Sequence[str],
    page: Sequence[Match],
) -> list[Hit]:
    cut = snippets.page_snippets(db, data, match, phrases, [m[0] for m in page])
    meta = article_meta(SqliteRows(db), (m[3] for m in page))
    # bm25() is negative, more negative for better matches; `score` is the other way.
    return [
        hit(kind, id_, label, snippet, round(-rank, 6), section, article, meta)
        for (_, kind, id_, article, section, _, rank), (label, snippet) in zip(
            page, cut, strict=True
        )
    ]


def _completions(
    db: sqlite3.Connection, data: IndexData, query: ParsedQuery
) -> dict[int, tuple[str, ...]]:
    return phrases.completions_for(
        query, lambda term: data.rows_matching(db, term), lambda word: data.completions(db, word)
    )


def _variants(
    db: sqlite3.Connection, data: IndexData, query: ParsedQuery, completed: dict[int, Any]
) -> dict[int, tuple[str, ...]]:
    """Other forms of the query's words that Spanish rows hold (stems.py); none, and no
    query, when the index has no such rows."""
    if not data.has_stems(db):
        return {}
    words = stems.wanted(query)
    if not words:
        return {}
    lookup: stems.Lookup = {}
    for language, asked in stems.stems_of(words.values()).items():
        sql = stems.SPELLED_SQL.format(language="?", stems=f"({', '.join('?' * len(asked))})")
        lookup[language] = stems.spelled(db.execute(sql, (language, *asked)))
    return stems.variants_for(query, words, lookup, completed)


def search(
    database: Database, q: str, filters: SearchFilters, *, limit: int, offset: int
) -> Result:
    """Every word (or, failing that, any word) of `q`, best first; see docs/search.md."""
    with sqlite_errors():
        reader = database.reader()
        with reader.limited() as db:
            return _search(reader, db, q, filters, limit=limit, offset=offset)


def _search(
    reader: Reader,
    db: sqlite3.Connection,
    q: str,
    filters: SearchFilters,
    *,
    limit: int,
    offset: int,
) -> Result:
    query = parse(q)
    if not query:
        return Result([], 0, limit, offset, SearchMode.ALL, facets([]), None)
    data = index_data(reader, db, WEIGHTS)
    completed = _completions(db, data, query)
    variants = _variants(db, data, query, completed)
    groups = expand(query, data.names, completed, variants)
    phrases = [phrase for group in groups for phrase in group.alternatives]

    mode, match = SearchMode.ALL, match_all(groups)
    matches = _matches(db, match, filters, _Plan(data, groups, mode))
    if not matches and len(groups) > 1:
        mode, match = SearchMode.ANY, match_any(groups)
        matches = _matches(db, match, filters, _Plan(data, groups, mode))
    suggestion = None
    # With every word matched in two or more rows, no word can be a rare typo.
    if mode is SearchMode.ANY or len(matches) <= FEW_MATCHES:
        skip = {*completed, *variants, *(i for group in groups for i in group.named)}
        suggestion = suggest(
            query,
            count=lambda term: data.rows_matching(db, term),
            correct=lambda word, matched: data.closest(db, word, more_than=matched),
            skip=skip,
        )
    return Result(
        items=_hits(db, data, match, phrases, matches[offset : offset + limit]),
        total=len(matches),
        limit=limit,
        offset=offset,
        mode=mode,
        facets=facets(matches),
        suggestion=suggestion,
    )
