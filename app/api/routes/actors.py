from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from app.api.deps import ListPageDep
from app.api.errors import problem_responses
from app.api.export import EXPORT_CONTENT
from app.api.params import NO_NUL, IdPath, PublishedDep, UnitQuery
from app.api.resources import facet_columns, listing, resource
from app.models.schemas import ActorDetail, ActorPage, FigurePage
from app.models.vocabulary import ActorKind, FigureKind
from app.queries import actors as queries
from app.queries import related
from app.queries.rows import read
from app.search.query import NOT_BLANK

router = APIRouter(prefix="/actors", tags=["actors"])


@router.get(
    "", response_model=ActorPage, responses={**problem_responses(414, 422), **EXPORT_CONTENT}
)
async def list_actors(
    page: ListPageDep,
    request: Request,
    published: PublishedDep,
    article: Annotated[
        str | None,
        Query(min_length=1, max_length=200, pattern=NO_NUL, description="Only actors it mentions."),
    ] = None,
    kind: ActorKind | None = None,
    q: Annotated[
        str | None,
        Query(
            min_length=1,
            max_length=200,
            pattern=rf"^[^\x00]*{NOT_BLANK}[^\x00]*$",
            description="Part of a name or alias, case- and accent-insensitive: `moscow`.",
        ),
    ] = None,
    reviewed: Annotated[
        bool | None,
        Query(
            description="`true`: only curated actors; `false`: only those the rules or the "
            "recognizer proposed and nobody has checked yet."
        ),
    ] = None,
    facet: Annotated[
        list[queries.ActorFacet] | None,
        Query(description="Count the matching rows by these fields: adds `facets` (JSON only)."),
    ] = None,
) -> Response:
    """Countries, companies, people and initiatives, most mentioned first."""
    filters = queries.ActorFilters(
        article=article, kind=kind, q=q, reviewed=reviewed, published=published
    )
    return await listing(
        request,
        page,
        queries.list_actors,
        filters,
        facets=facet_columns(facet, queries.FACET_COLUMNS),
    )


@router.get("/{actor_id}", response_model=ActorDetail, responses=problem_responses(404, 414, 422))
async def get_actor(actor_id: IdPath, request: Request) -> Response:
    """One actor with its sections, claims, figures, relations and every mention."""
    return await resource(request, queries.get_actor, actor_id)


@router.get(
    "/{actor_id}/figures",
    response_model=FigurePage,
    responses={**problem_responses(404, 414, 422), **EXPORT_CONTENT},
)
async def list_actor_figures(
    actor_id: IdPath,
    page: ListPageDep,
    request: Request,
    kind: FigureKind | None = None,
    unit: UnitQuery = None,
    sort: Annotated[
        related.ActorFigureSort,
        Query(
            description="`document` (the default): by article, in reading order, as "
            "`GET /v1/figures?actor=`; `period`, for a timeline: by the start of the figure's "
            "period (figures without one last), its end, the article's publication date, id."
        ),
    ] = related.ActorFigureSort.DOCUMENT,
) -> Response:
    """The figures naming this actor in every article: with `sort=period`, its timeline."""
    if page.all:  # a 404 once streaming has begun cannot be answered
        await read(request.app.state.database, related.require, "actor", actor_id)
    return await listing(request, page, related.actor_figures, actor_id, kind, unit, sort)
