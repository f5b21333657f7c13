"""The command line: seeding, serving, and clear failures without tracebacks."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from app import cli
from app.core.config import get_settings
from tests.conftest import SEED_DIR

runner = CliRunner()


@pytest.fixture(autouse=True)
def fresh_settings() -> Iterator[None]:
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    calls: list[dict[str, Any]] = []
    monkeypatch.setattr("uvicorn.run", lambda app, **kwargs: calls.append({"app": app, **kwargs}))
    return calls


def test_seed_writes_then_finds_nothing_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ARTICLE_FACTS_DATABASE_URL", f"sqlite:///{tmp_path / 'f.db'}")
    first = runner.invoke(cli.cli, ["seed"])
    assert first.exit_code == 0, first.output
    assert "russia-china-venezuela" in first.output
    assert "│ 25 " in first.output
    assert "written" in first.output
    assert f"{tmp_path / 'f.db'}: updated" in first.output
    second = runner.invoke(cli.cli, ["seed"])
    assert second.exit_code == 0
    assert "already up to date; nothing written" in second.output


def test_seed_with_a_broken_curated_file_fails_clearly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a.txt").write_text("Title\n\nBody text here.\n")
    (tmp_path / "curated.toml").write_text(
        '[[actors]]\nid = "Not A Slug"\nname = "x"\nkind = "country"\n'
    )
    monkeypatch.setenv("ARTICLE_FACTS_SEED_DIR", str(tmp_path))
    monkeypatch.setenv("ARTICLE_FACTS_DATABASE_URL", f"sqlite:///{tmp_path / 'f.db'}")
    result = runner.invoke(cli.cli, ["seed"])
    assert result.exit_code == 1
    assert "error:" in result.output
    assert "actors.0.id" in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "f.db").exists()


def test_seed_with_non_utf8_text_fails_clearly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a.txt").write_bytes(b"Title\n\n\xff\xfe broken\n")
    (tmp_path / "curated.toml").write_text("")
    monkeypatch.setenv("ARTICLE_FACTS_SEED_DIR", str(tmp_path))
    monkeypatch.setenv("ARTICLE_FACTS_DATABASE_URL", f"sqlite:///{tmp_path / 'f.db'}")
    result = runner.invoke(cli.cli, ["seed"])
    assert result.exit_code == 1
    assert "not UTF-8 text" in result.output


def test_serve_on_a_missing_explicit_database_fails_clearly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, served: list[dict[str, Any]]
) -> None:
    monkeypatch.setenv("ARTICLE_FACTS_DATABASE_URL", f"sqlite:///{tmp_path / 'none.db'}")
    result = runner.invoke(cli.cli, ["serve"])
    assert result.exit_code == 1
    assert "no database at" in result.output
    assert "article-facts seed" in result.output
    assert served == []


def test_serve_creates_and_seeds_the_default_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, served: list[dict[str, Any]]
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("ARTICLE_FACTS_SEED_DIR", str(SEED_DIR))
    result = runner.invoke(cli.cli, ["serve", "--port", "8123", "--workers", "2"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "data" / "article-facts.db").exists()
    assert "Docs: http://127.0.0.1:8123/docs" in result.output
    assert served == [
        {
            "app": "app.main:create_app",
            "factory": True,
            "host": "127.0.0.1",
            "port": 8123,
            "workers": 2,
            "server_header": False,
            "access_log": False,
            "log_level": "info",
        }
    ]


def test_serve_refuses_a_bad_port() -> None:
    result = runner.invoke(cli.cli, ["serve", "--port", "70000"])
    assert result.exit_code == 2
    assert "65535" in result.output
