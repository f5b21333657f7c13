from __future__ import annotations

import inspect
from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response
from sqlmodel import Session

from app.api.deps import get_database
from app.api.errors import problem_responses
from app.api.pagination import Pagination, pagination
from app.api.params import IdQuery
from app.search import backend
from app.search.query import MAX_QUERY_LENGTH, NOT_BLANK
from app.search.schemas import SearchPage, SearchType

router = APIRouter(prefix="/search", tags=["search"])


async def read_session(request: Request) -> AsyncIterator[Session]:
    """The request's read-only session (as `SessionDep`), opened on the event loop.

    A search is a few SQLite statements of well under a millisecond each, bounded by the read
    engine's time limit; running them in place is several times faster under load than the
    thread hops of a sync dependency and endpoint (measured in bench/: docs/search.md). The
    "function" scope closes the session before the response is sent, so no pooled connection
    is held across an await.
    """
    with get_database(request).session() as session:
        yield session


ReadSessionDep = Annotated[Session, Depends(read_session, scope="function")]


async def _pagination(**params: int) -> Pagination:
    return pagination(**params)


# The same `limit`/`offset` parameters, bounds and documentation as every list (PageDep), read
# from `pagination` itself; only the call is async, so it too runs without a thread hop.
_pagination.__signature__ = inspect.signature(pagination, eval_str=True)  # type: ignore[attr-defined]
AsyncPageDep = Annotated[Pagination, Depends(_pagination)]

SearchText = Annotated[
    str,
    Query(
        min_length=1,
        max_length=MAX_QUERY_LENGTH,
        pattern=NOT_BLANK,
        description='Words and "quoted phrases"; case, accents and typographic punctuation do '
        "not matter, words match their plural and the last word matches as a prefix. No "
        "operators: AND, OR, NOT, `*` or `:` are plain text. Must hold something other than "
        f"white space; at most {MAX_QUERY_LENGTH} characters.",
        examples=["Huawei ZTE"],
    ),
]


@router.get("", responses=problem_responses(422))
async def search(
    session: ReadSessionDep,
    page: AsyncPageDep,
    request: Request,
    response: Response,
    q: SearchText,
    type_: Annotated[
        list[SearchType] | None,
        Query(alias="type", description="Only these types; repeat for several."),
    ] = None,
    article: IdQuery = None,
    section: IdQuery = None,
) -> SearchPage:
    """Sections, claims, figures and actors matching `q`, best first, with facets."""
    filters = backend.SearchFilters(
        types=tuple(dict.fromkeys(type_ or ())), article=article, section=section
    )
    result = backend.search(session, q, filters, limit=page.limit, offset=page.offset)
    page.headers(request, response, result.total)
    return result
