"""A figure's `change` and `value_max` over HTTP, and the `change` filter, on a posted article."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from tests.api.test_article_upload import AUTH, writable

__all__ = ["writable"]  # the fixture, shared with the upload tests

DATA = Path(__file__).parents[1] / "data"


def _post(client: TestClient, name: str, slug: str) -> None:
    body = (DATA / name).read_bytes()
    response = client.post(f"/v1/articles?slug={slug}", content=body, headers=AUTH)
    assert response.status_code == 201, response.text


def _quotes(client: TestClient, **params: str) -> list[str]:
    answer = client.get("/v1/figures", params={"limit": "100", **params}).json()
    return [item["quote"] for item in answer["items"]]


def test_the_change_filter_keeps_rises_or_falls(writable: tuple[TestClient, Path]) -> None:
    client, _ = writable
    _post(client, "sahel-squeeze.txt", "sahel")
    assert _quotes(client, article="sahel", change="fall") == ["an estimated 40%"]
    assert _quotes(client, article="sahel", change="rise") == [
        "a quarter",
        "35 per cent",
        "at least 5 per cent",
    ]
    assert client.get("/v1/figures", params={"change": "up"}).status_code == 422


def test_a_range_answers_both_ends(writable: tuple[TestClient, Path]) -> None:
    client, _ = writable
    _post(client, "venezuela-output.txt", "venezuela")
    [item] = client.get(
        "/v1/figures", params={"article": "venezuela", "unit": "USD", "min": "7e9", "max": "7.5e9"}
    ).json()["items"]
    assert (item["quote"], item["value"], item["value_max"], item["change"]) == (
        "from $7.3 billion to $8.6 billion",
        7.3e9,
        8.6e9,
        None,
    )
