"""An article's text in, its facts out: the rows a load writes, with stable ids.

The same code serves the seed and `ingest`. Everything here is a pure function of the text and
the curated facts, so the same input always gives the same rows and the same ids.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

from app.core.folding import fold
from app.ingest.actors import Gazetteer, MentionDraft
from app.ingest.claims import classify_claim, is_assertive
from app.ingest.curated import ActorEntry, Curated
from app.ingest.drafts import FigureDraft, SectionDraft
from app.ingest.figures import extract_figures
from app.ingest.language import detect_language
from app.ingest.metadata import ArticleMeta
from app.ingest.rows import (
    TABLES,
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
from app.ingest.sentences import split_sentences
from app.ingest.structure import parse_document
from app.models.tables import Actor
from app.models.vocabulary import NAME_SEPARATOR


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
    text: str,
    *,
    slug: str,
    source_name: str,
    curated: Curated,
    title: str | None = None,
    meta: ArticleMeta = ArticleMeta(),  # noqa: B008 (frozen, so one shared default is safe)
    progress: Callable[[str], None] | None = None,
    blocked: Sequence[str] = (),
) -> ArticleFacts:
    """Reads `text` into rows. Raises PipelineError when a curated entry matches nothing.

    `progress`, when given, hears "sentences i/N" after each section: long articles take a
    while, and the sentences are what the time goes on. `blocked` phrases hide the actor
    names inside them (see `Gazetteer`).
    """
    doc = parse_document(text)
    # Split first, so progress can say how many sentences there are in all.
    sentences = [split_sentences(text, d.body_start, d.body_end) for d in doc.sections]
    total, done = sum(len(s) for s in sentences), 0
    gazetteer = Gazetteer(curated.actors, blocked)
    claim_overrides = [c for c in curated.claims if c.article in (None, slug)]
    measure_overrides = {f.quote: f for f in curated.figures if f.article in (None, slug)}
    used_claims: set[int] = set()
    used_measures: set[str] = set()

    article = ArticleRow(
        id=slug,
        title=title or doc.title,
        # Declared (front matter, the page, an option), else read from the text itself.
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

    for position, (draft, section_sentences) in enumerate(
        zip(doc.sections, sentences, strict=True)
    ):
        sid = ids.section(draft, taken)
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
        mentions = gazetteer.find(text, draft.start, draft.end)
        for m in mentions:
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
        def actors_within(
            start: int,
            end: int,
            found: list[MentionDraft] = mentions,
            starts: list[int] = [m.start for m in mentions],  # noqa: B006 (read only)
        ) -> list[str]:
            chosen = found[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]
            return list(dict.fromkeys(m.actor_id for m in chosen))

        spans: list[tuple[int, int, bool]] = []
        if draft.body_start > draft.start:
            spans.append((draft.start, draft.body_start, False))
        spans += [(s.start, s.end, True) for s in section_sentences]

        for start, end, in_body in spans:
            sentence = text[start:end]
            claim_id: str | None = None
            actors = actors_within(start, end)
            if in_body and is_assertive(sentence):
                kind = classify_claim(sentence)
                for i, override in enumerate(claim_overrides):
                    if sentence.startswith(override.text):
                        kind = override.kind
                        used_claims.add(i)
                claim_id = ids.make("c", sentence)
                facts.claims.append(
                    ClaimRow(
                        id=claim_id,
                        article_id=slug,
                        section_id=sid,
                        position=len(facts.claims),
                        text=sentence,
                        kind=kind.value,
                        start=start,
                        end=end,
                    )
                )
                facts.claim_actors += [ClaimActorRow(claim_id=claim_id, actor_id=a) for a in actors]
            for fdraft in extract_figures(text, start, end):
                fid = ids.make("f", fdraft.quote)
                measure = fdraft.measure
                if fdraft.quote in measure_overrides:
                    measure = measure_overrides[fdraft.quote].measure
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
        done += len(section_sentences)
        if progress is not None:
            progress(f"sentences {done}/{total}")

    unused = [o.text for i, o in enumerate(claim_overrides) if i not in used_claims and o.article]
    unused += [q for q, o in measure_overrides.items() if q not in used_measures and o.article]
    if unused:
        raise PipelineError(
            f"{slug}: curated entries match nothing in the text: {', '.join(map(repr, unused))}"
        )
    facts.article = article._replace(fingerprint=fingerprint(facts))
    return facts


# What json.dumps(data, sort_keys=True, ensure_ascii=False) does, with the keys sorted once per
# table below rather than for every row.
_to_json = json.JSONEncoder(ensure_ascii=False).encode


# Not facts of the text: the digest itself, and when a load wrote it.
_UNHASHED = frozenset({"fingerprint", "added", "updated"})


def _hashed_columns(row_class: type[Row]) -> tuple[str, tuple[str, ...], itemgetter[Any]]:
    """The table's class name, its columns but the fingerprint and the load's time stamps
    sorted, and their getter."""
    names = tuple(sorted(set(row_class._fields) - _UNHASHED))
    positions = [row_class._fields.index(name) for name in names]
    return TABLES[row_class].__name__, names, itemgetter(*positions)


_HASHED = {row_class: _hashed_columns(row_class) for row_class in TABLES}


def fingerprint(facts: ArticleFacts) -> str:
    """A digest of every row but the fingerprint itself: equal digests, identical facts.

    Each row is hashed as its table's class name and its columns as sorted JSON, as when the
    rows were SQLModel objects (`model_dump`), so stored fingerprints stay valid. One digest
    of the concatenation is the digest of the parts fed one by one.
    """
    parts: list[str] = []
    for row in facts.rows():
        table, names, get = _HASHED[type(row)]
        parts += (table, _to_json(dict(zip(names, get(row), strict=True))))
    return hashlib.sha256("".join(parts).encode()).hexdigest()
