"""`article-facts ingest` end to end on a throwaway database."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from app import cli
from app.ingest.article import MAX_ARTICLE_BYTES
from app.ingest.curated import load_curated
from app.ingest.recognizer import spacy_installed
from tests.conftest import ARTICLE, REPO, SEED_DIR
from tests.ingest.answer_keys import DATA

runner = CliRunner()


# Settings read afresh from the environment each test sets (tests/conftest.py).
pytestmark = pytest.mark.usefixtures("fresh_settings")


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "facts.db"
    monkeypatch.setenv("ARTICLE_FACTS_DATABASE_URL", f"sqlite:///{path}")
    monkeypatch.setenv("ARTICLE_FACTS_SEED_DIR", str(SEED_DIR))
    return path


def ingest(*args: str, stdin: bytes | None = None) -> tuple[int, str]:
    result = runner.invoke(cli.cli, ["ingest", *args], input=stdin)
    return result.exit_code, result.output


def query(path: Path, sql: str, *params: object) -> list[tuple[object, ...]]:
    with sqlite3.connect(path) as conn:
        return list(conn.execute(sql, params).fetchall())


def fingerprint(path: Path) -> tuple[str, int, int]:
    stat = path.stat()
    return hashlib.sha256(path.read_bytes()).hexdigest(), stat.st_ino, stat.st_mtime_ns


def test_ingest_writes_the_article_then_the_same_text_changes_nothing(db: Path) -> None:
    code, output = ingest(str(DATA / "gulf-energy.txt"))
    assert code == 0, output
    assert "│ gulf-energy │ 9        │ 21     │ 37      │ 28     │ written │" in output
    assert (
        "unreviewed actors proposed: Abu Dhabi Investment Authority, Organization of the "
        "Petroleum Exporting Countries, Public Investment Fund, Qatar Investment Authority, "
        "Rongsheng Petrochemical, Saudi Aramco"
    ) in output
    assert f"{db}: updated" in output
    before = fingerprint(db)

    code, output = ingest(str(DATA / "gulf-energy.txt"))
    assert code == 0, output
    assert "│ gulf-energy │ 9        │ 21     │ 37      │ 28     │ unchanged │" in output
    assert f"{db}: already up to date; nothing written" in output
    assert fingerprint(db) == before


@pytest.mark.skipif(not spacy_installed(), reason="the ner extra is not installed")
def test_with_the_recognizer_ingest_proposes_what_the_rules_miss(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ARTICLE_FACTS_RECOGNIZER", "spacy")
    code, output = ingest(str(DATA / "chips-race.txt"))
    assert code == 0, output
    assert "│ chips-race │ 4        │ 18     │ 22      │ 17     │ written │" in output
    assert (
        "unreviewed actors proposed: ASML, European Chips Act, European Commission, European "
        "Union, Intel, Samsung Electronics, Taiwan Semiconductor Manufacturing Company, US "
        "Geological Survey"
    ) in output


def test_a_recognizer_asked_for_and_missing_is_one_error_line(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ARTICLE_FACTS_RECOGNIZER", "spacy")
    monkeypatch.setattr("app.ingest.recognizer.spacy_installed", lambda: False)
    code, output = ingest(str(DATA / "chips-race.txt"))
    assert (code, output) == (
        1,
        "error: ARTICLE_FACTS_RECOGNIZER=spacy needs spaCy: pip install 'article-facts[ner]'\n",
    )
    assert not db.exists()


def test_what_is_stored(db: Path) -> None:
    assert ingest(str(DATA / "sahel-squeeze.txt"))[0] == 0
    assert query(db, "SELECT id, title, source_name FROM article") == [
        (
            "sahel-squeeze",
            "Debt, Gold and Juntas: The Sahel’s Financial Squeeze",
            "sahel-squeeze.txt",
        )
    ]
    # Countries found through names, demonyms and capitals, curly apostrophes included.
    assert query(db, "SELECT surface FROM mention WHERE actor_id = 'niger' ORDER BY start") == [
        ("Niger",),
        ("Niger",),
        ("Nigerien",),
        ("Niamey",),
        ("Niger",),
    ]
    assert query(db, "SELECT surface FROM mention WHERE actor_id = 'chad' ORDER BY start") == [
        ("Chadian",),
        ("N’Djamena",),
    ]
    assert query(
        db,
        "SELECT kind, reviewed FROM actor "
        "WHERE id IN ('mali', 'alliance-of-sahel-states') ORDER BY id",
    ) == [
        ("organization", 0),
        ("country", 1),
    ]
    assert query(
        db,
        "SELECT quote, kind, value, unit, comparator, period_start, period_end FROM figure "
        "WHERE quote = 'at least 5 per cent'",
    ) == [("at least 5 per cent", "percent", 5.0, "percent", "gte", "2024", "2026")]
    with sqlite3.connect(db) as conn:
        text = conn.execute("SELECT source_text FROM article").fetchone()[0]
        claims = conn.execute('SELECT text, start, "end" FROM claim').fetchall()
    assert len(claims) == 17
    assert all(text[start:end] == quote for quote, start, end in claims)


def test_a_changed_text_under_the_same_slug_replaces_its_facts(db: Path, tmp_path: Path) -> None:
    article = tmp_path / "chips.txt"
    shutil.copy(DATA / "chips-race.txt", article)
    assert ingest(str(article))[0] == 0
    assert query(db, "SELECT count(*) FROM figure") == [(22,)]

    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace("two metals", "two rare metals"), encoding="utf-8")
    code, output = ingest(str(article))
    assert code == 0, output
    assert "│ chips   │ 4        │ 16     │ 22      │ 17     │ written │" in output
    assert query(db, "SELECT count(*) FROM article") == [(1,)]
    assert query(db, "SELECT count(*) FROM figure") == [(22,)]
    assert query(db, "SELECT quote, measure FROM figure WHERE quote LIKE 'two%metals'") == [
        ("two rare metals", "rare metals")
    ]


def test_the_seed_article_ingested_after_the_seed_is_unchanged(db: Path) -> None:
    assert runner.invoke(cli.cli, ["seed"]).exit_code == 0
    before = fingerprint(db)
    code, output = ingest(str(SEED_DIR / f"{ARTICLE}.txt"))
    assert code == 0, output
    assert "│ russia-china-venezuela │ 25       │ 24     │ 10      │ 66     │ unchanged │" in output
    assert fingerprint(db) == before


def test_standard_input_takes_its_slug_from_the_title(db: Path) -> None:
    text = "Iran’s Oil Exports\n\nTehran sold 1.5 million barrels per day in 2023.\n"
    code, output = ingest("-", stdin=text.encode())
    assert code == 0, output
    assert query(db, "SELECT id, source_name FROM article") == [("iran-s-oil-exports", "stdin")]
    # One text, one article: a second copy is refused (tests/test_cli_articles.py), so the
    # options are shown on a revised text.
    revised = text + "Most of it went to China.\n"
    code, output = ingest(
        "-", "--slug", "iran-oil", "--title", "Iranian oil", stdin=revised.encode()
    )
    assert code == 0, output
    assert query(db, "SELECT id, title FROM article ORDER BY id") == [
        ("iran-oil", "Iranian oil"),
        ("iran-s-oil-exports", "Iran’s Oil Exports"),
    ]


def test_annotations_add_actors_for_the_article(db: Path, tmp_path: Path) -> None:
    annotations = tmp_path / "notes.toml"
    annotations.write_text(
        '[[actors]]\nid = "gulf"\nname = "Gulf"\nkind = "region"\naliases = ["Gulf monarchies"]\n',
        encoding="utf-8",
    )
    code, output = ingest(str(DATA / "gulf-energy.txt"), "--annotations", str(annotations))
    assert code == 0, output
    assert "│ gulf-energy │ 9        │ 22     │ 37      │ 28     │ written │" in output
    assert query(db, "SELECT surface FROM mention WHERE actor_id = 'gulf' ORDER BY start") == [
        ("Gulf monarchies",),
        ("Gulf",),
        ("Gulf",),
        ("Gulf",),
        ("Gulf",),
    ]
    assert query(db, "SELECT kind, reviewed FROM actor WHERE id = 'gulf'") == [("region", 1)]


def _write(path: Path, data: bytes) -> str:
    path.write_bytes(data)
    return str(path)


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (
            lambda d: _write(d / "empty.txt", b""),
            "error: empty.txt: empty: there is no text to read",
        ),
        (
            lambda d: _write(d / "a.pdf", b"%PDF-1.4\n\x00\x01binary"),
            "error: a.pdf: binary data, not text (a NUL byte at byte 9)",
        ),
        (
            lambda d: _write(d / "latin1.txt", b"Title\n\nS\xe3o Paulo grew.\n"),
            "error: latin1.txt: not UTF-8 text (invalid continuation byte at byte 8); "
            "save it as UTF-8",
        ),
        (
            lambda d: _write(d / "big.txt", b"Title\n\n" + b"x" * MAX_ARTICLE_BYTES),
            "too large: the limit is 2,097,152 bytes (2 MiB), this is 2,097,159 bytes",
        ),
        (lambda d: str(d / "missing.txt"), "missing.txt: no such file"),
        (lambda d: "/dev/zero", "error: /dev/zero: a device, not a regular file"),
        # A folder is read as a batch of its article files (tests/ingest/test_cli_batch.py).
        (
            lambda d: str(d),
            "error: no article files (.txt, .md, .markdown, .html, .htm, .xhtml) in",
        ),
        (
            lambda d: _write(d / "title.txt", b"Only a title\n"),
            "error: title.txt: no text after the title",
        ),
    ],
)
def test_bad_input_fails_clearly_and_writes_nothing(
    db: Path, tmp_path: Path, make: Callable[[Path], str], message: str
) -> None:
    source = make(tmp_path)
    code, output = ingest(source)
    assert code == 1
    assert message in output
    assert output.startswith("error: ")
    assert "Traceback" not in output
    assert not db.exists()


def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    """Before, `ingest` waited for a writer forever; the subprocess bounds the wait."""
    fifo = tmp_path / "article.txt"
    os.mkfifo(fifo)
    env = {**os.environ, "ARTICLE_FACTS_DATABASE_URL": f"sqlite:///{tmp_path / 'f.db'}"}
    done = subprocess.run(
        [sys.executable, "-m", "app", "ingest", str(fifo)],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert (done.returncode, done.stderr) == (
        1,
        f"error: {fifo}: a FIFO (named pipe), not a regular file\n",
    )


def test_a_link_the_user_names_is_followed(db: Path, tmp_path: Path) -> None:
    """The user named the path and can read its target: `ingest` follows it (`seed` never)."""
    link = tmp_path / "energy.txt"
    link.symlink_to(DATA / "gulf-energy.txt")
    notes = tmp_path / "notes.toml"
    notes.symlink_to(SEED_DIR / "curated.toml")
    code, output = ingest(str(link), "--annotations", str(notes))
    assert code == 0, output
    assert query(db, "SELECT id, source_name FROM article") == [("energy", "energy.txt")]


def test_a_nul_byte_in_the_annotations_is_refused(db: Path, tmp_path: Path) -> None:
    notes = tmp_path / "notes.toml"
    notes.write_bytes(b"# notes\x00\n")
    code, output = ingest(str(DATA / "chips-race.txt"), "--annotations", str(notes))
    assert (code, output) == (1, f"error: {notes}: binary data, not text (a NUL byte at byte 7)\n")
    assert not db.exists()


def test_too_much_standard_input_fails_clearly(db: Path) -> None:
    code, output = ingest("-", stdin=b"T\n\n" + b"x" * MAX_ARTICLE_BYTES)
    assert (code, output) == (
        1,
        "error: stdin: too large: the limit is 2,097,152 bytes (2 MiB), this is more than that\n",
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--slug", "Bad Slug"], "error: slug 'Bad Slug': use lower-case letters"),
        (["--slug", ""], "error: slug '': use lower-case letters"),
        (["--annotations", "/no/such.toml"], "error: /no/such.toml: no such file"),
        (["--annotations", "/tmp"], "error: /tmp: a folder, not a file"),
        (["--title", " "], "error: title: one line of 1 to 300 characters, please"),
    ],
)
def test_bad_options_fail_clearly(db: Path, args: list[str], message: str) -> None:
    code, output = ingest(str(DATA / "chips-race.txt"), *args)
    assert code == 1
    assert output.startswith(message)
    assert not db.exists()


def test_a_failed_load_leaves_the_database_as_it_was(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert ingest(str(DATA / "arctic-route.md"))[0] == 0
    before = fingerprint(db)
    monkeypatch.setattr("app.ingest.loader.verify_database", lambda *_: ["figure f-1: wrong"])
    code, output = ingest(str(DATA / "chips-race.txt"))
    assert (code, output) == (1, "error: the facts do not match the text:\n  figure f-1: wrong\n")
    assert fingerprint(db) == before
    assert query(db, "SELECT id FROM article") == [("arctic-route",)]


def test_two_articles_that_make_one_section_id_are_refused_clearly(
    db: Path, tmp_path: Path
) -> None:
    first = tmp_path / "foo.txt"
    first.write_text("Foo\n\n1. A\n\nx.\n\n2. B\n\ny.\n\n2.1 C\n\nz.\n", encoding="utf-8")
    second = tmp_path / "foo-2.txt"
    second.write_text("Foo two\n\n1. Only\n\nRussia lent money.\n", encoding="utf-8")
    assert ingest(str(first))[0] == 0
    before = fingerprint(db)
    code, output = ingest(str(second))
    assert (code, output) == (
        1,
        "error: article 'foo-2' would make section id 'foo-2-1', which article 'foo' already"
        " has: give one of them another slug\n",
    )
    assert fingerprint(db) == before
    assert ingest(str(second), "--slug", "foo-two")[0] == 0
    assert query(db, "SELECT id FROM section WHERE article_id = 'foo-two'") == [("foo-two-1",)]


def test_a_candidate_never_replaces_a_reviewed_actor_of_the_same_id(
    db: Path, tmp_path: Path
) -> None:
    country = tmp_path / "a.txt"
    country.write_text("Caucasus ties\n\nGeorgia signed a pact with Russia in Tbilisi.\n")
    company = tmp_path / "b.txt"
    company.write_text("Shipping news\n\nThe shipping company Georgia bought three vessels.\n")
    assert ingest(str(country))[0] == 0
    actor = "SELECT kind, reviewed, aliases FROM actor WHERE id = 'georgia'"
    before = query(db, actor)
    assert before[0][:2] == ("country", 1)
    assert ingest(str(company))[0] == 0
    assert query(db, actor) == before


def test_actors_a_new_text_no_longer_names_are_gone(db: Path, tmp_path: Path) -> None:
    article = tmp_path / "x.txt"
    article.write_text(
        "Northern routes\n\nNorway signed with The Fjord Shipping Company and Russia.\n"
    )
    assert ingest(str(article))[0] == 0
    ids = "SELECT id FROM actor ORDER BY id"
    named = {"norway", "fjord-shipping-company", "russia"}
    assert named <= {row[0] for row in query(db, ids)}
    article.write_text("Northern routes\n\nSweden signed with Russia.\n")
    code, output = ingest(str(article))
    assert code == 0, output
    left = {row[0] for row in query(db, ids)}
    assert {"sweden", "russia"} <= left
    assert not {"norway", "fjord-shipping-company"} & left
    # The curated actors stay, named or not.
    curated = {actor.id for actor in load_curated(SEED_DIR / "curated.toml").actors}
    assert len(curated) == 24
    assert curated <= left
