"""`POST /v1/articles` and the reading language: English and Spanish are read, any other is a
422 problem naming it (the command line: tests/ingest/test_language_policy.py)."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.api.test_article_delete import BEARER, writable
from tests.api.test_contract import assert_problem
from tests.ingest.test_language_policy import FRENCH, SPANISH

__all__ = ["writable"]

MARKDOWN = {**BEARER, "Content-Type": "text/markdown"}


def test_a_french_article_is_a_422_problem_that_names_its_language(writable: TestClient) -> None:
    body = assert_problem(writable.post("/v1/articles", content=FRENCH, headers=MARKDOWN), 422)
    assert body["detail"] == (
        "POST /v1/articles: the text is in French (fr): only English (en) and Spanish (es) "
        "articles are read; if the text is in one of them, declare it (--language, or the "
        "parameter language)"
    )
    assert writable.get("/v1/articles?language=fr").json()["items"] == []


def test_a_declared_language_is_what_is_read(writable: TestClient) -> None:
    response = writable.post(
        "/v1/articles?slug=rusia&language=es-VE", content=FRENCH, headers=MARKDOWN
    )
    assert response.status_code == 201, response.text
    assert response.json()["language"] == "es"
    response = writable.post("/v1/articles?language=it", content=SPANISH, headers=MARKDOWN)
    # A declared language that is not read is refused by the parameter's own pattern.
    assert assert_problem(response, 422)["detail"] == "Invalid parameters: language."


def test_a_spanish_article_is_read_as_spanish(writable: TestClient) -> None:
    response = writable.post("/v1/articles?slug=acuerdos", content=SPANISH, headers=MARKDOWN)
    assert response.status_code == 201, response.text
    assert response.json()["language"] == "es"
    claims = writable.get("/v1/claims?article=acuerdos&limit=10").json()["items"]
    assert [(c["kind"], c["speaker"]) for c in claims] == [
        ("fact", "el gobierno"),
        ("forecast", "El Sr. Pérez"),
    ]
