"""The Python client's AsyncClient against the app in process, through httpx's ASGI transport."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import anyio
import httpx
import pytest
from article_facts_client import AsyncClient, NotFound, Unauthorized, Unprocessable, models
from fastapi import FastAPI
from pydantic import SecretStr

from app.core.config import Settings
from app.core.db import sqlite_path
from app.main import create_app
from tests.conftest import ARTICLE, copy_database

TOKEN = "client-token"
TEXT = (Path(__file__).parents[1] / "data" / "arctic-route.md").read_text()

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def app(tmp_path: Path, settings: Settings) -> FastAPI:
    db = tmp_path / "facts.db"
    copy_database(sqlite_path(settings.database_url), db)
    update = {"database_url": f"sqlite:///{db}", "admin_token": SecretStr(TOKEN)}
    return create_app(settings.model_copy(update=update))


@pytest.fixture
async def api(app: FastAPI) -> AsyncIterator[AsyncClient]:
    transport = httpx.ASGITransport(app=app)
    async with AsyncClient("http://testserver", token=TOKEN, transport=transport) as client:
        yield client


async def test_a_list_is_its_typed_page(api: AsyncClient) -> None:
    page = await api.list_figures(kind=models.FigureKind.money)
    assert isinstance(page, models.FigurePage)
    assert (page.total, page.limit, page.offset) == (2, 20, 0)
    assert [figure.quote for figure in page.items] == ["over $11 billion", "over $60 billion"]
    assert page.items[0].comparator is models.Comparator.gt


async def test_an_iterator_follows_every_page(api: AsyncClient) -> None:
    claims = [claim.id async for claim in api.iter_claims(page_size=7)]
    page = await api.list_claims(limit=100)
    assert len(claims) == 66
    assert claims == [claim.id for claim in page.items]


async def test_one_resource_and_the_text_its_offsets_point_into(api: AsyncClient) -> None:
    section = await api.get_section(f"{ARTICLE}-2-1")
    text = await api.get_article_text(ARTICLE)
    assert section.title == "A legacy of the Chávez years"
    assert text[section.start : section.end].startswith("2.1")


async def test_an_unknown_id_raises_not_found(api: AsyncClient) -> None:
    with pytest.raises(NotFound) as caught:
        await api.get_actor("atlantis")
    assert (caught.value.status, caught.value.detail) == (404, "No actor with id 'atlantis'.")


async def test_a_bad_parameter_raises_with_its_errors(api: AsyncClient) -> None:
    with pytest.raises(Unprocessable) as caught:
        await api.list_sections(level=9)
    assert caught.value.status == 422
    assert [(e.name, e.in_, e.type) for e in caught.value.errors] == [
        ("level", "query", "less_than_equal")
    ]


async def test_a_write_sends_the_token_and_answers_the_article(app: FastAPI) -> None:
    transport = httpx.ASGITransport(app=app)
    async with AsyncClient("http://testserver", transport=transport) as anonymous:
        with pytest.raises(Unauthorized):
            await anonymous.create_article(TEXT, slug="arctic-route")
    async with AsyncClient("http://testserver", token=TOKEN, transport=transport) as api:
        article = await api.create_article(TEXT, slug="arctic-route", content_type="text/markdown")
        assert article.id == "arctic-route"
        assert (await api.list_articles()).total == 2
        await api.delete_article("arctic-route")
        assert (await api.list_articles()).total == 1


async def test_concurrent_calls_share_one_client(api: AsyncClient) -> None:
    found: dict[str, int] = {}

    async def total(kind: models.ActorKind) -> None:
        found[kind.value] = (await api.list_actors(kind=kind)).total

    async with anyio.create_task_group() as group:
        for kind in (models.ActorKind.country, models.ActorKind.person):
            group.start_soon(total, kind)
    assert found["country"] == 7
