"""`article-facts ingest` with several files: read by worker processes, loaded together."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from app import cli, cli_ingest
from app.core.config import get_settings
from app.ingest import batch
from app.ingest.batch import Outcome
from app.ingest.recognizer import spacy_installed
from tests.conftest import SEED_DIR
from tests.ingest.answer_keys import DATA

runner = CliRunner()
FILES = ("chips-race.txt", "gulf-energy.txt", "arctic-route.md")


# Settings read afresh from the environment each test sets (tests/conftest.py).
pytestmark = pytest.mark.usefixtures("fresh_settings")


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "facts.db"
    monkeypatch.setenv("ARTICLE_FACTS_DATABASE_URL", f"sqlite:///{path}")
    monkeypatch.setenv("ARTICLE_FACTS_SEED_DIR", str(SEED_DIR))
    return path


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    articles = tmp_path / "articles"
    articles.mkdir()
    for name in FILES:
        shutil.copy(DATA / name, articles / name)
    (articles / "notes.csv").write_text("not an article\n")
    (articles / ".hidden.txt").write_text("Hidden\n\nNot read.\n")
    return articles


def ingest(*args: str) -> tuple[int, str]:
    result = runner.invoke(cli.cli, ["ingest", *args])
    return result.exit_code, result.output


def stored(path: Path) -> list[tuple[object, ...]]:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT id, source_name FROM article ORDER BY id").fetchall()


def facts(path: Path) -> list[list[tuple[object, ...]]]:
    """Every stored fact but the load's times."""
    with sqlite3.connect(path) as conn:
        return [
            conn.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()
            for table in ("section", "figure", "claim", "actor", "mention")
        ]


def progress(output: str) -> tuple[list[str], set[str]]:
    """The progress lines' counts, in order, and what they say of each file (in any order:
    a line is printed as a worker finishes its file)."""
    found = [line.split(" ", 1) for line in output.splitlines() if line.startswith("[")]
    return [count for count, _ in found], {what for _, what in found}


def test_a_folder_is_read_by_two_workers_and_loaded_once(db: Path, folder: Path) -> None:
    code, output = ingest(str(folder), "--workers", "2")
    assert code == 0, output
    assert "reading 3 articles with 2 workers" in output
    assert progress(output) == (
        ["[1/3]", "[2/3]", "[3/3]"],
        {
            f"{folder / 'arctic-route.md'}: 34 figures, 22 claims",
            f"{folder / 'chips-race.txt'}: 22 figures, 17 claims",
            f"{folder / 'gulf-energy.txt'}: 37 figures, 28 claims",
        },
    )
    assert f"{db}: updated; 3 of 3 articles loaded" in output
    assert stored(db) == [
        ("arctic-route", "arctic-route.md"),
        ("chips-race", "chips-race.txt"),
        ("gulf-energy", "gulf-energy.txt"),
    ]

    code, output = ingest(*(str(folder / name) for name in FILES))
    assert code == 0, output
    assert f"{db}: already up to date; nothing written; 3 of 3 articles loaded" in output
    assert output.count("│ unchanged │") == 3


def test_a_file_that_fails_is_reported_and_the_others_are_loaded(
    db: Path, folder: Path, tmp_path: Path
) -> None:
    assert ingest(str(folder / "chips-race.txt"))[0] == 0
    copy = tmp_path / "copy.txt"
    shutil.copy(DATA / "chips-race.txt", copy)
    missing = tmp_path / "missing.txt"
    code, output = ingest(str(copy), str(folder / "gulf-energy.txt"), str(missing))
    assert code == 1, output
    assert sorted(line for line in output.splitlines() if line.startswith("error:")) == [
        f"error: {copy}: article 'copy' has the same text as article 'chips-race', which is "
        "stored already: replace 'chips-race' or delete it first",
        f"error: {missing}: no such file",
    ]
    assert f"{db}: updated; 1 of 3 articles loaded" in output
    assert stored(db) == [("chips-race", "chips-race.txt"), ("gulf-energy", "gulf-energy.txt")]


def test_two_files_of_one_name_make_one_id_and_the_second_is_refused(
    db: Path, folder: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other"
    other.mkdir()
    shutil.copy(DATA / "venezuela-output.txt", other / "chips-race.txt")
    code, output = ingest(str(folder / "chips-race.txt"), str(other / "chips-race.txt"))
    assert code == 1, output
    assert (
        f"error: {other / 'chips-race.txt'}: makes the article id 'chips-race', as "
        f"{folder / 'chips-race.txt'} does: rename one of them, or ingest it alone with --slug"
    ) in output
    assert stored(db) == [("chips-race", "chips-race.txt")]
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT title FROM article").fetchall() == [
            ("Europe's Chip Ambitions Meet Asian Reality",)
        ]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--slug", "one"], "error: --slug name one article; give one file, not several\n"),
        (
            ["--title", "One", "--source-url", "https://example.com/a"],
            "error: --title, --source-url name one article; give one file, not several\n",
        ),
        (["-"], "error: - (standard input) is one article; give it alone\n"),
    ],
)
def test_what_names_one_article_is_refused_with_several(
    db: Path, folder: Path, options: list[str], message: str
) -> None:
    assert ingest(str(folder), *options) == (1, message)
    assert not db.exists()


def test_a_folder_without_articles_says_so(db: Path, tmp_path: Path) -> None:
    assert ingest(str(tmp_path)) == (
        1,
        f"error: no article files (.txt, .md, .markdown, .html, .htm, .xhtml) in {tmp_path}\n",
    )


@pytest.mark.skipif(not spacy_installed(), reason="the ner extra is not installed")
def test_workers_with_the_recognizer_store_what_one_process_stores(
    db: Path, folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ARTICLE_FACTS_RECOGNIZER", "spacy")
    assert ingest(str(folder), "--workers", "2")[0] == 0
    alone = tmp_path / "alone.db"
    monkeypatch.setenv("ARTICLE_FACTS_DATABASE_URL", f"sqlite:///{alone}")
    get_settings.cache_clear()
    for name in FILES:
        assert ingest(str(folder / name))[0] == 0
    assert facts(db) == facts(alone)
    with sqlite3.connect(db) as conn:  # chips-race's organisation that only the recognizer finds
        assert conn.execute("SELECT id, kind FROM actor WHERE name = 'Intel'").fetchall() == [
            ("intel", "organization")
        ]


def test_a_long_batch_is_loaded_a_part_at_a_time(
    db: Path, folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("app.cli_ingest.LOAD_EVERY", 2)
    loads: list[list[str]] = []
    real = cli_ingest.load_batch

    def counted(url: str, outcomes: list[Outcome], *args: object, **kwargs: object) -> object:
        loads.append([Path(o.source).name for o in outcomes])
        return real(url, outcomes, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(cli_ingest, "load_batch", counted)
    other = tmp_path / "other"
    other.mkdir()
    shutil.copy(DATA / "venezuela-output.txt", other / "chips-race.txt")
    code, output = ingest(str(folder), str(other / "chips-race.txt"))
    assert code == 1, output
    assert loads == [["arctic-route.md", "chips-race.txt"], ["gulf-energy.txt", "chips-race.txt"]]
    assert progress(output)[0] == ["[1/4]", "[2/4]", "[3/4]", "[4/4]"]
    # The id an earlier part loaded is not loaded over by a later part.
    assert (
        f"error: {other / 'chips-race.txt'}: makes the article id 'chips-race', as "
        f"{folder / 'chips-race.txt'} does: rename one of them, or ingest it alone with --slug"
    ) in output
    assert f"{db}: updated; 3 of 4 articles loaded" in output
    assert output.count("│ written │") == 3
    assert stored(db) == [
        ("arctic-route", "arctic-route.md"),
        ("chips-race", "chips-race.txt"),
        ("gulf-energy", "gulf-energy.txt"),
    ]


_COMMAND = os.getpid()
_READ = batch._read


def _dies_in_a_worker(job: tuple[int, str]) -> tuple[int, Outcome]:
    """Reads in the command's process; a forked worker dies, as if killed for memory."""
    if os.getpid() != _COMMAND:
        os._exit(9)
    return _READ(job)


def test_a_worker_that_dies_fails_the_command_instead_of_hanging(
    db: Path, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(batch, "_read", _dies_in_a_worker)
    code, output = ingest(str(folder), "--workers", "2")
    assert code == 1, output
    assert output.splitlines()[-1] == (
        "error: a worker process failed (BrokenProcessPool: A process in the process pool was "
        "terminated abruptly while the future was running or pending.); none of the articles "
        "read beside it was loaded"
    )
    assert not db.exists()
