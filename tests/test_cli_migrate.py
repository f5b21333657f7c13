"""A database an older version wrote: `article-facts migrate` brings its schema to this version's,
`serve` migrates the embedded default itself and refuses any other until it is migrated, and
`/ready` is not ready on a schema it does not read."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine
from typer.testing import CliRunner

from app import cli
from app.core import migrations
from app.core.config import Settings
from app.core.db import sqlite_path
from app.ingest.loader import load
from app.main import create_app
from tests.conftest import SEED_DIR

runner = CliRunner()
HEAD = migrations.head_revision()
# The revision before the last: a database the previous version of the service wrote.
PREVIOUS = "0013"


# Settings read afresh from the environment each test sets (tests/conftest.py).
pytestmark = pytest.mark.usefixtures("fresh_settings")


def copy(database_url: str, target: Path) -> Path:
    """A copy of the seeded database at `target`, through SQLite's backup: whole and consistent."""
    with sqlite3.connect(sqlite_path(database_url)) as source, sqlite3.connect(target) as copied:
        source.backup(copied)
    return target


def newer(database_url: str, target: Path) -> Path:
    """A copy of the seeded database as a later version would leave it: a revision unknown here."""
    with sqlite3.connect(copy(database_url, target)) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    return target


def at_revision(database_url: str, target: Path, revision: str) -> Path:
    """A copy of the seeded database at `target`, its schema taken back to `revision`."""
    copy(database_url, target)
    engine = create_engine(f"sqlite:///{target}")
    with engine.begin() as conn:
        migrations.downgrade(conn, revision)
    engine.dispose()
    return target


def revision_of(path: Path) -> str:
    with sqlite3.connect(path) as conn:
        return str(conn.execute("SELECT version_num FROM alembic_version").fetchone()[0])


def test_migrate_brings_an_older_schema_to_head_then_finds_nothing_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, database_url: str
) -> None:
    path = at_revision(database_url, tmp_path / "old.db", PREVIOUS)
    monkeypatch.setenv("ARTICLE_FACTS_DATABASE_URL", f"sqlite:///{path}")
    first = runner.invoke(cli.cli, ["migrate"])
    assert first.exit_code == 0, first.output
    assert f"{path}: migrated from schema {PREVIOUS} to {HEAD}" in first.output
    assert revision_of(path) == HEAD
    second = runner.invoke(cli.cli, ["migrate"])
    assert second.exit_code == 0, second.output
    assert f"{path}: schema {HEAD}, already up to date" in second.output


def test_migrate_refuses_a_missing_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, database_url: str
) -> None:
    monkeypatch.setenv("ARTICLE_FACTS_DATABASE_URL", f"sqlite:///{tmp_path / 'none.db'}")
    missing = runner.invoke(cli.cli, ["migrate"])
    assert missing.exit_code == 1
    assert "no database at" in missing.output
    assert not (tmp_path / "none.db").exists()


def test_migrate_refuses_a_schema_a_newer_version_wrote(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, database_url: str
) -> None:
    path = newer(database_url, tmp_path / "newer.db")
    monkeypatch.setenv("ARTICLE_FACTS_DATABASE_URL", f"sqlite:///{path}")
    result = runner.invoke(cli.cli, ["migrate"])
    assert result.exit_code == 1
    assert f"has schema 9999, which this version does not know (it reads {HEAD})" in result.output
    assert "Traceback" not in result.output
    assert revision_of(path) == "9999"


def test_serve_migrates_the_embedded_default_an_older_version_wrote(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    database_url: str,
    served: list[dict[str, Any]],
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("ARTICLE_FACTS_SEED_DIR", str(SEED_DIR))
    (tmp_path / "data").mkdir()
    path = at_revision(database_url, tmp_path / "data" / "article-facts.db", PREVIOUS)
    result = runner.invoke(cli.cli, ["serve", "--port", "8124"])
    assert result.exit_code == 0, result.output
    assert f"The database's schema is {PREVIOUS}: migrating it to {HEAD}." in result.output
    assert revision_of(path) == HEAD
    assert len(served) == 1


@pytest.mark.parametrize(
    ("revision", "expected"),
    [
        (
            PREVIOUS,
            f"has schema {PREVIOUS}; this version reads {HEAD}: run `article-facts migrate`",
        ),
        ("9999", "has schema 9999, which this version does not know"),
    ],
)
def test_serve_refuses_another_database_whose_schema_it_does_not_read(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    database_url: str,
    served: list[dict[str, Any]],
    revision: str,
    expected: str,
) -> None:
    path = tmp_path / "other.db"
    if revision == "9999":
        newer(database_url, path)
    else:
        at_revision(database_url, path, revision)
    monkeypatch.setenv("ARTICLE_FACTS_DATABASE_URL", f"sqlite:///{path}")
    result = runner.invoke(cli.cli, ["serve"])
    assert result.exit_code == 1
    assert expected in result.output
    assert revision_of(path) == revision
    assert served == []


def test_serve_builds_the_missing_index_of_the_embedded_default(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    database_url: str,
    served: list[dict[str, Any]],
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("ARTICLE_FACTS_SEED_DIR", str(SEED_DIR))
    (tmp_path / "data").mkdir()
    path = copy(database_url, tmp_path / "data" / "article-facts.db")  # the file alone
    result = runner.invoke(cli.cli, ["serve", "--port", "8124"])
    assert result.exit_code == 0, result.output
    assert "The database has no search index: building it." in result.output
    assert [e.name for e in (tmp_path / "data" / "article-facts.db.search").iterdir()] != []
    assert revision_of(path) == HEAD
    assert len(served) == 1


def test_serve_refuses_another_database_without_its_index(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    database_url: str,
    served: list[dict[str, Any]],
) -> None:
    path = copy(database_url, tmp_path / "other.db")
    monkeypatch.setenv("ARTICLE_FACTS_DATABASE_URL", f"sqlite:///{path}")
    result = runner.invoke(cli.cli, ["serve"])
    assert result.exit_code == 1
    assert "has no search index beside it: run `article-facts migrate` to build it" in (
        " ".join(result.output.split())
    )
    assert served == []


def test_ready_is_not_ready_on_a_schema_this_version_does_not_read(
    tmp_path: Path, database_url: str, settings: Settings
) -> None:
    path = at_revision(database_url, tmp_path / "old.db", PREVIOUS)
    old = settings.model_copy(update={"database_url": f"sqlite:///{path}"})
    with TestClient(create_app(old)) as client:
        response = client.get("/ready")
        assert response.status_code == 503
        assert response.json()["detail"] == (
            "The database's schema is not this version's: run `article-facts migrate`."
        )
        assert client.get("/health").status_code == 200
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        migrations.upgrade(conn)
    engine.dispose()
    with TestClient(create_app(old)) as client:
        # The schema alone: this copy has no search index beside it yet.
        response = client.get("/ready")
        assert response.status_code == 503
        assert response.json()["detail"] == "The database or its search index does not answer."
    load(f"sqlite:///{path}", [], [])  # what `article-facts migrate` runs
    with TestClient(create_app(old)) as client:
        assert client.get("/ready").status_code == 200
