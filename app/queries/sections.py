"""Sections: listing with filters, and one with everything it holds."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func
from sqlmodel import Session, col, select

from app.ingest.kinds import ActorKind
from app.models.schemas import ActorCount, SectionDetail, SectionPublic
from app.models.tables import Actor, Claim, Figure, Mention, Section
from app.queries import claims as claim_queries
from app.queries import figures as figure_queries
from app.queries.common import get_row, page


@dataclass(frozen=True)
class SectionFilters:
    article: str | None = None
    number: str | None = None
    level: int | None = None
    parent: str | None = None


def to_public(s: Section) -> SectionPublic:
    return SectionPublic(
        id=s.id,
        article=s.article_id,
        number=s.number,
        title=s.title,
        level=s.level,
        parent=s.parent_id,
        position=s.position,
        start=s.start,
        end=s.end,
    )


def list_sections(
    session: Session, filters: SectionFilters, *, limit: int, offset: int
) -> tuple[list[SectionPublic], int]:
    query = select(Section)
    if filters.article is not None:
        query = query.where(Section.article_id == filters.article)
    if filters.number is not None:
        query = query.where(Section.number == filters.number)
    if filters.level is not None:
        query = query.where(Section.level == filters.level)
    if filters.parent is not None:
        query = query.where(Section.parent_id == filters.parent)
    rows, total = page(
        session, query, col(Section.article_id), col(Section.position), limit=limit, offset=offset
    )
    return [to_public(s) for s in rows], total


def get_section(session: Session, section_id: str) -> SectionDetail:
    section = get_row(session, Section, "section", section_id)
    children = session.exec(
        select(Section).where(Section.parent_id == section_id).order_by(col(Section.position))
    ).all()
    mentions = func.count(col(Mention.id)).label("mentions")
    actor_rows = session.exec(
        select(Actor.id, Actor.name, Actor.kind, mentions)
        .join(Mention, col(Mention.actor_id) == col(Actor.id))
        .where(Mention.section_id == section_id)
        .group_by(col(Actor.id), col(Actor.name), col(Actor.kind))
        .order_by(mentions.desc(), col(Actor.id))
    ).all()
    figures = session.exec(
        select(Figure).where(Figure.section_id == section_id).order_by(col(Figure.position))
    ).all()
    claims = session.exec(
        select(Claim).where(Claim.section_id == section_id).order_by(col(Claim.position))
    ).all()
    return SectionDetail(
        **to_public(section).model_dump(),
        body=section.body,
        children=[to_public(c) for c in children],
        actors=[
            ActorCount(id=a, name=n, kind=ActorKind(k), mentions=m) for a, n, k, m in actor_rows
        ],
        figures=figure_queries.with_actors(session, list(figures)),
        claims=claim_queries.with_links(session, list(claims)),
    )
