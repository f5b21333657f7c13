"""The raw connection search reads through (Database.reader): read-only, time-limited, one
snapshot a unit of work, and replaced when a load commits in place."""

from __future__ import annotations

import contextlib
import sqlite3
import time
from pathlib import Path

import pytest

from app.core.db import Database, read_only_uri, sqlite_path
from app.search.engine import searching
from app.search.filters import SearchFilters
from tests.conftest import copy_database

SLOW_QUERY = (
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n"
)


def test_the_reader_cannot_write(database_url: str) -> None:
    database = Database(database_url, timeout_ms=1000)
    with (
        database.reader().limited() as db,
        pytest.raises(sqlite3.OperationalError, match="readonly"),
    ):
        db.execute("UPDATE actor SET name = 'x'")
    database.dispose()


def test_a_unit_of_work_past_the_time_limit_is_interrupted(database_url: str) -> None:
    database = Database(database_url, timeout_ms=50)
    started = time.monotonic()
    with (
        database.reader().limited() as db,
        pytest.raises(sqlite3.OperationalError, match="interrupted"),
    ):
        db.execute(SLOW_QUERY).fetchone()
    assert time.monotonic() - started < 2
    database.dispose()


def _commit_in_place(db: Path, statement: str) -> None:
    """A write as a load makes it: in place, in one transaction that bumps the data version."""
    with contextlib.closing(sqlite3.connect(db, isolation_level=None)) as conn:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute(statement)
        conn.execute("UPDATE data_version SET version = version + 1")
        conn.execute("COMMIT")


def _count(db: sqlite3.Connection, table: str) -> int:
    return int(db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def test_a_load_in_place_gets_a_new_reader_at_the_next_unit_of_work(
    tmp_path: Path, database_url: str
) -> None:
    live = tmp_path / "facts.db"
    copy_database(sqlite_path(database_url), live)
    database = Database(f"sqlite:///{live}", timeout_ms=1000)
    version = database.version
    with database.reading() as (first, db):
        assert _count(db, "claim_figure") == 9
    with database.reading() as (reader, _):
        assert reader is first
    _commit_in_place(live, "DELETE FROM claim_figure")
    # Within the second in which the version is not checked, the next read notices the commit
    # itself: a new reader, a new version, the new data.
    with database.reading() as (second, db):
        assert second is not first
        assert _count(db, "claim_figure") == 0
    assert second.version == database.version != version
    database.dispose()


def test_a_unit_of_work_reads_one_snapshot_while_a_load_commits(
    tmp_path: Path, database_url: str
) -> None:
    live = tmp_path / "facts.db"
    copy_database(sqlite_path(database_url), live)
    database = Database(f"sqlite:///{live}", timeout_ms=1000)
    with database.reading() as (_, db):
        before = (_count(db, "claim"), _count(db, "claim_figure"))
        _commit_in_place(live, "DELETE FROM claim_figure")
        assert (_count(db, "claim"), _count(db, "claim_figure")) == before == (66, 9)
    with database.reading() as (_, db):
        assert (_count(db, "claim"), _count(db, "claim_figure")) == (66, 0)
    database.dispose()


def test_a_database_in_a_folder_nothing_can_write_to_is_read_as_immutable(
    tmp_path: Path, database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A WAL database needs an index file beside it that a reader creates; where the folder
    cannot be written (a read-only image), the file is read as it is."""
    live = tmp_path / "facts.db"
    copy_database(sqlite_path(database_url), live)
    with contextlib.closing(sqlite3.connect(live)) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["facts.db", "facts.db.search"]
    monkeypatch.setattr("app.core.db.os.access", lambda *_: False)
    assert read_only_uri(live).endswith("?mode=ro&immutable=1")
    database = Database(f"sqlite:///{live}", timeout_ms=1000)
    with database.reading() as (_, db):
        assert _count(db, "claim") == 66
    # The search index too: opened from a copy, as opening one takes a lock file beside it.
    result = searching.search(database, "oil", SearchFilters(), limit=20, offset=0)
    assert result.total == 15
    database.dispose()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["facts.db", "facts.db.search"]
    monkeypatch.undo()
    assert read_only_uri(live).endswith("?mode=ro")
