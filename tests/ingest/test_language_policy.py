"""Which languages are read: English and Spanish, each by its own rules; `und` as English; any
other refused, on the command line with one error line (the API's 422: tests/api/
test_article_language.py)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from app import cli
from app.ingest.curated import Curated
from app.ingest.language import UnsupportedLanguageError, reading_language
from app.ingest.pipeline import PipelineError, build_article
from app.models.vocabulary import ReadingLanguage
from tests.conftest import SEED_DIR

runner = CliRunner()

# Written for this test: the same news in French, and a line of numbers no detector can place.
FRENCH = """La Russie et le Venezuela signent des accords pétroliers

La Russie et le Venezuela ont signé lundi plusieurs accords sur l'énergie et les mines, a \
déclaré le gouvernement à Caracas. Les deux pays veulent relancer la production de brut, qui \
a beaucoup baissé depuis dix ans, et la compagnie publique attend de nouveaux investissements.
"""
SPANISH = """Rusia y Venezuela firman acuerdos petroleros

Rusia y Venezuela firmaron el lunes acuerdos de energía y minería, dijo el gobierno en \
Caracas. El Sr. Pérez, ministro de Petróleo, afirmó que la producción subirá este año.
"""
NUMBERS = "2024\n\n1.234 / 5.678 / 9.012\n"


# Settings read afresh from the environment each test sets (tests/conftest.py).
pytestmark = pytest.mark.usefixtures("fresh_settings")


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "facts.db"
    monkeypatch.setenv("ARTICLE_FACTS_DATABASE_URL", f"sqlite:///{path}")
    monkeypatch.setenv("ARTICLE_FACTS_SEED_DIR", str(SEED_DIR))
    return path


def ingest(tmp_path: Path, text: str, *args: str) -> tuple[int, str]:
    source = tmp_path / "article.txt"
    source.write_text(text, encoding="utf-8")
    result = runner.invoke(cli.cli, ["ingest", str(source), *args])
    return result.exit_code, result.output


def stored(path: Path) -> list[tuple[object, ...]]:
    with sqlite3.connect(path) as conn:
        return list(conn.execute("SELECT id, language FROM article WHERE id = 'article'"))


def test_english_and_spanish_are_read_und_as_english_the_rest_refused() -> None:
    assert reading_language("en") is ReadingLanguage.EN
    assert reading_language("es") is ReadingLanguage.ES
    assert reading_language("und") is ReadingLanguage.EN
    with pytest.raises(UnsupportedLanguageError) as refused:
        reading_language("fr")
    assert str(refused.value) == (
        "the text is in French (fr): only English (en) and Spanish (es) articles are read; if "
        "the text is in one of them, declare it (--language, or the parameter language)"
    )


def test_a_french_article_is_one_error_line_and_nothing_is_written(
    db: Path, tmp_path: Path
) -> None:
    code, output = ingest(tmp_path, FRENCH)
    assert (code, output) == (
        1,
        "error: article.txt: the text is in French (fr): only English (en) and Spanish (es) "
        "articles are read; if the text is in one of them, declare it (--language, or the "
        "parameter language)\n",
    )
    assert not db.exists() or stored(db) == []


def test_a_declared_language_wins_over_the_detector(db: Path, tmp_path: Path) -> None:
    code, output = ingest(tmp_path, FRENCH, "--language", "es")
    assert code == 0, output
    assert stored(db) == [("article", "es")]
    code, output = ingest(tmp_path, SPANISH, "--language", "pt-BR")
    assert code == 1
    assert output.startswith("error: article.txt: the text is in Portuguese (pt): only ")


def test_a_spanish_article_is_stored_as_spanish(db: Path, tmp_path: Path) -> None:
    code, output = ingest(tmp_path, SPANISH)
    assert code == 0, output
    assert stored(db) == [("article", "es")]


def test_an_undetermined_article_is_read_as_english_and_stored_as_und(
    db: Path, tmp_path: Path
) -> None:
    code, output = ingest(tmp_path, NUMBERS)
    assert code == 0, output
    assert stored(db) == [("article", "und")]


def test_the_pipeline_refuses_what_it_cannot_read() -> None:
    with pytest.raises(PipelineError, match=r"^french: the text is in French \(fr\)"):
        build_article(FRENCH, slug="french", source_name="french.txt", curated=Curated())


def test_spanish_names_find_the_english_actor_and_are_not_stored(db: Path, tmp_path: Path) -> None:
    code, output = ingest(tmp_path, SPANISH)
    assert code == 0, output
    with sqlite3.connect(db) as conn:
        surfaces = conn.execute(
            "SELECT actor_id, surface FROM mention WHERE article_id = 'article' ORDER BY start"
        ).fetchall()
        aliases = conn.execute("SELECT aliases FROM actor WHERE id = 'russia'").fetchone()[0]
    assert surfaces == [
        ("russia", "Rusia"),
        ("venezuela", "Venezuela"),
        ("venezuela", "Caracas"),
    ]
    # The row is the curated one: the language of the last article does not change it.
    assert aliases == '["Moscow", "Russian", "Russian Federation"]'
