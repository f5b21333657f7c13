"""The command line: seeding, serving, and clear failures without tracebacks."""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from app import cli
from app.core import serving
from app.core.connections import GuardedHttpProtocol
from tests.conftest import SEED_DIR

runner = CliRunner()


# Settings read afresh from the environment each test sets (tests/conftest.py).
pytestmark = pytest.mark.usefixtures("fresh_settings")


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
    assert "Explorer: http://127.0.0.1:8123/\nDocs: http://127.0.0.1:8123/docs\n" in result.output
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
            # Proxy headers are the app's to read (app/api/client_address.py), not uvicorn's.
            "proxy_headers": False,
            "http": GuardedHttpProtocol,
            "timeout_keep_alive": 5,
        }
    ]


def test_serve_refuses_a_bad_port() -> None:
    result = runner.invoke(cli.cli, ["serve", "--port", "70000"])
    assert result.exit_code == 2
    assert "65535" in result.output


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        (
            "ARTICLE_FACTS_QUERY_TIMEOUT_MS",
            "abc",
            "error: ARTICLE_FACTS_QUERY_TIMEOUT_MS: Input should be a valid integer",
        ),
        (
            "ARTICLE_FACTS_RESPONSE_CACHE_MB",
            "-1",
            "error: ARTICLE_FACTS_RESPONSE_CACHE_MB: Input should be greater than or equal to 0",
        ),
        (
            "ARTICLE_FACTS_CORS_ORIGINS",
            "foo",
            'error: ARTICLE_FACTS_CORS_ORIGINS: not valid JSON (a list looks like ["*"])',
        ),
        (
            "ARTICLE_FACTS_DATABASE_URL",
            "mysql://u:p@localhost/db",
            "error: ARTICLE_FACTS_DATABASE_URL: 'mysql' is not served: use sqlite:/// or"
            " postgresql://",
        ),
        (
            "ARTICLE_FACTS_DATABASE_URL",
            "sqlite://",
            "error: ARTICLE_FACTS_DATABASE_URL: a SQLite URL must name a file",
        ),
        ("ARTICLE_FACTS_DATABASE_URL", "", "error: ARTICLE_FACTS_DATABASE_URL: not a database URL"),
        (
            "ARTICLE_FACTS_TRUSTED_PROXIES",
            "10.0.0.0/8,nginx",
            "error: ARTICLE_FACTS_TRUSTED_PROXIES: 'nginx' does not appear to be an IPv4 or IPv6"
            " network",
        ),
        (
            "ARTICLE_FACTS_TRUSTED_PROXIES",
            "10.0.0.1/8",
            "error: ARTICLE_FACTS_TRUSTED_PROXIES: 10.0.0.1/8 has host bits set",
        ),
        (
            "ARTICLE_FACTS_TRUSTED_PROXIES",
            '["10.0.0.0/8"',
            "error: ARTICLE_FACTS_TRUSTED_PROXIES: not valid JSON"
            ' (a list looks like ["10.0.0.0/8"])',
        ),
    ],
)
@pytest.mark.parametrize("command", ["seed", "serve"])
def test_a_bad_setting_is_one_error_line(
    monkeypatch: pytest.MonkeyPatch, variable: str, value: str, message: str, command: str
) -> None:
    monkeypatch.setenv(variable, value)
    result = runner.invoke(cli.cli, [command])
    assert result.exit_code == 1
    assert result.output.startswith(message)
    assert result.output.count("\n") == 1


def test_serve_raises_the_open_file_limit_to_the_hard_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, served: list[dict[str, Any]]
) -> None:
    limits = {"soft": 256, "hard": 4096}
    monkeypatch.setattr(serving.resource, "getrlimit", lambda _: (limits["soft"], limits["hard"]))
    monkeypatch.setattr(
        serving.resource, "setrlimit", lambda _, new: limits.update(soft=new[0], hard=new[1])
    )
    monkeypatch.setenv("ARTICLE_FACTS_DATABASE_URL", f"sqlite:///{tmp_path / 'f.db'}")
    assert runner.invoke(cli.cli, ["seed"]).exit_code == 0
    result = runner.invoke(cli.cli, ["serve"])
    assert result.exit_code == 0, result.output
    assert limits == {"soft": 4096, "hard": 4096}
    assert len(served) == 1


def test_serve_refuses_an_open_file_limit_below_its_connections(
    monkeypatch: pytest.MonkeyPatch, served: list[dict[str, Any]]
) -> None:
    monkeypatch.setattr(serving.resource, "getrlimit", lambda _: (1024, 1024))
    result = runner.invoke(cli.cli, ["serve"])
    assert (result.exit_code, result.output) == (
        1,
        "error: the open-file limit is 1024, but ARTICLE_FACTS_MAX_CONNECTIONS=1024 needs 1088:"
        " raise it (ulimit -n 1088) or set ARTICLE_FACTS_MAX_CONNECTIONS to 960 or less\n",
    )
    assert served == []


def test_a_file_that_is_not_a_database_is_one_error_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "notes.db"
    path.write_text("hello\n")
    monkeypatch.setenv("ARTICLE_FACTS_DATABASE_URL", f"sqlite:///{path}")
    result = runner.invoke(cli.cli, ["seed"])
    assert (result.exit_code, result.output) == (1, f"error: {path}: file is not a database\n")


def test_a_folder_that_cannot_be_written_is_one_error_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refused(*_: object, **__: object) -> None:
        raise OSError(30, "Read-only file system", "/srv/ro/facts.db.lock")

    monkeypatch.setattr(cli, "load", refused)
    monkeypatch.setenv("ARTICLE_FACTS_DATABASE_URL", f"sqlite:///{tmp_path / 'f.db'}")
    result = runner.invoke(cli.cli, ["seed"])
    assert (result.exit_code, result.output) == (
        1,
        "error: /srv/ro/facts.db.lock: Read-only file system\n",
    )


def test_serving_on_a_port_in_use_is_one_error_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, served: list[dict[str, Any]]
) -> None:
    monkeypatch.setenv("ARTICLE_FACTS_DATABASE_URL", f"sqlite:///{tmp_path / 'f.db'}")
    assert runner.invoke(cli.cli, ["seed"]).exit_code == 0
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        result = runner.invoke(cli.cli, ["serve", "--port", str(port)])
    assert result.exit_code == 1
    assert result.output.startswith(f"error: 127.0.0.1:{port}: Address already in use")
    assert served == []


def test_a_seed_folder_that_is_a_file_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    not_a_folder = tmp_path / "seed"
    not_a_folder.write_text("x")
    monkeypatch.setenv("ARTICLE_FACTS_SEED_DIR", str(not_a_folder))
    monkeypatch.setenv("ARTICLE_FACTS_DATABASE_URL", f"sqlite:///{tmp_path / 'f.db'}")
    result = runner.invoke(cli.cli, ["seed"])
    assert (result.exit_code, result.output) == (
        1,
        f"error: {not_a_folder}: a file, not a folder\n",
    )
