from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from app.api.deps import ListPageDep
from app.api.errors import problem_responses
from app.api.export import EXPORT_CONTENT
from app.api.params import NO_NUL, IdPath, IdQuery, PublishedDep
from app.api.resources import facet_columns, listing, resource
from app.models.schemas import ClaimPage, ClaimPublic
from app.models.vocabulary import ClaimKind
from app.queries import claims as queries

router = APIRouter(prefix="/claims", tags=["claims"])


@router.get(
    "", response_model=ClaimPage, responses={**problem_responses(414, 422), **EXPORT_CONTENT}
)
async def list_claims(
    page: ListPageDep,
    request: Request,
    published: PublishedDep,
    article: IdQuery = None,
    section: IdQuery = None,
    actor: IdQuery = None,
    kind: ClaimKind | None = None,
    speaker: Annotated[
        str | None,
        Query(
            min_length=1,
            max_length=200,
            pattern=NO_NUL,
            description="The speaker's actor id, or the speaker exactly as written.",
        ),
    ] = None,
    facet: Annotated[
        list[queries.ClaimFacet] | None,
        Query(description="Count the matching rows by these fields: adds `facets` (JSON only)."),
    ] = None,
) -> Response:
    """What the articles assert, sentence by sentence, in reading order."""
    filters = queries.ClaimFilters(
        article=article,
        section=section,
        actor=actor,
        kind=kind,
        speaker=speaker,
        published=published,
    )
    return await listing(
        request,
        page,
        queries.list_claims,
        filters,
        facets=facet_columns(facet, queries.FACET_COLUMNS),
    )


@router.get("/{claim_id}", response_model=ClaimPublic, responses=problem_responses(404, 414, 422))
async def get_claim(claim_id: IdPath, request: Request) -> Response:
    """One claim with its actors and figures."""
    return await resource(request, queries.get_claim, claim_id)
