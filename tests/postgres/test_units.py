"""The PostgreSQL modules' pure parts, and the data version on SQLite: no server needed."""

from __future__ import annotations

import time
from pathlib import Path

from sqlalchemy import create_engine

from app.core import data_version, migrations, postgres


def test_read_connections_are_read_only_and_time_limited() -> None:
    network = {
        "keepalives": "1",
        "keepalives_idle": "10",
        "keepalives_interval": "5",
        "keepalives_count": "3",
        "tcp_user_timeout": "25000",
    }
    assert postgres.read_connect_args(1500) == {
        "options": "-c default_transaction_read_only=on -c statement_timeout=1500",
        "connect_timeout": "2",
        **network,
    }
    # libpq counts connect_timeout in whole seconds, at least 2.
    assert postgres.read_connect_args(2500)["connect_timeout"] == "3"
    assert postgres.network_args(0.05) == {"connect_timeout": "2", **network}
    assert postgres.is_postgres("postgresql+psycopg://u@h/db")
    assert not postgres.is_postgres("sqlite:///x.db")


def test_the_data_version_is_polled_in_the_background(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'v.db'}")
    try:
        with engine.begin() as conn:
            migrations.upgrade(conn)
        poll = data_version.VersionPoll(engine, interval_s=3600)
        assert poll.current() == "db-0"
        with engine.begin() as conn:
            data_version.bump(conn)
        # Within the interval a request takes the version last read: it never reads.
        assert poll.current() == "db-0"
        assert poll.poll() == "db-1"  # the process that loaded reads at once
        poll.close()
        fast = data_version.VersionPoll(engine, interval_s=0.01)
        assert fast.current() == "db-1"
        with engine.begin() as conn:
            data_version.bump(conn)
        deadline = time.monotonic() + 5
        while fast.current() != "db-2":
            assert time.monotonic() < deadline, "the background poll never read the bump"
            time.sleep(0.01)
        fast.close()
    finally:
        engine.dispose()


def test_a_failed_poll_keeps_the_last_version() -> None:
    engine = create_engine("sqlite://")  # no data_version table: every read fails
    poll = data_version.VersionPoll(engine)
    assert poll.current() == "db-unknown"
    assert poll.poll() == "db-unknown"
    poll.close()
