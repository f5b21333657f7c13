"""`article-facts ingest` on web pages: a file, standard input, and an address served locally."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.ingest.test_cli_ingest import db, ingest, query
from tests.ingest.test_fetch import server

__all__ = ["db", "server"]  # the fixtures, shared
# Settings read afresh from the environment each test sets (tests/conftest.py).
pytestmark = pytest.mark.usefixtures("fresh_settings")

PAGES = Path(__file__).resolve().parent.parent / "data" / "html"
STORED = "SELECT id, title, source_name, language, source_url, publisher, authors, published FROM article WHERE id != 'russia-china-venezuela'"  # noqa: E501


@pytest.fixture
def pages(tmp_path: Path) -> Path:
    folder = tmp_path / "pages"
    shutil.copytree(PAGES, folder)
    return folder


def test_ingest_a_page_file(db: Path, pages: Path) -> None:
    code, output = ingest(str(pages / "agua-andina.html"))
    assert code == 0, output
    assert query(db, STORED) == [
        (
            "agua-andina",
            "El agua de los Andes se vuelve escasa",
            "agua-andina.html",
            "es",
            "https://altiplano.example.com/clima/agua-andina",
            "Diario Altiplano",
            '["Marta Quispe Rivas"]',
            "2025-03-04",
        )
    ]


def test_a_page_is_recognised_by_its_content_too(db: Path, pages: Path) -> None:
    saved = pages / "saved-page.txt"
    shutil.copy(pages / "wind-auction.html", saved)
    code, output = ingest(str(saved), "--language", "en-US", "--publisher", "Desk")
    assert code == 0, output
    assert query(db, "SELECT id, language, publisher FROM article WHERE id = 'saved-page'") == [
        ("saved-page", "en", "Desk")
    ]
    stdin = (pages / "grain-corridor.html").read_bytes()
    code, output = ingest("-", "--slug", "from-stdin", stdin=stdin)
    assert code == 0, output
    assert query(db, "SELECT title FROM article WHERE id = 'from-stdin'") == [
        ("The grain corridor that outlived the deal",)
    ]


def test_ingest_an_address(db: Path, server: str) -> None:
    code, output = ingest(f"{server}/page/wind-auction.html")
    assert code == 0, output
    slug = "offshore-wind-auction-draws-record-bids-in-the-north-sea"
    assert query(db, STORED) == [
        (
            slug,
            "Offshore wind auction draws record bids in the North Sea",
            f"{server}/page/wind-auction.html",
            "en",
            "https://gridletter.example.net/2025/06/offshore-auction",
            "Grid Letter",
            '["Priya Raman", "Jon Hale"]',
            "2025-06-30",
        )
    ]


def test_an_address_is_the_source_url_when_the_page_names_none(db: Path, server: str) -> None:
    code, output = ingest(f"{server}/page/grain-corridor.html", "--slug", "grain")
    assert code == 0, output
    assert query(db, "SELECT source_url, publisher FROM article WHERE id = 'grain'") == [
        (f"{server}/page/grain-corridor.html", "Black Sea Monitor")
    ]


def test_a_plain_text_address_is_read_as_text(db: Path, server: str) -> None:
    code, output = ingest(f"{server}/text", "--slug", "plain")
    assert code == 0, output
    assert query(db, "SELECT title, source_url FROM article WHERE id = 'plain'") == [
        ("A title", f"{server}/text")
    ]


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("/missing", "{server}/missing: the server answered 404 Not Found"),
        # The stream is abandoned past the article size limit.
        (
            "/huge-streamed",
            "{server}/huge-streamed: too large: more than the limit of 2,097,152 bytes",
        ),
        (
            "/page/no-article.html",
            "{server}/page/no-article.html: no main text: the page has no article body of at "
            "least 250 characters (an index, paywall or error page?)",
        ),
    ],
)
def test_a_failed_fetch_is_one_error_line(db: Path, server: str, source: str, message: str) -> None:
    code, output = ingest(f"{server}{source}")
    assert (code, output) == (1, f"error: {message.format(server=server)}\n")


def test_a_bad_language_option_is_one_error_line(db: Path, pages: Path) -> None:
    code, output = ingest(str(pages / "agua-andina.html"), "--language", "castellano")
    assert (code, output) == (
        1,
        "error: language: a language tag such as en or es-ES, not 'castellano'\n",
    )
