"""PostgreSQL engines: read-only, time-limited sessions for serving; a locked writer for loads.

Serving never writes. Every read connection starts with `default_transaction_read_only` on, so
any INSERT, UPDATE, DELETE or DDL that reached it would fail ("cannot execute ... in a
read-only transaction"), and with `statement_timeout` set to the query time limit, so a runaway
query is cancelled by the server (SQLSTATE 57014), which the service answers as a 503 like any
database error. Both are libpq startup options: they hold from the first statement of every
pooled connection, survive the pool's rollback-on-return, and need no extra round trip.
"""

from __future__ import annotations

from sqlalchemy import Connection, Engine, create_engine, text
from sqlalchemy.engine import make_url

# Any constant will do: two loads (two `article-facts ingest`, or one and a seed) on the same
# database take turns on it, as they take turns on the lock file on SQLite.
LOAD_LOCK_KEY = 0x61727466  # "artf"


def is_postgres(url: str) -> bool:
    return make_url(url).get_backend_name() == "postgresql"


def read_connect_args(timeout_ms: int) -> dict[str, str]:
    """libpq options for a serving connection (an `options` given in the URL is replaced)."""
    return {
        "options": f"-c default_transaction_read_only=on -c statement_timeout={int(timeout_ms)}"
    }


def create_read_engine(url: str, *, timeout_ms: int) -> Engine:
    # pre_ping: a replica outlives database restarts and failovers; a dead pooled connection is
    # replaced instead of failing a request. REPEATABLE READ: every statement of a request
    # reads one snapshot, as SQLite's readers do. Under READ COMMITTED a load committing
    # between a search's matches and its snippets (or a list's ids and its rows) left rows
    # missing from the second statement: a 500.
    return create_engine(
        url,
        pool_pre_ping=True,
        isolation_level="REPEATABLE READ",
        connect_args=read_connect_args(timeout_ms),
    )


def lock_for_load(conn: Connection) -> None:
    """Waits for any other load of this database, then holds the lock to the transaction's end."""
    conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": LOAD_LOCK_KEY})
