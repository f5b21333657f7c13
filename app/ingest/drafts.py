"""Facts as the ingest pipeline finds them, before they get ids and reach the database.

Every offset counts Unicode code points into the article's full source text; `end` is exclusive,
so `text[start:end]` is the quote.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app.models.vocabulary import Change, Comparator, FigureKind


@dataclass(frozen=True, slots=True)
class SectionDraft:
    """One heading and the text it owns, up to the next heading of any level."""

    number: str | None  # "2.1"; None for the introduction and unnumbered headings
    title: str
    level: int  # 1 for the introduction and "N." sections, 2 for "N.M", ...
    parent_number: str | None
    start: int  # start of the heading line (the introduction: its first body character)
    end: int  # end of the last non-blank character the section owns
    body_start: int  # first character after the heading line(s), blank lines skipped
    body_end: int
    # Where the heading's own words begin, after any "#" marks and number: figures and actors
    # are read from there ("## 1. Title" has no figure 1). The introduction: its `start`.
    title_start: int


@dataclass(frozen=True, slots=True)
class DocumentDraft:
    title: str
    title_start: int
    title_end: int
    sections: list[SectionDraft]
    keywords: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class FigureDraft:
    start: int
    end: int
    quote: str
    kind: FigureKind
    value: float | None  # money in units of `unit`, percent as 60.0, years as 2017.0, ...
    unit: str | None  # ISO 4217 for money, "percent", "year", "km", ...
    comparator: Comparator = Comparator.EQ
    period_start: str | None = None  # ISO 8601, year precision allowed: "2005", "2023-10"
    period_end: str | None = None
    measure: str | None = None  # what is counted: "Russian military equipment"
    value_max: float | None = None  # the upper end of a range ("5 to 7 percent": 7.0)
    change: Change | None = None  # "rose 5%": a rise; "fell by $2 billion": a fall


@dataclass(frozen=True, slots=True)
class SentenceDraft:
    start: int
    end: int
    text: str
