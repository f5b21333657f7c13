"""A search's facets: counts by type, section, actor and article over its matches.

tantivy's terms aggregation counts them in one pass over the matches. Over a text column it
costs per distinct value of the column in every segment, whatever the matches (each value a
dictionary lookup): at 10,000 articles the four facets cost 4.3 ms on average for queries of
at most 10,000 matches. Sections and articles (hundreds of thousands, tens of thousands) are
therefore counted by a number (`schema.facet_key`), and only the values answered are named
afterwards, each read once per data version from the `keys` field's dictionary (`Names`).
Types and actors, with few values, are counted as text (`schema.TEXT_FACETS`).

Counts are exact up to `EXACT_BOUND` matches. Past it each index segment hands on only its
most common values of a facet (`ESTIMATE_SEGMENT_VALUES`), as large search engines do, and a
count may be low: the answer then says so (`facets_exact: false`). An article's documents are
written together, so a section's or an article's are nearly always in one segment, and its
count is its own. Estimating from a fixed sample of the matches was measured and not kept:
2.6 instead of 5.7 ms a search past the bound, but a section or an article has too few matches
for a sample to see (at 10,000 articles 2-5% of the ten sections with most matches were among
the sample's ten, their counts 200-300% off at the median; docs/performance.md).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

import tantivy

from app.search.engine.schema import KEYED_FACETS, TEXT_FACETS
from app.search.results import FACET_VALUES, Result, facets

FacetCounts = dict[str, list[tuple[str, int]]]

# Facets are counted exactly over up to this many matches.
EXACT_BOUND = 10_000
# Counted exactly, every value of a segment goes to the merge, so a sum over segments is exact.
EXACT_SEGMENT_VALUES = 1 << 20
# Past the bound each segment hands on its most common values only: Elasticsearch's default
# `shard_size` for a terms aggregation, 1.5 times the values answered plus 10.
ESTIMATE_SEGMENT_VALUES = FACET_VALUES * 3 // 2 + 10
# Values named at most per data version (`Names`): about 8 MB.
NAMES_KEPT = 50_000
NAMES = ("type", "section", "actor", "article")


def _spec(per_segment: int) -> dict[str, Any]:
    fields = {name: name for name in TEXT_FACETS} | KEYED_FACETS
    return {
        name: {"terms": {"field": field, "size": FACET_VALUES, "segment_size": per_segment}}
        for name, field in fields.items()
    }


class Names(dict[int, str]):
    """The values of facet keys named so far, for one data version's index: over 3,000
    distinct benchmark queries 68-87% of the sections answered and 94-97% of the articles had
    been named before. Bounded: emptied when full."""

    def of(self, searcher: tantivy.Searcher, keys: list[int]) -> dict[int, str]:
        """The value of each key (a key the index cannot name is left out). Two threads may
        count at once: what one reads, another may clear, so the answer is a dict of its own."""
        if len(self) > NAMES_KEPT:
            self.clear()
        named = {}
        for key in keys:
            value = self.get(key)
            if value is None:
                prefix = f"{key:016x}"
                for term, _ in searcher.terms_with_prefix("keys", prefix, limit=1):
                    value = self[key] = term[len(prefix) :]
            if value is not None:
                named[key] = value
        return named


def _most_first(item: tuple[str, int]) -> tuple[int, str]:
    return -item[1], item[0]


def count(
    searcher: tantivy.Searcher, query: tantivy.Query, total: int, names: Names
) -> tuple[FacetCounts, bool]:
    """Each facet's most common values over the matches of `query` (`total` of them), and
    whether every count is exact."""
    exact = total <= EXACT_BOUND
    found = searcher.aggregate(
        query, _spec(EXACT_SEGMENT_VALUES if exact else ESTIMATE_SEGMENT_VALUES)
    )
    buckets = {
        name: [(b["key"], int(b["doc_count"])) for b in found[name]["buckets"]] for name in NAMES
    }
    result: FacetCounts = {name: [(str(k), n) for k, n in buckets[name]] for name in TEXT_FACETS}
    for name in KEYED_FACETS:
        named = names.of(searcher, [int(k) for k, _ in buckets[name]])
        result[name] = [(named[int(k)], n) for k, n in buckets[name] if int(k) in named]
    # tantivy says how far a count may be off when segments handed on only some values.
    exact = exact or all(found[name].get("doc_count_error_upper_bound", 0) == 0 for name in NAMES)
    return {name: sorted(result[name], key=_most_first) for name in NAMES}, exact


def on_page(docs: list[tantivy.Document]) -> FacetCounts:
    """The facets of a result set that is all on the page, from its documents."""
    return facets(
        [
            (
                str(doc.get_first("type")),
                str(doc.get_first("id")),
                doc.get_first("article"),
                doc.get_first("section"),
                " ".join(doc.get_all("actor")),
            )
            for doc in docs
        ]
    )


@dataclass(frozen=True, slots=True)
class Facets:
    """The facets of a search, still to count (`count`), and how to put them in its answer."""

    searcher: tantivy.Searcher
    query: tantivy.Query
    total: int
    names: Names = field(default_factory=Names)

    def count(self) -> tuple[FacetCounts, bool]:
        return count(self.searcher, self.query, self.total, self.names)

    @property
    def documents(self) -> int:
        """The documents of the index searched: what a count's cost grows with."""
        return int(self.searcher.num_docs)

    @staticmethod
    def into(result: Result, counted: tuple[FacetCounts, bool]) -> Result:
        return replace(result, facets=counted[0], facets_exact=counted[1])


def completed(result: Result, pending: Facets | None) -> Result:
    """`result` with its facets, counted on this thread when they were still to count."""
    return result if pending is None else Facets.into(result, pending.count())
