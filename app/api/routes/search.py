from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from app.api.deps import PageDep
from app.api.errors import problem_responses
from app.api.pagination import Pagination
from app.api.params import IdQuery, PublishedDep
from app.core.db import Database
from app.search import render
from app.search.dispatch import run_search
from app.search.filters import SearchFilters
from app.search.query import MAX_QUERY_LENGTH, NOT_BLANK
from app.search.results import Result
from app.search.schemas import SearchPage, SearchType

router = APIRouter(prefix="/search", tags=["search"])


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


def answer(request: Request, page: Pagination, result: Result) -> Response:
    """The result as JSON bytes, with the paging headers every list answers with."""
    response = Response(render.to_json(result), media_type="application/json")
    if result.total > page.limit or page.offset:
        page.headers(request, response, result.total)
    else:
        # What `page.headers` writes when there is no other page: the count alone.
        response.raw_headers.append((b"x-total-count", str(result.total).encode()))
    return response


@router.get("", response_model=SearchPage, responses=problem_responses(414, 422))
async def search(
    page: PageDep,
    request: Request,
    published: PublishedDep,
    q: SearchText,
    type_: Annotated[
        list[SearchType] | None,
        Query(alias="type", description="Only these types; repeat for several."),
    ] = None,
    article: IdQuery = None,
    section: IdQuery = None,
) -> Response:
    """Sections, claims, figures and actors matching `q`, best first, with facets."""
    # A search is a few SQLite statements of well under a millisecond each, bounded by the
    # reader's time limit: run in place on the event loop, on the raw read-only connection,
    # they cost a fraction of a session and a thread hop (docs/performance.md).
    database: Database = request.app.state.database
    filters = SearchFilters(
        types=tuple(dict.fromkeys(type_ or ())),
        article=article,
        section=section,
        published=published,
    )
    result = await run_search(database, q, filters, limit=page.limit, offset=page.offset)
    return answer(request, page, result)
