"""The raw connection search reads through (Database.reader): read-only, time-limited, and
replaced when a load swaps in a new file."""

from __future__ import annotations

import shutil
import sqlite3
import time
from pathlib import Path

import pytest

from app.core.db import Database, sqlite_path

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


def test_a_swapped_in_file_gets_a_new_reader(tmp_path: Path, database_url: str) -> None:
    live = tmp_path / "facts.db"
    shutil.copy(sqlite_path(database_url), live)
    database = Database(f"sqlite:///{live}", timeout_ms=1000)
    first = database.reader()
    assert database.reader() is first
    replacement = tmp_path / "next.db"
    shutil.copy(live, replacement)
    with sqlite3.connect(replacement) as conn:
        conn.execute("DELETE FROM claim_figure")
    replacement.replace(live)
    assert database.refresh(force=True)
    second = database.reader()
    assert second is not first
    assert second.version == database.version
    with second.limited() as db:
        assert db.execute("SELECT count(*) FROM claim_figure").fetchone() == (0,)
    database.dispose()
