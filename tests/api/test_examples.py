"""Every error example the OpenAPI document declares is what the route answers.

For each operation and each error status it declares, the request that example describes is
made against the seeded service and the answer compared with it: the example has the answer's
title, status and type and the fields the answer has, and for the request it was written from
(`DETAIL_REQUESTS`) it is the answer word for word. The list pages' examples are checked in
tests/api/test_contract.py, on both backends.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from app.core.config import Settings
from app.core.db import sqlite_path
from app.ingest.article import MAX_ARTICLE_BYTES
from app.main import create_app
from tests.conftest import SEED_DIR, copy_database

TOKEN = "examples-token"
BEARER = {"Authorization": f"Bearer {TOKEN}"}
TEXT = {"Content-Type": "text/plain"}
SEED_SLUG = "russia-china-venezuela"
LISTS = ("articles", "sections", "actors", "figures", "claims")

Send = Callable[[TestClient, str, str], httpx.Response]


def _path(template: str, value: str) -> str:
    """The route's path with every parameter set to `value`."""
    parts = template.split("/")
    return "/".join(value if part.startswith("{") else part for part in parts)


def _doc(client: TestClient) -> dict[str, Any]:
    doc: dict[str, Any] = client.get("/openapi.json").json()
    return doc


@pytest.fixture(scope="module")
def apps(
    settings: Settings, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[dict[str, TestClient]]:
    """The service as each error needs it: read-only (the default), writable with a token on a
    copy of the seed, rate-limited to one request, and on a database that is not one."""
    work = tmp_path_factory.mktemp("examples")
    copy = work / "facts.db"
    copy_database(sqlite_path(settings.database_url), copy)
    broken = work / "broken.db"
    copy_database(sqlite_path(settings.database_url), broken)
    writable = {"database_url": f"sqlite:///{copy}", "admin_token": SecretStr(TOKEN)}
    variants = {
        "default": settings,
        "writable": settings.model_copy(update=writable),
        "limited": settings.model_copy(update={**writable, "rate_limit_per_minute": 1}),
        "broken": settings.model_copy(
            update={**writable, "database_url": f"sqlite:///{broken}", "response_cache_mb": 0}
        ),
    }
    clients = {name: TestClient(create_app(value)) for name, value in variants.items()}
    for client in clients.values():
        client.__enter__()
    # Started on a database that is then overwritten: every query fails from here on.
    broken.write_bytes(b"this is not a database" * 500)
    yield clients
    for client in clients.values():
        client.__exit__(None, None, None)


def _write(
    method: str, path: str, apps: dict[str, TestClient], app: str = "writable", **kwargs: Any
) -> httpx.Response:
    return apps[app].request(method, path, **kwargs)


def answer(apps: dict[str, TestClient], method: str, template: str, status: int) -> httpx.Response:
    """The answer to a request of `method template` that the service answers with `status`."""
    path = _path(template, "atlantis" if status == 404 else SEED_SLUG)
    path += "?q=Venezuela&" if template == "/v1/search" else "?"
    body = b"Title\n\nA body." if method == "post" else None
    kwargs: dict[str, Any] = {"content": body, "headers": {**TEXT, **BEARER}}
    if method == "get":
        kwargs = {}
    if status == 400:
        kwargs["content"] = b"  \n "
    elif status == 401:
        kwargs["headers"] = TEXT
    elif status == 403:
        return apps["default"].request(method, path, **kwargs)
    elif status == 409:
        kwargs["content"] = (SEED_DIR / f"{SEED_SLUG}.txt").read_bytes()
        path += "slug=another-slug"
    elif status == 413:
        kwargs["content"] = b"x" * (MAX_ARTICLE_BYTES + 1)
    elif status == 414:
        path += "title=" + "t" * 8200
    elif status == 415:
        kwargs["headers"] = {**BEARER, "Content-Type": "application/json"}
    elif status == 422:
        path += "limit=101" if template in {f"/v1/{name}" for name in LISTS} else "limits=1"
    elif status == 429:
        # A cheap read takes the one request a minute allows (a write would first do its work,
        # and a second's delay makes the wait "59 s"); the operation itself is then refused.
        apps["limited"].get("/v1/articles")
        return apps["limited"].request(method, path, **kwargs)
    elif status == 503:
        return apps["broken"].request(method, path, **kwargs)
    return apps["writable"].request(method, path, **kwargs)


def _declared(doc: dict[str, Any]) -> list[tuple[str, str, int, dict[str, Any]]]:
    found = []
    for template, operations in doc["paths"].items():
        for method, operation in operations.items():
            for status, response in operation["responses"].items():
                for media in response.get("content", {}).values():
                    if "example" in media:
                        found.append((method, template, int(status), media["example"]))
    return found


def test_every_error_example_is_what_the_route_answers(apps: dict[str, TestClient]) -> None:
    declared = [entry for entry in _declared(_doc(apps["default"])) if entry[2] >= 400]
    assert len(declared) == 67
    wrong = []
    for method, template, status, example in declared:
        response = answer(apps, method, template, status)
        body = response.json()
        same = (
            response.status_code == status
            and response.headers["content-type"] == "application/problem+json"
            and {key: body.get(key) for key in ("type", "title", "status")}
            == {key: example[key] for key in ("type", "title", "status")}
            and set(example) <= set(body)
            and [sorted(error) for error in body.get("errors", [])][:1]
            == [sorted(error) for error in example.get("errors", [])]
        )
        if not same:
            wrong.append((method, template, status, response.status_code, body))
    assert wrong == []


# The request each status's example detail was written from.
DETAIL_REQUESTS = {
    400: ("post", "/v1/articles"),
    401: ("delete", "/v1/articles/{article_id}"),
    403: ("post", "/v1/articles"),
    404: ("get", "/v1/articles/{article_id}"),
    409: ("post", "/v1/articles"),
    413: ("post", "/v1/articles"),
    414: ("post", "/v1/articles"),
    415: ("post", "/v1/articles"),
    422: ("get", "/v1/articles"),
    429: ("delete", "/v1/articles/{article_id}"),
    503: ("get", "/v1/articles"),
}


def test_each_error_example_is_a_real_answer_word_for_word(apps: dict[str, TestClient]) -> None:
    doc = _doc(apps["default"])
    examples = {(m, t, s): e for m, t, s, e in _declared(doc)}
    for status, (method, template) in DETAIL_REQUESTS.items():
        example = examples[(method, template, status)]
        body = answer(apps, method, template, status).json()
        body.pop("instance")
        assert body == example
