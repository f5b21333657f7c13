from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request, Response
from fastapi.responses import PlainTextResponse

from app.api.deps import ListPageDep
from app.api.errors import problem_responses
from app.api.export import EXPORT_CONTENT
from app.api.params import NO_NUL, IsoDate
from app.api.resources import facet_columns, listing, resource
from app.core.db import Database
from app.models.schemas import ArticlePage, ArticlePublic
from app.queries import articles as queries
from app.queries.rows import read

router = APIRouter(prefix="/articles", tags=["articles"])
ArticleId = Annotated[str, Path(max_length=200, description="The article's slug.")]


@router.get(
    "", response_model=ArticlePage, responses={**problem_responses(414, 422), **EXPORT_CONTENT}
)
async def list_articles(
    page: ListPageDep,
    request: Request,
    publisher: Annotated[
        str | None,
        Query(min_length=1, max_length=200, pattern=NO_NUL, description="Exactly this publisher."),
    ] = None,
    published_from: Annotated[
        IsoDate | None, Query(description="Published on this date (YYYY-MM-DD) or later.")
    ] = None,
    published_to: Annotated[
        IsoDate | None, Query(description="Published on this date (YYYY-MM-DD) or earlier.")
    ] = None,
    language: Annotated[
        str | None,
        Query(
            pattern=r"^([a-z]{2}|und)$",
            description="Written in this language: an ISO 639-1 code (`en`, `es`), or `und` "
            "for articles whose language could not be determined.",
        ),
    ] = None,
    facet: Annotated[
        list[queries.ArticleFacet] | None,
        Query(description="Count the matching rows by these fields: adds `facets` (JSON only)."),
    ] = None,
) -> Response:
    """The articles, with their metadata and counts of sections, actors, figures and claims."""
    filters = queries.ArticleFilters(
        publisher=publisher,
        published_from=published_from.isoformat() if published_from else None,
        published_to=published_to.isoformat() if published_to else None,
        language=language,
    )
    return await listing(
        request,
        page,
        queries.list_articles,
        filters,
        facets=facet_columns(facet, queries.FACET_COLUMNS),
    )


@router.get(
    "/{article_id}", response_model=ArticlePublic, responses=problem_responses(404, 414, 422)
)
async def get_article(article_id: ArticleId, request: Request) -> Response:
    """One article: title, source, language, keywords, counts and the sha256 of its text."""
    return await resource(request, queries.get_article, article_id)


@router.get(
    "/{article_id}/text",
    response_class=PlainTextResponse,
    responses={
        200: {"content": {"text/plain": {"schema": {"type": "string"}}}},
        **problem_responses(404, 414, 422),
    },
)
async def get_article_text(article_id: ArticleId, request: Request) -> PlainTextResponse:
    """The source text that every offset points into, as UTF-8 plain text."""
    database: Database = request.app.state.database
    return PlainTextResponse(await read(database, queries.get_text, article_id))
