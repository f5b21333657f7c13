"""Faults: read-only serving, query time limits, a corrupt database, a load killed mid-way."""

from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi import Request
from fastapi.testclient import TestClient
from sqlalchemy import text
from sqlalchemy.exc import OperationalError
from typer.testing import CliRunner

from app import cli
from app.core.config import Settings, get_settings
from app.core.db import Database, sqlite_path
from app.ingest.loader import load
from app.ingest.seed import Seed
from app.ingest.sqlite_file import remove_leftovers
from app.main import create_app
from app.queries.rows import read
from app.search.engine import store
from tests.api.test_contract import assert_problem
from tests.conftest import REPO, SEED_DIR, copy_database

SLOW_SQL = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n"
SLOW_QUERY = text(SLOW_SQL)


def test_reads_cannot_write(database_url: str) -> None:
    database = Database(database_url, timeout_ms=1000)
    with database.engine.connect() as conn, pytest.raises(OperationalError, match="readonly"):
        conn.execute(text("UPDATE actor SET name = 'x'"))
    database.dispose()


def test_a_query_past_the_time_limit_is_interrupted(database_url: str) -> None:
    database = Database(database_url, timeout_ms=50)
    started = time.monotonic()
    with database.engine.connect() as conn, pytest.raises(OperationalError, match="interrupted"):
        conn.execute(SLOW_QUERY)
    assert time.monotonic() - started < 2
    database.dispose()


def test_a_request_whose_query_runs_too_long_is_a_503(settings: Settings) -> None:
    app = create_app(settings.model_copy(update={"query_timeout_ms": 50}))

    @app.get("/v1/slow")
    async def slow(request: Request) -> None:
        # The way every resource is read (app/queries/rows.py), within the time limit.
        await read(request.app.state.database, lambda rows: rows.all(SLOW_SQL, {}))

    with TestClient(app) as client:
        body = assert_problem(client.get("/v1/slow"), 503)
    assert body["detail"] == "The query took too long; narrow it and try again."


def test_a_corrupt_database_is_not_ready_but_alive(
    tmp_path: Path, database_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    broken = tmp_path / "broken.db"
    copy_database(sqlite_path(database_url), broken)
    with broken.open("r+b") as handle:
        handle.write(b"this is not a database" * 500)
    settings = Settings(database_url=f"sqlite:///{broken}")
    with TestClient(create_app(settings)) as client:
        assert_problem(client.get("/ready"), 503)
        assert client.get("/health").status_code == 200
        assert_problem(client.get("/v1/articles"), 503)
    assert "not ready: the database does not answer" in caplog.text


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _claims(db: Path) -> int:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        return int(conn.execute("SELECT count(*) FROM claim").fetchone()[0])


def test_a_seed_killed_at_any_point_leaves_a_whole_database(
    tmp_path: Path, database_url: str
) -> None:
    """Killed at any moment, a load leaves the old database or the new one, never a mix."""
    original_db = sqlite_path(database_url)
    seed = tmp_path / "seed"
    shutil.copytree(SEED_DIR, seed)
    article = seed / "russia-china-venezuela.txt"
    article.write_text(
        article.read_text(encoding="utf-8").replace(
            "architecture of shared influence.",
            "architecture of shared influence.\n\nAnalysts expect the partnership to deepen.",
        ),
        encoding="utf-8",
    )
    db = tmp_path / "facts.db"
    env = {
        **os.environ,
        "ARTICLE_FACTS_DATABASE_URL": f"sqlite:///{db}",
        "ARTICLE_FACTS_SEED_DIR": str(seed),
    }
    command = [sys.executable, "-m", "app", "seed"]

    _restore(original_db, db)
    started = time.monotonic()
    subprocess.run(command, env=env, cwd=REPO, capture_output=True, check=True)
    duration = time.monotonic() - started
    assert _claims(db) == 67

    outcomes = []
    for step in range(1, 8):
        _restore(original_db, db)
        assert _claims(db) == 66
        process = subprocess.Popen(
            command, env=env, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        time.sleep(duration * step / 8)
        process.send_signal(signal.SIGKILL)
        process.wait()
        # The load writes the live file in place: what a reader finds (through the WAL a
        # killed load leaves) is the old data or the new, never a mix.
        claims = _claims(db)
        assert claims in (66, 67), f"a mix after a kill at {step}/8 of the load"
        outcomes.append("old" if claims == 66 else "new")
    # Kills early in the load must have left the old database in place.
    assert outcomes[0] == "old"


def _restore(original: Path, db: Path) -> None:
    """The original database in place of `db`, without the WAL and index a killed load left
    beside it (they belong to the file being replaced)."""
    for end in ("-wal", "-shm"):
        db.with_name(db.name + end).unlink(missing_ok=True)
    copy_database(original, db)


# `seed`, stopped for good once every row of its load is written, before the check of the
# offsets and the commit: a load killed with its transaction open and all its writes made.
_STOPPED_BEFORE_COMMIT = """
import sys, time
from app.ingest import loader
def stop(*_args, **_kwargs):
    open(sys.argv[1], "w").close()
    time.sleep(120)
loader.verify_database = stop
from app.cli import cli
cli(["seed"])
"""


def test_a_load_killed_before_its_commit_leaves_the_last_commit_served(
    tmp_path: Path, database_url: str, settings: Settings
) -> None:
    db = tmp_path / "facts.db"
    _restore(sqlite_path(database_url), db)
    url = f"sqlite:///{db}"
    env = {
        **os.environ,
        "ARTICLE_FACTS_DATABASE_URL": url,
        "ARTICLE_FACTS_SEED_DIR": str(_changed_seed(tmp_path / "seed")),
    }
    # A server reading the database all along, as a deployment would.
    with TestClient(create_app(settings.model_copy(update={"database_url": url}))) as client:
        assert client.get("/v1/claims?limit=1").json()["total"] == 66
        marker = tmp_path / "written"
        process = subprocess.Popen(
            [sys.executable, "-c", _STOPPED_BEFORE_COMMIT, str(marker)],
            env=env,
            cwd=REPO,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 60
        while not marker.exists() and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
        assert marker.exists(), "the load did not reach its check"
        # Every row written, nothing committed: readers go on reading the last commit.
        assert client.get("/v1/claims?limit=1&offset=1").json()["total"] == 66
        process.send_signal(signal.SIGKILL)
        process.wait()
        assert _claims(db) == 66
        assert client.get("/v1/claims?limit=1&offset=2").json()["total"] == 66
        # The next load writes over what the killed one left, and the server follows it.
        subprocess.run(
            [sys.executable, "-m", "app", "seed"],
            env=env,
            cwd=REPO,
            capture_output=True,
            check=True,
        )
        assert _claims(db) == 67
        assert client.get("/v1/claims?limit=1&offset=3").json()["total"] == 67


@pytest.mark.parametrize("damage", ["removed", "broken"])
def test_a_missing_or_broken_search_index_is_not_ready(
    tmp_path: Path, database_url: str, damage: str
) -> None:
    db = tmp_path / "no-index.db"
    copy_database(sqlite_path(database_url), db)
    index = store.root_for(db)
    if damage == "removed":
        shutil.rmtree(index)
    else:
        for meta in index.glob("*/meta.json"):
            meta.write_text("{not json")
    with TestClient(create_app(Settings(database_url=f"sqlite:///{db}"))) as client:
        body = assert_problem(client.get("/ready"), 503)
        assert client.get("/v1/articles").status_code == 200
        assert assert_problem(client.get("/v1/search?q=oil"), 503)["detail"] == (
            "The search index is not available."
        )
    assert body["detail"] == "The database or its search index does not answer."


def test_a_database_whose_path_reads_as_uri_syntax_is_served_and_reloaded(
    tmp_path: Path, database_url: str, seed: Seed
) -> None:
    # '#', '?' and '%' mean something in a SQLite URI: written into one as they are, the
    # read-only connections opened another file (or none) and every read was a 503. In the
    # database URL the path is percent-encoded, as SQLAlchemy reads it.
    folder = tmp_path / "a #1 ?dir %41"
    folder.mkdir()
    db = folder / "facts.db"
    copy_database(sqlite_path(database_url), db)
    url = f"sqlite:///{quote(str(db))}"
    assert sqlite_path(url) == db
    settings = Settings(database_url=url, seed_dir=SEED_DIR)
    with TestClient(create_app(settings)) as client:
        assert client.get("/ready").status_code == 200
        assert client.get("/v1/sections/russia-china-venezuela-1").json()["number"] == "1"
        assert client.get("/v1/search", params={"q": "Sukhoi"}).json()["total"] == 2
    # A load copies the live file through a read-only connection too.
    assert not load(url, seed.articles, seed.curated.actors).changed


def _serve(monkeypatch: pytest.MonkeyPatch, url: str) -> str:
    """`article-facts serve` as far as starting uvicorn (which is replaced by a no-op)."""
    monkeypatch.setenv("ARTICLE_FACTS_DATABASE_URL", url)
    monkeypatch.setattr("uvicorn.run", lambda *_, **__: None)
    with socket.create_server(("127.0.0.1", 0)) as probe:
        port = probe.getsockname()[1]
    get_settings.cache_clear()
    try:
        result = CliRunner().invoke(cli.cli, ["serve", "--port", str(port)])
    finally:
        get_settings.cache_clear()
    assert result.exit_code == 0, result.output
    return result.output


def _changed_seed(folder: Path) -> Path:
    """The seed with one sentence more, so that a load writes."""
    shutil.copytree(SEED_DIR, folder)
    article = folder / "russia-china-venezuela.txt"
    article.write_text(
        article.read_text(encoding="utf-8").replace(
            "architecture of shared influence.",
            "architecture of shared influence.\n\nAnalysts expect the partnership to deepen.",
        ),
        encoding="utf-8",
    )
    return folder


def _kill_mid_write(env: dict[str, str], journal: Path, db: Path) -> None:
    """Runs `seed` with no database at `db` and kills it while it writes the new database's
    file (its journal exists): a few tries, since on a busy machine the write may end between
    two looks (and leave a database, removed for the next try)."""
    for _ in range(3):
        for path in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
            path.unlink(missing_ok=True)
        process = subprocess.Popen(
            [sys.executable, "-m", "app", "seed"],
            env=env,
            cwd=REPO,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 30
        while not journal.exists() and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.001)
        process.send_signal(signal.SIGKILL)
        process.wait()
        if journal.exists():
            return
    pytest.fail("the load ended three times before it could be killed mid-write")


def test_the_file_a_killed_first_load_leaves_is_removed_as_serve_starts(
    tmp_path: Path, database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A first load (no database yet) killed mid-way leaves the file it was building,
    `.facts.db.loading`, and its journal, which went only at the next load. Now `serve` (as
    `seed` and `ingest`) removes them as it starts; here once a database is in place again
    (a copy restored), since `serve` needs one."""
    db = tmp_path / "facts.db"
    staging = tmp_path / ".facts.db.loading"
    journal = tmp_path / ".facts.db.loading-journal"
    env = {
        **os.environ,
        "ARTICLE_FACTS_DATABASE_URL": f"sqlite:///{db}",
        "ARTICLE_FACTS_SEED_DIR": str(_changed_seed(tmp_path / "seed")),
    }
    _kill_mid_write(env, journal, db)
    assert staging.exists()
    assert not db.exists()
    copy_database(sqlite_path(database_url), db)
    before = _digest(db)

    output = _serve(monkeypatch, f"sqlite:///{db}")
    assert f"removed {staging}: left by a load that was killed" in output
    assert f"removed {journal}: left by a load that was killed" in output
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []
    assert _digest(db) == before


@pytest.mark.parametrize("command", [["seed"], ["ingest", "/no/such/article.txt"]])
def test_seed_and_ingest_remove_the_leftovers_even_when_they_fail(
    tmp_path: Path, database_url: str, monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    """Removed as the command starts, not by the load: a command that fails before loading
    (here: no seed folder, no such article) removes them too."""
    db = tmp_path / "facts.db"
    copy_database(sqlite_path(database_url), db)
    leftovers = [tmp_path / ".facts.db.loading", tmp_path / ".facts.db.loading-journal"]
    for path in leftovers:
        path.write_bytes(b"left by a killed load")
    monkeypatch.setenv("ARTICLE_FACTS_DATABASE_URL", f"sqlite:///{db}")
    monkeypatch.setenv("ARTICLE_FACTS_SEED_DIR", str(tmp_path / "no-seed"))
    get_settings.cache_clear()
    try:
        result = CliRunner().invoke(cli.cli, command)
    finally:
        get_settings.cache_clear()
    assert result.exit_code == 1
    assert [path.exists() for path in leftovers] == [False, False]


def test_a_leftover_is_kept_while_a_load_holds_the_lock(
    tmp_path: Path, database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A copy beside the database while a load in another process holds the lock is that
    load's work in progress: starting a command must not pull it from under it."""
    db = tmp_path / "facts.db"
    copy_database(sqlite_path(database_url), db)
    staging = tmp_path / ".facts.db.loading"
    staging.write_bytes(b"a load's copy, being written")
    url = f"sqlite:///{db}"
    with (tmp_path / "facts.db.lock").open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # another open file: as another process's lock
        output = _serve(monkeypatch, url)
        assert remove_leftovers(url) == []
        assert staging.read_bytes() == b"a load's copy, being written"
        assert "removed" not in output
    assert remove_leftovers(url) == [staging]
    assert not staging.exists()
