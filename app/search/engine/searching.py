"""A search on the embedded engine: match, rank, count, facet, cut the page's snippets, suggest.

Every match is ranked (BM25 over the weighted text fields, schema.WEIGHTS); `total` and the
facets count every match. Equal scores keep the index's order (rows in the order they were
written: an article's sections, claims and figures in text order). Everything but the facets
runs inline on the event loop: the searcher is a memory map, and the SQLite statements a search
makes (actor names once per data version, the Spanish forms of a word, the articles a filter
names, the page's article metadata) are bounded by the reader's time limit. The facets are
counted last, by `Facets`: tantivy's aggregation reads no SQLite and releases the GIL, so on a
large index a serving process counts them on a worker thread (app/search/dispatch.py).
"""

from __future__ import annotations

from typing import Any

import tantivy

from app.core.db import Database, sqlite_errors
from app.queries.published import article_meta
from app.queries.rows import Rows, SqliteRows
from app.search import stems
from app.search.aliases import Span, spans
from app.search.completions import completions_for
from app.search.engine import data, queries
from app.search.engine.facets import NAMES, Facets, completed, on_page
from app.search.engine.snippets import Needle, Regions, needles, snippet
from app.search.engine.view import IndexView, view
from app.search.filters import SearchFilters
from app.search.query import ParsedQuery, Term, parse
from app.search.results import Hit, Result, hit
from app.search.schemas import SearchMode
from app.search.suggest import FEW_MATCHES, suggest


def _count(searcher: tantivy.Searcher, query: tantivy.Query | None) -> int:
    if query is None:
        return 0
    return int(searcher.search(query, 1, count=True).count)  # type: ignore[attr-defined]


def _term_query(index: IndexView, term: Term) -> tantivy.Query | None:
    return queries.alternative(index.searcher, (term.tokens, term.prefix))


def _variants(
    rows: Rows, query: ParsedQuery, completed: dict[int, Any]
) -> dict[int, tuple[str, ...]]:
    """Other forms of the query's words that Spanish rows hold (stems.py)."""
    words = stems.wanted(query)
    if not words or not data.has_stems(rows):
        return {}
    lookup: stems.Lookup = {
        language: data.spelled(rows, language, asked)
        for language, asked in stems.stems_of(words.values()).items()
    }
    return stems.variants_for(query, words, lookup, completed)


def _hits(
    rows: Rows,
    searcher: tantivy.Searcher,
    match: tantivy.Query,
    wanted: list[Needle],
    page: list[tuple[float, tantivy.DocAddress]],
    docs: list[tantivy.Document],
) -> list[Hit]:
    if not page:
        return []
    regions = Regions(searcher, match)
    meta = article_meta(rows, (doc.get_first("article") for doc in docs))
    return [
        hit(
            kind := str(doc.get_first("type")),
            str(doc.get_first("id")),
            str(doc.get_first("label")),
            snippet(kind, doc, wanted, regions),
            round(score, 6),
            doc.get_first("section"),
            doc.get_first("article"),
            meta,
        )
        for (score, _), doc in zip(page, docs, strict=True)
    ]


def search(
    database: Database, q: str, filters: SearchFilters, *, limit: int, offset: int
) -> Result:
    """Every word (or, failing that, any word) of `q`, best first; see docs/search.md."""
    return completed(*begin(database, q, filters, limit=limit, offset=offset))


def begin(
    database: Database, q: str, filters: SearchFilters, *, limit: int, offset: int
) -> tuple[Result, Facets | None]:
    """`search`, but for the facets when they are still to count: the answer without them,
    and what counts them (`Facets`), which reads the index only."""
    with sqlite_errors(), database.reading() as (reader, db):
        rows = SqliteRows(db)
        return plan(view(reader, rows), rows, q, filters, limit=limit, offset=offset)


def _empty(limit: int, offset: int, mode: SearchMode, suggestion: str | None = None) -> Result:
    facets: dict[str, list[tuple[str, int]]] = {name: [] for name in NAMES}
    return Result([], 0, limit, offset, mode, facets, suggestion)


def run(
    index: IndexView,
    rows: Rows,
    q: str,
    filters: SearchFilters,
    *,
    limit: int,
    offset: int,
) -> Result:
    """The whole answer, facets counted, on this thread."""
    return completed(*plan(index, rows, q, filters, limit=limit, offset=offset))


def plan(
    index: IndexView,
    rows: Rows,
    q: str,
    filters: SearchFilters,
    *,
    limit: int,
    offset: int,
) -> tuple[Result, Facets | None]:
    """The answer, and its facets when they are still to count (else None: counted)."""
    query = parse(q)
    if not query:
        return _empty(limit, offset, SearchMode.ALL), None
    searcher = index.searcher
    completed = completions_for(
        query, lambda term: _count(searcher, _term_query(index, term)), index.completions
    )
    variants = _variants(rows, query, completed)
    parts: list[Span] = spans(query, index.names, completed, variants)

    mode = SearchMode.ALL
    match = queries.matching(searcher, parts, mode)
    total, found = _run(searcher, match, filters, rows, limit=limit, offset=offset)
    if total == 0 and len(parts) > 1:
        mode = SearchMode.ANY
        match = queries.matching(searcher, parts, mode)
        total, found = _run(searcher, match, filters, rows, limit=limit, offset=offset)
    suggestion = None
    # With every word matched in two or more rows, no word can be a rare typo.
    if mode is SearchMode.ANY or total <= FEW_MATCHES:
        skip = {*completed, *variants, *(i for part in parts for i in part.named)}
        suggestion = suggest(
            query,
            count=lambda term: _count(searcher, _term_query(index, term)),
            correct=lambda word, matched: index.closest(word, more_than=matched),
            skip=skip,
        )
    if match is None or total == 0:
        return _empty(limit, offset, mode, suggestion), None
    docs = [searcher.doc(address) for _, address in found]
    pending = None
    if offset == 0 and total == len(found):
        # Every match is on the page: its documents are the whole result set.
        counted = on_page(docs)
    else:
        counted = {name: [] for name in NAMES}
        pending = Facets(searcher, queries.filtered(match, filters, rows), total, index.facet_names)
    result = Result(
        items=_hits(rows, searcher, match, needles(parts), found, docs),
        total=total,
        limit=limit,
        offset=offset,
        mode=mode,
        facets=counted,
        suggestion=suggestion,
    )
    return result, pending


def _run(
    searcher: tantivy.Searcher,
    match: tantivy.Query | None,
    filters: SearchFilters,
    rows: Rows,
    *,
    limit: int,
    offset: int,
) -> tuple[int, list[tuple[float, tantivy.DocAddress]]]:
    """The number of matches that pass the filters, and the page of them, best first."""
    if match is None:
        return 0, []
    found = searcher.search(
        queries.filtered(match, filters, rows), limit=max(limit, 1), count=True, offset=offset
    )
    return int(found.count), list(found.hits)[:limit]  # type: ignore[attr-defined]
