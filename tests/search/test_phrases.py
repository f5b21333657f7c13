"""Phrases known by the terms they match share what is kept for them, and only those do."""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
from collections import defaultdict
from importlib import import_module
from pathlib import Path

import pytest

from app.core.db import Reader, sqlite_path
from app.search import backend, phrases, snippets
from app.search.cache import IndexData
from app.search.filters import SearchFilters
from app.search.query import fts_string, tokens
from app.search.sizes import text_pair_entry
from tests.search.conftest import Search

migration = import_module("migrations.versions.20261128_0002_search_index")


def test_the_stemmer_is_the_index_tokenizer() -> None:
    assert f"tokenize = '{phrases.TOKENIZER}'" in migration.CREATE_INDEX
    stem = phrases.Stemmer().stem
    assert [stem(w) for w in ("running", "sanctions", "venezuela", "oil")] == [
        "run",
        "sanction",
        "venezuela",
        "oil",
    ]
    assert stem("café") == "cafe"
    assert stem("u.s") is None  # two tokens
    # A mark the query side keeps inside a word but the tokenizer takes for a separator: two
    # tokens with one stem are not that stem.
    assert stem("oil\u0903oil") is None


def test_phrases_with_one_key_match_the_same_rows_with_the_same_scores(
    reader: Reader, data: IndexData, article_text: str
) -> None:
    """Every word of the article and every prefix of it, exact and as a prefix, keyed and
    scored by FTS5 alone: one key, one set of rows and bm25 doubles."""
    words = {w for w in tokens(article_text.lower()) if len(w) >= 3}
    candidates = {fts_string((w[:end],), prefix=True) for w in words for end in range(3, len(w))}
    candidates |= {fts_string((w,)) for w in words}
    sql = (
        "SELECT rowid, bm25(search_index, 10.0, 1.0, 5.0) FROM search_index"
        " WHERE search_index MATCH ?"
    )
    by_key: dict[str, set[str]] = defaultdict(set)
    with reader.limited() as db:
        for phrase in candidates:
            by_key[data.phrase_key(db, phrase)].add(phrase)
        shared = [group for group in by_key.values() if len(group) > 1]
        # 2,470 phrases, known by 1,007 keys; 477 of those keys stand for two phrases or more.
        assert (len(candidates), len(by_key), len(shared)) == (2_470, 1_007, 477)
        for group in shared:
            results = {tuple(db.execute(sql, (phrase,)).fetchall()) for phrase in group}
            assert len(results) == 1, group
    assert data.phrase_key(db, '"venezu"*') == data.phrase_key(db, '"venezuela"*')
    assert data.phrase_key(db, '"venezuela"') != data.phrase_key(db, '"venezuela"*')


def test_a_phrase_of_several_words_or_of_no_term_is_its_own_key(
    reader: Reader, data: IndexData
) -> None:
    with reader.limited() as db:
        for phrase in ('"belt and road"', '"zzzzqx"', '"zzzzqx"*', '"u s"'):
            assert data.phrase_key(db, phrase) == phrase


def test_a_large_index_keys_phrases_by_their_text(
    reader: Reader, data: IndexData, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("app.search.cache.READ_WHOLE_BELOW", 0)
    with reader.limited() as db:
        assert data.phrase_key(db, '"venezu"*') == '"venezu"*'


def test_a_snippet_cut_for_one_phrase_serves_the_phrases_of_its_key(
    reader: Reader, data: IndexData, monkeypatch: pytest.MonkeyPatch
) -> None:
    cuts: list[str] = []
    cut = snippets._cut

    def counted(
        db: sqlite3.Connection, match: str, rowids: list[int]
    ) -> dict[int, tuple[str, str]]:
        cuts.append(match)
        return cut(db, match, rowids)

    monkeypatch.setattr(snippets, "_cut", counted)
    with reader.limited() as db:
        rowids = [m[0] for m in backend._matches(db, '"venezuela"*', SearchFilters())]
        first = snippets.page_snippets(db, data, '"venezu"*', ['"venezu"*'], rowids)
        again = snippets.page_snippets(db, data, '"venezuel"*', ['"venezuel"*'], rowids)
        assert cuts == ['"venezu"*']
        assert again == first == [cut(db, '"venezuel"*', rowids)[r] for r in rowids]


def test_what_is_kept_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    # Three entries' worth of bytes: "venezuela" and its stem take more than "oil" and "oil".
    monkeypatch.setattr(phrases, "MAX_STEM_BYTES", 3 * text_pair_entry("running", "run"))
    stemmer = phrases.Stemmer()
    classes = phrases.PhraseClasses(["oil", "run"])
    words = ["oil", "running", "runs", "sanctions", "venezuela"]
    assert [stemmer.stem(w) for w in words] == ["oil", "run", "run", "sanction", "venezuela"]
    for word in words:
        classes.key(fts_string((word,), prefix=True))
    assert stemmer.bytes <= phrases.MAX_STEM_BYTES
    assert stemmer.bytes == sum(text_pair_entry(w, s) for w, s in stemmer._stems.items())
    assert list(stemmer._stems) == ["sanctions", "venezuela"]
    assert classes.bytes <= phrases.MAX_STEM_BYTES
    assert classes.bytes == sum(text_pair_entry(p, k) for p, k in classes._keys.items())
    assert classes.key('"runs"*') == "1:2"
    assert classes.key('"runs"') == "1:2"
    assert classes.key('"oil"') == "0:1"


def test_the_terms_are_those_of_the_readers_own_version(tmp_path: Path, database_url: str) -> None:
    live = tmp_path / "facts.db"
    shutil.copy(sqlite_path(database_url), live)
    reader = Reader(live, timeout_ms=2000, version="old")
    with reader.limited() as db:
        before = phrases.index_terms(db)
    # A load swaps in another file, here one whose index is empty.
    emptied = tmp_path / "next.db"
    shutil.copy(live, emptied)
    with contextlib.closing(sqlite3.connect(emptied)) as conn:
        conn.execute("DELETE FROM search_index")
        conn.commit()
    emptied.replace(live)
    with reader.limited() as db:
        assert phrases.index_terms(db) == before
    assert len(before) == 534
    assert before == sorted(before)


def test_a_phrase_the_tokenizer_splits_shares_nothing_with_its_parts(
    reader: Reader, data: IndexData
) -> None:
    with reader.limited() as db:
        assert data.phrase_key(db, '"oil\u0903oil"*') == '"oil\u0903oil"*'
        assert data.count(db, '"oil\u0903oil"*') == 0
        assert data.count(db, '"oil"*') == 15


def test_a_query_the_tokenizer_splits_leaves_other_queries_as_they_were(search: Search) -> None:
    assert search("oil\u0903oil ")["total"] == 0
    assert search("oil ")["total"] == 15
    assert search("jet\u0903jets ")["total"] == 0
    assert search("jets ")["total"] == 2
