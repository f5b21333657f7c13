"""Web pages in: main text with its headings, and the page's metadata, from each source."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.ingest.article import IngestError, read_document
from app.ingest.html import (
    MIN_MAIN_TEXT_CHARS,
    HtmlError,
    looks_like_html,
    parse_page,
    read_html,
)
from app.ingest.html_meta import page_metadata
from app.ingest.metadata import ArticleMeta
from app.ingest.structure import parse_document

PAGES = Path(__file__).resolve().parent.parent / "data" / "html"


def page(name: str) -> bytes:
    return (PAGES / name).read_bytes()


def test_main_text_keeps_headings_and_drops_the_furniture() -> None:
    text, _ = read_html(page("harbour-deal.html"))
    doc = parse_document(text)
    assert doc.title == "A Harbour Too Far: Peru's Chancay Port and the Pacific Trade"
    assert [s.title for s in doc.sections] == [
        "Introduction",
        "What the port can do",
        "Who gains and who worries",
    ]
    for furniture in (
        "cookies",
        "Share on",
        "Related stories",
        "First!",
        "All rights reserved",
        "Subscribe",
        "Copper prices hit",
    ):
        assert furniture not in text
    assert text.count("\n\n") == 9  # title, 7 paragraphs, 2 headings


def test_title_comes_first_when_the_body_does_not_open_with_it() -> None:
    text, _ = read_html(page("wind-auction.html"))
    assert text.startswith(
        "# Offshore wind auction draws record bids in the North Sea\n\nGermany's latest"
    )
    assert [s.title for s in parse_document(text).sections] == [
        "Introduction",
        "Costs and turbines",
    ]


def test_metadata_from_json_ld_wins_over_meta_tags() -> None:
    _, meta = read_html(page("harbour-deal.html"))
    assert meta == ArticleMeta(
        source_url="https://meridian.example.org/analysis/chancay-port",
        publisher="Meridian Review",
        authors=("Lucia Fernhill", "Tomas Okafor"),
        published="2024-11-18",
        language="en",
    )


def test_metadata_from_json_ld_graph_with_authors_as_strings() -> None:
    _, meta = read_html(page("wind-auction.html"))
    assert meta == ArticleMeta(
        source_url="https://gridletter.example.net/2025/06/offshore-auction",
        publisher="Grid Letter",
        authors=("Priya Raman", "Jon Hale"),
        published="2025-06-30",
        language=None,
    )


def test_metadata_from_open_graph_and_meta_tags_alone() -> None:
    _, meta = read_html(page("agua-andina.html"))
    assert meta == ArticleMeta(
        source_url="https://altiplano.example.com/clima/agua-andina",
        publisher="Diario Altiplano",
        authors=("Marta Quispe Rivas",),
        published="2025-03-04",
        language="es",
    )


def test_canonical_link_and_title_element_when_nothing_else_says() -> None:
    html = (
        b'<html lang="pt-BR"><head><title>Only the title</title>'
        b'<link rel="canonical" href="https://example.org/only">'
        b'<meta property="og:url" content="javascript:alert(1)">'
        b'<meta property="article:published_time" content="yesterday">'
        b"</head><body></body></html>"
    )
    meta, title = page_metadata(parse_page(html))
    assert (meta, title) == (
        ArticleMeta(source_url="https://example.org/only", language="pt"),
        "Only the title",
    )


def test_broken_json_ld_is_skipped_for_the_next_block() -> None:
    html = (
        b'<html><head><script type="application/ld+json">{"@type": "NewsArticle",</script>'
        b'<script type="application/ld+json">[{"@type": ["NewsArticle"], "headline": "Second",'
        b' "author": {"@type": "Person", "name": "Ana Ruiz"},'
        b' "publisher": [{"name": "The Desk"}], "inLanguage": "fr-CA"}]</script>'
        b"</head><body></body></html>"
    )
    meta, title = page_metadata(parse_page(html))
    assert (meta, title) == (
        ArticleMeta(publisher="The Desk", authors=("Ana Ruiz",), language="fr"),
        "Second",
    )


def test_a_page_without_main_text_is_a_clear_422() -> None:
    with pytest.raises(IngestError) as caught:
        read_document(page("no-article.html"), source_name="no-article.html", html=True)
    assert caught.value.status == 422
    assert str(caught.value) == (
        "no-article.html: no main text: the page has no article body of at least 250 "
        "characters (an index, paywall or error page?)"
    )


@pytest.mark.parametrize(
    "data",
    [
        b"<html><body><p>unclosed <b>bold <i>and <table><tr><td>cell",
        b"<<<>>><html<<body>>",
        b"\x00\x01\x02<html>",
        b"<?xml version='1.0' encoding='bogus'?><html><body><p>x</p></body></html>",
        "<html><body>\udcff</body></html>".encode("utf-8", "surrogatepass"),
        b"<html>" + b"<div>" * 5000 + b"deep" + b"</div>" * 5000 + b"</html>",
    ],
)
def test_malformed_html_is_a_422_never_a_crash(data: bytes) -> None:
    with pytest.raises(IngestError) as caught:
        read_document(data, source_name="page.html", html=True)
    assert caught.value.status == 422


def test_malformed_markup_around_a_real_body_is_repaired() -> None:
    first = "The committee met on Tuesday and agreed a budget of $4 billion for 2026. " * 3
    second = "Opposition members said the sum was too small and would not last a year. " * 3
    html = f"<html><body><h1>Budget agreed</h1><div><p>{first}<p>{second}</body>".encode()
    text, _ = read_html(html)
    assert text == f"# Budget agreed\n\n{first.strip()}\n\n{second.strip()}\n"


def test_a_page_over_the_size_limit_is_refused_before_parsing() -> None:
    with pytest.raises(IngestError) as caught:
        read_document(b"<html>" + b" " * (2 * 1024 * 1024), source_name="big.html", html=True)
    assert caught.value.status == 413


def test_empty_page_is_a_400() -> None:
    with pytest.raises(IngestError) as caught:
        read_document(b"  \n ", source_name="empty.html", html=True)
    assert caught.value.status == 400


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"<!DOCTYPE html><html>", True),
        (b"\xef\xbb\xbf  <!-- saved --> <HTML lang=en>", True),
        (b"# A Markdown title\n\n<html> in prose", False),
        (b"<htmlish>", False),
    ],
)
def test_looks_like_html(data: bytes, expected: bool) -> None:
    assert looks_like_html(data) is expected


def test_html_error_names_what_cannot_be_read() -> None:
    with pytest.raises(HtmlError, match=r"^not an HTML page that can be read$"):
        read_html(b"\x00")


_TAGS = st.sampled_from(
    [
        "<html>",
        "<body>",
        "<p>",
        "</p>",
        "<h2>",
        "</h2>",
        "<div class='x'>",
        "</div>",
        "<table>",
        "<td>",
        "<ul><li>",
        "<script type='application/ld+json'>",
        "</script>",
        "<!--",
        "-->",
        "<meta property='og:url' content='",
        "'>",
        "<title>",
        "&amp;",
        "&#0;",
        "\x00",
        "]]>",
    ]
)
_WORDS = st.text(min_size=0, max_size=80)


@given(st.lists(st.one_of(_TAGS, _WORDS), max_size=60))
@settings(max_examples=150, deadline=None)
def test_any_markup_is_read_or_refused_with_a_status(parts: list[str]) -> None:
    data = "".join(parts).encode("utf-8", "surrogatepass")
    try:
        text, _ = read_document(data, source_name="page.html", html=True)
    except IngestError as exc:
        error: IngestError | None = exc
    else:
        error = None
    if error is not None:
        assert error.status in (400, 422)  # empty, or no main text
        return
    assert parse_document(text).sections


LONG = "The ministry said exports of copper rose sharply in the first half of the year. " * 4


def test_headings_sit_below_the_title_and_keep_their_depth() -> None:
    html = (
        f"<html><body><article><h1>Copper</h1><p>{LONG}</p><h3>Prices</h3><p>{LONG}</p>"
        f"<h4>In Chile</h4><p>{LONG}</p><h3>Volumes</h3><ul><li>One list item.</li>"
        "<li>Another item.</li></ul><table><tr><td>2023</td><td>$4 billion</td></tr></table>"
        "</article></body></html>"
    ).encode()
    text, _ = read_html(html)
    body = LONG.strip()
    assert text == (
        f"# Copper\n\n{body}\n\n## Prices\n\n{body}\n\n### In Chile\n\n{body}\n\n## Volumes\n\n"
        "- One list item.\n\n- Another item.\n\n2023 | $4 billion\n"
    )
    assert [(s.title, s.level) for s in parse_document(text).sections] == [
        ("Introduction", 1),
        ("Prices", 1),
        ("In Chile", 2),
        ("Volumes", 1),
    ]


def test_a_page_without_any_title_is_titled_by_its_first_words() -> None:
    text, _ = read_html(f"<html><body><article><p>{LONG}</p></article></body></html>".encode())
    # At most 80 characters, cut between words: here the first sentence, whole.
    assert text.splitlines()[0] == (
        "# The ministry said exports of copper rose sharply in the first half of the year."
    )


def test_subheadings_the_extractor_dropped_are_put_back_before_their_paragraphs() -> None:
    # Neither page's body sits in a container trafilatura recognises.
    sections = {
        name: [s.title for s in parse_document(read_html(page(name))[0]).sections]
        for name in ("agua-andina.html", "grain-corridor.html")
    }
    assert sections == {
        "agua-andina.html": [
            "Introduction",
            "Las ciudades buscan soluciones",
            "El papel del campo",
        ],
        "grain-corridor.html": ["Introduction", "Why it held", "What could still go wrong"],
    }


def test_a_heading_before_furniture_stays_out() -> None:
    html = (
        f"<html><body><div class='cuerpo'><h1>Copper</h1><p>{LONG}</p></div>"
        "<div id='comments' class='comments'><h3>Comments (1)</h3><p>Great piece.</p></div>"
        "</body></html>"
    ).encode()
    text, _ = read_html(html)
    assert text == f"# Copper\n\n{LONG.strip()}\n"


def test_the_main_text_minimum_is_trafilaturas_own() -> None:
    from trafilatura.settings import DEFAULT_CONFIG

    assert DEFAULT_CONFIG.getint("DEFAULT", "MIN_EXTRACTED_SIZE") == MIN_MAIN_TEXT_CHARS


def test_the_service_starts_without_importing_trafilatura() -> None:
    code = "import sys, app.main; print('trafilatura' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout == "False\n"
