"""What `GET /v1/search` returns. Field descriptions become the OpenAPI document."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from app.models.schemas import ArticleMeta, Page, Schema


class SearchType(StrEnum):
    SECTION = "section"
    CLAIM = "claim"
    FIGURE = "figure"
    ACTOR = "actor"


class SearchMode(StrEnum):
    ALL = "all"
    ANY = "any"


class SearchHit(Schema):
    type: SearchType
    id: str = Field(description="Id of the section, claim, figure or actor.")
    title: str = Field(
        description="Section title, actor name, claim text (cut near 120 characters) or figure "
        "quote; plain text.",
        examples=["A legacy of the Chávez years"],
    )
    snippet: str = Field(
        description="HTML: the matched words wrapped in `<mark>`...`</mark>`, everything else "
        "escaped; `…` where text was left out.",
        examples=["including air defense systems, tanks, and <mark>Sukhoi</mark> fighter jets."],
    )
    score: float = Field(
        description="Relevance (BM25 over the title, text and other names, weighted): higher "
        "is better. Scores compare results of one query, not of different queries."
    )
    section: str | None = Field(
        description="Id of the section the fact is in (a section's own id); null for actors."
    )
    article: str | None = Field(description="Id of the article; null for actors.")
    article_meta: ArticleMeta | None = Field(
        description="The article's title, publisher and date, to cite it; null for actors."
    )


class FacetCount(Schema):
    value: str = Field(description="A type, a section id, an actor id or an article id.")
    count: int = Field(ge=1, description="Results with that value, over all pages.")


class SearchFacets(Schema):
    """Each facet lists its 100 values with the most results (ties by value)."""

    type: list[FacetCount] = Field(description="Results by type, most first.")
    section: list[FacetCount] = Field(description="Results by section, most first.")
    actor: list[FacetCount] = Field(
        description="Results by actor: the actor itself, or facts that name it; most first."
    )
    article: list[FacetCount] = Field(
        description="Results by article (sections, claims and figures; actors are in none), "
        "most first: `article=` narrows the search to one.",
    )


class SearchPage(Page[SearchHit]):
    mode: SearchMode = Field(
        description='"all": every word matched; "any": no result had them all, so these match '
        "at least one word."
    )
    facets: SearchFacets
    suggestion: str | None = Field(
        description="The query with misspelt-looking words replaced by the closest indexed "
        "words, when a word has no or almost no matches; else null.",
        examples=["venezuela"],
    )
    facets_exact: bool = Field(
        description="Whether every count in `facets` is exact: true up to 10,000 matches; past "
        "them each index segment's 160 most common values of a facet are counted, and a count "
        "may be low."
    )
