"""An article's text in, its facts out: the rows a load writes, with stable ids.

The same code serves the seed and `ingest`. Everything here is a pure function of the text and
the curated facts, so the same input always gives the same rows and the same ids.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from app.core.folding import fold
from app.ingest.countries import builtin_countries
from app.ingest.countries_es import without_spanish_names
from app.ingest.curated import ActorEntry, Curated, FigureOverride
from app.ingest.drafts import FigureDraft, SectionDraft
from app.ingest.fingerprint import fingerprint
from app.ingest.language import UnsupportedLanguageError, detect_language, reading_language
from app.ingest.metadata import ArticleMeta
from app.ingest.rows import (
    ArticleRow,
    ClaimActorRow,
    ClaimFigureRow,
    ClaimRow,
    FigureActorRow,
    FigureRow,
    MentionRow,
    Row,
    SectionRow,
)
from app.ingest.speakers import find_speaker, resolve_speaker
from app.ingest.speakers_es import find_speaker_es, resolve_speaker_es
from app.ingest.stages import (
    Claims,
    Document,
    ReadWith,
    Sentences,
    find_entities,
    judge_claims,
    read_document,
    read_figures,
    split_sentences,
)
from app.models.tables import Actor
from app.models.vocabulary import NAME_SEPARATOR

# Who said it, by the reading language's rules: the speaker's phrase, then its actor.
_SPEAKERS = {"en": (find_speaker, resolve_speaker), "es": (find_speaker_es, resolve_speaker_es)}


class PipelineError(ValueError):
    """The text and the curated facts do not fit together; the message says where."""


@dataclass
class ArticleFacts:
    """Every row one article contributes, ready to insert."""

    article: ArticleRow
    sections: list[SectionRow] = field(default_factory=list)
    mentions: list[MentionRow] = field(default_factory=list)
    claims: list[ClaimRow] = field(default_factory=list)
    figures: list[FigureRow] = field(default_factory=list)
    claim_actors: list[ClaimActorRow] = field(default_factory=list)
    claim_figures: list[ClaimFigureRow] = field(default_factory=list)
    figure_actors: list[FigureActorRow] = field(default_factory=list)

    def rows(self) -> list[Row]:
        """In an order that satisfies every foreign key."""
        return [
            self.article,
            *self.sections,
            *self.mentions,
            *self.claims,
            *self.figures,
            *self.claim_actors,
            *self.claim_figures,
            *self.figure_actors,
        ]


def short_hash(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:12]


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")[:60] or "untitled"


def actor_row(entry: ActorEntry) -> Actor:
    """The stored actor, without the Spanish names a Spanish article was read with
    (countries_es.py): its row is the same whatever the language of the article that wrote
    it."""
    entry = without_spanish_names(entry, builtin_countries().codes)
    return Actor(
        id=entry.id,
        name=entry.name,
        kind=entry.kind.value,
        aliases=list(entry.aliases),
        affiliation_id=entry.affiliation,
        reviewed=entry.reviewed,
        search_names=NAME_SEPARATOR.join(fold(n) for n in entry.names),
    )


class _Ids:
    """Content-derived ids: the same words at the same rank in the article get the same id."""

    def __init__(self, slug: str) -> None:
        self.slug = slug
        self._seen: Counter[tuple[str, ...]] = Counter()

    def make(self, prefix: str, *content: str) -> str:
        key = (prefix, *content)
        self._seen[key] += 1
        return f"{prefix}-{short_hash(self.slug, *content, str(self._seen[key]))}"

    def section(self, draft: SectionDraft, taken: set[str]) -> str:
        if draft.number is not None:
            base = f"{self.slug}-{draft.number.replace('.', '-')}"
        elif draft.level == 1 and not taken:
            base = f"{self.slug}-intro"
        else:
            base = f"{self.slug}-{slugify(draft.title)}"
        candidate, n = base, 1
        while candidate in taken:
            n += 1
            candidate = f"{base}-{n}"
        taken.add(candidate)
        return candidate


def _period_year(value: str | None) -> int | None:
    return int(value[:4]) if value else None


def _figure_row(
    draft: FigureDraft,
    *,
    fid: str,
    article: str,
    section: str,
    claim: str | None,
    position: int,
    measure: str | None,
) -> FigureRow:
    return FigureRow(
        id=fid,
        article_id=article,
        section_id=section,
        claim_id=claim,
        position=position,
        quote=draft.quote,
        kind=draft.kind.value,
        value=draft.value,
        unit=draft.unit,
        comparator=draft.comparator.value,
        period_start=draft.period_start,
        period_end=draft.period_end,
        period_start_year=_period_year(draft.period_start),
        period_end_year=_period_year(draft.period_end),
        measure=measure,
        start=draft.start,
        end=draft.end,
        value_max=draft.value_max,
        change=draft.change.value if draft.change else None,
    )


def build_article(
    text: str | Document,
    *,
    slug: str,
    source_name: str,
    curated: Curated,
    title: str | None = None,
    meta: ArticleMeta = ArticleMeta(),  # noqa: B008 (frozen, so one shared default is safe)
    progress: Callable[[str], None] | None = None,
    blocked: Sequence[str] = (),
    read_with: Callable[[Sentences], ReadWith] | None = None,
) -> ArticleFacts:
    """Reads `text` into rows, in one pass through the stages of app/ingest/stages.py.
    Raises PipelineError when a curated entry matches nothing. `text` may be the document
    stage's output already.

    The actors are `curated`'s, `blocked` phrases hiding the names inside them (see
    `Gazetteer`), unless `read_with` builds the gazetteer from the sentences (as `ingest`
    does: app/ingest/gazetteer.py). `progress`, when given, hears each stage's name.
    """
    report = progress or _quiet
    if isinstance(text, str):
        report("structure")
        text = read_document(text)
    document = text
    # Declared (front matter, the page, an option), else read from the text itself; the
    # stages read it with that language's rules (English for `und`), any other is refused.
    meta = replace(meta, language=meta.language or detect_language(document.text))
    try:
        language = reading_language(meta.language or "und").value
    except UnsupportedLanguageError as exc:
        raise PipelineError(f"{slug}: {exc}") from None
    report("sentences")
    sentences = split_sentences(document, language)
    report(f"actors ({len(sentences.spans)} sentences)")
    fixed = ReadWith(Curated(actors=curated.actors), blocked=tuple(blocked))
    entities = find_entities(sentences, read_with or fixed)
    report("figures")
    figures = read_figures(entities, language)
    report("claims")
    overrides = [c for c in curated.claims if c.article in (None, slug)]
    claims = judge_claims(figures, overrides, language)
    measures = {f.quote: f for f in curated.figures if f.article in (None, slug)}
    facts, used_measures = article_rows(
        claims,
        slug=slug,
        source_name=source_name,
        title=title,
        meta=meta,
        measures=measures,
        language=language,
    )
    unused = [*map(repr, claims.unused_overrides)]
    unused += [repr(q) for q, o in measures.items() if q not in used_measures and o.article]
    if unused:
        raise PipelineError(
            f"{slug}: curated entries match nothing in the text: {', '.join(unused)}"
        )
    return facts


def _quiet(_: str) -> None:
    return None


def article_rows(
    claims: Claims,
    *,
    slug: str,
    source_name: str,
    title: str | None,
    meta: ArticleMeta,
    measures: dict[str, FigureOverride],
    language: str = "en",
) -> tuple[ArticleFacts, set[str]]:
    """The rows stage: ids, rows and the fingerprint from the claims stage's output, and the
    quotes of `measures` that were used; speakers are read with `language`'s rules."""
    figures = claims.figures
    entities = figures.entities
    spans = entities.sentences.spans
    text = entities.sentences.document.text
    doc = entities.sentences.document.draft
    article = ArticleRow(
        id=slug,
        title=title or doc.title,
        language=meta.language or detect_language(text),
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        keywords=list(doc.keywords),
        source_text=text,
        source_name=source_name,
        source_url=meta.source_url,
        publisher=meta.publisher,
        authors=list(meta.authors),
        published=meta.published,
        # Stamped by the load that writes the article (app/ingest/loader.py).
        added="",
        updated="",
        fingerprint="",
    )
    facts = ArticleFacts(article=article)
    ids = _Ids(slug)
    taken: set[str] = set()
    by_number: dict[str, str] = {}
    last_at_level: dict[int, str] = {}
    used_measures: set[str] = set()
    section_ids: list[str] = []

    for position, draft in enumerate(doc.sections):
        sid = ids.section(draft, taken)
        section_ids.append(sid)
        if draft.number is not None:
            by_number[draft.number] = sid
        parent = (
            by_number.get(draft.parent_number)
            if draft.parent_number is not None
            else last_at_level.get(draft.level - 1)
            if draft.number is None and draft.level > 1
            else None
        )
        last_at_level[draft.level] = sid
        facts.sections.append(
            SectionRow(
                id=sid,
                article_id=slug,
                number=draft.number,
                title=draft.title,
                level=draft.level,
                parent_id=parent,
                position=position,
                start=draft.start,
                end=draft.end,
                body=text[draft.body_start : draft.body_end],
            )
        )
        for m in entities.mentions[position]:
            facts.mentions.append(
                MentionRow(
                    id=ids.make("m", m.actor_id, m.surface),
                    article_id=slug,
                    actor_id=m.actor_id,
                    section_id=sid,
                    start=m.start,
                    end=m.end,
                    surface=m.surface,
                )
            )

    # The mentions come in text order: a sentence's are a slice, found by bisection (a scan
    # of all of them for each sentence made a long article take minutes).
    mentions = [m for section in entities.mentions for m in section]
    starts = [m.start for m in mentions]

    def actors_within(start: int, end: int) -> list[str]:
        chosen = mentions[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]
        return list(dict.fromkeys(m.actor_id for m in chosen))

    find, resolve = _SPEAKERS[language]
    speaker_actor: str | None = None  # the section's last resolved speaker, for "he said"
    speaker_name: str | None = None  # and as written, for a Spanish verb with no subject
    section = -1
    for span, kind, span_figures in zip(spans, claims.kinds, figures.figures, strict=True):
        if span.section != section:
            section, speaker_actor, speaker_name = span.section, None, None
        sid = section_ids[span.section]
        sentence = text[span.start : span.end]
        actors = actors_within(span.start, span.end)
        claim_id: str | None = None
        if kind is not None:
            claim_id = ids.make("c", sentence)
            speaker = find(text, span.start, span.end)
            if speaker is not None and not speaker.name:  # "«…», añadió.": who spoke last
                speaker = replace(speaker, name=speaker_name) if speaker_name else None
            elif speaker is not None:
                speaker_actor = resolve(speaker, entities.mentions[span.section], speaker_actor)
                speaker_name = speaker.name
            facts.claims.append(
                ClaimRow(
                    id=claim_id,
                    article_id=slug,
                    section_id=sid,
                    position=len(facts.claims),
                    text=sentence,
                    kind=kind.value,
                    start=span.start,
                    end=span.end,
                    speaker=speaker.name if speaker else None,
                    speaker_actor=speaker_actor if speaker else None,
                )
            )
            facts.claim_actors += [ClaimActorRow(claim_id=claim_id, actor_id=a) for a in actors]
        for fdraft in span_figures:
            fid = ids.make("f", fdraft.quote)
            measure = fdraft.measure
            if fdraft.quote in measures:
                measure = measures[fdraft.quote].measure
                used_measures.add(fdraft.quote)
            facts.figures.append(
                _figure_row(
                    fdraft,
                    fid=fid,
                    article=slug,
                    section=sid,
                    claim=claim_id,
                    position=len(facts.figures),
                    measure=measure,
                )
            )
            facts.figure_actors += [FigureActorRow(figure_id=fid, actor_id=a) for a in actors]
            if claim_id is not None:
                facts.claim_figures.append(ClaimFigureRow(claim_id=claim_id, figure_id=fid))
    facts.article = article._replace(fingerprint=fingerprint(facts.rows()))
    return facts, used_measures
