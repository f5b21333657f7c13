"""Web pages over HTTP: `POST /v1/articles` with `text/html`, the `language` parameter and the
list's `language` filter; on SQLite and on PostgreSQL."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from app.ingest.html import read_html
from app.ingest.language import _identifier
from tests.api.test_article_delete import BEARER, writable
from tests.api.test_contract import assert_problem

__all__ = ["writable"]  # the fixture, shared with the delete tests

PAGES = Path(__file__).resolve().parents[1] / "data" / "html"
HTML = {**BEARER, "Content-Type": "text/html; charset=utf-8"}


def _page(name: str) -> bytes:
    return (PAGES / name).read_bytes()


def test_a_page_becomes_an_article_with_its_metadata(writable: TestClient) -> None:
    response = writable.post("/v1/articles", content=_page("harbour-deal.html"), headers=HTML)
    assert response.status_code == 201, response.text
    article = response.json()
    assert {
        k: article[k]
        for k in ("id", "title", "source", "language", "source_url", "publisher", "authors")
    } == {
        "id": "a-harbour-too-far-peru-s-chancay-port-and-the-pacific-trade",
        "title": "A Harbour Too Far: Peru's Chancay Port and the Pacific Trade",
        "source": "POST /v1/articles",
        "language": "en",
        "source_url": "https://meridian.example.org/analysis/chancay-port",
        "publisher": "Meridian Review",
        "authors": ["Lucia Fernhill", "Tomas Okafor"],
    }
    assert article["published"] == "2024-11-18"
    assert article["counts"]["sections"] == 3
    text = writable.get(f"/v1/articles/{article['id']}/text").text
    assert text == read_html(_page("harbour-deal.html"))[0]
    figures = writable.get(f"/v1/figures?article={article['id']}&kind=money&limit=100").json()
    quotes = [(f["quote"], text[f["start"] : f["end"]]) for f in figures["items"]]
    assert quotes == [
        (q, q) for q in ("about $1.3 billion", "$3.5 billion", "more than $10 billion")
    ]


def test_parameters_win_over_the_page(writable: TestClient) -> None:
    response = writable.post(
        "/v1/articles?slug=agua&publisher=Otra%20Mesa&language=en",
        content=_page("agua-andina.html"),
        headers=HTML,
    )
    assert response.status_code == 201, response.text
    article = response.json()
    assert (article["publisher"], article["language"], article["authors"]) == (
        "Otra Mesa",
        "en",
        ["Marta Quispe Rivas"],
    )


def test_the_language_list_filter(writable: TestClient) -> None:
    for name, slug in (("agua-andina.html", "agua"), ("wind-auction.html", "wind")):
        response = writable.post(f"/v1/articles?slug={slug}", content=_page(name), headers=HTML)
        assert response.status_code == 201, response.text
    ids = {
        query: [a["id"] for a in writable.get(f"/v1/articles?{query}").json()["items"]]
        for query in ("language=es", "language=en", "language=fr", "language=und")
    }
    # The wind page declares no language: it is detected.
    assert ids == {
        "language=es": ["agua"],
        "language=en": ["russia-china-venezuela", "wind"],
        "language=fr": [],
        "language=und": [],
    }
    body = assert_problem(writable.get("/v1/articles?language=english"), 422)
    assert [e["name"] for e in body["errors"]] == ["language"]


def test_a_page_without_main_text_is_a_422(writable: TestClient) -> None:
    response = writable.post("/v1/articles", content=_page("no-article.html"), headers=HTML)
    body = assert_problem(response, 422)
    assert body["detail"] == (
        "the body: no main text: the page has no article body of at least 250 characters "
        "(an index, paywall or error page?)"
    )


def test_malformed_html_is_a_422_not_a_500(writable: TestClient) -> None:
    for content in (b"<html><body><p>half", b"\x00\x01<html>", b"<<<>>>"):
        assert_problem(writable.post("/v1/articles", content=content, headers=HTML), 422)


def test_a_bad_language_parameter_is_a_422(writable: TestClient) -> None:
    response = writable.post(
        "/v1/articles?language=12", content=_page("wind-auction.html"), headers=HTML
    )
    body = assert_problem(response, 422)
    assert [e["name"] for e in body["errors"]] == ["language"]


def test_a_page_over_the_size_limit_is_a_413(writable: TestClient) -> None:
    big = b"<html><body>" + b"<p>word</p>" * 200_000 + b"</body></html>"
    assert_problem(writable.post("/v1/articles", content=big, headers=HTML), 413)


def test_the_serving_process_lets_the_language_model_go(writable: TestClient) -> None:
    response = writable.post("/v1/articles", content=_page("wind-auction.html"), headers=HTML)
    assert response.json()["language"] == "en"  # detected: the page declares none
    assert _identifier.cache_info().currsize == 0
