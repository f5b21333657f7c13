"""The data version: a counter every load bumps in its own transaction (migration 0003).

Replicas serving from one PostgreSQL database share no memory: a load through one of them (or
through `article-facts ingest`) must still empty the response caches of all the others. Each
process reads this one-row table once per `POLL_INTERVAL_S` (a primary-key read), and a changed
number means changed data. On SQLite the loader bumps it too (in its transaction on the live
file) and serving processes read it beside the file's identity (app/core/db.py), so both
backends carry the same schema.

The read happens on a thread of its own, never on a request's way: a request takes the version
last read (an attribute), so a server that stops answering holds up the poll, not the
requests. The caches then keep answering with the last data they knew; the reads that need
the server answer 503 within the query time limit.
"""

from __future__ import annotations

import threading

from sqlalchemy import Connection, Engine, select, update
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Field, SQLModel

# How often a serving process asks the database whether the data changed.
POLL_INTERVAL_S = 1.0
# How long `close()` waits for a read in progress (each is bounded: app/core/postgres.py).
CLOSE_WAIT_S = 5.0


class DataVersion(SQLModel, table=True):
    __tablename__ = "data_version"

    id: int = Field(primary_key=True)
    version: int


def bump(conn: Connection) -> None:
    """Adds one to the version, inside the caller's (the load's) transaction."""
    conn.execute(update(DataVersion).values(version=DataVersion.version + 1))


def read(conn: Connection) -> int:
    return int(conn.execute(select(DataVersion.version)).scalar_one())  # type: ignore[call-overload]


class VersionPoll:
    """The data version as last read, re-read every interval by a daemon thread.

    `current()` is cheap enough to call on every request: an attribute read. The thread starts
    with the first `current()` and stops with `close()`. A failed read (the database is down,
    stalled past its time limit, or not migrated yet) keeps the last known version: the
    requests that read the database meet the failure themselves and answer 503.
    """

    def __init__(self, engine: Engine, *, interval_s: float = POLL_INTERVAL_S) -> None:
        self._engine = engine
        self._interval_s = interval_s
        self._stopped = threading.Event()
        self._starting = threading.Lock()
        self._thread: threading.Thread | None = None
        self.version = self._read() or "db-unknown"

    def _read(self) -> str | None:
        try:
            with self._engine.connect() as conn:
                return f"db-{read(conn)}"
        except (SQLAlchemyError, OSError):
            return None

    def current(self) -> str:
        """The version last read; never waits for the database."""
        if self._thread is None:
            self._start()
        return self.version

    def poll(self) -> str:
        """Reads the version now, on the caller's thread (the process that just loaded)."""
        self.version = self._read() or self.version
        return self.version

    def close(self) -> None:
        """Stops the thread, waiting for a read in progress: its connection goes back to the
        pool before the pool is disposed, rather than being left open in an old one."""
        self._stopped.set()
        with self._starting:
            thread = self._thread
        if thread is not None:
            thread.join(timeout=CLOSE_WAIT_S)

    def _start(self) -> None:
        with self._starting:
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name="data-version-poll", daemon=True
                )
                self._thread.start()

    def _run(self) -> None:
        while not self._stopped.wait(self._interval_s):
            self.poll()
