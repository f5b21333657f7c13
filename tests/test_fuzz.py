"""Contract fuzzing: Schemathesis generates requests from the OpenAPI document, valid and
invalid, and checks every answer against it (no server errors, documented status codes,
content types and schemas, negative data rejected, unsupported methods refused). Seeded and
derandomised, so every run tries the same cases."""

from __future__ import annotations

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from schemathesis import BaseSchema, GenerationMode

from app.core.config import Settings
from app.main import create_app

# Building the app reads no data, so the operations are known when tests are collected.
SPEC = create_app(Settings()).openapi()
OPERATIONS = [(path, method.upper()) for path, item in SPEC["paths"].items() for method in item]
# Negative data needs a parameter to spoil.
WITH_PARAMETERS = [
    (path, method)
    for path, method in OPERATIONS
    if SPEC["paths"][path][method.lower()].get("parameters")
]


@pytest.fixture(scope="module")
def api_schema(client: TestClient) -> BaseSchema:
    return schemathesis.openapi.from_asgi("/openapi.json", client.app)


@pytest.mark.parametrize(("path", "method"), OPERATIONS)
def test_every_operation_answers_valid_requests_as_documented(
    api_schema: BaseSchema, path: str, method: str
) -> None:
    fuzz(api_schema, path, method, GenerationMode.POSITIVE)


@pytest.mark.parametrize(("path", "method"), WITH_PARAMETERS)
def test_every_operation_rejects_invalid_requests(
    api_schema: BaseSchema, path: str, method: str
) -> None:
    fuzz(api_schema, path, method, GenerationMode.NEGATIVE)


def fuzz(api_schema: BaseSchema, path: str, method: str, mode: GenerationMode) -> None:
    operation = api_schema[path][method]

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=60,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def check(case: schemathesis.Case) -> None:
        case.call_and_validate()

    check()


def test_every_operation_is_fuzzed() -> None:
    assert len(OPERATIONS) >= 13
