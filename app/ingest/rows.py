"""The rows a load writes, as plain values: one frozen dataclass per facts table.

Each class has exactly the columns of its table (app/models/tables.py), under the same names;
the SQLModel classes stay the schema and what the API reads. Constructing SQLModel table
objects took half of `build_article` (docs/performance.md); one of these costs about a
microsecond, and the loader inserts their `values()` with a Core `insert()`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar, cast

from sqlmodel import SQLModel

from app.models.tables import (
    Article,
    Claim,
    ClaimActor,
    ClaimFigure,
    Figure,
    FigureActor,
    Mention,
    Section,
)


@dataclass(frozen=True, slots=True)
class Row:
    table: ClassVar[type[SQLModel]]

    def values(self) -> dict[str, Any]:
        """Column name to value, in the table's column order."""
        # A slotted dataclass's __slots__ are its fields, in order (Row itself has none);
        # reading them is faster than dataclasses.fields() or asdict().
        names = cast("tuple[str, ...]", self.__slots__)
        return {name: getattr(self, name) for name in names}


@dataclass(frozen=True, slots=True, kw_only=True)
class ArticleRow(Row):
    table = Article

    id: str
    title: str
    language: str = "en"
    sha256: str
    keywords: list[str]
    source_text: str
    source_name: str
    fingerprint: str


@dataclass(frozen=True, slots=True, kw_only=True)
class SectionRow(Row):
    table = Section

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


@dataclass(frozen=True, slots=True, kw_only=True)
class MentionRow(Row):
    table = Mention

    id: str
    article_id: str
    actor_id: str
    section_id: str
    start: int
    end: int
    surface: str


@dataclass(frozen=True, slots=True, kw_only=True)
class ClaimRow(Row):
    table = Claim

    id: str
    article_id: str
    section_id: str
    position: int
    text: str
    kind: str
    start: int
    end: int


@dataclass(frozen=True, slots=True, kw_only=True)
class FigureRow(Row):
    table = Figure

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


@dataclass(frozen=True, slots=True, kw_only=True)
class ClaimActorRow(Row):
    table = ClaimActor

    claim_id: str
    actor_id: str


@dataclass(frozen=True, slots=True, kw_only=True)
class ClaimFigureRow(Row):
    table = ClaimFigure

    claim_id: str
    figure_id: str


@dataclass(frozen=True, slots=True, kw_only=True)
class FigureActorRow(Row):
    table = FigureActor

    figure_id: str
    actor_id: str
