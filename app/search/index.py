"""The search index's rows, read from the facts tables: one per section, claim, figure and
actor, as the embedded index holds them (app/search/engine/writer.py writes them on SQLite,
each replica on PostgreSQL: engine/replica.py), and as `search_stems` counts their words
(stem_counts.py)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from typing import NamedTuple

from sqlalchemy import Connection
from sqlalchemy import select as sa_select
from sqlalchemy.orm import Mapped
from sqlmodel import Session, col, select

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
from app.search import stems
from app.search.highlight import CLOSE, OPEN, strip_markers
from app.search.schemas import SearchType

# A claim's `title` in results: its sentence, cut at a word near this many characters.
LABEL_LENGTH = 120


class IndexRow(NamedTuple):
    """One row of the index: a document of the embedded index (engine/writer.py)."""

    title: str
    body: str
    aliases: str
    type: str
    id: str
    article: str | None
    section: str | None
    label: str
    actors: str


def _without_markers(text: str) -> str:
    # translate() copies the whole text even when, as almost always, there is nothing to do.
    return strip_markers(text) if OPEN in text or CLOSE in text else text


def _row(
    kind: SearchType,
    id_: str,
    *,
    label: str,
    actors: Sequence[str],
    title: str = "",
    body: str = "",
    aliases: str = "",
    article: str | None = None,
    section: str | None = None,
) -> IndexRow:
    return IndexRow(
        # The stored text is what snippets are cut from: no highlight markers may hide in it.
        title=_without_markers(title),
        body=_without_markers(body),
        aliases=_without_markers(aliases),
        type=kind.value,
        id=id_,
        article=article,
        section=section,
        label=label,
        # Space-separated actor ids (slugs have no spaces): the `actor` facet counts them.
        actors=" ".join(dict.fromkeys(actors)),
    )


def truncate(text: str, length: int = LABEL_LENGTH) -> str:
    if len(text) <= length:
        return text
    cut = text[:length].rsplit(" ", 1)[0] if " " in text[:length] else text[:length]
    return cut.rstrip(" ,;:") + "…"


def _grouped(pairs: Iterable[tuple[str, str]]) -> dict[str, list[str]]:
    """(fact id, actor id) pairs -> each fact's actors, in id order."""
    grouped: dict[str, list[str]] = defaultdict(list)
    for key, actor in pairs:
        grouped[key].append(actor)
    # Sorting each fact's few actors, rather than all pairs at once, saved seconds at 10,000
    # articles (a million pairs).
    for actors in grouped.values():
        actors.sort()
    return grouped


def _fact_actors(
    conn: Connection,
    fact_id: Mapped[str],
    actor_id: Mapped[str],
    facts: type[Claim] | type[Figure],
    article_ids: Sequence[str],
) -> dict[str, list[str]]:
    """The actors of each claim or figure of these articles (not of every article stored:
    adding one article to a large database reads only its own links)."""
    pairs = conn.execute(
        select(fact_id, actor_id)
        .join(facts, col(facts.id) == fact_id)
        .where(col(facts.article_id).in_(article_ids))
    )
    return _grouped((fact, actor) for fact, actor in pairs)


# The rows are read as plain columns, not as table objects: building tens of thousands of
# SQLModel objects cost most of a large load's indexing time (docs/performance.md).


def actor_rows(session: Session) -> Iterator[IndexRow]:
    actors = session.connection().execute(
        select(Actor.id, Actor.name, Actor.kind, Actor.aliases).order_by(col(Actor.id))
    )
    for actor_id, name, kind, aliases in actors.all():
        yield _row(
            SearchType.ACTOR,
            actor_id,
            label=name,
            actors=[actor_id],
            title=name,
            # The kind is searchable too: "company" lists the companies.
            body=kind,
            aliases=", ".join(aliases),
        )


def article_rows(session: Session, article_ids: Sequence[str]) -> Iterator[IndexRow]:
    # Core, not the ORM: the ORM's handling of each row cost seconds at 10,000 articles.
    conn = session.connection()
    sections = conn.execute(
        select(Section.id, Section.article_id, Section.title, Section.body)
        .where(col(Section.article_id).in_(article_ids))
        .order_by(col(Section.article_id), col(Section.position))
    ).all()
    mentioned: dict[str, list[str]] = defaultdict(list)
    for section_id, actor_id in conn.execute(
        select(Mention.section_id, Mention.actor_id)
        .where(col(Mention.article_id).in_(article_ids))
        .order_by(col(Mention.section_id), col(Mention.start))
    ).all():
        mentioned[section_id].append(actor_id)
    for section_id, article_id, title, body in sections:
        yield _row(
            SearchType.SECTION,
            section_id,
            label=title,
            actors=mentioned[section_id],
            title=title,
            body=body,
            article=article_id,
            section=section_id,
        )
    claim_actors = _fact_actors(
        conn, col(ClaimActor.claim_id), col(ClaimActor.actor_id), Claim, article_ids
    )
    for claim_id, article_id, section_id, claim_text in conn.execute(
        select(Claim.id, Claim.article_id, Claim.section_id, Claim.text)
        .where(col(Claim.article_id).in_(article_ids))
        .order_by(col(Claim.article_id), col(Claim.position))
    ).all():
        yield _row(
            SearchType.CLAIM,
            claim_id,
            label=truncate(claim_text),
            actors=claim_actors[claim_id],
            body=claim_text,
            article=article_id,
            section=section_id,
        )
    figure_actors = _fact_actors(
        conn, col(FigureActor.figure_id), col(FigureActor.actor_id), Figure, article_ids
    )
    # Five columns: past what sqlmodel's select() is typed for, so SQLAlchemy's own.
    for figure_id, article_id, section_id, quote, measure in conn.execute(
        sa_select(
            col(Figure.id),
            col(Figure.article_id),
            col(Figure.section_id),
            col(Figure.quote),
            col(Figure.measure),
        )
        .where(col(Figure.article_id).in_(article_ids))
        .order_by(col(Figure.article_id), col(Figure.position))
    ).all():
        yield _row(
            SearchType.FIGURE,
            figure_id,
            label=quote,
            actors=figure_actors[figure_id],
            # The measure says what the number counts: "$60 billion" is found by "credit".
            body=f"{quote} — {measure}" if measure else quote,
            article=article_id,
            section=section_id,
        )


def article_languages(conn: Connection, article_ids: Sequence[str]) -> dict[str, str]:
    """The language of each article whose words are stemmed (stems.STEMMED), by id."""
    found = conn.execute(
        select(Article.id, Article.language)
        .where(col(Article.id).in_(article_ids))
        .where(col(Article.language).in_(list(stems.STEMMED)))
    )
    return {str(r[0]): str(r[1]) for r in found}
