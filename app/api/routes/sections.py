from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from app.api.deps import ListPageDep
from app.api.errors import problem_responses
from app.api.export import EXPORT_CONTENT
from app.api.params import IdPath, IdQuery, PublishedDep
from app.api.resources import facet_columns, listing, resource
from app.models.schemas import SectionDetail, SectionPage
from app.queries import sections as queries

router = APIRouter(prefix="/sections", tags=["sections"])


@router.get(
    "", response_model=SectionPage, responses={**problem_responses(414, 422), **EXPORT_CONTENT}
)
async def list_sections(
    page: ListPageDep,
    request: Request,
    published: PublishedDep,
    article: IdQuery = None,
    number: Annotated[
        str | None,
        Query(max_length=20, pattern=r"^\d+(\.\d+)*$", description='Section number, e.g. "2.1".'),
    ] = None,
    level: Annotated[int | None, Query(ge=1, le=6, description="Heading level.")] = None,
    parent: IdQuery = None,
    facet: Annotated[
        list[queries.SectionFacet] | None,
        Query(description="Count the matching rows by these fields: adds `facets` (JSON only)."),
    ] = None,
) -> Response:
    """The sections of the articles in reading order, filtered."""
    filters = queries.SectionFilters(
        article=article, number=number, level=level, parent=parent, published=published
    )
    return await listing(
        request,
        page,
        queries.list_sections,
        filters,
        facets=facet_columns(facet, queries.FACET_COLUMNS),
    )


@router.get(
    "/{section_id}", response_model=SectionDetail, responses=problem_responses(404, 414, 422)
)
async def get_section(section_id: IdPath, request: Request) -> Response:
    """One section with its body, subsections, actors, figures and claims."""
    return await resource(request, queries.get_section, section_id)
