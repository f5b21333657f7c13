"""Uploads read people and organisations with the recognizer in a worker process, never in
the server's own; a recognizer that fails is a 503 problem and writes nothing; `reviewed`
tells curated actors from proposed ones."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from app.core.config import Settings
from app.core.db import sqlite_path
from app.ingest.recognizer import spacy_installed, spacy_pipeline
from app.main import create_app
from tests.api.test_contract import assert_problem
from tests.conftest import copy_database

TOKEN = "s3cret-token"
AUTH = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "text/plain"}
ARTICLE = """Refinery Talks in Lagos

Aliko Dangote, chairman of Dangote Group, met bankers from the Afreximbank in Lagos on Monday.
The Nigerian National Petroleum Corporation (NNPC) said the talks would continue next month.
Dangote later told reporters that the refinery would export fuel to Ghana.
"""
needs_spacy = pytest.mark.skipif(not spacy_installed(), reason="the ner extra is not installed")


def writable(tmp_path: Path, settings: Settings, **update: object) -> TestClient:
    db = tmp_path / "facts.db"
    copy_database(sqlite_path(settings.database_url), db)
    changes = {"database_url": f"sqlite:///{db}", "admin_token": SecretStr(TOKEN), **update}
    return TestClient(create_app(settings.model_copy(update=changes)))


@pytest.fixture
def rules_only(tmp_path: Path, settings: Settings) -> Iterator[TestClient]:
    with writable(tmp_path, settings, recognizer="none") as client:
        yield client


def ids(client: TestClient, **params: str) -> list[str]:
    body = client.get("/v1/actors", params={"limit": "100", **params}).json()
    return sorted(a["id"] for a in body["items"])


def test_reviewed_false_lists_exactly_the_proposed_actors(rules_only: TestClient) -> None:
    before = ids(rules_only)
    assert rules_only.post("/v1/articles", content=ARTICLE, headers=AUTH).status_code == 201
    assert ids(rules_only, reviewed="false") == [
        "dangote-group",
        "nigerian-national-petroleum-corporation",
    ]
    # Nigeria is written as the NNPC's country, which its name gives.
    assert ids(rules_only, reviewed="true") == sorted({*before, "ghana", "nigeria"})


def test_reviewed_must_be_a_boolean(rules_only: TestClient) -> None:
    body = assert_problem(rules_only.get("/v1/actors?reviewed=maybe"), 422)
    assert [e["name"] for e in body["errors"]] == ["reviewed"]


@needs_spacy
def test_an_upload_reads_people_with_the_recognizer_in_a_worker(
    tmp_path: Path, settings: Settings
) -> None:
    loaded = spacy_pipeline.cache_info().currsize
    with writable(tmp_path, settings, recognizer="spacy") as client:
        response = client.post("/v1/articles", content=ARTICLE, headers=AUTH)
        assert response.status_code == 201
        person = client.get("/v1/actors/aliko-dangote").json()
    # The model was loaded in the worker: the server's process loaded none.
    assert spacy_pipeline.cache_info().currsize == loaded
    assert (person["name"], person["kind"], person["affiliation"], person["reviewed"]) == (
        "Aliko Dangote",
        "person",
        "dangote-group",
        False,
    )
    assert [o["quote"] for o in person["occurrences"]] == ["Aliko Dangote", "Dangote"]


def test_a_recognizer_that_fails_is_a_503_and_writes_nothing(
    tmp_path: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("app.api.routes.article_upload.spacy_installed", lambda: True)
    with writable(tmp_path, settings, recognizer="spacy", recognizer_model="no-such-model") as c:
        before = ids(c)
        body = assert_problem(c.post("/v1/articles", content=ARTICLE, headers=AUTH), 503)
        assert body["detail"].startswith("the recognizer failed: ")
        assert ids(c) == before
