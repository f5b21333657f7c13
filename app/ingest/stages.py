"""Ingest as one pass through named stages, each a pure function of the stage before it.

    text -> read_document   -> Document   (structure: title, sections, keywords; furniture out)
         -> split_sentences -> Sentences  (every span facts are read from, in text order)
         -> find_entities   -> Entities   (the actors to read with, and each section's mentions)
         -> read_figures    -> Figures    (the figures of each span)
         -> judge_claims    -> Claims     (which spans are claims, and of what kind)
         -> rows            (app/ingest/pipeline.py: ids, rows; app/ingest/fingerprint.py)

Every stage after the document's takes the article's reading language, "en" or "es"
(app/ingest/language.py): its sentences, figures, claims and speakers are read by that
language's rules. The document stage is the same for both: furniture and keyword lines are
recognised in either language, since a Spanish site's buttons can frame an English story.

The text is parsed once and split once: no stage reads what an earlier one produced again.
Each stage's output holds the previous one's, so a later stage (or a test) sees everything
before it. The entities stage takes its gazetteer as a value: the seed reads with its curated
actors only, `ingest` with the curated, built-in, proposed and recognised ones
(app/ingest/gazetteer.py), and the optional recognizer runs inside that (app/ingest/recognizer.py).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from app.ingest.actors import Gazetteer, MentionDraft
from app.ingest.claims import classify_claim, is_assertive
from app.ingest.curated import ActorEntry, ClaimOverride, Curated
from app.ingest.drafts import DocumentDraft, FigureDraft, SentenceDraft
from app.ingest.figures import extract_figures
from app.ingest.sentences import split_sentences as split_span
from app.ingest.structure import parse_document
from app.models.vocabulary import ClaimKind

__all__ = [
    "Claims",
    "Document",
    "Entities",
    "Figures",
    "ReadWith",
    "Sentences",
    "Span",
    "find_entities",
    "judge_claims",
    "read_document",
    "read_figures",
    "split_sentences",
]


@dataclass(frozen=True, slots=True)
class Document:
    text: str
    draft: DocumentDraft


@dataclass(frozen=True, slots=True)
class Span:
    """A run of text facts are read from: a section's heading (`in_body` False: figures but
    never a claim) or one of its sentences."""

    section: int  # index into the document's sections
    start: int
    end: int
    in_body: bool


@dataclass(frozen=True, slots=True)
class Sentences:
    document: Document
    spans: tuple[Span, ...]  # in text order, section by section

    def body(self, section: int | None = None) -> list[SentenceDraft]:
        """The body sentences, of one section or all, as drafts."""
        text = self.document.text
        return [
            SentenceDraft(s.start, s.end, text[s.start : s.end])
            for s in self.spans
            if s.in_body and (section is None or s.section == section)
        ]


@dataclass(frozen=True, slots=True)
class ReadWith:
    """The actors an article is read with: `curated` holds every entry (curated, built-in,
    proposed, recognised); `always` are written whether or not the article names them."""

    curated: Curated
    always: tuple[ActorEntry, ...] = ()
    blocked: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Entities:
    sentences: Sentences
    actors: ReadWith
    mentions: tuple[tuple[MentionDraft, ...], ...]  # per section, in text order


@dataclass(frozen=True, slots=True)
class Figures:
    entities: Entities
    figures: tuple[tuple[FigureDraft, ...], ...]  # per span of `spans`


@dataclass(frozen=True, slots=True)
class Claims:
    figures: Figures
    kinds: tuple[ClaimKind | None, ...]  # per span: None when the span is no claim
    unused_overrides: tuple[str, ...]  # article-specific overrides that matched no sentence


def read_document(text: str) -> Document:
    return Document(text, parse_document(text))


def split_sentences(document: Document, language: str = "en") -> Sentences:
    """Each section's heading and body sentences, split by `language`'s rules ("en", "es")."""
    spans: list[Span] = []
    text = document.text
    for i, section in enumerate(document.draft.sections):
        if section.body_start > section.start:
            spans.append(Span(i, section.title_start, section.body_start, in_body=False))
        spans += [
            Span(i, s.start, s.end, in_body=True)
            for s in split_span(text, section.body_start, section.body_end, language)
        ]
    return Sentences(document, tuple(spans))


def find_entities(
    sentences: Sentences, read_with: Callable[[Sentences], ReadWith] | ReadWith
) -> Entities:
    """Every mention of every actor, section by section. `read_with` is the gazetteer, or a
    function of the sentences that builds one (finding candidates and recognised names)."""
    actors = read_with if isinstance(read_with, ReadWith) else read_with(sentences)
    gazetteer = Gazetteer(actors.curated.actors, actors.blocked)
    text = sentences.document.text
    found: list[list[MentionDraft]] = [[] for _ in sentences.document.draft.sections]
    for span in sentences.spans:
        found[span.section] += gazetteer.find(text, span.start, span.end)
    mentions = tuple(map(tuple, found))
    return Entities(sentences, actors, mentions)


def read_figures(entities: Entities, language: str = "en") -> Figures:
    """The figures of every span, read by `language`'s rules ("en", "es")."""
    text = entities.sentences.document.text
    return Figures(
        entities,
        tuple(
            tuple(extract_figures(text, s.start, s.end, language=language))
            for s in entities.sentences.spans
        ),
    )


def judge_claims(
    figures: Figures, overrides: Sequence[ClaimOverride] = (), language: str = "en"
) -> Claims:
    """A body sentence that asserts something is a claim, of the kind its words say in
    `language` ("en", "es") unless an override (matched on the sentence's start) says
    otherwise."""
    text = figures.entities.sentences.document.text
    used: set[int] = set()
    kinds: list[ClaimKind | None] = []
    for span in figures.entities.sentences.spans:
        sentence = text[span.start : span.end]
        if not (span.in_body and is_assertive(sentence, language)):
            kinds.append(None)
            continue
        kind = classify_claim(sentence, language)
        for i, override in enumerate(overrides):
            if sentence.startswith(override.text):
                kind = override.kind
                used.add(i)
        kinds.append(kind)
    unused = tuple(o.text for i, o in enumerate(overrides) if i not in used and o.article)
    return Claims(figures, tuple(kinds), unused)
