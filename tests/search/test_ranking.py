"""The two ways a search ranks and the two ways it cuts snippets give the same answer.

Which way runs depends on what the process has kept (ranking.py, snippets.py), so they must
agree exactly: on a table of queries and filters, the matches ranked in Python from each
phrase's kept scores equal FTS5's own bm25 ranking, double for double, and snippets reused
from the memo or cut with only the phrases a row holds equal FTS5's snippets cut with the
whole expression.
"""

from __future__ import annotations

import sqlite3

import pytest

from app.core.db import Reader
from app.search import backend, ranking, snippets
from app.search.aliases import expand, match_all, match_any
from app.search.cache import IndexData
from app.search.filters import SearchFilters
from app.search.query import parse
from app.search.schemas import SearchMode, SearchType
from app.search.sizes import row_entry

ARTICLE = "russia-china-venezuela"
QUERIES = [
    "oil",
    "sanct",
    "Moscow",
    "United States",
    "Huawei ZTE",
    "Sukhoi Huawei",
    "russia china venezuela",
    "china russia",
    '"belt and road"',
    "the",
    "energy secur",
    "oil oil",
    "Caracas Washington sanctions",
    "defense cooperation",
    "60 billion",
    "U.S. influence",
]
FILTERS = [
    SearchFilters(),
    SearchFilters(types=(SearchType.CLAIM, SearchType.FIGURE)),
    SearchFilters(types=(SearchType.ACTOR,)),
    SearchFilters(article=ARTICLE),
    SearchFilters(section=f"{ARTICLE}-2-1"),
    SearchFilters(article="no-such-article"),
]


@pytest.mark.parametrize("q", QUERIES)
def test_python_ranking_equals_fts5_ranking(reader: Reader, data: IndexData, q: str) -> None:
    groups = expand(parse(q), data.names)
    with reader.limited() as db:
        for mode, match in (
            (SearchMode.ALL, match_all(groups)),
            (SearchMode.ANY, match_any(groups)),
        ):
            for filters in FILTERS:
                in_python = ranking.rank(db, data, groups, mode, filters, backend.MAX_MATCHES)
                in_sql = backend._matches(db, match, filters)
                assert in_python is not None
                assert in_python == in_sql, (q, mode, filters)


@pytest.mark.parametrize("q", QUERIES)
def test_ranking_common_words_in_sql_with_kept_rows_equals_plain_sql(
    reader: Reader, data: IndexData, q: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # No phrase counts as small: every query ranks in SQL, reading its rows from the memo.
    monkeypatch.setattr("app.search.cache.MAX_PHRASE_ROWS", 0)
    groups = expand(parse(q), data.names)
    with reader.limited() as db:
        for mode, match in (
            (SearchMode.ALL, match_all(groups)),
            (SearchMode.ANY, match_any(groups)),
        ):
            for filters in FILTERS:
                plan = backend._Plan(data, groups, mode)
                assert backend._matches(db, match, filters, plan) == backend._matches(
                    db, match, filters
                ), (q, mode, filters)


def test_at_most_max_matches_are_ranked_the_newest_first(reader: Reader, data: IndexData) -> None:
    groups = expand(parse("the "), data.names)
    with reader.limited() as db:
        every = ranking.rank(db, data, groups, SearchMode.ALL, SearchFilters(), 10_000)
        newest = ranking.rank(db, data, groups, SearchMode.ALL, SearchFilters(), 5)
        assert every is not None
        assert newest is not None
        assert sorted(m[0] for m in newest) == sorted(m[0] for m in every)[-5:]
        assert newest == sorted(newest, key=ranking.order)


@pytest.mark.parametrize("q", QUERIES)
def test_kept_and_narrowed_snippets_equal_fts5_snippets(
    reader: Reader, data: IndexData, q: str
) -> None:
    groups = expand(parse(q), data.names)
    phrases = [phrase for group in groups for phrase in group.alternatives]
    match = match_any(groups)
    with reader.limited() as db:
        rowids = [m[0] for m in backend._matches(db, match, SearchFilters())]
        direct = snippets._cut(db, match, rowids)
        for _ in range(2):  # cut with the rows' own phrases, then from the memo
            assert snippets.page_snippets(db, data, match, phrases, rowids) == [
                direct[rowid] for rowid in rowids
            ]


def test_a_phrase_in_too_many_rows_is_ranked_in_sql(
    reader: Reader, data: IndexData, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("app.search.cache.MAX_PHRASE_ROWS", 3)
    groups = expand(parse("oil"), data.names)
    with reader.limited() as db:
        assert ranking.rank(db, data, groups, SearchMode.ALL, SearchFilters(), 100) is None
        assert snippets._present(db, data, ['"oil"'], [1]) is None


def test_the_rows_read_are_the_index_rows(reader: Reader, data: IndexData) -> None:
    with reader.limited() as db:
        expected = {
            r[0]: r[1:]
            for r in db.execute(
                "SELECT rowid, type, id, article, section, actors FROM search_index"
            )
        }
        assert data.rows(db, list(expected)) == expected
        assert isinstance(db, sqlite3.Connection)


def test_rows_of_a_large_index_are_read_as_asked_and_kept_within_bounds(
    reader: Reader, data: IndexData, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("app.search.cache.READ_WHOLE_BELOW", 0)
    with reader.limited() as db:
        every = {
            r[0]: r[1:]
            for r in db.execute(
                "SELECT rowid, type, id, article, section, actors FROM search_index"
            )
        }
        wanted = sorted(every)[:25]
        # Room for the last ten rows read, in bytes.
        monkeypatch.setattr(
            data._rows, "max_bytes", sum(row_entry(r, every[r]) for r in wanted[-10:])
        )
        assert data.rows(db, wanted) == {rowid: every[rowid] for rowid in wanted}
        assert [r for r in wanted if r in data._rows] == wanted[-10:]
        assert data._rows.bytes == data._rows.max_bytes


def test_too_many_candidates_are_ranked_in_sql(
    reader: Reader, data: IndexData, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ranking, "MAX_CANDIDATES", 3)
    groups = expand(parse("oil"), data.names)
    with reader.limited() as db:
        assert ranking.rank(db, data, groups, SearchMode.ALL, SearchFilters(), 100) is None


def test_a_page_with_a_common_phrase_is_cut_with_the_whole_expression(
    reader: Reader, data: IndexData, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("app.search.cache.MAX_PHRASE_ROWS", 0)
    groups = expand(parse("oil venezuela"), data.names)
    phrases = [phrase for group in groups for phrase in group.alternatives]
    match = match_any(groups)
    with reader.limited() as db:
        rowids = [m[0] for m in backend._matches(db, match, SearchFilters())][:5]
        direct = snippets._cut(db, match, rowids)
        cut = snippets.page_snippets(db, data, match, phrases, rowids)
        assert cut == [direct[rowid] for rowid in rowids]
        assert len(data.snippets) == 0
