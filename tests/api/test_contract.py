"""The HTTP contract every route shares: error shape, pagination bounds, caching, CORS."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from app.core.config import Settings
from app.main import create_app
from app.models.schemas import FACET_EXAMPLES

LISTS = ["/v1/articles", "/v1/sections", "/v1/actors", "/v1/figures", "/v1/claims"]
SINGLES = [
    "/v1/articles/{}",
    "/v1/articles/{}/text",
    "/v1/sections/{}",
    "/v1/actors/{}",
    "/v1/figures/{}",
    "/v1/claims/{}",
]


def assert_problem(response, status: int) -> dict:  # type: ignore[no-untyped-def]
    assert response.status_code == status
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == status
    assert body["type"] == "about:blank"
    assert set(body) >= {"type", "title", "status", "detail"}
    assert "Traceback" not in response.text
    assert "SELECT" not in response.text
    return body


def test_every_route_in_the_contract_is_in_the_openapi_document(client: TestClient) -> None:
    paths = set(client.get("/openapi.json").json()["paths"])
    expected = {p.replace("{}", f"{{{p.split('/')[2].rstrip('s')}_id}}") for p in SINGLES}
    related = {"/v1/figures/{figure_id}/related", "/v1/actors/{actor_id}/figures"}
    assert paths == {*LISTS, *expected, *related, "/v1/search", "/health", "/ready"}


def test_operation_ids_are_the_handler_names(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    ids = sorted(op["operationId"] for item in spec["paths"].values() for op in item.values())
    assert ids == sorted(
        [
            "list_articles",
            "create_article",
            "get_article",
            "delete_article",
            "get_article_text",
            "list_sections",
            "get_section",
            "list_actors",
            "get_actor",
            "list_figures",
            "get_figure",
            "list_related_figures",
            "list_actor_figures",
            "list_claims",
            "get_claim",
            "search",
            "health",
            "ready",
        ]
    )


def test_every_operation_has_a_description_and_declares_problem_errors(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    for path, item in spec["paths"].items():
        for method, op in item.items():
            assert op.get("description"), f"{method} {path}"
            for status, response in op["responses"].items():
                if int(status) >= 400:
                    assert list(response["content"]) == ["application/problem+json"], path


@pytest.mark.parametrize("template", SINGLES)
def test_unknown_ids_are_404_problems(client: TestClient, template: str) -> None:
    body = assert_problem(client.get(template.format("no-such-id")), 404)
    assert "no-such-id" in body["detail"]
    assert body["instance"] == template.format("no-such-id")


def test_unknown_paths_are_404_problems(client: TestClient) -> None:
    assert_problem(client.get("/v1/nothing-here"), 404)


@pytest.mark.parametrize("path", LISTS)
@pytest.mark.parametrize(
    ("query", "param"),
    [
        ("limit=0", "limit"),
        ("limit=101", "limit"),
        ("limit=ten", "limit"),
        ("offset=-1", "offset"),
        ("offset=99999999999999999999999", "offset"),
    ],
)
def test_pagination_out_of_bounds_is_a_422_naming_the_parameter(
    client: TestClient, path: str, query: str, param: str
) -> None:
    body = assert_problem(client.get(f"{path}?{query}"), 422)
    assert [(e["name"], e["in"]) for e in body["errors"]] == [(param, "query")]


@pytest.mark.parametrize("path", LISTS)
def test_lists_answer_the_envelope_and_total_header(client: TestClient, path: str) -> None:
    response = client.get(path, params={"limit": 1})
    body = response.json()
    assert set(body) == {"items", "total", "limit", "offset"}
    assert (body["limit"], body["offset"]) == (1, 0)
    assert len(body["items"]) == 1
    assert response.headers["x-total-count"] == str(body["total"])


def test_link_header_points_to_the_next_and_previous_pages(client: TestClient) -> None:
    first = client.get("/v1/sections", params={"limit": 10})
    assert first.headers["link"] == (
        '<http://testserver/v1/sections?limit=10&offset=10>; rel="next"'
    )
    middle = client.get("/v1/sections", params={"limit": 10, "offset": 10})
    assert middle.headers["link"] == (
        '<http://testserver/v1/sections?limit=10&offset=20>; rel="next", '
        '<http://testserver/v1/sections?limit=10&offset=0>; rel="prev"'
    )
    last = client.get("/v1/sections", params={"limit": 10, "offset": 20})
    assert last.headers["link"] == '<http://testserver/v1/sections?limit=10&offset=10>; rel="prev"'


@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE"])
def test_unsupported_methods_are_405_with_allow(client: TestClient, method: str) -> None:
    response = client.request(method, "/v1/sections")
    assert_problem(response, 405)
    assert set(response.headers["allow"].replace(" ", "").split(",")) == {"GET", "HEAD"}


@pytest.mark.parametrize("method", ["PUT", "PATCH", "DELETE"])
def test_a_405_allows_every_method_of_the_path(client: TestClient, method: str) -> None:
    # GET /v1/articles lists, POST /v1/articles uploads: two routes, one path.
    response = client.request(method, "/v1/articles")
    assert_problem(response, 405)
    assert response.headers["allow"] == "GET, HEAD, POST"


def test_a_405_on_one_article_allows_get_head_and_delete(client: TestClient) -> None:
    response = client.request("PUT", "/v1/articles/russia-china-venezuela")
    assert_problem(response, 405)
    assert response.headers["allow"] == "GET, HEAD, DELETE"


def test_successful_gets_carry_etag_and_cache_control(client: TestClient) -> None:
    response = client.get("/v1/articles/russia-china-venezuela")
    assert response.headers["etag"].startswith('"')
    assert response.headers["cache-control"] == "public, max-age=300"


def test_matching_if_none_match_is_a_304_without_body(client: TestClient) -> None:
    etag = client.get("/v1/actors/russia").headers["etag"]
    response = client.get("/v1/actors/russia", headers={"If-None-Match": etag})
    assert response.status_code == 304
    assert response.content == b""
    assert response.headers["etag"] == etag
    other = client.get("/v1/actors/russia", headers={"If-None-Match": '"stale"'})
    assert other.status_code == 200
    # Several header lines are one list: the tag matches on the second line.
    lines = [("if-none-match", '"stale"'), ("if-none-match", etag)]
    assert client.get("/v1/actors/russia", headers=lines).status_code == 304


def test_head_has_the_get_etag_and_no_body(client: TestClient) -> None:
    get = client.get("/v1/claims?limit=3")
    head = client.head("/v1/claims?limit=3")
    assert head.status_code == 200
    assert head.content == b""
    assert head.headers["etag"] == get.headers["etag"]


def test_cached_and_uncached_responses_are_identical(
    settings: Settings, client: TestClient
) -> None:
    uncached = create_app(settings.model_copy(update={"response_cache_mb": 0}))
    with TestClient(uncached) as fresh:
        for path in [
            "/v1/sections/russia-china-venezuela-2-1",
            "/v1/figures?sort=-value",
            "/v1/actors?q=moscow",
        ]:
            a, b = client.get(path), fresh.get(path)
            assert (a.status_code, a.content, a.headers["etag"]) == (
                b.status_code,
                b.content,
                b.headers["etag"],
            )


def test_health_is_never_cached(client: TestClient) -> None:
    response = client.get("/health")
    assert response.json() == {"status": "ok", "version": None}
    assert response.headers["cache-control"] == "no-store"


def test_ready_answers_when_the_database_does(client: TestClient) -> None:
    response = client.get("/ready")
    assert response.status_code == 200
    assert response.json()["status"] == "ready"


def test_ready_is_503_without_a_database(tmp_path) -> None:  # type: ignore[no-untyped-def]
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'missing.db'}")
    with TestClient(create_app(settings)) as client:
        assert_problem(client.get("/ready"), 503)
        assert client.get("/health").status_code == 200


def test_browsers_on_any_origin_can_read_the_paging_cache_and_limit_headers(
    client: TestClient,
) -> None:
    response = client.get("/v1/sections", headers={"Origin": "https://example.org"})
    assert response.headers["access-control-allow-origin"] == "*"
    exposed = {
        h.strip().lower() for h in response.headers["access-control-expose-headers"].split(",")
    }
    assert exposed == {"etag", "link", "x-total-count", "retry-after", "x-request-id"}


def test_cors_origins_are_configurable(settings: Settings) -> None:
    app = create_app(settings.model_copy(update={"cors_origins": ["https://app.example"]}))
    with TestClient(app) as client:
        allowed = client.get("/v1/articles", headers={"Origin": "https://app.example"})
        other = client.get("/v1/articles", headers={"Origin": "https://evil.example"})
    assert allowed.headers["access-control-allow-origin"] == "https://app.example"
    assert "access-control-allow-origin" not in other.headers


def test_unexpected_errors_are_a_generic_500(settings: Settings) -> None:
    app: FastAPI = create_app(settings)

    @app.get("/v1/boom")
    def boom() -> None:
        raise RuntimeError("secret internals: SELECT * FROM article")

    with TestClient(app, raise_server_exceptions=False) as client:
        body = assert_problem(client.get("/v1/boom"), 500)
    assert body["detail"] == "The server could not answer this request."
    assert "secret" not in str(body)


def test_docs_pages_load_every_asset_from_the_service(client: TestClient) -> None:
    for page, assets in {
        "/docs": ["/static/docs/swagger-ui-bundle.js", "/static/docs/swagger-ui.css"],
        "/redoc": ["/static/docs/redoc.standalone.js"],
    }.items():
        html = client.get(page).text
        # Every src and href is a path on this service: nothing comes from another host.
        assert re.findall(r'(?:src|href)="([^"]*)"', html) == [
            url for url in re.findall(r'(?:src|href)="([^"]*)"', html) if url.startswith("/")
        ]
        for asset in assets:
            assert f'"{asset}"' in html
            assert client.get(asset).status_code == 200


def test_static_assets_are_revalidated_on_every_use(client: TestClient) -> None:
    response = client.get("/static/docs/swagger-ui.css")
    assert response.headers["cache-control"] == "no-cache"
    assert response.headers["etag"]


@pytest.mark.parametrize("resource", ["articles", "sections", "actors", "figures", "claims"])
def test_list_examples_in_the_openapi_document_are_real_answers(
    client: TestClient, resource: str
) -> None:
    spec = client.get("/openapi.json").json()
    name = {"articles": "ArticlePage", "sections": "SectionPage", "actors": "ActorPage"}.get(
        resource, resource[:-1].capitalize() + "Page"
    )
    [example] = spec["components"]["schemas"][name]["examples"]
    answer = client.get(f"/v1/{resource}?limit=1").json()
    if resource == "articles":  # when the test database was loaded: the example's are fixed
        for stamp in ("added", "updated"):
            value = answer["items"][0][stamp]
            assert dt.datetime.fromisoformat(value).utcoffset() == dt.timedelta(0)
            answer["items"][0][stamp] = example["items"][0][stamp]
    # Nulls and all: FastAPI drops them from the document, app/main.py puts these back.
    assert answer == example


@pytest.mark.parametrize("resource", ["articles", "sections", "actors", "figures", "claims"])
def test_each_page_s_facets_example_is_its_real_facets(client: TestClient, resource: str) -> None:
    spec = client.get("/openapi.json").json()
    ref = spec["paths"][f"/v1/{resource}"]["get"]["responses"]["200"]["content"]
    name = ref["application/json"]["schema"]["$ref"].rsplit("/", 1)[1]
    [example] = spec["components"]["schemas"][name]["properties"]["facets"]["examples"]
    field = FACET_EXAMPLES[resource]
    assert list(example) == [field]
    assert client.get(f"/v1/{resource}?limit=1&facet={field}").json()["facets"] == example


@pytest.mark.parametrize(
    ("schema", "path"),
    [
        ("ActorPublic", "/v1/actors/russia"),
        ("SectionPublic", "/v1/sections/russia-china-venezuela-2-1"),
        ("FigurePublic", "/v1/figures?kind=money&limit=1"),
    ],
)
def test_an_item_s_field_examples_are_one_real_item(
    client: TestClient, schema: str, path: str
) -> None:
    spec = client.get("/openapi.json").json()
    fields = spec["components"]["schemas"][schema]["properties"]
    examples = {name: field["examples"][0] for name, field in fields.items() if "examples" in field}
    answer = client.get(path).json()
    item = answer["items"][0] if "items" in answer else answer
    assert len(examples) == {"ActorPublic": 4, "SectionPublic": 3, "FigurePublic": 8}[schema]
    assert {name: item[name] for name in examples} == examples


@pytest.mark.parametrize("path", ["/health", "/ready"])
def test_health_checks_answer_head_as_get_without_a_body(client: TestClient, path: str) -> None:
    get, head = client.get(path), client.head(path)
    assert (head.status_code, head.content) == (200, b"")
    assert head.headers["content-length"] == get.headers["content-length"]
    assert head.headers["cache-control"] == "no-store"
