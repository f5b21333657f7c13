"""Claims: listing with filters, one by id, and the claims of a section or an actor."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from app.models.vocabulary import ClaimKind
from app.queries.common import NotFoundError, grouped, lookup
from app.queries.published import Published
from app.queries.rows import (
    Conditions,
    Facets,
    Params,
    Row,
    Rows,
    SqliteRows,
    Table,
    Values,
    in_list,
    page,
    transposed,
)

# `where` below is always one of this package's own conditions on `c` (the claim table), with
# placeholders for every value.
_CLAIMS = (
    "SELECT c.id, c.article_id, c.section_id, c.text, c.kind, c.speaker, c.speaker_actor,"
    ' c.start, c."end", a.title, a.publisher, a.published FROM claim c'
    " JOIN article a ON a.id = c.article_id"
)
_ACTORS = (
    "SELECT ca.claim_id, ca.actor_id FROM claim_actor ca JOIN claim c ON c.id = ca.claim_id"
    " WHERE {where} ORDER BY ca.claim_id, ca.actor_id"
)
_FIGURES = (
    "SELECT cf.claim_id, cf.figure_id FROM claim_figure cf"
    " JOIN claim c ON c.id = cf.claim_id JOIN figure f ON f.id = cf.figure_id"
    " WHERE {where} ORDER BY cf.claim_id, f.position"
)
OF_SECTION = "c.section_id = :key"
_NAMED_COUNT = "SELECT count(*) FROM claim_actor WHERE actor_id = :actor"
OF_ACTOR = "c.id IN (SELECT claim_id FROM claim_actor WHERE actor_id = :key)"
_NAMING = "c.id IN (SELECT claim_id FROM claim_actor WHERE actor_id = :actor)"
# The same claims, tested one by one as the list walks every claim in reading order.
_NAMING_WALKED = (
    "EXISTS (SELECT 1 FROM claim_actor ca WHERE ca.claim_id = c.id AND ca.actor_id = :actor)"
)


class ClaimFacet(StrEnum):
    """The fields a list of claims can be faceted by (`?facet=`)."""

    ARTICLE = "article"
    SECTION = "section"
    KIND = "kind"


# What each facet counts: a column of the list's own table.
FACET_COLUMNS = {
    ClaimFacet.ARTICLE: "c.article_id",
    ClaimFacet.SECTION: "c.section_id",
    ClaimFacet.KIND: "c.kind",
}


@dataclass(frozen=True)
class ClaimFilters:
    article: str | None = None
    section: str | None = None
    actor: str | None = None
    kind: ClaimKind | None = None
    speaker: str | None = None
    published: Published = field(default_factory=Published)


class ClaimTable(Table):
    """Claims as `_CLAIMS` reads them, with the ids of their actors and figures by claim."""

    def __init__(
        self, rows: list[Row], actors: Mapping[str, list[str]], figures: Mapping[str, list[str]]
    ) -> None:
        super().__init__(rows)
        self.actors = actors
        self.figures = figures

    def items(self) -> list[dict[str, Any]]:
        actors, figures = self.actors, self.figures
        return [
            {
                "id": id_,
                "article": article,
                "section": section,
                "text": text,
                "kind": kind,
                "actors": actors.get(id_, []),
                "figures": figures.get(id_, []),
                "speaker": speaker,
                "speaker_actor": speaker_actor,
                "start": start,
                "end": end,
                "article_meta": {"title": title, "publisher": publisher, "published": published},
            }
            for (
                id_,
                article,
                section,
                text,
                kind,
                speaker,
                speaker_actor,
                start,
                end,
                title,
                publisher,
                published,
            ) in self.rows
        ]

    def columns(self) -> list[Values]:
        columns = transposed(self.rows)
        ids = columns[0]
        actors = [self.actors.get(id_, []) for id_ in ids]
        figures = [self.figures.get(id_, []) for id_ in ids]
        return [*columns[:5], actors, figures, *columns[5:]]


def claim_table(rows: Rows, where: str, params: Params) -> ClaimTable:
    """The claims that meet `where`, in reading order, each with its actors and figures."""
    actors = grouped(rows.all(_ACTORS.format(where=where), params))
    figures = grouped(rows.all(_FIGURES.format(where=where), params))
    sql = f"{_CLAIMS} WHERE {where} ORDER BY c.article_id, c.position"
    return ClaimTable(rows.all(sql, params), actors, figures)


def claims(rows: Rows, where: str, params: Params) -> list[dict[str, Any]]:
    """The claims that meet `where`, in reading order, each with its actors and figures."""
    return claim_table(rows, where, params).items()


def get_claim(rows: Rows, claim_id: str) -> dict[str, Any]:
    found = claims(rows, "c.id = :key", lookup("claim", claim_id))
    if not found:
        raise NotFoundError("claim", claim_id)
    return found[0]


def list_claims(
    rows: Rows, filters: ClaimFilters, *, limit: int, offset: int, facets: Facets | None = None
) -> tuple[ClaimTable, int]:
    where = Conditions()
    if filters.article is not None:
        where.add("c.article_id = :article", article=filters.article)
    if filters.section is not None:
        where.add("c.section_id = :section", section=filters.section)
    if filters.kind is not None:
        where.add("c.kind = :kind", kind=filters.kind.value)
    if filters.speaker is not None:
        # The speaker's actor id, or the speaker exactly as written.
        where.add("(c.speaker_actor = :speaker OR c.speaker = :speaker)", speaker=filters.speaker)
    count_source = None
    if filters.actor is not None:
        only_actor = not where.clauses and not filters.published
        naming = _NAMING
        if only_actor and facets is None:
            # One claim_actor row per claim naming the actor: counted from its index alone.
            count_source = "FROM claim_actor ca WHERE ca.actor_id = :actor"
        if only_actor and _walk_pays(rows, filters.actor, limit + offset):
            naming = _NAMING_WALKED
        where.add(naming, actor=filters.actor)
    filters.published.narrow(where, "c.article_id")
    found, total = page(
        rows,
        "c.id",
        f"FROM claim c{where.sql()}",
        where.params,
        "c.article_id, c.position",
        limit=limit,
        offset=offset,
        facets=facets,
        count_source=count_source,
    )
    condition, params = in_list("id", [row[0] for row in found])
    return claim_table(rows, f"c.id IN {condition}", params), total


def _walk_pays(rows: Rows, actor: str, wanted: int) -> bool:
    """Whether a page of the claims naming `actor` is found faster by walking every claim in
    reading order (its index) and keeping those that name it, than by reading all of them and
    sorting. SQLite's planner, without statistics, always reads and sorts: 0.5 s for an actor
    named in 200,000 claims at 10,000 articles, where the walk reads a few hundred
    (docs/performance.md). The walk reads about `wanted * claims / named` claims; the sort
    `named`. A database server plans this itself, from its statistics."""
    if not isinstance(rows, SqliteRows):
        return False
    named = int(rows.all(_NAMED_COUNT, {"actor": actor})[0][0])
    # The highest rowid: about how many claims there are, read from the end of the table.
    claims = int(rows.all("SELECT coalesce(max(rowid), 0) FROM claim", {})[0][0])
    return named > 0 and wanted * claims < named * named
