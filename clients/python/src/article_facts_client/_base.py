"""The two transports the generated operations run on: `SyncBase` on `httpx.Client`,
`AsyncBase` on `httpx.AsyncClient`. Each sends a `Call` with the token, the ETag cache and
the retry rule of `_http`, raises a problem as its `ApiError`, follows `Link` pages, and reads
an export (CSV text, NDJSON rows) as it streams in."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Iterator
from types import TracebackType
from typing import Self, TypeVar

import anyio
import httpx
from pydantic import BaseModel

from article_facts_client._http import (
    DEFAULT_BASE_URL,
    DEFAULT_CACHE_SIZE,
    DEFAULT_MAX_RETRY_WAIT,
    DEFAULT_RETRIES,
    DEFAULT_TIMEOUT,
    Call,
    ETagCache,
    conditional,
    prepare,
    retry_delay,
    settle,
)
from article_facts_client.errors import raise_for_problem

M = TypeVar("M", bound=BaseModel)


def _next_page(response: httpx.Response, call: Call) -> Call | None:
    url = response.links.get("next", {}).get("url")
    return Call("GET", url) if url else None


class SyncBase:
    """A client of one service; use it as a context manager, or `close()` it."""

    def __init__(
        self,
        base_url: str = DEFAULT_BASE_URL,
        *,
        token: str | None = None,
        timeout: httpx.Timeout | float = DEFAULT_TIMEOUT,
        retries: int = DEFAULT_RETRIES,
        max_retry_wait: float = DEFAULT_MAX_RETRY_WAIT,
        cache_size: int = DEFAULT_CACHE_SIZE,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.token = token
        self.retries = retries
        self.max_retry_wait = max_retry_wait
        self.cache = ETagCache(cache_size)
        self.http = httpx.Client(base_url=base_url, timeout=timeout, transport=transport)

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self.http.close()

    def send(self, call: Call) -> httpx.Response:
        """The answer to `call`, after retries; raises an `ApiError` for an error answer."""
        attempt = 0
        while True:
            request = prepare(self.http, call, self.token)
            kept = conditional(request, self.cache)
            response = self.http.send(request)
            response = settle(request, response, kept, self.cache)
            wait = retry_delay(response, attempt, self.max_retry_wait)
            if wait is None or attempt >= self.retries:
                break
            attempt += 1
            time.sleep(wait)
        raise_for_problem(response)
        return response

    def _model(self, call: Call, model: type[M]) -> M:
        return model.model_validate_json(self.send(call).content)

    def _text(self, call: Call) -> str:
        return self.send(call).text

    def _nothing(self, call: Call) -> None:
        self.send(call)

    def _pages(self, call: Call, model: type[M]) -> Iterator[M]:
        following: Call | None = call
        while following is not None:
            response = self.send(following)
            yield model.model_validate_json(response.content)
            following = _next_page(response, following)

    def _open(self, call: Call) -> httpx.Response:
        """The answer to `call` with its body not yet read, after retries; raises an `ApiError`
        for an error answer. The ETag cache is left out: an export is read once, as it comes."""
        attempt = 0
        while True:
            response = self.http.send(prepare(self.http, call, self.token), stream=True)
            wait = retry_delay(response, attempt, self.max_retry_wait)
            if wait is None or attempt >= self.retries:
                break
            response.close()
            attempt += 1
            time.sleep(wait)
        if response.is_error:
            response.read()
            response.close()
            raise_for_problem(response)
        return response

    def _export_text(self, call: Call) -> str:
        response = self._open(call)
        try:
            return "".join(response.iter_text())
        finally:
            response.close()

    def _export_rows(self, call: Call, model: type[M]) -> Iterator[M]:
        response = self._open(call)
        try:
            for line in response.iter_lines():
                if line:
                    yield model.model_validate_json(line)
        finally:
            response.close()


class AsyncBase:
    """The same client for asyncio (or trio); use it as an async context manager, or
    `await aclose()` it."""

    def __init__(
        self,
        base_url: str = DEFAULT_BASE_URL,
        *,
        token: str | None = None,
        timeout: httpx.Timeout | float = DEFAULT_TIMEOUT,
        retries: int = DEFAULT_RETRIES,
        max_retry_wait: float = DEFAULT_MAX_RETRY_WAIT,
        cache_size: int = DEFAULT_CACHE_SIZE,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.token = token
        self.retries = retries
        self.max_retry_wait = max_retry_wait
        self.cache = ETagCache(cache_size)
        self.http = httpx.AsyncClient(base_url=base_url, timeout=timeout, transport=transport)

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        await self.http.aclose()

    async def send(self, call: Call) -> httpx.Response:
        """The answer to `call`, after retries; raises an `ApiError` for an error answer."""
        attempt = 0
        while True:
            request = prepare(self.http, call, self.token)
            kept = conditional(request, self.cache)
            response = await self.http.send(request)
            response = settle(request, response, kept, self.cache)
            wait = retry_delay(response, attempt, self.max_retry_wait)
            if wait is None or attempt >= self.retries:
                break
            attempt += 1
            await anyio.sleep(wait)
        raise_for_problem(response)
        return response

    async def _model(self, call: Call, model: type[M]) -> M:
        return model.model_validate_json((await self.send(call)).content)

    async def _text(self, call: Call) -> str:
        return (await self.send(call)).text

    async def _nothing(self, call: Call) -> None:
        await self.send(call)

    async def _pages(self, call: Call, model: type[M]) -> AsyncIterator[M]:
        following: Call | None = call
        while following is not None:
            response = await self.send(following)
            yield model.model_validate_json(response.content)
            following = _next_page(response, following)

    async def _open(self, call: Call) -> httpx.Response:
        """The answer to `call` with its body not yet read, after retries; raises an `ApiError`
        for an error answer. The ETag cache is left out: an export is read once, as it comes."""
        attempt = 0
        while True:
            request = prepare(self.http, call, self.token)
            response = await self.http.send(request, stream=True)
            wait = retry_delay(response, attempt, self.max_retry_wait)
            if wait is None or attempt >= self.retries:
                break
            await response.aclose()
            attempt += 1
            await anyio.sleep(wait)
        if response.is_error:
            await response.aread()
            await response.aclose()
            raise_for_problem(response)
        return response

    async def _export_text(self, call: Call) -> str:
        response = await self._open(call)
        try:
            return "".join([chunk async for chunk in response.aiter_text()])
        finally:
            await response.aclose()

    async def _export_rows(self, call: Call, model: type[M]) -> AsyncIterator[M]:
        response = await self._open(call)
        try:
            async for line in response.aiter_lines():
                if line:
                    yield model.model_validate_json(line)
        finally:
            await response.aclose()
