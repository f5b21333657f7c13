"""A `search` helper over the session's client (GET /v1/search, assert 200, return the JSON),
and the seeded database's reader for tests of the search internals."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.core.db import Database, Reader

Search = Callable[..., dict[str, Any]]


@pytest.fixture
def search(client: TestClient) -> Search:
    def run(q: str, **params: Any) -> dict[str, Any]:
        response = client.get("/v1/search", params={"q": q, **params})
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        return body

    return run


def top(body: dict[str, Any], n: int | None = None) -> list[tuple[str, str]]:
    """(type, id) of the first `n` items."""
    return [(item["type"], item["id"]) for item in body["items"][:n]]


@pytest.fixture(scope="module")
def reader(database_url: str) -> Iterator[Reader]:
    database = Database(database_url, timeout_ms=2000)
    yield database.reader()
    database.dispose()
