"""A parsed query as tantivy queries: each span an OR of its alternatives, each alternative
searched in every text field with that field's weight, and the filters as exact terms.

Nothing a user types reaches tantivy's query parser: queries are built from terms the
service's own analyzers wrote (schema.py), so no input is syntax.
"""

from __future__ import annotations

from collections.abc import Sequence

import tantivy

from app.queries.rows import Rows
from app.search.aliases import Alternative, Span
from app.search.engine import data
from app.search.engine.schema import SCHEMA, STEMMER, WEIGHTS
from app.search.filters import SearchFilters
from app.search.schemas import SearchMode

Occur = tantivy.Occur
Query = tantivy.Query
# The most index terms a word being typed stands for (those in most rows): "c" alone would
# otherwise be every word that starts with it.
MAX_EXPANSIONS = 64
# The same for the last word of a phrase being typed, each expansion a phrase of its own.
MAX_PHRASE_EXPANSIONS = 16


def _any(queries: Sequence[Query]) -> Query | None:
    if not queries:
        return None
    if len(queries) == 1:
        return queries[0]
    return Query.boolean_query([(Occur.Should, q) for q in queries])


def _stems(words: Sequence[str]) -> list[str | tuple[int, str]]:
    # phrase_query's type: a term, or a term and its position.
    return [term for word in words for term in STEMMER.analyze(word)]


def _in_field(
    searcher: tantivy.Searcher, field: str, stems: list[str | tuple[int, str]], prefix: bool
) -> Query | None:
    if not prefix:
        if len(stems) == 1:
            return Query.term_query(SCHEMA, field, stems[0])
        return Query.phrase_query(SCHEMA, field, stems)
    limit = MAX_EXPANSIONS if len(stems) == 1 else MAX_PHRASE_EXPANSIONS
    last = stems[-1]
    assert isinstance(last, str)
    ends = [term for term, _ in searcher.terms_with_prefix(field, last, limit=limit)]
    if len(stems) == 1:
        return _any([Query.term_query(SCHEMA, field, end) for end in ends])
    return _any([Query.phrase_query(SCHEMA, field, [*stems[:-1], end]) for end in ends])


def alternative(searcher: tantivy.Searcher, alt: Alternative) -> Query | None:
    """One phrase (or word), in every text field with its weight; None when it can match
    nothing (no terms, or a prefix that starts no indexed word)."""
    words, prefix = alt
    stems = _stems(words)
    if not stems:
        return None
    fields: list[Query] = []
    for field, weight in WEIGHTS.items():
        found = _in_field(searcher, field, stems, prefix)
        if found is not None:
            fields.append(Query.boost_query(found, weight))
    return _any(fields)


def span(searcher: tantivy.Searcher, part: Span) -> Query | None:
    return _any([q for alt in part.alternatives if (q := alternative(searcher, alt)) is not None])


def matching(searcher: tantivy.Searcher, spans: Sequence[Span], mode: SearchMode) -> Query | None:
    """Every span (mode all) or any span (mode any); None when that can match nothing."""
    parts = [span(searcher, s) for s in spans]
    if mode is SearchMode.ALL:
        if any(q is None for q in parts):
            return None
        kept = [q for q in parts if q is not None]
        if len(kept) == 1:
            return kept[0]
        return Query.boolean_query([(Occur.Must, q) for q in kept])
    return _any([q for q in parts if q is not None])


def _terms(field: str, values: Sequence[str]) -> Query:
    return Query.term_set_query(SCHEMA, field, list(values))


def _articles_or_their_actors(rows: Rows, articles: list[str]) -> Query:
    """Rows of these articles, and actors they mention (actors belong to no article)."""
    mentioned = Query.boolean_query(
        [
            (Occur.Must, _terms("type", ["actor"])),
            (Occur.Must, _terms("id", data.mentioned(rows, articles))),
        ]
    )
    return Query.boolean_query(
        [(Occur.Should, _terms("article", articles)), (Occur.Should, mentioned)]
    )


def filtered(query: Query, filters: SearchFilters, rows: Rows) -> Query:
    """`query`, narrowed to what the filters allow; the filters add nothing to the score."""
    clauses: list[Query] = []
    if filters.types:
        clauses.append(_terms("type", [t.value for t in filters.types]))
    if filters.article is not None:
        clauses.append(_articles_or_their_actors(rows, [filters.article]))
    if filters.section is not None:
        clauses.append(_terms("section", [filters.section]))
    if filters.published:
        articles = data.published_articles(rows, filters.published)
        clauses.append(_articles_or_their_actors(rows, articles))
    if not clauses:
        return query
    narrowing = [(Occur.Must, Query.const_score_query(c, 0.0)) for c in clauses]
    return Query.boolean_query([(Occur.Must, query), *narrowing])
