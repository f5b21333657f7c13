"""The Python client's exports: every matching row as CSV text or as NDJSON rows, in process
(httpx's ASGI transport) and on the mock transport for the stream's own rules."""

from __future__ import annotations

import csv
import io
from collections.abc import AsyncIterator

import httpx
import pytest
from article_facts_client import AsyncClient, Client, NotFound, Unprocessable, models
from fastapi import FastAPI

from app.core.config import Settings
from app.main import create_app
from tests.api.test_export import MONEY_CSV

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture(scope="module")
def app(settings: Settings) -> FastAPI:
    return create_app(settings)


@pytest.fixture
async def api(app: FastAPI) -> AsyncIterator[AsyncClient]:
    transport = httpx.ASGITransport(app=app)
    async with AsyncClient("http://testserver", transport=transport) as client:
        yield client


async def test_a_csv_export_is_every_matching_row_with_a_header(api: AsyncClient) -> None:
    assert await api.export_figures_csv(kind=models.FigureKind.money) == MONEY_CSV
    rows = list(csv.DictReader(io.StringIO(await api.export_claims_csv())))
    assert len(rows) == 66
    assert rows[0]["id"] == "c-fefa04c07b5b"


async def test_an_ndjson_export_yields_typed_rows_past_the_page_limit(api: AsyncClient) -> None:
    claims = [claim async for claim in api.export_claims_ndjson()]
    assert all(isinstance(claim, models.ClaimPublic) for claim in claims)
    page = await api.list_claims(limit=100)
    assert [claim.id for claim in claims] == [claim.id for claim in page.items]
    assert len(claims) == 66
    sections = [section.number async for section in api.export_sections_ndjson(level=1)]
    assert sections == [None, *(str(number) for number in range(1, 11))]


async def test_an_export_takes_the_list_s_filters_and_raises_its_problems(
    api: AsyncClient,
) -> None:
    quotes = [f.quote async for f in api.export_figures_ndjson(kind=models.FigureKind.money)]
    assert quotes == ["over $11 billion", "over $60 billion"]
    with pytest.raises(Unprocessable) as caught:
        await api.export_sections_csv(level=0)
    assert [error.name for error in caught.value.errors] == ["level"]


def test_a_sync_export_streams_retries_and_raises() -> None:
    seen: list[httpx.Request] = []
    rows = (
        b'{"id": "russia", "name": "Russia", "kind": "country", "aliases": [],'
        b' "affiliation": null, "reviewed": true, "mentions": 3}\n\n'
    )
    answers = [
        httpx.Response(503, headers={"retry-after": "0"}, content=b"busy"),
        httpx.Response(200, content=rows, headers={"content-type": "application/x-ndjson"}),
        httpx.Response(
            404,
            headers={"content-type": "application/problem+json"},
            json={"title": "Not Found", "status": 404, "detail": "No article with id 'x'."},
        ),
    ]

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return answers.pop(0)

    with Client("http://api", transport=httpx.MockTransport(handler)) as client:
        assert [actor.id for actor in client.export_actors_ndjson()] == ["russia"]
        with pytest.raises(NotFound):
            client.export_sections_csv(article="x")
    assert [str(request.url.query, "ascii") for request in seen] == [
        "format=ndjson&all=true",
        "format=ndjson&all=true",
        "article=x&format=csv&all=true",
    ]
