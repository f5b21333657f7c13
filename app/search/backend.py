"""Running a search: matching, ranking, facets, snippets and suggestions in two queries or so.

One FTS5 table holds every type, so one ranked query merges sections, claims, figures and
actors; the rows it returns carry what the facets need, and only the page's rows pay for
snippets.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy.exc import DBAPIError
from sqlmodel import Session

from app.search import highlight
from app.search.aliases import expand, match_all, match_any
from app.search.cache import IndexData, index_data, sqlite_connection
from app.search.query import ParsedQuery, parse
from app.search.schemas import (
    FacetCount,
    SearchFacets,
    SearchHit,
    SearchMode,
    SearchPage,
    SearchType,
)
from app.search.suggest import FEW_MATCHES, rows_matching, suggest

# bm25 column weights, in the table's column order (title, body, aliases): a word in a section
# title or an actor's name counts ten times a word in running text; an alias (a capital for its
# state, a demonym) counts five times. Tests pin the resulting order (tests/search/).
WEIGHTS = {"title": 10.0, "body": 1.0, "aliases": 5.0}
_BM25 = "bm25(search_index, {title}, {body}, {aliases})".format(**WEIGHTS)

# Ranking and facets read every match; past this many the tail is not counted. Far above what
# one query finds in the articles served today, it bounds the work a query can cause.
MAX_MATCHES = 10_000
# Tokens around the matches in a snippet (FTS5 allows at most 64).
SNIPPET_TOKENS = 24
_COLUMNS = ("title", "body", "aliases")


@dataclass(frozen=True)
class SearchFilters:
    types: tuple[SearchType, ...] = ()
    article: str | None = None
    section: str | None = None

    def where(self) -> tuple[str, list[Any]]:
        """SQL conditions with placeholders: no value is ever written into the SQL."""
        clauses: list[str] = []
        params: list[Any] = []
        if self.types:
            clauses.append(f"type IN ({', '.join('?' * len(self.types))})")
            params += [t.value for t in self.types]
        if self.article is not None:
            # Actors belong to no article: they are in it when the article mentions them.
            clauses.append(
                "(article = ? OR (type = 'actor' AND id IN"
                " (SELECT actor_id FROM mention WHERE article_id = ?)))"
            )
            params += [self.article, self.article]
        if self.section is not None:
            clauses.append("section = ?")
            params.append(self.section)
        return "".join(f" AND {c}" for c in clauses), params


@dataclass(frozen=True)
class _Match:
    rowid: int
    type: str
    id: str
    article: str | None
    section: str | None
    actors: str
    score: float


def _matches(db: sqlite3.Connection, match: str, filters: SearchFilters) -> list[_Match]:
    where, params = filters.where()
    rows = db.execute(
        f"SELECT rowid, type, id, article, section, actors, {_BM25} AS r FROM search_index"  # noqa: S608 (constants and placeholders only)
        f" WHERE search_index MATCH ?{where} ORDER BY r, type, id LIMIT ?",
        (match, *params, MAX_MATCHES),
    ).fetchall()
    # bm25() is negative, more negative for better matches; `score` is the other way round.
    return [_Match(r[0], r[1], r[2], r[3], r[4], r[5], round(-r[6], 6)) for r in rows]


def _facet(counts: Counter[str]) -> list[FacetCount]:
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return [FacetCount(value=value, count=count) for value, count in ordered]


def facets(matches: Sequence[_Match]) -> SearchFacets:
    return SearchFacets(
        type=_facet(Counter(m.type for m in matches)),
        section=_facet(Counter(m.section for m in matches if m.section is not None)),
        actor=_facet(Counter(a for m in matches for a in m.actors.split())),
    )


def _snippet(kind: str, marked: dict[str, str]) -> str:
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


# Which columns each type's snippet is made from (see _snippet).
_SNIPPETS = ", ".join(
    [
        _snippet_sql("title", (SearchType.SECTION, SearchType.ACTOR)),
        _snippet_sql("body", tuple(SearchType)),
        _snippet_sql("aliases", (SearchType.ACTOR,)),
    ]
)


def _hits(db: sqlite3.Connection, match: str, page: Sequence[_Match]) -> list[SearchHit]:
    if not page:
        return []
    markers = (highlight.OPEN, highlight.CLOSE, highlight.ELLIPSIS) * len(_COLUMNS)
    rows = db.execute(
        f"SELECT rowid, label, {_SNIPPETS} FROM search_index"  # noqa: S608 (constants and placeholders only)
        f" WHERE search_index MATCH ? AND rowid IN ({', '.join('?' * len(page))})",
        (*markers, match, *(m.rowid for m in page)),
    ).fetchall()
    by_rowid = {r[0]: r for r in rows}
    hits = []
    for m in page:
        row = by_rowid[m.rowid]
        marked = dict(zip(_COLUMNS, row[2:], strict=True))
        hits.append(
            SearchHit(
                type=SearchType(m.type),
                id=m.id,
                title=row[1],
                snippet=_snippet(m.type, marked),
                score=m.score,
                section=m.section,
                article=m.article,
            )
        )
    return hits


def _completions(
    db: sqlite3.Connection, data: IndexData, query: ParsedQuery
) -> dict[int, tuple[str, ...]]:
    """The last word's whole-word completions, when as a prefix it matches nothing.

    The index holds porter stems, and a word being typed can run past its stem: "givin" is
    not a prefix of "give", the stem of "giving". The unstemmed vocabulary knows "giving".
    """
    last = query.terms[-1]
    if not last.prefix or last.quoted or len(last.tokens) != 1 or len(last.tokens[0]) < 3:
        return {}
    if rows_matching(db, last):
        return {}
    words = data.completions(db, last.tokens[0])
    return {len(query.terms) - 1: words} if words else {}


def search(
    session: Session, q: str, filters: SearchFilters, *, limit: int, offset: int
) -> SearchPage:
    """Every word (or, failing that, any word) of `q`, best first; see docs/search.md."""
    try:
        return _search(session, q, filters, limit=limit, offset=offset)
    except sqlite3.Error as exc:
        # The statements run on the DB-API connection itself: wrap its errors as SQLAlchemy
        # would, so the service's handler answers 503 (time limit, broken file), not a 500.
        raise DBAPIError.instance(None, None, exc, sqlite3.Error) from exc


def _search(
    session: Session, q: str, filters: SearchFilters, *, limit: int, offset: int
) -> SearchPage:
    query = parse(q)
    db = sqlite_connection(session)
    matches: list[_Match] = []
    mode = SearchMode.ALL
    match = ""
    suggestion = None
    if query:
        data = index_data(session, db)
        completed = _completions(db, data, query)
        groups = expand(query, data.names, completed)
        match = match_all(groups)
        matches = _matches(db, match, filters)
        if not matches and len(groups) > 1:
            mode, match = SearchMode.ANY, match_any(groups)
            matches = _matches(db, match, filters)
        # With every word matched in two or more rows, no word can be a rare typo.
        if mode is SearchMode.ANY or len(matches) <= FEW_MATCHES:
            skip = {*completed, *(i for group in groups for i in group.named)}
            suggestion = suggest(db, query, lambda: data.vocabulary(db), skip=skip)
    return SearchPage(
        items=_hits(db, match, matches[offset : offset + limit]),
        total=len(matches),
        limit=limit,
        offset=offset,
        mode=mode,
        facets=facets(matches),
        suggestion=suggestion,
    )
