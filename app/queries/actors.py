"""Actors: lookup by name or alias, and one actor with its facts and relations."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from sqlalchemy import false, func
from sqlmodel import Session, col, select

from app.core.folding import fold
from app.ingest.kinds import ActorKind
from app.ingest.pipeline import NAME_SEPARATOR
from app.models.schemas import (
    ActorDetail,
    ActorPublic,
    ActorSection,
    MentionPublic,
    Relation,
)
from app.models.tables import (
    Actor,
    Article,
    Claim,
    ClaimActor,
    Figure,
    FigureActor,
    Mention,
    Section,
)
from app.queries import claims as claim_queries
from app.queries import figures as figure_queries
from app.queries.common import count, get_row, like_escape


@dataclass(frozen=True)
class ActorFilters:
    article: str | None = None
    kind: ActorKind | None = None
    q: str | None = None


def _public(actor: Actor, mentions: int) -> ActorPublic:
    return ActorPublic(
        id=actor.id,
        name=actor.name,
        kind=ActorKind(actor.kind),
        aliases=list(actor.aliases),
        affiliation=actor.affiliation_id,
        reviewed=actor.reviewed,
        mentions=mentions,
    )


def list_actors(
    session: Session, filters: ActorFilters, *, limit: int, offset: int
) -> tuple[list[ActorPublic], int]:
    counted = select(Mention.actor_id, func.count(col(Mention.id)).label("n")).group_by(
        col(Mention.actor_id)
    )
    if filters.article is not None:
        counted = counted.where(Mention.article_id == filters.article)
    mentions = counted.subquery()
    n = func.coalesce(mentions.c.n, 0)
    query = select(Actor, n).outerjoin(mentions, mentions.c.actor_id == col(Actor.id))
    if filters.article is not None:
        query = query.where(mentions.c.n.is_not(None))
    if filters.kind is not None:
        query = query.where(Actor.kind == filters.kind.value)
    if filters.q is not None:
        folded = fold(filters.q.strip())
        if NAME_SEPARATOR in folded:
            # No name holds the separator, so such a `q` could only match across two names.
            query = query.where(false())
        needle = f"%{like_escape(folded)}%"
        query = query.where(col(Actor.search_names).like(needle, escape="\\"))
    total = count(session, query)  # type: ignore[arg-type]
    rows = session.exec(query.order_by(n.desc(), col(Actor.id)).limit(limit).offset(offset)).all()
    return [_public(actor, int(m)) for actor, m in rows], total


def get_actor(session: Session, actor_id: str) -> ActorDetail:
    actor = get_row(session, Actor, "actor", actor_id)
    occurrences = session.exec(
        select(Mention, Section.position)
        .join(Section, col(Section.id) == col(Mention.section_id))
        .where(Mention.actor_id == actor_id)
        .order_by(col(Mention.article_id), col(Mention.start))
    ).all()
    per_section = Counter(m.section_id for m, _ in occurrences)
    sections = session.exec(
        select(Section)
        .where(col(Section.id).in_(per_section))
        .order_by(col(Section.article_id), col(Section.position))
    ).all()
    claims = session.exec(
        select(Claim)
        .join(ClaimActor, col(ClaimActor.claim_id) == col(Claim.id))
        .where(ClaimActor.actor_id == actor_id)
        .order_by(col(Claim.article_id), col(Claim.position))
    ).all()
    figures = session.exec(
        select(Figure)
        .join(FigureActor, col(FigureActor.figure_id) == col(Figure.id))
        .where(FigureActor.actor_id == actor_id)
        .order_by(col(Figure.article_id), col(Figure.position))
    ).all()
    return ActorDetail(
        **_public(actor, len(occurrences)).model_dump(),
        sections=[
            ActorSection(
                id=s.id,
                article=s.article_id,
                number=s.number,
                title=s.title,
                mentions=per_section[s.id],
            )
            for s in sections
        ],
        claims=claim_queries.with_links(session, list(claims)),
        figures=figure_queries.with_actors(session, list(figures)),
        relations=_relations(session, actor, [c.id for c in claims]),
        occurrences=[
            MentionPublic(
                article=m.article_id,
                section=m.section_id,
                quote=m.surface,
                start=m.start,
                end=m.end,
            )
            for m, _ in occurrences
        ],
    )


def _relations(session: Session, actor: Actor, claim_ids: list[str]) -> list[Relation]:
    co_mentions = Counter(
        session.exec(
            select(ClaimActor.actor_id).where(
                col(ClaimActor.claim_id).in_(claim_ids), ClaimActor.actor_id != actor.id
            )
        ).all()
    )
    affiliates = set(session.exec(select(Actor.id).where(Actor.affiliation_id == actor.id)).all())
    kinds: dict[str, str] = dict.fromkeys(affiliates, "has_affiliate")
    if actor.affiliation_id is not None:
        kinds[actor.affiliation_id] = "affiliated_with"
    for other in co_mentions:
        kinds.setdefault(other, "co_mentioned")
    names = dict(session.exec(select(Actor.id, Actor.name).where(col(Actor.id).in_(kinds))).all())
    order = {"affiliated_with": 0, "has_affiliate": 1, "co_mentioned": 2}
    relations = [
        Relation(actor=other, name=names[other], relation=kind, claims=co_mentions.get(other, 0))
        for other, kind in kinds.items()
    ]
    return sorted(relations, key=lambda r: (order[r.relation], -r.claims, r.actor))


def article_exists(session: Session, article_id: str) -> bool:
    return session.get(Article, article_id) is not None
