"""Unknown query parameters are refused on every /v1 operation, with a hint for a near miss."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from app.api.strict import did_you_mean
from app.main import create_app


def test_a_misspelt_filter_is_a_422_naming_it_with_the_meant_one(client: TestClient) -> None:
    response = client.get("/v1/figures?kinds=money")
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json() == {
        "type": "about:blank",
        "title": "Unprocessable Entity",
        "status": 422,
        "detail": "Invalid parameters: kinds.",
        "instance": "/v1/figures",
        "errors": [
            {
                "name": "kinds",
                "in": "query",
                "detail": "Unknown parameter; did you mean 'kind'?",
                "type": "unknown_parameter",
            }
        ],
    }


def test_every_unknown_name_is_listed_once_and_far_ones_get_no_hint(client: TestClient) -> None:
    response = client.get("/v1/sections?colour=red&limit=1&colour=blue&ofset=2")
    assert response.status_code == 422
    assert [(e["name"], e["detail"]) for e in response.json()["errors"]] == [
        ("colour", "Unknown parameter."),
        ("ofset", "Unknown parameter; did you mean 'offset'?"),
    ]


def test_search_refuses_an_unknown_parameter_like_every_route(client: TestClient) -> None:
    """The search shortcut leaves such a request to the route instead of answering it."""
    response = client.get("/v1/search?q=oil&typ=figure")
    assert response.status_code == 422
    assert response.json()["errors"][0]["detail"] == "Unknown parameter; did you mean 'type'?"


@pytest.mark.parametrize(
    "url",
    [
        "/v1/figures?kind=money&unit=USD&from=2005&to=2013&sort=-value&limit=1&offset=0",
        "/v1/search?q=oil&type=figure&type=claim&limit=1",
        "/v1/actors?q=moscow&kind=country",
        "/v1/claims?kind=fact&limit=1",
    ],
)
def test_declared_parameters_and_aliases_still_pass(client: TestClient, url: str) -> None:
    assert client.get(url).status_code == 200


def test_pages_outside_the_api_keep_their_query_strings() -> None:
    """The explorer reads its own parameters in the browser; health checks ignore them."""
    with TestClient(create_app()) as test_client:
        assert test_client.get("/health?probe=1").status_code == 200
        assert test_client.get("/?view=figures").status_code == 200


def _operations() -> list[tuple[str, str, list[str]]]:
    document = create_app().openapi()
    found = []
    for path, item in document["paths"].items():
        for method, operation in item.items():
            if path.startswith("/v1"):
                names = [p["name"] for p in operation.get("parameters", []) if p["in"] == "query"]
                found.append((method, path.replace("{", "").replace("}", ""), names))
    return found


@pytest.mark.parametrize(("method", "path", "names"), _operations())
def test_every_operation_accepts_exactly_what_its_document_declares(
    client: TestClient, method: str, path: str, names: list[str]
) -> None:
    """The accepted names come from each route's signature, so they match /openapi.json."""
    declared = "&".join(f"{name}=x" for name in names)
    answer = client.request(method, f"{path}?{declared}&zz=1" if names else f"{path}?zz=1")
    assert answer.status_code == 422
    unknown = [e["name"] for e in answer.json()["errors"] if e["type"] == "unknown_parameter"]
    assert unknown == ["zz"]


def test_a_hint_is_given_only_within_two_edits() -> None:
    names = frozenset({"kind", "offset", "limit"})
    assert did_you_mean("kinds", names) == "kind"
    assert did_you_mean("lmt", names) == "limit"
    assert did_you_mean("colour", names) is None
