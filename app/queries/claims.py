"""Claims: listing with filters, and one by id."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, col, select

from app.ingest.drafts import ClaimKind
from app.models.schemas import ClaimPublic
from app.models.tables import Claim, ClaimActor
from app.queries.common import claim_actors, claim_figures, get_row, page


@dataclass(frozen=True)
class ClaimFilters:
    article: str | None = None
    section: str | None = None
    actor: str | None = None
    kind: ClaimKind | None = None


def with_links(session: Session, claims: list[Claim]) -> list[ClaimPublic]:
    ids = [c.id for c in claims]
    actors = claim_actors(session, ids)
    figures = claim_figures(session, ids)
    return [
        ClaimPublic(
            id=c.id,
            article=c.article_id,
            section=c.section_id,
            text=c.text,
            kind=ClaimKind(c.kind),
            actors=actors.get(c.id, []),
            figures=figures.get(c.id, []),
            start=c.start,
            end=c.end,
        )
        for c in claims
    ]


def list_claims(
    session: Session, filters: ClaimFilters, *, limit: int, offset: int
) -> tuple[list[ClaimPublic], int]:
    query = select(Claim)
    if filters.article is not None:
        query = query.where(Claim.article_id == filters.article)
    if filters.section is not None:
        query = query.where(Claim.section_id == filters.section)
    if filters.kind is not None:
        query = query.where(Claim.kind == filters.kind.value)
    if filters.actor is not None:
        linked = select(ClaimActor.claim_id).where(ClaimActor.actor_id == filters.actor)
        query = query.where(col(Claim.id).in_(linked))
    rows, total = page(
        session, query, col(Claim.article_id), col(Claim.position), limit=limit, offset=offset
    )
    return with_links(session, rows), total


def get_claim(session: Session, claim_id: str) -> ClaimPublic:
    claim = get_row(session, Claim, "claim", claim_id)
    return with_links(session, [claim])[0]
