"""Security headers, request ids and access logs, request limits, rate limiting."""

from __future__ import annotations

import json
import logging
import os
import re

import pytest
from fastapi.testclient import TestClient

from app.api.access_log import request_ids
from app.api.security import MAX_HEADER_BYTES, MAX_URL_BYTES
from app.core.config import Settings
from app.main import create_app
from tests.api.test_contract import assert_problem


def test_every_response_has_the_security_headers(client: TestClient) -> None:
    for path in ["/v1/sections", "/v1/sections/nope", "/health"]:
        headers = client.get(path).headers
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "no-referrer"
        assert headers["x-frame-options"] == "DENY"
        assert "server" not in headers


def test_html_pages_have_a_strict_content_security_policy(client: TestClient) -> None:
    page = client.get("/docs")
    csp = page.headers["content-security-policy"]
    assert "script-src 'self';" in csp
    assert "default-src 'self'" in csp
    assert "<script>" not in page.text  # no inline script: the policy would block it
    assert "content-security-policy" not in client.get("/v1/articles").headers


def test_the_swagger_start_script_is_served_by_the_service(client: TestClient) -> None:
    script = client.get("/static/app/swagger-init.js")
    assert script.status_code == 200
    assert "SwaggerUIBundle(" in script.text


def test_a_client_request_id_is_echoed_and_logged(
    client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="app.access"):
        response = client.get("/v1/actors?q=secret-token", headers={"X-Request-ID": "abc-123"})
        client.app.state.access_log.flush()  # lines are written in batches
    assert response.headers["x-request-id"] == "abc-123"
    lines = [json.loads(r.getMessage()) for r in caplog.records if r.name == "app.access"]
    assert len(lines) == 1
    line = lines[0]
    assert {k: line[k] for k in ("request_id", "method", "path", "status")} == {
        "request_id": "abc-123",
        "method": "GET",
        "path": "/v1/actors",
        "status": 200,
    }
    assert "secret-token" not in caplog.text


def test_an_unusable_request_id_is_replaced_by_a_fresh_one(client: TestClient) -> None:
    response = client.get("/health", headers={"X-Request-ID": "bad id\twith spaces"})
    assert len(response.headers["x-request-id"]) == 32
    assert response.headers["x-request-id"] != client.get("/health").headers["x-request-id"]


def test_a_url_over_the_limit_is_414(client: TestClient) -> None:
    body = assert_problem(client.get("/v1/actors?q=" + "a" * MAX_URL_BYTES), 414)
    assert body["detail"] == f"The URL is longer than {MAX_URL_BYTES} bytes."


def test_headers_over_the_limit_are_431(client: TestClient) -> None:
    response = client.get("/v1/actors", headers={"X-Padding": "a" * MAX_HEADER_BYTES})
    assert_problem(response, 431)
    assert response.headers["x-content-type-options"] == "nosniff"


def test_rate_limiting_answers_429_with_retry_after(settings: Settings) -> None:
    with TestClient(create_app(settings.model_copy(update={"rate_limit_per_minute": 3}))) as client:
        statuses = [client.get("/v1/articles").status_code for _ in range(4)]
        limited = client.get("/v1/articles")
        health = client.get("/health")
    assert statuses == [200, 200, 200, 429]
    assert_problem(limited, 429)
    assert limited.headers["retry-after"] == "20"
    assert health.status_code == 200


def test_a_429_carries_cors_headers_and_preflights_use_no_quota(settings: Settings) -> None:
    origin = {"Origin": "https://example.org"}
    preflight = {**origin, "Access-Control-Request-Method": "GET"}
    with TestClient(create_app(settings.model_copy(update={"rate_limit_per_minute": 2}))) as client:
        assert [client.options("/v1/articles", headers=preflight).status_code] * 3 == [200] * 3
        statuses = [client.get("/v1/articles", headers=origin).status_code for _ in range(3)]
        limited = client.get("/v1/articles", headers=origin)
    assert statuses == [200, 200, 429]
    assert_problem(limited, 429)
    assert limited.headers["access-control-allow-origin"] == "*"
    assert "Retry-After" in limited.headers["access-control-expose-headers"]


def test_rate_limiting_is_off_by_default(client: TestClient) -> None:
    assert {client.get("/v1/articles").status_code for _ in range(50)} == {200}


def test_request_ids_are_distinct_hex_and_a_forked_worker_draws_its_own() -> None:
    ids = [request_ids.next() for _ in range(1_000)]
    assert len(set(ids)) == 1_000
    assert all(re.fullmatch(r"[0-9a-f]{32}", i) for i in ids)
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: its first id, then out at once
        os.write(write, request_ids.next().encode())
        os._exit(0)
    os.waitpid(pid, 0)
    child = os.read(read, 64).decode()
    os.close(read)
    os.close(write)
    assert child[:16] != ids[0][:16]
    assert child[16:] == f"{0:016x}"
