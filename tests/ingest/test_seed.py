"""The seed folder: only regular files whose names are valid ids, holding text `ingest` takes.

Each case runs `article-facts seed` and expects one `error:` line, exit 1 and no database.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from app import cli
from app.ingest.seed import read_seed
from tests.conftest import REPO, SEED_DIR

runner = CliRunner()
ARTICLE = b"A short article\n\nIts body, one sentence about Russia.\n"


# Settings read afresh from the environment each test sets (tests/conftest.py).
pytestmark = pytest.mark.usefixtures("fresh_settings")


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty seed folder with the real curated file, and a database beside it."""
    seed = tmp_path / "seed"
    seed.mkdir()
    shutil.copy(SEED_DIR / "curated.toml", seed)
    monkeypatch.setenv("ARTICLE_FACTS_SEED_DIR", str(seed))
    monkeypatch.setenv("ARTICLE_FACTS_DATABASE_URL", f"sqlite:///{tmp_path / 'f.db'}")
    return seed


def _seed_fails(folder: Path) -> str:
    """The one error line `seed` prints; the database is not created."""
    result = runner.invoke(cli.cli, ["seed"])
    assert (result.exit_code, result.output.count("\n")) == (1, 1), result.output
    assert result.output.startswith("error: ")
    assert not (folder.parent / "f.db").exists()
    return result.output.removeprefix("error: ").rstrip("\n")


LINK_REFUSED = (
    "a symbolic link; files in the seed folder must be regular files, not links"
    " (copy the file in instead)"
)


@pytest.mark.parametrize(
    "target",
    [
        lambda d: d.parent / "outside.txt",  # an article outside the folder, as /etc/passwd was
        lambda d: d / "inside.txt",  # even a link back inside the folder
        lambda d: Path("/proc/self/environ"),  # the process's environment: tokens, URLs
        lambda d: d / "missing.txt",  # a dangling link
    ],
)
def test_a_link_in_the_seed_folder_is_refused(folder: Path, target: Callable[[Path], Path]) -> None:
    (folder.parent / "outside.txt").write_bytes(ARTICLE)
    (folder / "inside.txt").write_bytes(ARTICLE)
    (folder / "x.txt").symlink_to(target(folder))
    assert _seed_fails(folder) == f"{folder / 'x.txt'}: {LINK_REFUSED}"


def test_a_linked_curated_file_is_refused(folder: Path) -> None:
    outside = folder.parent / "curated.toml"
    (folder / "curated.toml").replace(outside)
    (folder / "curated.toml").symlink_to(outside)
    (folder / "a.txt").write_bytes(ARTICLE)
    assert _seed_fails(folder) == f"{folder / 'curated.toml'}: {LINK_REFUSED}"


def test_a_folder_named_like_an_article_is_refused(folder: Path) -> None:
    (folder / "a.txt").mkdir()
    assert _seed_fails(folder) == f"{folder / 'a.txt'}: a folder, not a file"


def test_a_fifo_in_the_seed_folder_does_not_block_the_command(tmp_path: Path) -> None:
    """Before, `seed` waited for a writer forever; the subprocess bounds the wait."""
    seed = tmp_path / "seed"
    seed.mkdir()
    shutil.copy(SEED_DIR / "curated.toml", seed)
    os.mkfifo(seed / "a.txt")
    env = {
        **os.environ,
        "ARTICLE_FACTS_SEED_DIR": str(seed),
        "ARTICLE_FACTS_DATABASE_URL": f"sqlite:///{tmp_path / 'f.db'}",
    }
    done = subprocess.run(
        [sys.executable, "-m", "app", "seed"],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert (done.returncode, done.stderr) == (
        1,
        f"error: {seed / 'a.txt'}: a FIFO (named pipe), not a regular file\n",
    )


NAME_RULE = (
    "the file name is the article's id: use lower-case letters, digits and single hyphens,"
    " at most 60 characters, then .txt"
)


@pytest.mark.parametrize(
    ("name", "instead"),
    [
        ("Bad Slug ÄÖ.txt", "bad-slug-ao.txt"),
        ("...txt", None),  # the id would have been ".."
        ("a" * 230 + ".txt", "a" * 60 + ".txt"),  # published, but its GET was a 422
        ("a" * 61 + ".txt", "a" * 60 + ".txt"),
        ("double--hyphen.txt", "double-hyphen.txt"),
        (".hidden.txt", "hidden.txt"),
        ("trailing-.txt", "trailing.txt"),
    ],
)
def test_a_file_name_that_is_not_a_slug_is_refused(
    folder: Path, name: str, instead: str | None
) -> None:
    (folder / name).write_bytes(ARTICLE)
    message = _seed_fails(folder)
    assert message.startswith(f"{folder / name}: {NAME_RULE} (for instance ")
    if instead is not None:
        assert message == f"{folder / name}: {NAME_RULE} (for instance {instead})"


def test_a_name_of_sixty_characters_is_the_id(folder: Path) -> None:
    (folder / ("a" * 60 + ".txt")).write_bytes(ARTICLE)
    [facts] = read_seed(folder).articles
    assert facts.article.id == "a" * 60


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"Title\n\nA body \x00 and more.\n", "binary data, not text (a NUL byte at byte 14)"),
        (b"", "empty: there is no text to read"),
        (b"\xff\xfeT\x00", "UTF-16 text; save it as UTF-8"),
    ],
)
def test_a_seed_text_is_read_by_the_rules_of_ingest(
    folder: Path, data: bytes, message: str
) -> None:
    (folder / "a.txt").write_bytes(data)
    assert _seed_fails(folder) == f"{folder / 'a.txt'}: {message}"


def test_a_nul_byte_in_the_curated_file_is_refused(folder: Path) -> None:
    (folder / "a.txt").write_bytes(ARTICLE)
    with (folder / "curated.toml").open("ab") as handle:
        handle.write(b"# a comment\x00\n")
    size = (folder / "curated.toml").stat().st_size
    assert _seed_fails(folder) == (
        f"{folder / 'curated.toml'}: binary data, not text (a NUL byte at byte {size - 2})"
    )
