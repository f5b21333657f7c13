from __future__ import annotations

from fastapi import APIRouter, Request, Response

from app.api.deps import PageDep, SessionDep
from app.api.errors import problem_responses
from app.api.params import IdPath, IdQuery
from app.api.resources import resource
from app.ingest.drafts import ClaimKind
from app.models.schemas import ClaimPage, ClaimPublic
from app.queries import claims as queries

router = APIRouter(prefix="/claims", tags=["claims"])


@router.get("", responses=problem_responses(422))
def list_claims(
    session: SessionDep,
    page: PageDep,
    request: Request,
    response: Response,
    article: IdQuery = None,
    section: IdQuery = None,
    actor: IdQuery = None,
    kind: ClaimKind | None = None,
) -> ClaimPage:
    """What the articles assert, sentence by sentence, in reading order."""
    filters = queries.ClaimFilters(article=article, section=section, actor=actor, kind=kind)
    items, total = queries.list_claims(session, filters, limit=page.limit, offset=page.offset)
    page.headers(request, response, total)
    return ClaimPage(items=items, total=total, limit=page.limit, offset=page.offset)


@router.get("/{claim_id}", response_model=ClaimPublic, responses=problem_responses(404, 422))
async def get_claim(claim_id: IdPath, request: Request) -> Response:
    """One claim with its actors and figures."""
    return await resource(request, queries.get_claim, claim_id)
