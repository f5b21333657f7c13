"""Database engines: read-only for serving, a separate writer for loading.

Serving never writes. On SQLite every read connection is opened with `mode=ro` and
`query_only`, and a progress handler interrupts any query that runs past the time limit.
A load commits in place, in WAL mode (app/ingest/loader.py): the data version is the file's
identity and the number the load bumps in it (app/core/data_version.py), read at most once a
second by `Database.refresh()`, and by each inline read in its own snapshot
(`Database.reading()`): a commit seen there makes a new reader and version at once. Response
caches and ETags are keyed on it.

Beside the SQLAlchemy engine, `Database.reader()` offers one raw sqlite3 connection per data
version for the reads that run on the event loop itself (search): a few sub-millisecond
statements, where a session and a thread hop would cost more than the query.

Nothing waits for the database on the event loop: a stall there would stop every request,
`/health` included. The inline reader never waits for a lock (a file another process holds
locked is a 503 at once), and work that may block runs on a worker thread through
`Database.in_thread()`, which gives up at the time limit (a 503) and leaves the thread to the
driver's own bounds (busy timeout on SQLite; app/core/postgres.py on a server).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

import anyio
from sqlalchemy import URL, Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeoutError
from sqlalchemy.pool import ConnectionPoolEntry
from sqlmodel import Session

from app.core import data_version, postgres

# Each progress-handler call costs a little; checking every 10k VM steps keeps it negligible.
_PROGRESS_STEPS = 10_000
# How many times a read makes a new reader for data that changed under it before reading what
# it has (only loads committing faster than a reader opens could use them all).
_RENEWALS = 3

T = TypeVar("T")


class StalledError(OperationalError):
    """The database did not answer within the time limit: a server that stopped answering,
    or every pooled connection busy. Answered, like any database error, with a 503."""

    def __init__(self) -> None:
        super().__init__(None, None, TimeoutError("no answer within the query time limit"))

    def __reduce__(self) -> tuple[type[StalledError], tuple[()]]:
        return StalledError, ()


# Asked on every search (app/search/dispatch.py): parsing the URL each time cost more than the
# rest of the dispatch.
@lru_cache(maxsize=64)
def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def sqlite_path(url: str) -> Path:
    database = make_url(url).database
    if not database or database == ":memory:":
        raise ValueError(f"{url!r} does not name a SQLite database file")
    return Path(database)


def _limit_query_time(dbapi_conn: sqlite3.Connection, timeout_ms: int) -> None:
    deadline: list[float] = [0.0]

    def check() -> int:
        # Non-zero aborts the statement with "interrupted".
        if deadline[0] == 0.0:
            deadline[0] = time.monotonic() + timeout_ms / 1000
            return 0
        return 1 if time.monotonic() > deadline[0] else 0

    def reset(*_: Any) -> None:
        deadline[0] = 0.0

    dbapi_conn.set_progress_handler(check, _PROGRESS_STEPS)
    # A fresh deadline for every statement: the trace callback runs as each one starts.
    dbapi_conn.set_trace_callback(reset)


def sqlite_url(path: Path) -> str:
    """The SQLAlchemy URL of a SQLite file, with the characters URLs reserve ('?', '#', '%')
    escaped: `sqlite_path(sqlite_url(path)) == path`."""
    return URL.create("sqlite", database=str(path)).render_as_string()


def read_only_uri(path: Path) -> str:
    """A SQLite URI that opens `path` read-only. The path is percent-encoded: written into the
    URI as it is, a '#', '?' or '%' in a directory or file name would be read as URI syntax
    and open another file (or none).

    A database in WAL mode is read through an index file beside it (`-shm`), which a reader
    creates when none is there. In a folder nothing can write to (a read-only image, say)
    it cannot, and no load can write there either, so the file is opened as immutable: read
    as it is, without the index."""
    resolved = path.resolve()
    uri = f"{resolved.as_uri()}?mode=ro"
    wal = resolved.with_name(resolved.name + "-wal")
    if not os.access(resolved.parent, os.W_OK) and not wal.exists():
        uri += "&immutable=1"
    return uri


def create_read_engine(url: str, *, timeout_ms: int) -> Engine:
    if not is_sqlite(url):
        return postgres.create_read_engine(url, timeout_ms=timeout_ms)
    uri = read_only_uri(sqlite_path(url))
    # On a worker thread (app/api/routes/health.py), a lock another process holds on the file
    # is waited for up to the time limit, no longer (sqlite3 would wait 5 s).
    busy_s = timeout_ms / 1000
    engine = create_engine(
        url,
        creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False, timeout=busy_s),
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: ConnectionPoolEntry) -> None:
        dbapi_conn.execute("PRAGMA query_only = ON")
        _limit_query_time(dbapi_conn, timeout_ms)

    return engine


class Reader:
    """A raw read-only connection to one version of the data, for inline reads on the event loop.

    The time limit covers a whole unit of work (every statement of one search), not each
    statement: `with reader.limited() as conn:`. The connection is only ever used from the
    event loop's thread, one unit of work at a time, so it needs no pool and no lock. A
    replaced reader is not closed by `Database.refresh()` (which may run on another thread,
    while a search still reads through it): it closes when the last reference goes.
    """

    # SQLite's page cache for this connection (KiB, as a negative cache_size): the hot pages of
    # the search index stay in process memory; the rest come from the OS's file cache.
    CACHE_KIB = 8 * 1024

    def __init__(self, path: Path, *, timeout_ms: int, version: str) -> None:
        self.version = version
        self.path = path
        self._timeout_s = timeout_ms / 1000
        self._deadline = 0.0
        # timeout=0: on the event loop, a lock is never waited for (sqlite3 would sleep up to
        # 5 s, every request with it): "database is locked" at once, answered with a 503.
        # Serving never locks the file; only another process can (tests/test_stall.py).
        self._conn = sqlite3.connect(
            read_only_uri(path),
            uri=True,
            check_same_thread=False,
            cached_statements=512,
            timeout=0,
            # Transactions are begun and ended here (`begin`, `end`), never by sqlite3.
            isolation_level=None,
        )
        self._conn.execute("PRAGMA query_only = ON")
        self._conn.execute(f"PRAGMA cache_size = -{self.CACHE_KIB}")
        # The data this reader is for, read in one snapshot: the number the last load committed
        # (None before the table exists), and SQLite's count of the commits this connection has
        # seen, which moves with the next commit of any other connection.
        self._conn.execute("BEGIN")
        self.loaded = _loaded(self._conn)
        # The search index generation that goes with this data (app/search/engine/store.py).
        self.search_generation = _search_generation(self._conn)
        self._commits = self._conn.execute("PRAGMA data_version").fetchone()[0]
        self._conn.execute("COMMIT")
        self._conn.set_progress_handler(self._past_deadline, _PROGRESS_STEPS)

    def _past_deadline(self) -> int:
        # Non-zero aborts the running statement with "interrupted".
        return 1 if time.monotonic() > self._deadline else 0

    @contextmanager
    def limited(self) -> Iterator[sqlite3.Connection]:
        """The connection, for statements that must all end within the time limit."""
        self._deadline = time.monotonic() + self._timeout_s
        try:
            yield self._conn
        finally:
            # Outside a unit of work nothing should run; if something does, it stops at once.
            self._deadline = 0.0

    def begin(self) -> bool:
        """Begins a read transaction, so that every statement until `end` reads one snapshot.
        Returns whether that snapshot is still this reader's data: False when a load has
        committed in place since the reader was made (the transaction is begun either way)."""
        self._conn.execute("BEGIN")
        try:
            # The first statement of the transaction: it takes the snapshot it reports on.
            return bool(self._conn.execute("PRAGMA data_version").fetchone()[0] == self._commits)
        except BaseException:
            # A file another process holds locked, say: the next unit of work begins afresh.
            self.end()
            raise

    def end(self) -> None:
        if self._conn.in_transaction:
            self._conn.execute("ROLLBACK")


def _search_generation(conn: sqlite3.Connection) -> str | None:
    try:
        row = conn.execute("SELECT name FROM search_generation WHERE id = 1").fetchone()
    except sqlite3.OperationalError:  # no such table: a database not yet migrated
        return None
    return str(row[0]) if row is not None else None


def _loaded(conn: sqlite3.Connection) -> int | None:
    """The data version the last load committed (app/core/data_version.py); None when the
    database has no such table (not migrated, or not a database of this service)."""
    try:
        row = conn.execute("SELECT version FROM data_version").fetchone()
    except sqlite3.Error:
        return None
    return None if row is None else int(row[0])


@contextmanager
def sqlite_errors() -> Iterator[None]:
    """Raw sqlite3 errors, wrapped as SQLAlchemy wraps them, so the service's handler answers a
    503 problem (time limit, broken file) rather than a 500."""
    try:
        yield
    except sqlite3.Error as exc:
        raise DBAPIError.instance(None, None, exc, sqlite3.Error) from exc


def create_write_engine(url: str) -> Engine:
    if not is_sqlite(url):
        return postgres.create_write_engine(url)
    engine = create_engine(url)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: ConnectionPoolEntry) -> None:
        dbapi_conn.execute("PRAGMA foreign_keys = ON")
        # The transaction is SQLAlchemy's, whole: sqlite3's own handling begins one only before
        # the first INSERT, UPDATE or DELETE, and what ran before it (a migration's DDL, the
        # reads a load decides on) would be outside it.
        dbapi_conn.isolation_level = None

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        # The write lock from the start: the load's reads and writes are one snapshot.
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def _file_version(path: Path) -> tuple[str, int | None]:
    """The version of the data in a SQLite file, and the load's number in it: the file (a
    first load renames a new one into place) and the data version a load commits in it, read
    through a connection of its own. A file without that number (not migrated, damaged) is
    known by its size and time of change."""
    try:
        st = path.stat()
    except FileNotFoundError:
        return "missing", None
    loaded = None
    with contextlib.suppress(sqlite3.Error):
        conn = sqlite3.connect(read_only_uri(path), uri=True, timeout=0)
        try:
            loaded = _loaded(conn)
        finally:
            conn.close()
    if loaded is None:
        return f"{st.st_ino:x}-{st.st_mtime_ns:x}-{st.st_size:x}", None
    return f"{st.st_ino:x}-v{loaded}", loaded


class Database:
    """The serving side's view of the database: a read engine and the data version."""

    # How often a request may stat the database file to notice a swapped-in load.
    CHECK_INTERVAL_S = 1.0

    def __init__(self, url: str, *, timeout_ms: int) -> None:
        self.url = url
        self._timeout_ms = timeout_ms
        self._lock = threading.Lock()
        self._checked_at = 0.0
        self._path = sqlite_path(url) if is_sqlite(url) else None
        self.engine = create_read_engine(url, timeout_ms=timeout_ms)
        # A server database is shared by replicas: each polls the version every load bumps.
        self._poll = None if self._path else data_version.VersionPoll(self.engine)
        self._loaded: int | None = None
        self.version = self._read_version()
        self._reader: Reader | None = None

    def _read_version(self) -> str:
        if self._path is None:
            return self._poll.current() if self._poll is not None else "server"
        version, self._loaded = _file_version(self._path)
        return version

    def refresh(self, *, force: bool = False) -> bool:
        """Reopen if a load replaced the file; True when the data version changed.

        Called on the event loop by every cached read: on a server it takes the version last
        polled (in the background), on SQLite it stats the file at most once a second; only
        `force` (the process that just loaded, on a worker thread) reads the database."""
        if self._poll is not None:
            version = self._poll.poll() if force else self._poll.current()
            changed, self.version = version != self.version, version
            return changed
        now = time.monotonic()
        if self._path is None or (not force and now - self._checked_at < self.CHECK_INTERVAL_S):
            return False
        with self._lock:
            self._checked_at = now
            version = self._read_version()
            if version == self.version:
                return False
            old = self.engine
            self.engine = create_read_engine(self.url, timeout_ms=self._timeout_ms)
            self.version = version
            self._reader = None
        old.dispose()
        return True

    def reader(self) -> Reader:
        """The raw read-only connection for the current data version (SQLite only)."""
        reader = self._reader
        if reader is None or reader.version != self.version:
            if self._path is None:
                raise TypeError("raw reads need a SQLite database")
            for _ in range(_RENEWALS):
                with self._lock:
                    reader = self._reader
                    if reader is None or reader.version != self.version:
                        reader = Reader(
                            self._path, timeout_ms=self._timeout_ms, version=self.version
                        )
                        self._reader = reader
                # A load committed between reading the version and opening the reader: the
                # reader holds newer data than the version says.
                if reader.loaded == self._loaded:
                    break
                self.refresh(force=True)
        assert reader is not None
        return reader

    @contextmanager
    def reading(self) -> Iterator[tuple[Reader, sqlite3.Connection]]:
        """One unit of inline reading (SQLite): the reader of the current data version and its
        connection, every statement in one snapshot of that version and within the time limit.
        A load that committed since the reader was made (in place, in another process or before
        this process's once-a-second check) makes a new reader and version first, so what was
        read and kept for one version never mixes with another's data."""
        for attempt in range(_RENEWALS):
            reader = self.reader()
            with reader.limited() as conn:
                fresh = reader.begin()
                if fresh or attempt == _RENEWALS - 1:
                    try:
                        yield reader, conn
                    finally:
                        reader.end()
                    return
                reader.end()
            with self._lock:
                if self._reader is reader:
                    self._reader = None
            self.refresh(force=True)

    async def in_thread(
        self, work: Callable[[], T], limiter: anyio.CapacityLimiter | None = None
    ) -> T:
        """`work()` on a worker thread (one of `limiter`'s, if given), waited for no longer than
        the time limit. Past it the request answers 503 and the thread is abandoned to the
        driver's own bounds, which free it soon after (app/core/postgres.py)."""
        try:
            with anyio.fail_after(self._timeout_ms / 1000):
                return await anyio.to_thread.run_sync(work, abandon_on_cancel=True, limiter=limiter)
        except (TimeoutError, PoolTimeoutError):
            raise StalledError() from None

    @contextmanager
    def session(self) -> Iterator[Session]:
        with Session(self.engine) as session:
            yield session

    def dispose(self) -> None:
        if self._poll is not None:
            self._poll.close()
        self.engine.dispose()


def database_exists(url: str) -> bool:
    return not is_sqlite(url) or sqlite_path(url).exists()


def fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
