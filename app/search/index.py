"""Filling the search index (tables created by migration 0002) from the facts tables.

The loader calls `rebuild_index` inside the transaction that writes the articles, so the index
always describes the facts stored beside it; on SQLite it rides along in the copy the loader
swaps in.
"""

from __future__ import annotations

import json
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
from app.search import names, stems
from app.search.highlight import CLOSE, OPEN, strip_markers
from app.search.schemas import SearchType

# A claim's `title` in results: its sentence, cut at a word near this many characters.
LABEL_LENGTH = 120


class IndexRow(NamedTuple):
    """One row of search_index, its columns in table order."""

    title: str
    body: str
    aliases: str
    type: str
    id: str
    article: str | None
    section: str | None
    label: str
    actors: str


# Rows go to sqlite3 as the tuples they are: SQLAlchemy's per-row parameter handling cost
# more than the insert itself for a large index.
_INSERT = (
    "INSERT INTO search_index"
    " (rowid, title, body, aliases, type, id, article, section, label, actors)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


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


def _actor_rows(session: Session) -> Iterator[IndexRow]:
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


def _article_rows(session: Session, article_ids: Sequence[str]) -> Iterator[IndexRow]:
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


def rebuild_index(session: Session, article_ids: Sequence[str], gone: Sequence[str] = ()) -> int:
    """Re-indexes the given articles and every actor, and drops the rows of the articles
    `gone` (deleted by this load); returns the number of rows written.

    Articles that have no rows in the index yet are indexed too, so a database migrated to
    0002 is fully indexed by its next load. Runs inside the caller's transaction, and costs
    what the articles written and gone hold, not what the corpus holds (docs/performance.md).
    """
    if session.get_bind().dialect.name != "sqlite":
        # Imported here: postgres_index reuses this module's rows (a cycle at import time).
        from app.search import postgres_index

        return postgres_index.rebuild_index(session, article_ids, gone)
    session.flush()
    conn = session.connection()
    stale = sorted({*article_ids, *_unindexed_articles(conn)})
    _drop_rows(conn, [*stale, *gone])
    rows = [*_actor_rows(session), *_article_rows(session, stale)]
    first = _next_rowid(conn)
    if rows:
        # Rowids given as FTS5 would give them (one past the largest), so that search_rows and
        # search_words can be filled with exactly the new rows.
        numbered = [(first + i, *row) for i, row in enumerate(rows)]
        conn.exec_driver_sql(_INSERT, numbered)
        conn.exec_driver_sql(
            "INSERT INTO search_rows (rowid, type, article, language)"
            " SELECT s.rowid, s.type, s.article, a.language FROM search_index AS s"
            " LEFT JOIN article AS a ON a.id = s.article WHERE s.rowid >= ?",
            (first,),
        )
        conn.exec_driver_sql(
            "INSERT INTO search_words (rowid, title, body, aliases)"
            " SELECT rowid, title, body, aliases FROM search_index WHERE rowid >= ?",
            (first,),
        )
    languages = article_languages(conn, stale)
    stems.write_counts(conn, stems.count_words(_with_language(rows, languages)), sign=1)
    names.write_names(conn)
    # Merging the index's segments into one b-tree makes every search read fewer pages, but
    # rewrites the whole index: worth it after a large load, not after one article in many
    # (FTS5's automatic merging keeps the segments few meanwhile).
    if rows and len(rows) * OPTIMIZE_SHARE >= _row_count(conn):
        conn.exec_driver_sql("INSERT INTO search_index (search_index) VALUES ('optimize')")
    return len(rows)


# A load whose new rows are at least 1/OPTIMIZE_SHARE of the index merges its segments.
OPTIMIZE_SHARE = 10


def article_languages(conn: Connection, article_ids: Sequence[str]) -> dict[str, str]:
    """The language of each article whose words are stemmed (stems.STEMMED), by id."""
    found = conn.execute(
        select(Article.id, Article.language)
        .where(col(Article.id).in_(article_ids))
        .where(col(Article.language).in_(list(stems.STEMMED)))
    )
    return {str(r[0]): str(r[1]) for r in found}


def _with_language(
    rows: Iterable[IndexRow], languages: dict[str, str]
) -> Iterator[tuple[str | None, str, str, str]]:
    for row in rows:
        language = languages.get(row.article) if row.article is not None else None
        if language is not None:
            yield language, row.title, row.body, row.aliases


def _unindexed_articles(conn: Connection) -> list[str]:
    """Articles with no rows yet: all of them, the first time after migration 0002."""
    rows = conn.exec_driver_sql(
        "SELECT id FROM article WHERE NOT EXISTS"
        " (SELECT 1 FROM search_rows WHERE search_rows.article = article.id) ORDER BY id"
    ).all()
    return [r[0] for r in rows]


def _drop_rows(conn: Connection, article_ids: Sequence[str]) -> None:
    """Drops every actor row and the rows of `article_ids`, found through search_rows; the
    unstemmed twin search_words (contentless) is told each dropped row's text to forget."""
    doomed = json.dumps(
        [
            rowid
            for (rowid,) in conn.exec_driver_sql(
                "SELECT rowid FROM search_rows WHERE type = 'actor' UNION ALL"
                " SELECT rowid FROM search_rows WHERE article IN (SELECT value FROM json_each(?))",
                (json.dumps(list(article_ids)),),
            )
        ]
    )
    stemmed = conn.exec_driver_sql(_STEMMED_ROWS, (doomed, json.dumps(list(stems.STEMMED))))
    stems.write_counts(conn, stems.count_words(stems.texts(stemmed)), sign=-1)
    conn.exec_driver_sql(_FORGET, (doomed,))
    conn.exec_driver_sql(
        "DELETE FROM search_index WHERE rowid IN (SELECT value FROM json_each(?))", (doomed,)
    )
    conn.exec_driver_sql(
        "DELETE FROM search_rows WHERE rowid IN (SELECT value FROM json_each(?))", (doomed,)
    )


# FTS5's 'delete' command for a contentless table: the row's text as it was indexed, which
# search_index still holds. The rowids are a JSON array bound as one parameter.
_FORGET = (
    "INSERT INTO search_words (search_words, rowid, title, body, aliases)"
    " SELECT 'delete', rowid, title, body, aliases FROM search_index"
    " WHERE rowid IN (SELECT value FROM json_each(?))"
)


# The dropped rows whose words search_stems counts: their language and text.
_STEMMED_ROWS = (
    "SELECT r.language, i.title, i.body, i.aliases FROM search_rows AS r"
    " JOIN search_index AS i ON i.rowid = r.rowid"
    " WHERE r.rowid IN (SELECT value FROM json_each(?))"
    " AND r.language IN (SELECT value FROM json_each(?))"
)


def _row_count(conn: Connection) -> int:
    return int(conn.exec_driver_sql("SELECT count(*) FROM search_rows").scalar_one())


def _next_rowid(conn: Connection) -> int:
    largest = conn.exec_driver_sql("SELECT max(rowid) FROM search_rows").scalar_one()
    return int(largest or 0) + 1
