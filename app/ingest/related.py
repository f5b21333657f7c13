"""Which figures in different articles are about the same thing, and whether they agree.

Two figures are related when they are in different articles and have the same kind, unit and
change, name the same actors (the same set, at least one), have periods that overlap (or
neither has one), and their measures are alike: rapidfuzz's `token_sort_ratio` of the two
measures, lowercased with punctuation stripped (`utils.default_process`), is at least
`THRESHOLD` (85 of 100). Sorting the words first makes "exports of oil" and "oil exports"
alike; comparing whole strings keeps "oil exports" apart from "oil imports" (82) and "trade"
from "trade deficit" (56), which a subset score (`token_set_ratio`) would call equal;
"defence budget" and "defense budget" score 93. A figure without a value, a measure or an actor
(a bare date, "$5 million" naming nobody) is related to nothing: there is too little to say
what it is about.

Two related figures agree when the quantities they state can be the same: each is an interval
(`eq` its value or its range `value`..`value_max`, `gt` above it, `gte` from it, `lt` below
it, `lte` up to it, `approx` within `APPROX_TOLERANCE`, 10%, either side) and they agree when
the intervals meet. "over $60 billion" agrees with "$62 billion", not with "$50 billion" nor
"$60 billion".

Candidates are bucketed by (kind, unit, change, actors), so the work is within buckets, never
across the corpus; within one, each figure keeps its `MAX_RELATED` most alike figures, newest
article first among equals, ranked, which is the order the API lists them in. The loader
(app/ingest/related_index.py) rewrites the lists a load changes.
"""

from __future__ import annotations

import hashlib
import heapq
import math
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import groupby, islice

import orjson
from rapidfuzz import fuzz, utils

from app.models.vocabulary import Comparator

# The least measure similarity (0-100) for two figures to be about the same thing.
THRESHOLD = 85.0
# An `approx` figure ("about $60 billion") covers this fraction of its value either side.
APPROX_TOLERANCE = 0.10
# The related figures kept per figure: the most alike, newest article first among equals.
MAX_RELATED = 50

BucketKey = tuple[str, str | None, str | None, tuple[str, ...]]


def bucket_name(key: BucketKey) -> str:
    """A bucket's name as the database keeps it (`figure_bucket`): its key, hashed."""
    return hashlib.blake2b(orjson.dumps(key), digest_size=16).hexdigest()


@dataclass(frozen=True)
class Relatable:
    """What grouping needs of a figure and of its article."""

    id: str
    article: str
    published: str | None
    kind: str
    unit: str | None
    change: str | None
    actors: tuple[str, ...]  # sorted
    measure: str | None
    value: float | None
    value_max: float | None
    comparator: str
    period_start_year: int | None
    period_end_year: int | None

    @property
    def key(self) -> BucketKey | None:
        """Its bucket, or None when it can be related to nothing."""
        if self.value is None or not self.measure or not self.actors:
            return None
        return (self.kind, self.unit, self.change, self.actors)


@dataclass(frozen=True)
class Pair:
    """`related` is `rank`-th (from 0) in the list of figures related to `figure`."""

    figure: str
    rank: int
    related: str
    similarity: float  # 0..1, two decimals
    agrees: bool


def similarity(a: str, b: str) -> float:
    """How alike two measures are, 0..100."""
    return float(fuzz.token_sort_ratio(a, b, processor=utils.default_process))


# An interval of the real line: lower bound, whether it is open, upper bound, whether open.
Interval = tuple[float, bool, float, bool]


def interval(value: float, value_max: float | None, comparator: str) -> Interval:
    """The quantities a figure allows."""
    top = value_max if value_max is not None else value
    if comparator == Comparator.GT:
        return (value, True, math.inf, True)
    if comparator == Comparator.GTE:
        return (value, False, math.inf, True)
    if comparator == Comparator.LT:
        return (-math.inf, True, top, True)
    if comparator == Comparator.LTE:
        return (-math.inf, True, top, False)
    if comparator == Comparator.APPROX:
        margin = APPROX_TOLERANCE * max(abs(value), abs(top))
        return (value - margin, False, top + margin, False)
    return (value, False, top, False)


def meet(a: Interval, b: Interval) -> bool:
    """Whether two intervals share a point."""
    low = max(a[0], b[0])
    low_open = (a[0] == low and a[1]) or (b[0] == low and b[1])
    high = min(a[2], b[2])
    high_open = (a[2] == high and a[3]) or (b[2] == high and b[3])
    return low < high or (low == high and not low_open and not high_open)


def agree(a: Relatable, b: Relatable) -> bool:
    """Whether two figures with values can state the same quantity."""
    assert a.value is not None
    assert b.value is not None
    return meet(
        interval(a.value, a.value_max, a.comparator), interval(b.value, b.value_max, b.comparator)
    )


def periods_overlap(a: Relatable, b: Relatable) -> bool:
    """Both without a period, or periods sharing a year (an open end reaches for ever)."""
    a_none = a.period_start_year is None and a.period_end_year is None
    b_none = b.period_start_year is None and b.period_end_year is None
    if a_none or b_none:
        return a_none and b_none
    starts_in_time = (
        a.period_start_year is None
        or b.period_end_year is None
        or a.period_start_year <= b.period_end_year
    )
    ends_in_time = (
        b.period_start_year is None
        or a.period_end_year is None
        or b.period_start_year <= a.period_end_year
    )
    return starts_in_time and ends_in_time


def buckets(figures: Iterable[Relatable]) -> dict[BucketKey, list[Relatable]]:
    """The figures that can be related, by bucket."""
    found: dict[BucketKey, list[Relatable]] = defaultdict(list)
    for figure in figures:
        key = figure.key
        if key is not None:
            found[key].append(figure)
    return found


def relate(
    figures: Iterable[Relatable], *, limit: int = MAX_RELATED, only: Collection[str] | None = None
) -> list[Pair]:
    """Each figure's related figures, ranked: most alike first, then newest article (undated
    last), then id; at most `limit` per figure. With `only`, the lists of those figures alone
    (ranked among every figure of their buckets)."""
    return [
        pair
        for bucket in buckets(figures).values()
        if only is None or any(figure.id in only for figure in bucket)
        for pair in _relate_bucket(bucket, limit, only)
    ]


def entering(
    bucket: Sequence[Relatable],
    new: Collection[str],
    last: Mapping[str, tuple[float, str]],
    limit: int,
) -> set[str]:
    """The figures of `bucket`, other than the `new` ones, whose lists a new figure enters:
    a list shorter than `limit` takes any new figure related to its own, a full one a new
    figure ranked before its last entry (`last`: each full list's last similarity and
    figure). No other list changes when figures are added: the rank of two figures in a list
    depends on those two alone."""
    order = {figure.id: i for i, figure in enumerate(_newest_first(bucket))}
    newcomers = [figure for figure in bucket if figure.id in new]
    processed = {figure.id: utils.default_process(figure.measure or "") for figure in bucket}
    found: set[str] = set()
    for figure in bucket:
        if figure.id in new:
            continue
        end = last.get(figure.id)
        for other in newcomers:
            if other.article == figure.article or not periods_overlap(figure, other):
                continue
            score = similarity(processed[figure.id], processed[other.id])
            if score < THRESHOLD:
                continue
            if end is None or (-round(score) / 100, order[other.id]) < (-end[0], order[end[1]]):
                found.add(figure.id)
                break
    return found


def _newest_first(figures: Sequence[Relatable]) -> list[Relatable]:
    by_id = sorted(figures, key=lambda f: f.id)
    # Stable in reverse too: equal dates keep the id order; undated (False) sort last.
    return sorted(by_id, key=lambda f: (f.published is not None, f.published or ""), reverse=True)


def extend(
    figures: Iterable[Relatable],
    lists: Mapping[str, tuple[int, str | None]],
    *,
    limit: int = MAX_RELATED,
) -> list[Pair]:
    """What follows each list once figures have left its bucket: `lists` holds, for each
    figure whose list lost entries, how many entries it keeps and the last of them (None when
    it keeps none). The rank of two figures depends on those two alone, so the entries kept
    stay as they are and the list goes on with the figures ranked after its last one (none
    when it was not full: it held every candidate). A pair's rank counts on from the entries
    kept (the caller places it after their stored ranks). Equal to `relate(..., only=lists)`
    less the entries kept, without walking them again."""
    found: list[Pair] = []
    for bucket in buckets(figures).values():
        ranking = _Ranking(bucket)
        for figure in bucket:
            if figure.id not in lists:
                continue
            kept, last = lists[figure.id]
            following = islice(ranking.candidates(figure, last), max(0, limit - kept))
            found.extend(
                Pair(figure.id, kept + i, other.id, score, agree(figure, other))
                for i, (score, other) in enumerate(following)
            )
    return found


class _Ranking:
    """One bucket's figures in the order lists rank them: most alike measure first, then
    newest article (undated last), then id."""

    def __init__(self, bucket: Sequence[Relatable]) -> None:
        ordered = _newest_first(bucket)
        self.order = {figure.id: i for i, figure in enumerate(ordered)}
        self.by_measure: dict[str, list[Relatable]] = defaultdict(list)
        self.measure: dict[str, str] = {}
        for figure in ordered:
            assert figure.measure is not None
            processed = utils.default_process(figure.measure)
            self.by_measure[processed].append(figure)
            self.measure[figure.id] = processed
        measures = sorted(self.by_measure)
        # Measures compared once per bucket, not once per pair of figures.
        self.scores = {(a, b): similarity(a, b) for a in measures for b in measures}

    def candidates(
        self, figure: Relatable, after: str | None = None
    ) -> Iterator[tuple[float, Relatable]]:
        """The figures related to `figure`, in rank order, each with its similarity (0..1);
        with `after`, only those ranked after that figure (itself related to `figure`)."""
        own = self.measure[figure.id]
        alike = sorted(
            (
                (round(score) / 100, m)
                for m in self.by_measure
                if (score := self.scores[own, m]) >= THRESHOLD
            ),
            key=lambda scored: -scored[0],
        )
        cut = None
        if after is not None:
            cut = (round(self.scores[own, self.measure[after]]) / 100, self.order[after])
        for score, level in groupby(alike, key=lambda scored: scored[0]):
            if cut is not None and score > cut[0]:
                continue
            start = cut[1] if cut is not None and score == cut[0] else -1
            runs = (
                islice(run, bisect_right(run, start, key=self._position), None)
                for run in (self.by_measure[m] for _, m in level)
            )
            for other in heapq.merge(*runs, key=self._position):
                if other.article != figure.article and periods_overlap(figure, other):
                    yield score, other

    def _position(self, figure: Relatable) -> int:
        return self.order[figure.id]


def _relate_bucket(
    bucket: Sequence[Relatable], limit: int, only: Collection[str] | None = None
) -> Iterator[Pair]:
    ranking = _Ranking(bucket)
    for figure in bucket:
        if only is not None and figure.id not in only:
            continue
        related = ranking.candidates(figure)
        for rank, (score, other) in enumerate(islice(related, limit)):
            yield Pair(figure.id, rank, other.id, score, agree(figure, other))
