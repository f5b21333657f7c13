"""A page saved from a news site reads as its story: no banner, dateline, byline, caption or
notice becomes the title, a section, a claim or a figure, and each claim names its speaker."""

from __future__ import annotations

import pytest

from app.ingest.article import prepare_article
from app.ingest.pipeline import ArticleFacts
from app.ingest.seed import Seed

PAGE = """Skip to main content
Home › World › Americas
Port Town Bets on a Chinese Crane Deal

By Jane Doe and John Roe
02 April 2009
This article is more than 2 years old

PUERTO CABELLO, Venezuela (Reuters) - Venezuela signed a $1.2 billion port contract with \
China, the ministry said.

(Photo: Jane Doe/Example Wire)

"We will not retreat," Venezuela told Reuters on Friday.

Dr. Ana Ruiz, an economist at St. Petersburg University, said the deal was sound.

Analysts expect cargo volumes to triple by 2030, according to a Port Authority report.

Critics argue that the contract hands China too much control.

The government should publish the contract, the International Monetary Fund said in a statement.

Share on Facebook
Register now for FREE unlimited access to Example.com

Tags: ports, China, Venezuela
"""


def _read(text: str, slug: str, seed: Seed) -> ArticleFacts:
    facts, _ = prepare_article(
        text,
        source_name=f"{slug}.txt",
        slug=slug,
        title=None,
        annotations=None,
        curated=seed.curated,
    )
    return facts


@pytest.fixture(scope="module")
def page(seed: Seed) -> ArticleFacts:
    return _read(PAGE, "page", seed)


def test_the_title_keywords_and_one_section(page: ArticleFacts) -> None:
    assert page.article.title == "Port Town Bets on a Chinese Crane Deal"
    assert page.article.keywords == ["ports", "China", "Venezuela"]
    [section] = page.sections
    assert section.title == "Introduction"
    assert PAGE[section.start : section.end].startswith("PUERTO CABELLO, Venezuela (Reuters)")
    assert PAGE[section.start : section.end].endswith("said in a statement.")


def test_claims_their_kinds_and_speakers(page: ArticleFacts) -> None:
    assert [(c.text[:30], c.kind, c.speaker, c.speaker_actor) for c in page.claims] == [
        ("Venezuela signed a $1.2 billio", "fact", "the ministry", None),
        ('"We will not retreat," Venezue', "forecast", "Venezuela", "venezuela"),
        ("Dr. Ana Ruiz, an economist at ", "fact", "Dr. Ana Ruiz", None),
        ("Analysts expect cargo volumes ", "forecast", "Analysts", None),
        ("Critics argue that the contrac", "assessment", "Critics", None),
        (
            "The government should publish ",
            "prescription",
            "the International Monetary Fund",
            "international-monetary-fund",
        ),
    ]


def test_named_speakers_quote_the_text_and_are_among_the_claims_actors(
    page: ArticleFacts,
) -> None:
    actors = {(link.claim_id, link.actor_id) for link in page.claim_actors}
    for claim in page.claims:
        if claim.speaker is not None:
            assert claim.speaker in claim.text
        if claim.speaker_actor is not None:
            assert (claim.id, claim.speaker_actor) in actors


def test_he_or_she_is_the_sections_last_speaker(seed: Seed) -> None:
    text = (
        "Loans\n\nThe International Monetary Fund said the loan was large.\n"
        "Critics argue it is too large.\n"
        "The International Monetary Fund said it would review it."
        " It will report in May, she said.\n"
    )
    facts = _read(text, "loans", seed)
    assert [(c.speaker, c.speaker_actor) for c in facts.claims] == [
        ("The International Monetary Fund", "international-monetary-fund"),
        ("Critics", None),
        ("The International Monetary Fund", "international-monetary-fund"),
        ("she", "international-monetary-fund"),
    ]
    unresolved = _read("Loans\n\nCritics argue it is large. It grew, he said.\n", "l2", seed)
    assert [(c.speaker, c.speaker_actor) for c in unresolved.claims] == [
        ("Critics", None),
        ("he", None),
    ]


def test_only_the_story_holds_figures(page: ArticleFacts) -> None:
    assert [(f.quote, f.kind) for f in page.figures] == [
        ("$1.2 billion", "money"),
        ("triple", "measure"),
        ("by 2030", "period"),
    ]


def test_markdown_heading_numbers_are_no_figures(seed: Seed) -> None:
    text = "# Ports\n\n## 1. Cranes\nThe port bought 12 cranes.\n\n## 2. Ships\nShips came.\n"
    facts = _read(text, "ports", seed)
    assert [(text[f.start : f.start + 2], f.kind, f.value) for f in facts.figures] == [
        ("12", "count", 12.0)
    ]
