"""`article-facts list` and `article-facts delete`, and one text, one article on `ingest`."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from app import cli
from app.core.config import Settings, get_settings
from app.core.db import sqlite_path
from tests.conftest import SEED_DIR, copy_database

runner = CliRunner()
SAMPLE = Path(__file__).parent / "data" / "chips-race.txt"
CHIPS_TITLE = "Europe's Chip Ambitions Meet Asian Reality"
SEED_TITLE = (
    "Russia and China in Latin America: How Cooperation with Venezuela Is Redefining Global"
    " Power Dynamics"
)


@pytest.fixture
def database(tmp_path: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A copy of the seeded test database, named by the settings the commands read."""
    db = tmp_path / "facts.db"
    copy_database(sqlite_path(settings.database_url), db)
    monkeypatch.setenv("ARTICLE_FACTS_DATABASE_URL", f"sqlite:///{db}")
    monkeypatch.setenv("ARTICLE_FACTS_SEED_DIR", str(SEED_DIR))
    get_settings.cache_clear()
    yield db
    get_settings.cache_clear()


def test_list_shows_each_article_with_its_counts(database: Path) -> None:
    assert runner.invoke(cli.cli, ["ingest", str(SAMPLE)]).exit_code == 0
    result = runner.invoke(cli.cli, ["list"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "article                 sections  actors  figures  claims  title",
        "chips-race                     4      16       22      17  " + CHIPS_TITLE,
        "russia-china-venezuela        25      24       10      66  " + SEED_TITLE,
        "2 articles",
    ]  # fmt: skip


def test_delete_removes_the_article_and_a_second_delete_says_it_is_gone(database: Path) -> None:
    assert runner.invoke(cli.cli, ["ingest", str(SAMPLE)]).exit_code == 0
    deleted = runner.invoke(cli.cli, ["delete", "chips-race"])
    assert deleted.exit_code == 0, deleted.output
    assert deleted.output.strip() == f"{database}: deleted article 'chips-race'"
    assert runner.invoke(cli.cli, ["list"]).output.splitlines()[-1] == "1 article"
    again = runner.invoke(cli.cli, ["delete", "chips-race"])
    assert again.exit_code == 1
    assert again.output.strip() == "error: no article 'chips-race' in the database"


def test_the_same_text_from_stdin_is_refused_naming_the_stored_article(database: Path) -> None:
    assert runner.invoke(cli.cli, ["ingest", str(SAMPLE)]).exit_code == 0
    before = database.read_bytes()
    result = runner.invoke(cli.cli, ["ingest", "-"], input=SAMPLE.read_bytes())
    assert result.exit_code == 1
    assert result.output.strip() == (
        "error: article 'europe-s-chip-ambitions-meet-asian-reality' has the same text as"
        " article 'chips-race', which is stored already: replace 'chips-race' or delete it first"
    )
    assert database.read_bytes() == before


def test_list_and_delete_on_a_missing_database_fail_clearly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ARTICLE_FACTS_DATABASE_URL", f"sqlite:///{tmp_path / 'none.db'}")
    get_settings.cache_clear()
    for command in (["list"], ["delete", "x"]):
        result = runner.invoke(cli.cli, command)
        assert result.exit_code == 1
        assert result.output.strip() == (
            f"error: no database at {tmp_path / 'none.db'}; create it with `article-facts seed`"
        )
    get_settings.cache_clear()
