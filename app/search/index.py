"""Filling the search index (tables created by migration 0002) from the facts tables.

The loader calls `rebuild_index` inside the transaction that writes the articles, so the index
always describes the facts stored beside it; on SQLite it rides along in the copy the loader
swaps in.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import Connection, text
from sqlmodel import Session, col, select

from app.models.tables import Actor, Claim, ClaimActor, Figure, FigureActor, Mention, Section
from app.search.highlight import strip_markers
from app.search.schemas import SearchType

# A claim's `title` in results: its sentence, cut at a word near this many characters.
LABEL_LENGTH = 120

_INSERT = text(
    "INSERT INTO search_index (title, body, aliases, type, id, article, section, label, actors)"
    " VALUES (:title, :body, :aliases, :type, :id, :article, :section, :label, :actors)"
)


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
) -> dict[str, Any]:
    return {
        # The stored text is what snippets are cut from: no highlight markers may hide in it.
        "title": strip_markers(title),
        "body": strip_markers(body),
        "aliases": strip_markers(aliases),
        "type": kind.value,
        "id": id_,
        "article": article,
        "section": section,
        "label": label,
        # Space-separated actor ids (slugs have no spaces): the `actor` facet counts them.
        "actors": " ".join(dict.fromkeys(actors)),
    }


def truncate(text: str, length: int = LABEL_LENGTH) -> str:
    if len(text) <= length:
        return text
    cut = text[:length].rsplit(" ", 1)[0] if " " in text[:length] else text[:length]
    return cut.rstrip(" ,;:") + "…"


def _grouped(pairs: Sequence[tuple[str, str]]) -> dict[str, list[str]]:
    """(fact id, actor id) pairs -> each fact's actors, in id order."""
    grouped: dict[str, list[str]] = defaultdict(list)
    for key, actor in sorted(pairs):
        grouped[key].append(actor)
    return grouped


def _actor_rows(session: Session) -> Iterator[dict[str, Any]]:
    for actor in session.exec(select(Actor).order_by(col(Actor.id))).all():
        yield _row(
            SearchType.ACTOR,
            actor.id,
            label=actor.name,
            actors=[actor.id],
            title=actor.name,
            # The kind is searchable too: "company" lists the companies.
            body=actor.kind,
            aliases=", ".join(actor.aliases),
        )


def _article_rows(session: Session, article_ids: Sequence[str]) -> Iterator[dict[str, Any]]:
    in_articles = col(Section.article_id).in_(article_ids)
    sections = session.exec(
        select(Section).where(in_articles).order_by(col(Section.article_id), col(Section.position))
    ).all()
    mentioned: dict[str, list[str]] = defaultdict(list)
    for section_id, actor_id in session.exec(
        select(Mention.section_id, Mention.actor_id)
        .where(col(Mention.article_id).in_(article_ids))
        .order_by(col(Mention.section_id), col(Mention.start))
    ).all():
        mentioned[section_id].append(actor_id)
    for s in sections:
        yield _row(
            SearchType.SECTION,
            s.id,
            label=s.title,
            actors=mentioned[s.id],
            title=s.title,
            body=s.body,
            article=s.article_id,
            section=s.id,
        )
    claim_actors = _grouped(session.exec(select(ClaimActor.claim_id, ClaimActor.actor_id)).all())
    for c in session.exec(
        select(Claim)
        .where(col(Claim.article_id).in_(article_ids))
        .order_by(col(Claim.article_id), col(Claim.position))
    ).all():
        yield _row(
            SearchType.CLAIM,
            c.id,
            label=truncate(c.text),
            actors=claim_actors[c.id],
            body=c.text,
            article=c.article_id,
            section=c.section_id,
        )
    figure_actors = _grouped(
        session.exec(select(FigureActor.figure_id, FigureActor.actor_id)).all()
    )
    for f in session.exec(
        select(Figure)
        .where(col(Figure.article_id).in_(article_ids))
        .order_by(col(Figure.article_id), col(Figure.position))
    ).all():
        yield _row(
            SearchType.FIGURE,
            f.id,
            label=f.quote,
            actors=figure_actors[f.id],
            # The measure says what the number counts: "$60 billion" is found by "credit".
            body=f"{f.quote} — {f.measure}" if f.measure else f.quote,
            article=f.article_id,
            section=f.section_id,
        )


def _unindexed_articles(conn: Connection) -> list[str]:
    """Articles with no rows yet: all of them, the first time after migration 0002."""
    rows = conn.exec_driver_sql(
        "SELECT id FROM article WHERE id NOT IN"
        " (SELECT article FROM search_index WHERE article IS NOT NULL) ORDER BY id"
    ).all()
    return [r[0] for r in rows]


def rebuild_index(session: Session, article_ids: Sequence[str]) -> int:
    """Re-indexes the given articles and every actor; returns the number of rows written.

    Articles that have no rows in the index yet are indexed too, and rows of articles that no
    longer exist are dropped, so a database migrated to 0002 is fully indexed by its next load.
    Runs inside the caller's transaction.
    """
    session.flush()
    conn = session.connection()
    stale = sorted({*article_ids, *_unindexed_articles(conn)})
    conn.exec_driver_sql("DELETE FROM search_index WHERE type = 'actor'")
    conn.exec_driver_sql(
        "DELETE FROM search_index WHERE type != 'actor' AND article NOT IN (SELECT id FROM article)"
    )
    if stale:
        conn.exec_driver_sql(
            "DELETE FROM search_index WHERE article = ?", [(slug,) for slug in stale]
        )
    rows = [*_actor_rows(session), *_article_rows(session, stale)]
    if rows:
        conn.execute(_INSERT, rows)
    # The unstemmed twin (contentless: rows cannot be deleted one by one) is refilled whole
    # from search_index; that takes milliseconds at this size.
    conn.exec_driver_sql("INSERT INTO search_words (search_words) VALUES ('delete-all')")
    conn.exec_driver_sql(
        "INSERT INTO search_words (rowid, title, body, aliases)"
        " SELECT rowid, title, body, aliases FROM search_index"
    )
    # Merge the index's segments into one b-tree: fewer pages to read for every search.
    conn.exec_driver_sql("INSERT INTO search_index (search_index) VALUES ('optimize')")
    return len(rows)
