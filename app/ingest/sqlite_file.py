"""The SQLite file a load writes, and what it keeps beside it while it works.

A database that exists is written in place, in one transaction, in SQLite's write-ahead-log
mode (WAL): readers go on reading the last commit while a load writes, a killed load's frames
are never committed, and a commit is the whole load. A database that does not exist yet is
built as a file of its own (`.<db>.loading`, in rollback-journal mode, which writes a bulk
load once rather than twice) and renamed into place when whole. One load at a time holds
`<db>.lock`. This module owns those files and those two ways of writing: where the files are,
the lock, the journal mode, the transaction, and removing what a killed first load left
(app/ingest/loader.py decides what a load writes).
"""

from __future__ import annotations

import contextlib
import fcntl
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Protocol, TypeVar

from sqlalchemy import Connection

from app.core.db import create_write_engine, fsync_file, is_sqlite, sqlite_path, sqlite_url

# What SQLite keeps beside a database while writing it: the rollback journal (this loader's
# mode), or a WAL and its index.
_JOURNALS = ("-journal", "-wal", "-shm")


def lock_path(target: Path) -> Path:
    return target.with_name(target.name + ".lock")


def staging_path(target: Path) -> Path:
    return target.with_name(f".{target.name}.loading")


def _staging_files(target: Path) -> list[Path]:
    """The file a first load writes, and the journal SQLite keeps beside it while writing: a
    load killed mid-way leaves both (a stale journal would be played back into the next one)."""
    staging = staging_path(target)
    return [staging, *(staging.with_name(staging.name + end) for end in _JOURNALS)]


def remove_staging(target: Path) -> None:
    for path in _staging_files(target):
        path.unlink(missing_ok=True)


def remove_leftovers(url: str) -> list[Path]:
    """Removes what a killed first load left beside the SQLite database at `url` (the file it
    was building, its journal), unless a load holds the lock now: then they are its own files.
    Returns what was removed; nothing on a database server, or when the folder cannot be
    written (a read-only deployment has no leftovers it could remove)."""
    if not is_sqlite(url):
        return []
    target = sqlite_path(url).resolve()
    try:
        found = [path for path in _staging_files(target) if path.exists()]
        if not found:
            return []
        with exclusive(lock_path(target), wait=False) as held:
            if not held:
                return []
            for path in found:
                path.unlink(missing_ok=True)
    except OSError:
        return []
    return found


# The most the WAL keeps on disk once a checkpoint has emptied it: a large load's frames would
# otherwise keep a file as large as the load beside the database.
WAL_SIZE_LIMIT = 64 << 20


def use_wal(dbapi_conn: sqlite3.Connection) -> None:
    """Puts the database in WAL mode (kept in the file: every later connection is in it too).
    On a database written before, in rollback-journal mode, this takes an exclusive lock for
    a moment, once."""
    mode = dbapi_conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if str(mode).lower() != "wal":
        raise sqlite3.OperationalError(f"the database stays in {mode} mode, not WAL")
    dbapi_conn.execute(f"PRAGMA journal_size_limit = {WAL_SIZE_LIMIT}")


def checkpoint(dbapi_conn: sqlite3.Connection) -> None:
    """Copies the committed frames into the database file, as far as readers allow, without
    waiting for them: the WAL starts again from its beginning at the next write."""
    dbapi_conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()


def finish_new(staging: Path, target: Path) -> None:
    """A database built as a file of its own, switched to WAL mode (its WAL and index go as
    the connection closes) before it is renamed into place. A WAL or index left beside where
    it goes belongs to a database no longer there: SQLite would read the new file through
    them, so they go first."""
    conn = sqlite3.connect(staging, isolation_level=None)
    try:
        use_wal(conn)
    finally:
        conn.close()
    for end in ("-wal", "-shm"):
        target.with_name(target.name + end).unlink(missing_ok=True)


@contextlib.contextmanager
def exclusive(lock_path: Path, *, wait: bool = True) -> Iterator[bool]:
    """One load at a time per database file, across processes. Yields whether the lock is held:
    always True when waiting for it; False at once, without waiting, when another holds it."""
    with lock_path.open("a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


class _Report(Protocol):
    @property
    def changed(self) -> bool: ...


R = TypeVar("R", bound=_Report)


def write_in_place(target: Path, write: Callable[[Connection], R]) -> R:
    """`write` in one transaction on the live file, in WAL mode, committed only when it
    changed something: serving processes read the last commit until this one, then the whole
    of it (docs/performance.md)."""
    engine = create_write_engine(sqlite_url(target))
    try:
        with engine.connect() as conn:
            dbapi = conn.connection.dbapi_connection
            assert isinstance(dbapi, sqlite3.Connection)
            use_wal(dbapi)
            with conn.begin() as transaction:
                report = write(conn)
                if not report.changed:
                    transaction.rollback()
            if report.changed:
                checkpoint(dbapi)
            return report
    finally:
        engine.dispose()


def write_new(target: Path, write: Callable[[Connection], R]) -> R:
    """A database that does not exist yet, built by `write` as a file of its own and renamed
    into place when whole: a load killed before leaves no database rather than part of one."""
    staging = staging_path(target)
    try:
        engine = create_write_engine(sqlite_url(staging))
        try:
            with engine.begin() as conn:
                report = write(conn)
        finally:
            engine.dispose()
        finish_new(staging, target)
        fsync_file(staging)
        staging.replace(target)
        fsync_file(target.parent)
        return report
    except BaseException:
        remove_staging(target)
        raise
