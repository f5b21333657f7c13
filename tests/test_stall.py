"""A SQLite file that another process holds locked: reads answer 503 at once, /health stays up.

Serving never writes, but anything else may open the served file: a `sqlite3` shell left in a
transaction, a backup tool, a careless script. In WAL mode (every database a load has written
since loads write in place) a writer's lock does not stop readers: they go on reading the last
commit. A file still in rollback-journal mode (stored before, not loaded since) is different:
while another connection holds its EXCLUSIVE lock, no reader can take its SHARED lock. The
reads that run on the event loop must not wait for it (each would stop every other request
for as long as it waited): they answer 503 problem+json at once, while `/health` keeps
answering.
"""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

import httpx

from app.core.db import sqlite_path, sqlite_url
from tests.conftest import copy_database
from tests.stalls import (
    PROBLEM_JSON,
    SLACK_S,
    TIMEOUT_MS,
    assert_health_kept_answering,
    serving,
    under_load,
)

# Lists and one resource (read inline on the event loop), searches (idem), and readiness (a
# worker thread): each URL distinct, so no answer comes from the response cache.
STALLED = [
    *(f"/v1/sections?offset={i}" for i in range(6)),
    *(f"/v1/actors?offset={i}" for i in range(4)),
    # Words not searched before: a search repeated, even at another offset, may be answered
    # from what the reader keeps in memory without reading the file.
    *(f"/v1/search?q={word}" for word in ("china", "rosneft", "sanctions", "debt")),
    "/v1/articles/russia-china-venezuela",
    "/ready",
]


def test_a_locked_sqlite_file_is_a_503_at_once_and_health_stays_up(
    tmp_path: Path, database_url: str
) -> None:
    served = tmp_path / "facts.db"
    copy_database(sqlite_path(database_url), served)
    with contextlib.closing(sqlite3.connect(served, isolation_level=None)) as conn:
        conn.execute("PRAGMA journal_mode = DELETE")
    log = tmp_path / "serve.log"
    with serving(sqlite_url(served), log, query_timeout_ms=str(TIMEOUT_MS)) as base:
        # The search reader and the engine are open before the lock is taken.
        assert httpx.get(f"{base}/v1/search?q=oil", timeout=5).status_code == 200
        holder = sqlite3.connect(served, isolation_level=None)
        try:
            holder.execute("BEGIN EXCLUSIVE")
            answers, probes = under_load(base, STALLED)
            holder.execute("ROLLBACK")
        finally:
            holder.close()
        assert httpx.get(f"{base}/v1/search?q=oil&offset=1", timeout=5).status_code == 200
    assert [(a.path, a.status, a.content_type) for a in answers] == [
        (path, 503, PROBLEM_JSON) for path in STALLED
    ], log.read_text()
    assert {a.detail for a in answers} == {
        "The database is not available.",
        "The database or its search index does not answer.",  # /ready
    }
    assert max(a.seconds for a in answers) < TIMEOUT_MS / 1000 + SLACK_S
    assert_health_kept_answering(probes)


def test_a_writer_holding_a_wal_file_locked_does_not_stop_reads(
    tmp_path: Path, database_url: str
) -> None:
    served = tmp_path / "facts.db"
    copy_database(sqlite_path(database_url), served)
    log = tmp_path / "serve.log"
    with serving(sqlite_url(served), log, query_timeout_ms=str(TIMEOUT_MS)) as base:
        assert httpx.get(f"{base}/v1/search?q=oil", timeout=5).status_code == 200
        holder = sqlite3.connect(served, isolation_level=None)
        try:
            holder.execute("BEGIN EXCLUSIVE")
            holder.execute("DELETE FROM claim_figure")
            answers, probes = under_load(base, STALLED)
            holder.execute("ROLLBACK")
        finally:
            holder.close()
    assert [(a.path, a.status) for a in answers] == [(path, 200) for path in STALLED], (
        log.read_text()
    )
    assert max(a.seconds for a in answers) < TIMEOUT_MS / 1000 + SLACK_S
    assert_health_kept_answering(probes)
