from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from app.api.deps import ListPageDep
from app.api.errors import problem_responses
from app.api.export import EXPORT_CONTENT
from app.api.params import IdPath, IdQuery, PublishedDep, UnitQuery
from app.api.resources import facet_columns, listing, resource
from app.models.schemas import FigurePage, FigurePublic, RelatedFigurePage
from app.models.vocabulary import Change, FigureKind
from app.queries import figures as queries
from app.queries import related
from app.queries.rows import read

router = APIRouter(prefix="/figures", tags=["figures"])

# Finite bounds: SQLite has no infinity, and a value past 1e300 means nothing here.
BOUND = 1e300


@router.get(
    "", response_model=FigurePage, responses={**problem_responses(414, 422), **EXPORT_CONTENT}
)
async def list_figures(
    page: ListPageDep,
    request: Request,
    published: PublishedDep,
    article: IdQuery = None,
    section: IdQuery = None,
    actor: IdQuery = None,
    kind: FigureKind | None = None,
    unit: UnitQuery = None,
    change: Annotated[
        Change | None, Query(description="Direction of the change: `rise` or `fall`.")
    ] = None,
    min: Annotated[
        float | None, Query(ge=-BOUND, le=BOUND, description="Smallest `value`.")
    ] = None,
    max: Annotated[float | None, Query(ge=-BOUND, le=BOUND, description="Largest `value`.")] = None,
    from_: Annotated[
        int | None,
        Query(
            alias="from",
            ge=-9999,
            le=9999,
            description="Year: figures whose period reaches it or later.",
        ),
    ] = None,
    to: Annotated[
        int | None,
        Query(ge=-9999, le=9999, description="Year: figures whose period starts by it."),
    ] = None,
    sort: queries.FigureSort = queries.FigureSort.POSITION,
    facet: Annotated[
        list[queries.FigureFacet] | None,
        Query(description="Count the matching rows by these fields: adds `facets` (JSON only)."),
    ] = None,
) -> Response:
    """Every quantity in the articles, normalised, filtered and sorted."""
    filters = queries.FigureFilters(
        article=article,
        section=section,
        actor=actor,
        kind=kind,
        unit=unit,
        change=change,
        min=min,
        max=max,
        from_year=from_,
        to_year=to,
        published=published,
    )
    return await listing(
        request,
        page,
        queries.list_figures,
        filters,
        sort,
        facets=facet_columns(facet, queries.FACET_COLUMNS),
    )


@router.get("/{figure_id}", response_model=FigurePublic, responses=problem_responses(404, 414, 422))
async def get_figure(figure_id: IdPath, request: Request) -> Response:
    """One figure with its value, unit, comparator, period and actors."""
    return await resource(request, queries.get_figure, figure_id)


@router.get(
    "/{figure_id}/related",
    response_model=RelatedFigurePage,
    responses={**problem_responses(404, 414, 422), **EXPORT_CONTENT},
)
async def list_related_figures(figure_id: IdPath, page: ListPageDep, request: Request) -> Response:
    """The figures of other articles about the same thing, to compare sources: same kind, unit
    and actors, overlapping periods, alike measures; each says whether it `agrees` with this
    figure's value and how alike the measures are (`similarity`). Most alike first, then the
    newest article (undated last), then id; at most 50, grouped when the articles are loaded."""
    if page.all:  # a 404 once streaming has begun cannot be answered
        await read(request.app.state.database, related.require, "figure", figure_id)
    return await listing(request, page, related.related_figures, figure_id)
