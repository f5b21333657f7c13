"""What the API returns. Field descriptions and examples become the OpenAPI document."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from app.models.vocabulary import ActorKind, Change, ClaimKind, Comparator, FigureKind


class Schema(BaseModel):
    model_config = ConfigDict(frozen=True)


Start = Annotated[
    int,
    Field(ge=0, description="Code point offset into the article text (`/v1/articles/{id}/text`)."),
]
End = Annotated[
    int, Field(ge=0, description="Exclusive end offset: `text[start:end]` is the quote.")
]


class ArticleCounts(Schema):
    sections: int
    actors: int = Field(description="Distinct actors mentioned in the article.")
    figures: int
    claims: int


class ArticlePublic(Schema):
    id: str = Field(
        description="Readable slug, stable across loads.", examples=["russia-china-venezuela"]
    )
    title: str
    source: str = Field(description="Name of the file the article was loaded from.")
    language: str = Field(
        description="The text's language, ISO 639-1 (`en`, `es`): as declared (`<html lang>`, "
        "front matter, the `language` option or parameter), else detected from the text; `und` "
        "when it could not be determined.",
        examples=["en"],
    )
    keywords: list[str] = Field(description="Keywords the article declares about itself.")
    sha256: str = Field(description="SHA-256 of the UTF-8 source text, lowercase hex.")
    length: int = Field(description="Length of the source text in code points.")
    source_url: str | None = Field(
        description="Where the article was published (http or https), when known.",
        examples=["https://example.org/analysis/russia-china-venezuela"],
    )
    publisher: str | None = Field(
        description="Who published it, as given (front matter, `--publisher`, `publisher=`).",
        examples=["Example Review"],
    )
    authors: list[str] = Field(description="Its authors, in the order given; empty when unknown.")
    published: str | None = Field(
        description="Publication date, ISO 8601 (YYYY-MM-DD), when known.", examples=["2024-05-02"]
    )
    added: str = Field(
        description="When a load first stored the article: ISO 8601, UTC, to the second.",
        examples=["2026-12-04T19:00:00+00:00"],
    )
    updated: str = Field(
        description="When a load last changed its text or metadata (equals `added` until then).",
        examples=["2026-12-04T19:00:00+00:00"],
    )
    counts: ArticleCounts


class SectionPublic(Schema):
    id: str = Field(examples=["russia-china-venezuela-2-1"])
    article: str = Field(description="Id of the article.")
    number: str | None = Field(
        description="Number as printed, without a trailing dot; null for the introduction and "
        "unnumbered headings.",
        examples=["2.1"],
    )
    title: str = Field(examples=["A legacy of the Chávez years"])
    level: int = Field(ge=1, description="1 for the introduction and top-level sections.")
    parent: str | None = Field(description="Id of the enclosing section, or null.")
    position: int = Field(ge=0, description="Order of the section within its article.")
    start: Start
    end: End


class ActorPublic(Schema):
    id: str = Field(examples=["russia"])
    name: str = Field(examples=["Russia"])
    kind: ActorKind
    aliases: list[str] = Field(
        description="Other names the text uses for the actor.",
        examples=[["Moscow", "Russian", "Russian Federation"]],
    )
    affiliation: str | None = Field(
        description="Id of the actor this one belongs to (a company's country, a person's "
        "country), or null.",
        examples=[None],
    )
    reviewed: bool = Field(description="False for actors found by rules and not yet curated.")
    mentions: int = Field(description="Mentions in the text (in `article`, when filtered by it).")


class ActorCount(Schema):
    id: str
    name: str
    kind: ActorKind
    mentions: int


class ArticleMeta(Schema):
    """What a person needs to cite the article a fact is from."""

    title: str = Field(examples=["Russia, China and Venezuela"])
    publisher: str | None = Field(description="Who published it, when known.", examples=[None])
    published: str | None = Field(
        description="Publication date, YYYY-MM-DD, when known.", examples=[None]
    )


class FigurePublic(Schema):
    id: str
    article: str
    section: str
    quote: str = Field(
        description="The words of the text, verbatim.", examples=["over $11 billion"]
    )
    kind: FigureKind
    value: float | None = Field(
        description="Normalised value: money in units of `unit`, percents as 60.0, years as "
        "2017.0; null for periods.",
        examples=[11000000000.0],
    )
    value_max: float | None = Field(
        description='The upper end of a range, in the same unit ("between 5 and 7 percent": '
        "`value` 5.0, `value_max` 7.0); null when the figure is not a range.",
        examples=[None],
    )
    unit: str | None = Field(
        description='ISO 4217 code for money; "percent", "percentage point", "year", "month", '
        '...; for measures pint\'s compact code ("km", "km**2", "m**3", "oil_bbl/d", "MW", '
        '"°C", "GB", "times"). Null for counts: what a count counts is its `measure`.',
        examples=["USD"],
    )
    comparator: Comparator = Field(description="How the stated value bounds the real quantity.")
    change: Change | None = Field(
        description='Which way the quantity moved: "rose 5%" is `rise`, "fell by $2 billion" '
        "`fall`; null when the text states no movement.",
        examples=[None],
    )
    period_start: str | None = Field(
        description="ISO 8601 start of the period the figure covers (year precision allowed); "
        'null for "until".',
        examples=["2005"],
    )
    period_end: str | None = Field(
        description='ISO 8601 end of the period; null for "since".', examples=["2013"]
    )
    measure: str | None = Field(
        description='What is counted or paid for; a count\'s noun ("500 soldiers": "soldiers").',
        examples=["Russian military equipment"],
    )
    actors: list[str] = Field(description="Ids of the actors named in the figure's sentence.")
    claim: str | None = Field(description="Id of the claim the figure is part of, if any.")
    start: Start
    end: End
    article_meta: ArticleMeta = Field(description="The article's title, publisher and date.")


class RelatedFigure(FigurePublic):
    """A figure of another article about the same thing: same kind, unit, change and actors,
    overlapping periods (or neither has one), alike measures (docs/API.md, Related figures)."""

    agrees: bool = Field(
        description="Whether its value can be the same quantity as the figure asked about, "
        'ranges and comparators respected ("over $60 billion" agrees with "$62 billion", not '
        'with "$50 billion"; `approx` covers 10% either side).',
        examples=[True],
    )
    similarity: float = Field(
        ge=0,
        le=1,
        description="How alike the two measures are, 0 to 1 in two decimals (rapidfuzz's "
        "token_sort_ratio of the lowercased words, over 100); 0.85 at least.",
        examples=[1.0],
    )


class ClaimPublic(Schema):
    id: str
    article: str
    section: str
    text: str = Field(description="The sentence, verbatim.")
    kind: ClaimKind
    actors: list[str] = Field(description="Ids of the actors the claim names.")
    figures: list[str] = Field(description="Ids of the figures in the claim.")
    speaker: str | None = Field(
        description="Who the sentence attributes the claim to, as written"
        ' ("X said", "according to X"); null when the article asserts it itself.',
        examples=["Rosneft vice president Pavel Fedorov"],
    )
    speaker_actor: str | None = Field(
        description="Id of the actor the speaker is, when it is one the article names.",
        examples=["rosneft"],
    )
    start: Start
    end: End
    article_meta: ArticleMeta = Field(description="The article's title, publisher and date.")


class SectionMention(Schema):
    actor: str = Field(description="The actor's id.", examples=["russia"])
    quote: str = Field(description="The name or alias as written.", examples=["Moscow"])
    start: Start
    end: End


class SectionDetail(SectionPublic):
    body: str = Field(
        description="The section's own text after its heading (subsections excluded)."
    )
    children: list[SectionPublic]
    actors: list[ActorCount] = Field(description="Actors mentioned in the section, most first.")
    figures: list[FigurePublic]
    claims: list[ClaimPublic]
    mentions: list[SectionMention] = Field(
        description="Every actor mention in the section, in reading order: the highlights of a "
        "reader, without the actor's page (which lists its mentions in every article)."
    )


class MentionPublic(Schema):
    article: str
    section: str
    quote: str = Field(description="The name or alias as written.", examples=["Moscow"])
    start: Start
    end: End


class ActorSection(Schema):
    id: str
    article: str
    number: str | None
    title: str
    mentions: int


class Relation(Schema):
    actor: str = Field(description="Id of the related actor.")
    name: str
    relation: str = Field(
        description='"affiliated_with" (this actor belongs to it), "has_affiliate" (it belongs '
        'to this actor) or "co_mentioned" (named in the same claims).'
    )
    claims: int = Field(description="Claims that name both actors.")


class ActorDetail(ActorPublic):
    sections: list[ActorSection]
    claims: list[ClaimPublic]
    figures: list[FigurePublic]
    relations: list[Relation]
    occurrences: list[MentionPublic] = Field(description="Every mention, with its offsets.")


T = TypeVar("T")


class FacetValue(Schema):
    value: str | int | None = Field(
        description="A value of the field (an id, a kind, a level...); null for rows without one."
    )
    count: int = Field(ge=1, description="Rows with that value that match the filters.")


class Page(Schema, Generic[T]):
    items: list[T]
    total: int = Field(ge=0, description="Items matching the filters, over all pages.")
    limit: int = Field(description="Page size asked for.")
    offset: int = Field(description="Items skipped before this page.")


class ListPage(Page[T], Generic[T]):
    """A page of one of the resource lists, which can count facets."""

    facets: dict[str, list[FacetValue]] | None = Field(
        default=None,
        exclude_if=lambda value: value is None,
        description="Only with `?facet=`: for each field asked, its values over every matching "
        "row with their counts, most first (null last), at most 100.",
    )


class Problem(Schema):
    """An RFC 9457 problem detail."""

    type: str = Field(default="about:blank", examples=["about:blank"])
    title: str = Field(examples=["Not Found"])
    status: int = Field(examples=[404])
    detail: str = Field(examples=["No section with id 'x'."])
    instance: str | None = Field(default=None, description="The path that was requested.")
    errors: list[ParamError] | None = Field(
        default=None, description="For validation errors: one entry per bad parameter."
    )


class ParamError(Schema):
    name: str = Field(description="The parameter.", examples=["limit"])
    location: str = Field(
        alias="in", description='Where it was: "query", "path" or "header".', examples=["query"]
    )
    detail: str = Field(examples=["Input should be less than or equal to 100"])
    type: str = Field(description="Machine-readable error code.", examples=["less_than_equal"])


Problem.model_rebuild()


# Named list types, so the OpenAPI document and generated clients get readable names. Each
# carries a real answer from the seed article (`limit=1`) as its example.
EXAMPLES = json.loads((Path(__file__).with_name("examples.json")).read_text(encoding="utf-8"))


def _example(resource: str) -> ConfigDict:
    return ConfigDict(json_schema_extra={"examples": [EXAMPLES[resource]]})


class ArticlePage(ListPage[ArticlePublic]):
    model_config = _example("articles")


class SectionPage(ListPage[SectionPublic]):
    model_config = _example("sections")


class ActorPage(ListPage[ActorPublic]):
    model_config = _example("actors")


class FigurePage(ListPage[FigurePublic]):
    model_config = _example("figures")


class ClaimPage(ListPage[ClaimPublic]):
    model_config = _example("claims")


class RelatedFigurePage(ListPage[RelatedFigure]):
    model_config = _example("related")


# Each page schema's example, and its `facets` field's (the seed's answer to `?facet=` of the
# field `FACET_EXAMPLES` names), by the schema's name in the OpenAPI document.
FACET_EXAMPLES: dict[str, str] = {
    resource: next(iter(facets)) for resource, facets in EXAMPLES["facets"].items()
}
PAGES = {
    page.__name__: resource
    for page, resource in (
        (ArticlePage, "articles"),
        (SectionPage, "sections"),
        (ActorPage, "actors"),
        (FigurePage, "figures"),
        (ClaimPage, "claims"),
    )
}
PAGE_EXAMPLES: dict[str, Any] = {name: EXAMPLES[resource] for name, resource in PAGES.items()}
# The related figures' example is from the test corpus of tests/api/test_related.py (the seed
# alone has none), and counts no facets.
PAGE_EXAMPLES[RelatedFigurePage.__name__] = EXAMPLES["related"]
PAGE_FACETS: dict[str, Any] = {name: EXAMPLES["facets"][r] for name, r in PAGES.items()}
