"""Comparing sources: a figure's related figures in other articles, and an actor's figures
across articles in time order.

The related figures are read from `figure_related`, which each load fills (app/ingest/
related_index.py) in the order they are listed: a page is one range of its primary key, then
the page's figures as `GET /v1/figures` reads them, so a request costs no more than a short
list of figures whatever the corpus.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from app.models.vocabulary import FigureKind
from app.queries.common import NotFoundError, in_order, lookup
from app.queries.figures import figures
from app.queries.rows import Conditions, Facets, Rows, in_list, page


def related_figures(
    rows: Rows, figure_id: str, *, limit: int, offset: int, facets: Facets | None = None
) -> tuple[list[dict[str, Any]], int]:
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
        "SELECT related_id, similarity, agrees FROM figure_related WHERE figure_id = :key"
        " ORDER BY rank LIMIT :limit OFFSET :offset",
        {**params, "limit": limit, "offset": offset},
    )
    if not found:
        return [], total
    ids = [row[0] for row in found]
    condition, id_params = in_list("id", ids)
    items = in_order(figures(rows, f"f.id IN {condition}", id_params), ids)
    for item, (_, similarity, agrees) in zip(items, found, strict=True):
        item["agrees"] = bool(agrees)
        item["similarity"] = float(similarity)
    return items, total


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
) -> tuple[list[dict[str, Any]], int]:
    """The figures naming `actor_id` in every article."""
    params = lookup("actor", actor_id)
    if not rows.all("SELECT 1 FROM actor WHERE id = :key", params):
        raise NotFoundError("actor", actor_id)
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
    return in_order(figures(rows, f"f.id IN {condition}", id_params), ids), total
