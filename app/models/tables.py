"""Database tables (SQLModel). Migrations in `migrations/` create exactly these."""

from __future__ import annotations

from typing import Any, ClassVar

from sqlalchemy import JSON, Column, Index
from sqlmodel import Field, SQLModel


class Article(SQLModel, table=True):
    id: str = Field(primary_key=True)
    title: str
    # ISO 639-1 code, or "und" when nothing declared it and detection was unsure.
    language: str = Field(default="und", index=True)
    sha256: str
    keywords: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    source_text: str
    source_name: str
    source_url: str | None = None
    publisher: str | None = Field(default=None, index=True)
    authors: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    # ISO 8601 date (YYYY-MM-DD): text on both backends, so it compares and reads alike.
    published: str | None = Field(default=None, index=True)
    # When a load first wrote the article, and last changed it: ISO 8601 UTC to the second.
    added: str
    updated: str
    # Hash of everything a load used (text, curated facts, pipeline version): equal means no-op.
    fingerprint: str


class Section(SQLModel, table=True):
    __table_args__ = (Index("ix_section_article_position", "article_id", "position"),)

    id: str = Field(primary_key=True)
    article_id: str = Field(foreign_key="article.id", index=True)
    number: str | None = Field(default=None, index=True)
    title: str
    level: int
    parent_id: str | None = Field(default=None, foreign_key="section.id", index=True)
    position: int
    start: int
    end: int
    body: str


class Actor(SQLModel, table=True):
    id: str = Field(primary_key=True)
    name: str
    kind: str
    aliases: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    affiliation_id: str | None = Field(default=None, foreign_key="actor.id")
    reviewed: bool = True
    # Name and aliases, case- and accent-folded, "|"-joined: `q` filters with one LIKE.
    search_names: str


class Mention(SQLModel, table=True):
    __table_args__ = (Index("ix_mention_actor_article", "actor_id", "article_id"),)

    id: str = Field(primary_key=True)
    article_id: str = Field(foreign_key="article.id", index=True)
    actor_id: str = Field(foreign_key="actor.id")
    section_id: str = Field(foreign_key="section.id", index=True)
    start: int
    end: int
    surface: str


class Claim(SQLModel, table=True):
    __table_args__ = (Index("ix_claim_article_position", "article_id", "position"),)

    id: str = Field(primary_key=True)
    article_id: str = Field(foreign_key="article.id")
    section_id: str = Field(foreign_key="section.id", index=True)
    position: int
    text: str
    kind: str = Field(index=True)
    start: int
    end: int
    # Who the sentence attributes the claim to, as written; null when the article asserts it.
    speaker: str | None = Field(default=None, index=True)
    # Always an actor the article's mentions name (mention holds the foreign key). No constraint
    # of its own: SQLite adds a column in place only without one, and drops it only without one.
    speaker_actor: str | None = Field(default=None, index=True)


class Figure(SQLModel, table=True):
    __table_args__ = (Index("ix_figure_article_position", "article_id", "position"),)

    id: str = Field(primary_key=True)
    article_id: str = Field(foreign_key="article.id")
    section_id: str = Field(foreign_key="section.id", index=True)
    claim_id: str | None = Field(default=None, foreign_key="claim.id", index=True)
    position: int
    quote: str
    kind: str = Field(index=True)
    value: float | None = Field(default=None, index=True)
    unit: str | None = None
    comparator: str
    period_start: str | None = None
    period_end: str | None = None
    # The period's years as integers, so `from`/`to` compare numbers rather than strings.
    period_start_year: int | None = None
    period_end_year: int | None = None
    measure: str | None = None
    start: int
    end: int
    # Added by migration 0007, so they come last: the upper end of a range, the direction.
    value_max: float | None = None
    change: str | None = Field(default=None, index=True)


class ClaimActor(SQLModel, table=True):
    __tablename__: ClassVar[Any] = "claim_actor"

    claim_id: str = Field(foreign_key="claim.id", primary_key=True)
    actor_id: str = Field(foreign_key="actor.id", primary_key=True, index=True)


class ClaimFigure(SQLModel, table=True):
    __tablename__: ClassVar[Any] = "claim_figure"

    claim_id: str = Field(foreign_key="claim.id", primary_key=True)
    figure_id: str = Field(foreign_key="figure.id", primary_key=True, index=True)


class FigureActor(SQLModel, table=True):
    __tablename__: ClassVar[Any] = "figure_actor"

    figure_id: str = Field(foreign_key="figure.id", primary_key=True)
    actor_id: str = Field(foreign_key="actor.id", primary_key=True, index=True)


class FigureRelated(SQLModel, table=True):
    """The figures of other articles about the same thing as `figure_id`, in the order the API
    lists them (by `rank`, from 0 as a load writes a list; a list a delete shortens keeps its
    entries' ranks, which then skip): computed when a load writes or deletes an article of
    their group (app/ingest/related.py), so a request reads one ordered range of the primary
    key."""

    __tablename__: ClassVar[Any] = "figure_related"

    figure_id: str = Field(foreign_key="figure.id", primary_key=True)
    rank: int = Field(primary_key=True)
    related_id: str = Field(foreign_key="figure.id", index=True)
    # How alike the two measures are, 0..1 to two decimals, and whether the values agree.
    similarity: float
    agrees: bool


class FigureBucket(SQLModel, table=True):
    """The group of figures that can be related (app/ingest/related.py: same kind, unit,
    change and actors) a figure is in, by the group's name (`related.bucket_name`): a load
    reads the figures of the groups it changes through this index rather than through their
    actors, every figure of whom it would otherwise walk. Figures that can be related to
    nothing have no row."""

    __tablename__: ClassVar[Any] = "figure_bucket"

    figure_id: str = Field(foreign_key="figure.id", primary_key=True)
    bucket: str = Field(index=True)


class FigureCard(SQLModel, table=True):
    """A related figure as `GET /v1/figures` lists it, serialised (JSON), for every figure that
    is some figure's related one: `GET /v1/figures/{id}/related` reads a page of them with the
    pairs in one statement instead of assembling each figure from five tables. Written with the
    pairs, from the same query the figure list answers with, so the two cannot differ."""

    __tablename__: ClassVar[Any] = "figure_card"

    figure_id: str = Field(foreign_key="figure.id", primary_key=True)
    item: str
