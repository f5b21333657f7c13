"""`limit`/`offset` parameters, and the headers every list answers with."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Query, Request, Response

DEFAULT_LIMIT = 20
MAX_LIMIT = 100
# Far past any real list; keeps offsets well inside SQLite's 64-bit integers.
MAX_OFFSET = 1_000_000


@dataclass(frozen=True)
class Pagination:
    limit: int
    offset: int

    def headers(self, request: Request, response: Response, total: int) -> None:
        response.headers["X-Total-Count"] = str(total)
        links = []
        if self.offset + self.limit < total:
            links.append(self._link(request, self.offset + self.limit, "next"))
        if self.offset > 0:
            links.append(self._link(request, max(0, self.offset - self.limit), "prev"))
        if links:
            response.headers["Link"] = ", ".join(links)

    def _link(self, request: Request, offset: int, rel: str) -> str:
        url = request.url.include_query_params(limit=self.limit, offset=offset)
        return f'<{url}>; rel="{rel}"'


def pagination(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page.")] = DEFAULT_LIMIT,
    offset: Annotated[
        int, Query(ge=0, le=MAX_OFFSET, description="Items to skip before the page.")
    ] = 0,
) -> Pagination:
    return Pagination(limit=limit, offset=offset)
