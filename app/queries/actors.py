"""Actors: lookup by name or alias, and one actor with its facts and relations."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from app.core.bidi import balance
from app.core.folding import fold
from app.models.vocabulary import NAME_SEPARATOR, ActorKind
from app.queries import claims as claim_queries
from app.queries import figures as figure_queries
from app.queries.common import NotFoundError, like_escape, lookup
from app.queries.published import Published
from app.queries.rows import (
    Conditions,
    Facets,
    Row,
    Rows,
    Table,
    Values,
    in_list,
    json_list,
    page,
    transposed,
)
from app.search.query import WHITE_SPACE

_ACTOR_COLUMNS = "a.id, a.name, a.kind, a.aliases, a.affiliation_id, a.reviewed"
_ACTOR = f"SELECT {_ACTOR_COLUMNS} FROM actor a"  # noqa: S608 (constants only)
# Every mention of the actor, in reading order (a mention's section always exists).
_OCCURRENCES = (
    'SELECT m.article_id, m.section_id, m.surface, m.start, m."end" FROM mention m'
    " JOIN section s ON s.id = m.section_id WHERE m.actor_id = :key"
    " ORDER BY m.article_id, m.start"
)
_SECTIONS = (
    "SELECT s.id, s.article_id, s.number, s.title FROM section s"
    " WHERE s.id IN (SELECT section_id FROM mention WHERE actor_id = :key)"
    " ORDER BY s.article_id, s.position"
)
# How many of the actor's claims each other actor is named in.
_CO_MENTIONS = (
    "SELECT actor_id, count(*) FROM claim_actor"
    " WHERE claim_id IN (SELECT claim_id FROM claim_actor WHERE actor_id = :key)"
    " AND actor_id != :key GROUP BY actor_id"
)


class ActorFacet(StrEnum):
    """The fields a list of actors can be faceted by (`?facet=`)."""

    KIND = "kind"
    AFFILIATION = "affiliation"


# What each facet counts: a column of the list's own table.
FACET_COLUMNS = {
    ActorFacet.KIND: "a.kind",
    ActorFacet.AFFILIATION: "a.affiliation_id",
}


@dataclass(frozen=True)
class ActorFilters:
    article: str | None = None
    kind: ActorKind | None = None
    q: str | None = None
    reviewed: bool | None = None
    published: Published = field(default_factory=Published)


def _public(row: Row, mentions: int) -> dict[str, Any]:
    id_, name, kind, aliases, affiliation, reviewed = row
    return {
        "id": id_,
        "name": name,
        "kind": kind,
        "aliases": json_list(aliases),
        "affiliation": affiliation,
        "reviewed": bool(reviewed),
        "mentions": mentions,
    }


class ActorTable(Table):
    """Actors as `_ACTOR_COLUMNS` reads them, with their mentions: the schema's fields in order."""

    def items(self) -> list[dict[str, Any]]:
        return [_public(row[:-1], int(row[-1])) for row in self.rows]

    def columns(self) -> list[Values]:
        id_, name, kind, aliases, affiliation, reviewed, mentions = transposed(self.rows)
        return [
            id_,
            name,
            kind,
            list(map(json_list, aliases)),
            affiliation,
            list(map(bool, reviewed)),
            list(map(int, mentions)),
        ]


def list_actors(
    rows: Rows, filters: ActorFilters, *, limit: int, offset: int, facets: Facets | None = None
) -> tuple[ActorTable, int]:
    # Mentions per actor, in the articles the list is narrowed to: an actor is listed when one
    # of them names it.
    mentioned = Conditions()
    if filters.article is not None:
        mentioned.add("article_id = :article", article=filters.article)
    filters.published.narrow(mentioned, "article_id")
    # count(*), not count(id): the (actor_id, article_id) index answers it alone, where counting
    # ids read every mention's row (a second for 1.3 million mentions; docs/performance.md).
    counted = f"SELECT actor_id, count(*) AS n FROM mention{mentioned.sql()}"  # noqa: S608 (placeholders only)
    where = Conditions()
    if mentioned.clauses:
        where.add("m.n IS NOT NULL", **mentioned.params)
    if filters.kind is not None:
        where.add("a.kind = :kind", kind=filters.kind.value)
    if filters.reviewed is not None:
        where.add("a.reviewed = :reviewed", reviewed=filters.reviewed)
    if filters.q is not None:
        # Stripped of the white space the route's pattern calls blank, and nothing else: a
        # `q` of other characters must not become an empty needle that matches every name.
        folded = fold(filters.q.strip(WHITE_SPACE))
        if NAME_SEPARATOR in folded:
            # No name holds the separator, so such a `q` could only match across two names.
            where.add("1 = 0")
        where.add("a.search_names LIKE :needle ESCAPE '\\'", needle=f"%{like_escape(folded)}%")
    found, total = page(
        rows,
        f"{_ACTOR_COLUMNS}, coalesce(m.n, 0) AS mentions",
        f"FROM actor a LEFT OUTER JOIN ({counted} GROUP BY actor_id) m ON m.actor_id = a.id"
        + where.sql(),
        where.params,
        "mentions DESC, a.id",
        limit=limit,
        offset=offset,
        facets=facets,
        # Unnarrowed, every actor is listed: counting them needs no mention.
        count_source=None if mentioned.clauses else f"FROM actor a{where.sql()}",
    )
    return ActorTable(found), total


def get_actor(rows: Rows, actor_id: str) -> dict[str, Any]:
    key = lookup("actor", actor_id)
    found = rows.all(f"{_ACTOR} WHERE a.id = :key", key)
    if not found:
        raise NotFoundError("actor", actor_id)
    occurrences = rows.all(_OCCURRENCES, key)
    per_section = Counter(section for _, section, _, _, _ in occurrences)
    sections = rows.all(_SECTIONS, key)
    claims = claim_queries.claims(rows, claim_queries.OF_ACTOR, key)
    return {
        **_public(found[0], len(occurrences)),
        "sections": [
            {
                "id": id_,
                "article": article,
                "number": number,
                "title": balance(title),
                "mentions": per_section[id_],
            }
            for id_, article, number, title in sections
        ],
        "claims": claims,
        "figures": figure_queries.figures(rows, figure_queries.OF_ACTOR, key),
        "relations": _relations(rows, actor_id, affiliation=found[0][4]),
        "occurrences": [
            {"article": article, "section": section, "quote": quote, "start": start, "end": end}
            for article, section, quote, start, end in occurrences
        ],
    }


def _relations(rows: Rows, actor_id: str, *, affiliation: str | None) -> list[dict[str, Any]]:
    key = {"key": actor_id}
    co_mentions = {other: int(n) for other, n in rows.all(_CO_MENTIONS, key)}
    affiliates = [r[0] for r in rows.all("SELECT id FROM actor WHERE affiliation_id = :key", key)]
    kinds: dict[str, str] = dict.fromkeys(affiliates, "has_affiliate")
    if affiliation is not None:
        kinds[affiliation] = "affiliated_with"
    for other in co_mentions:
        kinds.setdefault(other, "co_mentioned")
    condition, params = in_list("id", list(kinds))
    sql = f"SELECT id, name FROM actor WHERE id IN {condition}"  # noqa: S608 (placeholders only)
    names = {other: str(name) for other, name in rows.all(sql, params)}
    order = {"affiliated_with": 0, "has_affiliate": 1, "co_mentioned": 2}
    relations = [
        {
            "actor": other,
            "name": names[other],
            "relation": kind,
            "claims": co_mentions.get(other, 0),
        }
        for other, kind in kinds.items()
    ]
    return sorted(relations, key=lambda r: (order[r["relation"]], -r["claims"], r["actor"]))
