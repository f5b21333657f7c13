"""`article-facts ingest https://...`: one web page fetched, within bounds.

Only http and https; at most MAX_REDIRECTS redirects, each checked for its scheme again; a
connect timeout and a read timeout (between bytes), and a total time limit; the body read as a
stream and abandoned one byte past the article size limit, whatever `Content-Length` claims.
Every failure is a FetchError whose message is one line a person can act on.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

if TYPE_CHECKING:  # imported where a page is fetched: 5 MB a process that ingests files only
    import httpx

MAX_REDIRECTS = 5
CONNECT_TIMEOUT = 10.0
READ_TIMEOUT = 20.0
TOTAL_TIMEOUT = 60.0
USER_AGENT = "article-facts/0.1"


class FetchError(ValueError):
    """The page could not be fetched; the message says why, in one line."""


@dataclass(frozen=True)
class Page:
    url: str  # where the page was found, after redirects
    media_type: str  # "text/html", "text/plain", ... ("" when the server does not say)
    data: bytes


def is_url(source: str) -> bool:
    """Whether the ingest argument is a web address rather than a path."""
    return urlsplit(source).scheme.lower() in ("http", "https") and "://" in source


def fetch(url: str, *, limit: int, transport: httpx.BaseTransport | None = None) -> Page:
    """The page at `url`, its body at most `limit` bytes, or a FetchError."""
    import httpx

    _check_scheme(url)
    timeout = httpx.Timeout(READ_TIMEOUT, connect=CONNECT_TIMEOUT)
    began = time.monotonic()
    try:
        with httpx.Client(
            timeout=timeout,
            follow_redirects=False,
            headers={"User-Agent": USER_AGENT, "Accept": "text/html, text/plain;q=0.9"},
            transport=transport,
        ) as client:
            for _ in range(MAX_REDIRECTS + 1):
                with client.stream("GET", url) as response:
                    if response.is_redirect:
                        url = str(response.url.join(response.headers.get("location", "")))
                        _check_scheme(url)
                        continue
                    if response.status_code != 200:
                        raise FetchError(
                            f"{url}: the server answered {response.status_code} "
                            f"{response.reason_phrase}".rstrip()
                        )
                    data = _read(response, url, limit, began)
                    media_type = response.headers.get("content-type", "").split(";")[0]
                    return Page(str(response.url), media_type.strip().lower(), data)
            raise FetchError(f"{url}: more than {MAX_REDIRECTS} redirects")
    except httpx.TimeoutException:
        raise FetchError(f"{url}: no answer in time (timed out)") from None
    except httpx.HTTPError as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise FetchError(f"{url}: {reason}") from None


def _check_scheme(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise FetchError(f"{url[:200]}: only http:// and https:// addresses can be fetched")


def _read(response: httpx.Response, url: str, limit: int, began: float) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise FetchError(f"{url}: too large: {int(declared):,} bytes; the limit is {limit:,}")
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > limit:
            raise FetchError(f"{url}: too large: more than the limit of {limit:,} bytes")
        if time.monotonic() - began > TOTAL_TIMEOUT:
            raise FetchError(f"{url}: took longer than {TOTAL_TIMEOUT:.0f} s")
        chunks.append(chunk)
    return b"".join(chunks)
