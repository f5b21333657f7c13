"""`limit`/`offset` parameters, and the headers every list answers with."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated
from urllib.parse import parse_qsl, urlencode

from fastapi import Query, Request, Response
from starlette.datastructures import URL

from app.api.export import negotiate
from app.models.vocabulary import ExportFormat, ListFormat

DEFAULT_LIMIT = 20
MAX_LIMIT = 100
# Far past any real list; keeps offsets well inside SQLite's 64-bit integers.
MAX_OFFSET = 1_000_000
# The parameters a page link sets; the others are kept as the request gave them.
PAGING = ("limit", "offset")


@dataclass(frozen=True)
class Pagination:
    limit: int
    offset: int
    # What a list answers in, and whether it streams every row (CSV and NDJSON only).
    format: ListFormat = ListFormat.JSON
    all: bool = False

    def headers(self, request: Request, response: Response, total: int) -> None:
        response.headers["X-Total-Count"] = str(total)
        pages = []
        if self.offset + self.limit < total:
            pages.append((self.offset + self.limit, "next"))
        if self.offset > 0:
            # Past the end, the page before is the last one with items.
            pages.append((max(0, min(self.offset, total) - self.limit), "prev"))
        if pages:
            response.headers["Link"] = ", ".join(self._links(request.url, pages))

    def _links(self, url: URL, pages: list[tuple[int, str]]) -> Iterator[str]:
        """`<url.include_query_params(limit=..., offset=...)>; rel=...` for each page, with the
        query read once: Starlette's version costs a search answer a tenth of its time."""
        kept = urlencode(
            [(k, v) for k, v in parse_qsl(url.query, keep_blank_values=True) if k not in PAGING]
        )
        for offset, rel in pages:
            # What urlencode writes for the two numbers, after the parameters kept.
            query = f"{kept}{'&' if kept else ''}limit={self.limit}&offset={offset}"
            yield f'<{url.components._replace(query=query).geturl()}>; rel="{rel}"'


# Async, so FastAPI calls it in place rather than on a worker thread.
async def pagination(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page.")] = DEFAULT_LIMIT,
    offset: Annotated[
        int, Query(ge=0, le=MAX_OFFSET, description="Items to skip before the page.")
    ] = 0,
) -> Pagination:
    return Pagination(limit=limit, offset=offset)


async def list_page(
    request: Request,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page.")] = DEFAULT_LIMIT,
    offset: Annotated[
        int, Query(ge=0, le=MAX_OFFSET, description="Items to skip before the page.")
    ] = 0,
    format: Annotated[
        ExportFormat | None,
        Query(
            description="`csv` or `ndjson`: the same rows as a spreadsheet or JSON lines. "
            "Else the `Accept` header decides (`text/csv`, `application/x-ndjson`); "
            "JSON by default."
        ),
    ] = None,
    all_: Annotated[
        bool,
        Query(
            alias="all",
            description="Every matching row, streamed, ignoring `limit` and `offset`: CSV when "
            "asked for, else NDJSON (JSON is always paged).",
        ),
    ] = False,
) -> Pagination:
    chosen = ListFormat(format) if format else negotiate(request.headers.get("accept"))
    if all_ and chosen is ListFormat.JSON:
        # JSON is paged; every row of a list comes as JSON lines.
        chosen = ListFormat.NDJSON
    return Pagination(limit=limit, offset=offset, format=chosen, all=all_)
