"""PostgreSQL engines: read-only, time-limited sessions for serving; a locked writer for loads.

Serving never writes. Every read connection starts with `default_transaction_read_only` on, so
any INSERT, UPDATE, DELETE or DDL that reached it would fail ("cannot execute ... in a
read-only transaction"), and with `statement_timeout` set to the query time limit, so a runaway
query is cancelled by the server (SQLSTATE 57014), which the service answers as a 503 like any
database error. Both are libpq startup options: they hold from the first statement of every
pooled connection, survive the pool's rollback-on-return, and need no extra round trip.

A server that stops answering (paused, or cut off by the network) cancels nothing, so the
client bounds its own waits (docs/postgres.md, "When the server stalls"): a new connection
gives up after `connect_timeout`; a wait for a pooled one after the time limit (`pool_timeout`);
TCP keepalives and `tcp_user_timeout` let the kernel find a peer that has gone while its
connection sits idle in the pool; and from checkout to checkin (the ping, every statement, the
rollback on return) a connection is watched (app/core/watchdog.py): past the time limit and a
grace that lets the server cancel its own statement first, its socket is shut down.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.pool import ConnectionPoolEntry, PoolProxiedConnection

from app.core.watchdog import Watch, watchdog

# Any constant will do: two loads (two `article-facts ingest`, or one and a seed) on the same
# database take turns on it, as they take turns on the lock file on SQLite.
LOAD_LOCK_KEY = 0x61727466  # "artf"
# libpq counts connect_timeout in whole seconds, and takes less than 2 as 2.
MIN_CONNECT_TIMEOUT_S = 2
# A load may take minutes; only its connection is bounded.
LOAD_CONNECT_TIMEOUT_S = 10
# How long past the time limit a checked-out connection may run before its socket is shut
# down: the server's own statement_timeout ends a slow query first, and keeps the connection.
SERVER_CANCEL_GRACE_S = 0.5
# An idle pooled connection whose server has gone is found dead within about 25 s.
KEEPALIVES = {
    "keepalives": "1",
    "keepalives_idle": "10",
    "keepalives_interval": "5",
    "keepalives_count": "3",
    "tcp_user_timeout": "25000",
}
_WATCH = "article_facts.watch"
_FRESH = "article_facts.fresh"


def is_postgres(url: str) -> bool:
    return make_url(url).get_backend_name() == "postgresql"


def network_args(connect_timeout_s: float) -> dict[str, str]:
    """libpq options that bound a connection's waits on the network."""
    seconds = max(MIN_CONNECT_TIMEOUT_S, math.ceil(connect_timeout_s))
    return {"connect_timeout": str(seconds), **KEEPALIVES}


def read_connect_args(timeout_ms: int) -> dict[str, str]:
    """libpq options for a serving connection (an `options` given in the URL is replaced)."""
    return {
        "options": f"-c default_transaction_read_only=on -c statement_timeout={int(timeout_ms)}",
        **network_args(timeout_ms / 1000),
    }


def create_read_engine(url: str, *, timeout_ms: int) -> Engine:
    # REPEATABLE READ: every statement of a request reads one snapshot, as SQLite's readers
    # do. Under READ COMMITTED a load committing between a search's matches and its snippets
    # (or a list's ids and its rows) left rows missing from the second statement: a 500.
    engine = create_engine(
        url,
        isolation_level="REPEATABLE READ",
        pool_timeout=timeout_ms / 1000,
        connect_args=read_connect_args(timeout_ms),
    )
    _watch_checkouts(engine, timeout_ms / 1000 + SERVER_CANCEL_GRACE_S)
    return engine


def create_write_engine(url: str) -> Engine:
    return create_engine(url, connect_args=network_args(LOAD_CONNECT_TIMEOUT_S))


def _watch_checkouts(engine: Engine, seconds: float) -> None:
    """Every checkout watched until its checkin. A replica outlives database restarts and
    failovers, so a pooled connection is pinged before use (what `pool_pre_ping` does, here
    under the watch) and replaced when the ping fails at once; a ping cut short by the watch
    fails the checkout: the server is not answering, and a new connection would wait too."""
    dialect, dog = engine.dialect, watchdog()

    @event.listens_for(engine, "connect")
    def _connected(_dbapi_conn: Any, record: ConnectionPoolEntry) -> None:
        record.info[_FRESH] = True

    @event.listens_for(engine, "checkout")
    def _checked_out(
        dbapi_conn: Any, record: ConnectionPoolEntry, _proxy: PoolProxiedConnection
    ) -> None:
        watch = dog.watch(dbapi_conn.fileno(), seconds)
        record.info[_WATCH] = watch
        if record.info.pop(_FRESH, False):
            return
        try:
            dialect.do_ping(dbapi_conn)
        except dialect.loaded_dbapi.Error as exc:
            dog.release(record.info.pop(_WATCH))
            if watch.fired:
                raise
            raise DisconnectionError("the pooled connection is gone") from exc

    @event.listens_for(engine, "checkin")
    def _checked_in(_dbapi_conn: Any, record: ConnectionPoolEntry) -> None:
        watch: Watch | None = record.info.pop(_WATCH, None)
        if watch is not None:
            dog.release(watch)


def lock_for_load(conn: Connection) -> None:
    """Waits for any other load of this database, then holds the lock to the transaction's end."""
    conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": LOAD_LOCK_KEY})


def can_copy(conn: Connection) -> bool:
    """Whether `copy_rows` can write through this connection: PostgreSQL through psycopg 3."""
    return conn.dialect.name == "postgresql" and conn.dialect.driver == "psycopg"


def copy_rows(
    conn: Connection, table: str, columns: Sequence[str], rows: Iterable[Sequence[object]]
) -> None:
    """Writes `rows` (tuples in `columns`' order) into `table` with one `COPY ... FROM STDIN`,
    in the connection's transaction. An executemany of INSERTs costs a round of parameter
    handling and a statement a row (about 30 µs); COPY streams the rows as one statement.
    `table` and `columns` are the caller's constants, never input."""
    import psycopg
    from psycopg import sql

    statement = sql.SQL("COPY {} ({}) FROM STDIN").format(
        sql.Identifier(table), sql.SQL(", ").join(map(sql.Identifier, columns))
    )
    driver: psycopg.Connection[Any] | None = conn.connection.driver_connection
    assert driver is not None  # the load's connection, checked out for its transaction
    with driver.cursor() as cursor, cursor.copy(statement) as copy:
        for row in rows:
            copy.write_row(row)


# The tables a load writes whose statistics a delete's plans depend on.
LOADED_TABLES = (
    "article",
    "section",
    "mention",
    "claim",
    "figure",
    "claim_actor",
    "claim_figure",
    "figure_actor",
    "figure_related",
    "figure_card",
    "figure_bucket",
)
# A load that writes at least 1/ANALYZE_SHARE of the articles it leaves analyzes them.
ANALYZE_SHARE = 10


def analyze_large_load(conn: Connection, written: int, stored: int) -> bool:
    """ANALYZEs the loaded tables, in the load's transaction (its own rows count), when the
    load wrote a large share of the `stored` articles; returns whether it did. Until
    autovacuum analyzes new tables, a minute or more after the commit, the planner guesses:
    on a 10,000-article database with no statistics, a delete scanned whole tables for the
    search rows it added and for its semi-joins (0.76-0.84 s against 0.15-0.38 s)."""
    if conn.dialect.name != "postgresql" or written * ANALYZE_SHARE < max(stored, 1):
        return False
    for table in LOADED_TABLES:
        conn.execute(text(f"ANALYZE {table}"))  # constants only
    return True
