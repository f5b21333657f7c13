"""The rows a load writes, as plain values: one named tuple per facts table.

Each has exactly the columns of its table (app/models/tables.py), by name and in order; the
SQLModel classes stay the schema and what the API reads. Constructing SQLModel table objects
took half of `build_article` (docs/performance.md). A tuple costs half a microsecond, the
collector stops tracking it, and it is already what a positional driver (SQLite's) binds.
"""

from __future__ import annotations

from typing import NamedTuple

from sqlmodel import SQLModel

from app.models.tables import (
    Article,
    Claim,
    ClaimActor,
    ClaimFigure,
    Figure,
    FigureActor,
    FigureRelated,
    Mention,
    Section,
)


class ArticleRow(NamedTuple):
    id: str
    title: str
    language: str
    sha256: str
    keywords: list[str]
    source_text: str
    source_name: str
    source_url: str | None
    publisher: str | None
    authors: list[str]
    published: str | None
    added: str
    updated: str
    fingerprint: str


class SectionRow(NamedTuple):
    id: str
    article_id: str
    number: str | None
    title: str
    level: int
    parent_id: str | None
    position: int
    start: int
    end: int
    body: str


class MentionRow(NamedTuple):
    id: str
    article_id: str
    actor_id: str
    section_id: str
    start: int
    end: int
    surface: str


class ClaimRow(NamedTuple):
    id: str
    article_id: str
    section_id: str
    position: int
    text: str
    kind: str
    start: int
    end: int
    speaker: str | None
    speaker_actor: str | None


class FigureRow(NamedTuple):
    id: str
    article_id: str
    section_id: str
    claim_id: str | None
    position: int
    quote: str
    kind: str
    value: float | None
    unit: str | None
    comparator: str
    period_start: str | None
    period_end: str | None
    period_start_year: int | None
    period_end_year: int | None
    measure: str | None
    start: int
    end: int
    value_max: float | None
    change: str | None


class ClaimActorRow(NamedTuple):
    claim_id: str
    actor_id: str


class ClaimFigureRow(NamedTuple):
    claim_id: str
    figure_id: str


class FigureActorRow(NamedTuple):
    figure_id: str
    actor_id: str


class FigureRelatedRow(NamedTuple):
    figure_id: str
    rank: int
    related_id: str
    similarity: float
    agrees: bool


Row = (
    ArticleRow
    | SectionRow
    | MentionRow
    | ClaimRow
    | FigureRow
    | ClaimActorRow
    | ClaimFigureRow
    | FigureActorRow
    | FigureRelatedRow
)

# Each row's table.
TABLES: dict[type[Row], type[SQLModel]] = {
    ArticleRow: Article,
    SectionRow: Section,
    MentionRow: Mention,
    ClaimRow: Claim,
    FigureRow: Figure,
    ClaimActorRow: ClaimActor,
    ClaimFigureRow: ClaimFigure,
    FigureActorRow: FigureActor,
    FigureRelatedRow: FigureRelated,
}
