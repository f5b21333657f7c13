"""The realistic benchmark corpus (bench/realistic.py): the same on every run, a large
vocabulary, and articles the pipeline reads like the seed."""

from __future__ import annotations

import re

from app.core.folding import fold
from app.ingest.article import prepare_article
from app.ingest.metadata import ArticleMeta
from app.ingest.seed import Seed
from app.models.vocabulary import ActorKind
from app.search.query import tokens
from bench import corpus, realistic

_HEADING = re.compile(r"^\d+(?:\.\d+)*\. \S", re.MULTILINE)


def _distinct_words(texts: list[str]) -> int:
    return len({word for text in texts for word in tokens(fold(text))})


def test_an_article_is_a_pure_function_of_its_number() -> None:
    assert realistic.article(7) == realistic.article(7)
    assert list(realistic.articles(3, start=5)) == [realistic.article(i) for i in range(5, 8)]
    assert realistic.article(7)[1] != realistic.article(8)[1]


def test_two_hundred_articles_have_the_vocabulary_of_real_prose() -> None:
    # Pinned: wordfreq 3.1.1's English list and the gazetteer's countries decide it. The
    # worst-case corpus (bench/corpus.py) has the seed's few hundred words.
    texts = [text for _, text in realistic.articles(200)]
    assert _distinct_words(texts) == 18_547
    assert _distinct_words([text for _, text in corpus.articles(200)]) < 1_000
    lengths = [len(text.split()) for text in texts]
    assert min(lengths) >= 750
    assert max(lengths) <= 1_800
    assert 1_000 <= sorted(lengths)[len(lengths) // 2] <= 1_300


def test_ingest_reads_the_sections_actors_figures_and_claims_of_an_article(seed: Seed) -> None:
    slug, text = realistic.article(0)
    facts, actors = prepare_article(
        text,
        source_name=f"{slug}.txt",
        slug=slug,
        title=None,
        annotations=None,
        curated=seed.curated,
        meta=ArticleMeta(language="en"),
    )
    # Every numbered heading, and the introduction before the first.
    assert len(facts.sections) == len(_HEADING.findall(text)) + 1 == 13
    # The gazetteer's countries and the organisations the rules find (people need the
    # recognizer, which this does not load).
    kinds = {a.kind for a in actors if a.id in {m.actor_id for m in facts.mentions}}
    assert {ActorKind.COUNTRY, ActorKind.ORGANIZATION} <= kinds
    assert facts.figures
    assert facts.claims
