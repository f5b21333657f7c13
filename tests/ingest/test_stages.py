"""Each stage of the one-pass pipeline alone: its input is the previous stage's output."""

from __future__ import annotations

from app.ingest.claims import classify_claim
from app.ingest.curated import ActorEntry, ClaimOverride, Curated
from app.ingest.stages import (
    ReadWith,
    find_entities,
    judge_claims,
    read_document,
    read_figures,
    split_sentences,
)
from app.models.vocabulary import ActorKind, ClaimKind

TEXT = (
    "Gas and Power\n\n"
    "1. Deals in 2019\n"
    "Acme Holdings paid $5 billion. Analysts expect prices to rise.\n\n"
    "2. Outlook\n"
    "Rates should fall.\n"
)
ACME = ActorEntry(id="acme", name="Acme Holdings", kind=ActorKind.COMPANY)


def test_the_document_stage_finds_the_title_and_sections() -> None:
    document = read_document(TEXT)
    assert document.text is TEXT
    assert document.draft.title == "Gas and Power"
    assert [s.number for s in document.draft.sections] == ["1", "2"]


def test_the_sentence_stage_keeps_headings_as_spans_outside_the_body() -> None:
    sentences = split_sentences(read_document(TEXT))
    assert [(s.section, TEXT[s.start : s.end], s.in_body) for s in sentences.spans] == [
        # A heading's span starts at its title: its number is no figure.
        (0, "Deals in 2019\n", False),
        (0, "Acme Holdings paid $5 billion.", True),
        (0, "Analysts expect prices to rise.", True),
        (1, "Outlook\n", False),
        (1, "Rates should fall.", True),
    ]
    assert [s.text for s in sentences.body(1)] == ["Rates should fall."]


def test_the_entity_stage_takes_a_gazetteer_or_a_function_of_the_sentences() -> None:
    sentences = split_sentences(read_document(TEXT))
    fixed = find_entities(sentences, ReadWith(Curated(actors=(ACME,))))
    heard: list[int] = []

    def built(s: object) -> ReadWith:
        heard.append(len(sentences.spans))
        return ReadWith(Curated(actors=(ACME,)))

    assert find_entities(sentences, built).mentions == fixed.mentions
    assert heard == [5]
    assert [[m.surface for m in section] for section in fixed.mentions] == [["Acme Holdings"], []]


def test_the_figure_stage_reads_every_span_headings_included() -> None:
    sentences = split_sentences(read_document(TEXT))
    figures = read_figures(find_entities(sentences, ReadWith(Curated())))
    assert [[f.quote for f in span] for span in figures.figures] == [
        ["2019"],
        ["$5 billion"],
        [],
        [],
        [],
    ]


def test_the_claim_stage_judges_body_sentences_and_applies_overrides() -> None:
    sentences = split_sentences(read_document(TEXT))
    figures = read_figures(find_entities(sentences, ReadWith(Curated())))
    override = ClaimOverride(text="Acme Holdings paid", kind=ClaimKind.ASSESSMENT, article="x")
    missing = ClaimOverride(text="No such sentence.", kind=ClaimKind.FACT, article="x")
    claims = judge_claims(figures, [override, missing])
    # Headings are no claims; body sentences get the classifier's kind or the override's.
    assert claims.kinds == (
        None,
        ClaimKind.ASSESSMENT,
        classify_claim("Analysts expect prices to rise."),
        None,
        classify_claim("Rates should fall."),
    )
    assert claims.unused_overrides == ("No such sentence.",)


def test_the_entity_stage_reads_names_in_sentences_not_in_furniture() -> None:
    text = (
        "Gas and Power\n\n"
        "1. Deals\n"
        "Acme Holdings paid $5 billion.\n\n"
        "Read more: Acme Holdings buys a rival\n\n"
        "Prices rose.\n"
    )
    sentences = split_sentences(read_document(text))
    entities = find_entities(sentences, ReadWith(Curated(actors=(ACME,))))
    # The related-link line is furniture: its name is no mention of the article's.
    assert [[(m.surface, m.start) for m in section] for section in entities.mentions] == [
        [("Acme Holdings", text.index("Acme"))]
    ]
