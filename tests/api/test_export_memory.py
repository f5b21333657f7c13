"""`all=true` streams in constant memory: exporting ten times the rows of a large synthetic
corpus takes no more memory than exporting a tenth of them (measured with tracemalloc around
the app alone, every chunk it sends counted and dropped)."""

from __future__ import annotations

import asyncio
import sqlite3
import tracemalloc
from pathlib import Path
from typing import Any

import pytest

from app.core.config import Settings
from app.core.db import sqlite_path
from app.main import create_app
from tests.conftest import copy_database

SMALL, LARGE = 3_000, 30_000
# The peak of the large export over the small one's: batches are the same size, so only noise.
MAX_GROWTH = 1.25

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


def corpus(settings: Settings, directory: Path, claims: int) -> Settings:
    """The seeded database with `claims` more claims, each with a comma and a quote in it."""
    db = directory / f"facts-{claims}.db"
    copy_database(sqlite_path(settings.database_url), db)
    with sqlite3.connect(db) as conn:
        conn.execute(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < :count)"
            ' INSERT INTO claim (id, article_id, section_id, position, text, kind, start, "end")'
            " SELECT 'c-synthetic-' || i, 'russia-china-venezuela', 'russia-china-venezuela-2-1',"
            " 100000 + i, 'Synthetic claim ' || i || ', with a \"quoted\" word.', 'fact', 0, 10"
            " FROM n",
            {"count": claims},
        )
    return settings.model_copy(update={"database_url": f"sqlite:///{db}"})


async def export(settings: Settings, query: bytes) -> tuple[int, int, int]:
    """Status, body bytes and the peak memory traced while the app answers."""
    app = create_app(settings)
    status, size = 0, 0
    scope: dict[str, Any] = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": "/v1/claims",
        "raw_path": b"/v1/claims",
        "query_string": query,
        "root_path": "",
        "headers": [(b"host", b"testserver")],
        "client": ("127.0.0.1", 1234),
        "server": ("testserver", 80),
    }

    requested = False

    async def receive() -> dict[str, Any]:
        nonlocal requested
        if requested:  # the client stays connected until the answer is complete
            await asyncio.Event().wait()
        requested = True
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        nonlocal status, size
        if message["type"] == "http.response.start":
            status = message["status"]
        else:
            size += len(message.get("body", b""))

    tracemalloc.start()
    try:
        await app(scope, receive, send)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
        app.state.database.dispose()
    return status, size, peak


@pytest.mark.parametrize("query", [b"all=true&format=csv", b"all=true&format=ndjson"])
async def test_memory_does_not_grow_with_the_row_count(
    settings: Settings, tmp_path: Path, query: bytes
) -> None:
    small = corpus(settings, tmp_path, SMALL)
    large = corpus(settings, tmp_path, LARGE)
    await export(small, query)  # the first request builds what every later one reuses
    status_small, size_small, peak_small = await export(small, query)
    status_large, size_large, peak_large = await export(large, query)
    assert (status_small, status_large) == (200, 200)
    assert size_large > 9 * size_small
    assert peak_large < MAX_GROWTH * peak_small, (peak_small, peak_large)
