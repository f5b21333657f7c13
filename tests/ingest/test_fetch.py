"""`ingest URL`: fetching one page within bounds, against a local HTTP server."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest

from app.ingest.article import MAX_ARTICLE_BYTES
from app.ingest.fetch import MAX_REDIRECTS, FetchError, Page, fetch, is_url

PAGES = Path(__file__).resolve().parent.parent / "data" / "html"
LIMIT = 50_000


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        path = self.path
        if path.startswith("/page/"):
            body = (PAGES / path.removeprefix("/page/")).read_bytes()
            self._send(200, body, "text/html; charset=utf-8")
        elif path == "/text":
            self._send(200, b"A title\n\nA body.\n", "text/plain")
        elif path.startswith("/hop/"):
            left = int(path.removeprefix("/hop/"))
            self.send_response(302)
            self.send_header("Location", f"/hop/{left - 1}" if left else "/page/harbour-deal.html")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path == "/to-ftp":
            self.send_response(301)
            self.send_header("Location", "ftp://example.org/file")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path == "/big-declared":
            self._send(200, b"x" * (LIMIT + 1), "text/html")
        elif path in ("/big-streamed", "/huge-streamed"):
            size = LIMIT if path == "/big-streamed" else MAX_ARTICLE_BYTES
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            chunk = b"y" * 8192
            for _ in range(size // len(chunk) + 2):
                self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            self.wfile.write(b"0\r\n\r\n")
        else:
            self._send(404, b"not here", "text/plain")

    def _send(self, status: int, body: bytes, media_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", media_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        return None


class Server(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that hangs up mid-answer (a fetch stopping at its size limit) is what the
        tests ask for: not reported, so it cannot land in the output a test reads."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = Server(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_fetches_a_page_with_its_media_type(server: str) -> None:
    page = fetch(f"{server}/page/harbour-deal.html", limit=LIMIT)
    assert page == Page(
        url=f"{server}/page/harbour-deal.html",
        media_type="text/html",
        data=(PAGES / "harbour-deal.html").read_bytes(),
    )


def test_follows_redirects_up_to_the_bound(server: str) -> None:
    page = fetch(f"{server}/hop/{MAX_REDIRECTS - 1}", limit=LIMIT)
    assert page.url == f"{server}/page/harbour-deal.html"
    with pytest.raises(FetchError) as caught:
        fetch(f"{server}/hop/{MAX_REDIRECTS}", limit=LIMIT)
    last = f"{server}/page/harbour-deal.html"  # where the sixth redirect pointed
    assert str(caught.value) == f"{last}: more than {MAX_REDIRECTS} redirects"


def test_a_redirect_to_another_scheme_is_refused(server: str) -> None:
    with pytest.raises(FetchError) as caught:
        fetch(f"{server}/to-ftp", limit=LIMIT)
    assert str(caught.value) == (
        "ftp://example.org/file: only http:// and https:// addresses can be fetched"
    )


def test_an_error_status_is_one_line(server: str) -> None:
    with pytest.raises(FetchError) as caught:
        fetch(f"{server}/missing", limit=LIMIT)
    assert str(caught.value) == f"{server}/missing: the server answered 404 Not Found"


def test_a_declared_size_over_the_limit_is_refused_unread(server: str) -> None:
    with pytest.raises(FetchError) as caught:
        fetch(f"{server}/big-declared", limit=LIMIT)
    assert str(caught.value) == (
        f"{server}/big-declared: too large: 50,001 bytes; the limit is 50,000"
    )


def test_a_stream_over_the_limit_is_abandoned(server: str) -> None:
    with pytest.raises(FetchError) as caught:
        fetch(f"{server}/big-streamed", limit=LIMIT)
    assert str(caught.value) == (
        f"{server}/big-streamed: too large: more than the limit of 50,000 bytes"
    )


def test_a_closed_port_is_one_line() -> None:
    with pytest.raises(FetchError, match=r"^http://127\.0\.0\.1:9/: "):
        fetch("http://127.0.0.1:9/", limit=LIMIT)


def test_a_timeout_says_so() -> None:
    def slow(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("timed out", request=request)

    with pytest.raises(FetchError) as caught:
        fetch("https://example.org/slow", limit=LIMIT, transport=httpx.MockTransport(slow))
    assert str(caught.value) == "https://example.org/slow: no answer in time (timed out)"


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("https://example.org/a", True),
        ("HTTP://example.org/a", True),
        ("file:///etc/passwd", False),
        ("page.html", False),
        ("http-notes.txt", False),
    ],
)
def test_is_url(source: str, expected: bool) -> None:
    assert is_url(source) is expected


def test_only_http_and_https_are_fetched() -> None:
    with pytest.raises(FetchError, match="only http:// and https:// addresses can be fetched"):
        fetch("ftp://example.org/a", limit=LIMIT)
