"""Comparing sources: a figure's related figures in other articles, and an actor's figures
across articles in time order.

The related figures are read from `figure_related`, which each load fills (app/ingest/
related_index.py) in the order they are listed: a page is one range of its primary key joined
to `figure_card`, each figure as `GET /v1/figures` serves it, written by the load with that
list's own query. Assembling twenty figures from their tables per request cost seven times a
plain figure (docs/performance.md); one statement and twenty JSON parses cost what a request
does whatever the corpus.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

import orjson

from app.models.vocabulary import FigureKind
from app.queries.common import NotFoundError, lookup
from app.queries.figures import FigureTable, figure_table
from app.queries.rows import Conditions, Facets, Rows, Table, Values, in_list, page, transposed


def require(rows: Rows, table: str, id_: str) -> None:
    """NotFoundError unless the `table` ("figure" or "actor") has a row `id_`: asked before an
    export of every row starts streaming, when a 404 can no longer be answered."""
    params = lookup(table, id_)
    if not rows.all(_EXISTS[table], params):
        raise NotFoundError(table, id_)


_EXISTS = {
    "figure": "SELECT 1 FROM figure WHERE id = :key",
    "actor": "SELECT 1 FROM actor WHERE id = :key",
}


class RelatedTable(Table):
    """Related figures as their cards hold them (each a dict in the figure schema's field
    order, as the figure list wrote it), `agrees` and `similarity` added last."""

    rows: list[dict[str, Any]]

    def items(self) -> list[dict[str, Any]]:
        return self.rows

    def columns(self) -> list[Values]:
        *figure, meta, agrees, similarity = transposed(item.values() for item in self.rows)
        return [*figure, *transposed(m.values() for m in meta), agrees, similarity]


def related_figures(
    rows: Rows, figure_id: str, *, limit: int, offset: int, facets: Facets | None = None
) -> tuple[RelatedTable, int]:
    """The figures of other articles about the same thing as `figure_id`, most alike first,
    then the newest article (undated last), then id; each with `agrees` and `similarity`."""
    params = lookup("figure", figure_id)
    counted = rows.all(
        "SELECT (SELECT count(*) FROM figure_related r WHERE r.figure_id = :key)"
        " FROM figure f WHERE f.id = :key",
        params,
    )
    if not counted:
        raise NotFoundError("figure", figure_id)
    total = int(counted[0][0])
    found = rows.all(
        "SELECT c.item, r.agrees, r.similarity FROM figure_related r"
        " JOIN figure_card c ON c.figure_id = r.related_id"
        " WHERE r.figure_id = :key ORDER BY r.rank LIMIT :limit OFFSET :offset",
        {**params, "limit": limit, "offset": offset},
    )
    items = []
    for card, agrees, similarity in found:
        item: dict[str, Any] = orjson.loads(card)
        item["agrees"] = bool(agrees)
        item["similarity"] = float(similarity)
        items.append(item)
    return RelatedTable(items), total


# `document`: by article, in reading order (as `GET /v1/figures?actor=`); `period`: for a
# timeline, by the start of the figure's period (figures without one last), its end, the
# article's publication date, then id.
class ActorFigureSort(StrEnum):
    DOCUMENT = "document"
    PERIOD = "period"


# ISO 8601 dates of the same precision compare as text; a year sorts before its months.
_ORDERS = {
    ActorFigureSort.DOCUMENT: "f.article_id, f.position",
    ActorFigureSort.PERIOD: (
        "f.period_start IS NULL, f.period_start, f.period_end IS NULL, f.period_end,"
        " a.published IS NULL, a.published, f.id"
    ),
}


def actor_figures(
    rows: Rows,
    actor_id: str,
    kind: FigureKind | None,
    unit: str | None,
    sort: ActorFigureSort,
    *,
    limit: int,
    offset: int,
    facets: Facets | None = None,
) -> tuple[FigureTable, int]:
    """The figures naming `actor_id` in every article."""
    require(rows, "actor", actor_id)
    params = lookup("actor", actor_id)
    where = Conditions()
    where.add("f.id IN (SELECT figure_id FROM figure_actor WHERE actor_id = :key)", **params)
    if kind is not None:
        where.add("f.kind = :kind", kind=kind.value)
    if unit is not None:
        where.add("f.unit = :unit", unit=unit)
    found, total = page(
        rows,
        "f.id",
        f"FROM figure f JOIN article a ON a.id = f.article_id{where.sql()}",
        where.params,
        _ORDERS[sort],
        limit=limit,
        offset=offset,
        facets=facets,
    )
    ids = [row[0] for row in found]
    condition, id_params = in_list("id", ids)
    return figure_table(rows, f"f.id IN {condition}", id_params, order=ids), total
