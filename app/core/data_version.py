"""The data version: a counter every load bumps in its own transaction (migration 0003).

Replicas serving from one PostgreSQL database share no memory: a load through one of them (or
through `article-facts ingest`) must still empty the response caches of all the others. Each
process reads this one-row table at most once per `POLL_INTERVAL_S` (a primary-key read), and
a changed number means changed data. On SQLite the loader bumps it too (in the copy it swaps
in), so both backends carry the same schema.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from sqlalchemy import Connection, Engine, select, update
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Field, SQLModel

# How often a serving process may ask the database whether the data changed.
POLL_INTERVAL_S = 1.0


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
    """The data version as last read, re-read at most once per interval.

    `current()` is cheap enough to call on every request: between polls it is a clock read.
    A failed read (the database is down, or not migrated yet) keeps the last known version: the
    request itself meets the failure and answers 503. `clock` is injectable for tests.
    """

    def __init__(
        self,
        engine: Engine,
        *,
        interval_s: float = POLL_INTERVAL_S,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._engine = engine
        self._interval_s = interval_s
        self._clock = clock
        self._lock = threading.Lock()
        self._checked_at = clock()
        self.version = self._read() or "db-unknown"

    def _read(self) -> str | None:
        try:
            with self._engine.connect() as conn:
                return f"db-{read(conn)}"
        except (SQLAlchemyError, OSError):
            return None

    def current(self, *, force: bool = False) -> str:
        """The version; read from the database when the last read is an interval old, or when
        `force`d (by the process that just loaded)."""
        now = self._clock()
        if not force and now - self._checked_at < self._interval_s:
            return self.version
        with self._lock:
            if force or now - self._checked_at >= self._interval_s:
                self._checked_at = now
                self.version = self._read() or self.version
        return self.version
