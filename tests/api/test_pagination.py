"""Page links: exactly what Starlette's `URL.include_query_params` writes, for any query."""

from __future__ import annotations

from urllib.parse import urlencode

from fastapi.testclient import TestClient
from hypothesis import given
from hypothesis import strategies as st
from starlette.requests import Request
from starlette.responses import Response

from app.api.pagination import Pagination

names = st.one_of(st.sampled_from(["q", "type", "limit", "offset", "article", ""]), st.text())
pairs = st.lists(st.tuples(names, st.text()), max_size=6)
# A raw query string as the server hands it over: printable ASCII (uvicorn refuses other bytes
# with a 400), without the fragment (which never reaches the application).
raw = st.text(st.characters(min_codepoint=0x21, max_codepoint=0x7E, exclude_characters="#"))


def request(query: bytes, host: bytes = b"localhost:8000", root_path: str = "") -> Request:
    return Request(
        {
            "type": "http",
            "method": "GET",
            "scheme": "http",
            "path": "/v1/search",
            "raw_path": b"/v1/search",
            "root_path": root_path,
            "query_string": query,
            "headers": [(b"host", host)],
            "server": ("127.0.0.1", 8000),
        }
    )


def reference(page: Pagination, req: Request, total: int) -> str | None:
    """The links as Starlette builds them (what this module did before its fast path)."""
    links = []
    if page.offset + page.limit < total:
        url = req.url.include_query_params(limit=page.limit, offset=page.offset + page.limit)
        links.append(f'<{url}>; rel="next"')
    if page.offset > 0:
        url = req.url.include_query_params(
            limit=page.limit, offset=max(0, min(page.offset, total) - page.limit)
        )
        links.append(f'<{url}>; rel="prev"')
    return ", ".join(links) if links else None


@given(
    query=st.one_of(pairs.map(urlencode), raw),
    limit=st.integers(1, 100),
    offset=st.integers(0, 300),
    total=st.integers(0, 400),
    host=st.sampled_from([b"localhost:8000", b"example.org", b"[::1]:8080"]),
    root_path=st.sampled_from(["", "/api"]),
)
def test_links_are_starlettes(
    query: str, limit: int, offset: int, total: int, host: bytes, root_path: str
) -> None:
    page = Pagination(limit=limit, offset=offset)
    req = request(query.encode("ascii"), host, root_path)
    response = Response()
    page.headers(req, response, total)
    assert response.headers.get("link") == reference(page, req, total)
    assert response.headers["x-total-count"] == str(total)


def test_a_search_link_keeps_the_other_parameters_in_their_order() -> None:
    req = request(b"offset=5&q=oil+venezuela&type=claim&limit=2&type=figure")
    response = Response()
    Pagination(limit=2, offset=5).headers(req, response, 10)
    base = "http://localhost:8000/v1/search?q=oil+venezuela&type=claim&type=figure&limit=2"
    assert response.headers["link"] == (
        f'<{base}&offset=7>; rel="next", <{base}&offset=3>; rel="prev"'
    )


def test_past_the_end_prev_is_the_last_page_with_items(client: TestClient) -> None:
    response = client.get("/v1/actors?offset=1000&limit=20")
    assert response.json()["items"] == []
    assert response.headers["link"] == '<http://testserver/v1/actors?limit=20&offset=4>; rel="prev"'
    last = client.get("/v1/actors?offset=4&limit=20").json()
    assert (len(last["items"]), last["total"]) == (20, 24)
