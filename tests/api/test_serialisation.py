"""Every resource answer and list page is exactly its schema's own serialisation.

The routes write plain dicts with orjson (app/api/resources.py); FastAPI would have validated a
model and let pydantic write it. These tests hold the two to the same bytes for
every article, section, actor, figure and claim, on both backends, so the schema in the OpenAPI
document is what clients get, field order and number formatting included.
"""

from __future__ import annotations

from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from pydantic import BaseModel

from app.models.schemas import (
    ActorDetail,
    ActorPage,
    ArticlePage,
    ArticlePublic,
    ClaimPage,
    ClaimPublic,
    FigurePage,
    FigurePublic,
    SectionDetail,
    SectionPage,
)

SCHEMAS: dict[str, type[BaseModel]] = {
    "articles": ArticlePublic,
    "sections": SectionDetail,
    "actors": ActorDetail,
    "figures": FigurePublic,
    "claims": ClaimPublic,
}
# What the seed article holds: every one is checked.
COUNTS = {"articles": 1, "sections": 25, "actors": 24, "figures": 10, "claims": 66}


def ids(client: TestClient, resource: str) -> list[str]:
    page = client.get(f"/v1/{resource}", params={"limit": 100}).json()
    return [item["id"] for item in page["items"]]


@pytest.mark.parametrize("resource", sorted(SCHEMAS))
def test_every_answer_is_its_schemas_serialisation(client: TestClient, resource: str) -> None:
    schema = SCHEMAS[resource]
    found = ids(client, resource)
    assert len(found) == COUNTS[resource]
    for id_ in found:
        response = client.get(f"/v1/{resource}/{quote(id_, safe='')}")
        assert response.status_code == 200
        assert response.headers["content-type"] == "application/json"
        model = schema.model_validate_json(response.content, strict=False)
        assert response.content == model.model_dump_json().encode(), f"{resource}/{id_}"


def test_a_figure_with_a_large_value_is_written_as_pydantic_writes_it(client: TestClient) -> None:
    # The largest value in the article ("over $60 billion"): a float written with all its digits.
    figures = client.get("/v1/figures", params={"sort": "-value", "limit": 1}).json()["items"]
    response = client.get(f"/v1/figures/{figures[0]['id']}")
    assert figures[0]["quote"] == "over $60 billion"
    assert b'"value":60000000000.0,' in response.content
    assert (
        response.content
        == FigurePublic.model_validate_json(response.content).model_dump_json().encode()
    )


PAGES: dict[str, type[BaseModel]] = {
    "/v1/articles": ArticlePage,
    "/v1/sections?level=2&limit=5&offset=3": SectionPage,
    "/v1/actors?kind=country&limit=100": ActorPage,
    "/v1/actors?q=moscow": ActorPage,
    "/v1/figures?sort=-value&limit=100": FigurePage,
    "/v1/figures?from=2005&to=2013": FigurePage,
    "/v1/claims?actor=russia&limit=100": ClaimPage,
    "/v1/claims?offset=1000": ClaimPage,
}


@pytest.mark.parametrize("path", sorted(PAGES))
def test_every_list_page_is_its_schemas_serialisation(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    page = PAGES[path].model_validate_json(response.content)
    assert response.content == page.model_dump_json().encode()
    assert response.headers["x-total-count"] == str(page.total)  # type: ignore[attr-defined]
