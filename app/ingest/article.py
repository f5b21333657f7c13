"""One new article, from the bytes someone sends to the facts and actors a load writes.

The same two steps serve `article-facts ingest` and the HTTP endpoint: `read_document` checks the
bytes are a text this service can read and splits off its front matter (app/ingest/front_matter.py),
or, for a web page, extracts its main text and metadata (app/ingest/html.py);
`prepare_article` reads the text into facts. Both
raise `IngestError`, whose `status` is the HTTP status to answer with and whose message says
what is wrong in words a person who sent the file can act on.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable
from dataclasses import replace

from pydantic import ValidationError

from app.core.folding import fold
from app.ingest.curated import SLUG, ActorEntry, Curated, CuratedError
from app.ingest.drafts import DocumentDraft
from app.ingest.front_matter import FrontMatterError, split_front_matter
from app.ingest.gazetteer import gazetteer_for, problems
from app.ingest.html import HtmlError, read_html
from app.ingest.language import UnsupportedLanguageError, detect_language, reading_language
from app.ingest.metadata import ArticleMeta
from app.ingest.pipeline import ArticleFacts, PipelineError, build_article
from app.ingest.recognizer import Recognizer, RecognizerError
from app.ingest.stages import ReadWith, Sentences
from app.ingest.stages import read_document as read_stage
from app.ingest.structure import parse_document

__all__ = [
    "MAX_ARTICLE_BYTES",
    "MAX_SLUG_CHARS",
    "MAX_TITLE_CHARS",
    "IngestError",
    "article_slug",
    "prepare_article",
    "read_article",
    "read_document",
    "too_large",
]

# An analysis article runs to 5-50 KiB; 2 MiB leaves room for a book chapter and keeps one
# request's work (parsing, one load) well under a second per 100 KiB.
MAX_ARTICLE_BYTES = 2 * 1024 * 1024
MAX_SLUG_CHARS = 60
MAX_TITLE_CHARS = 300
# More than this share of control characters and it is not prose, whatever it decodes to.
_MAX_CONTROL_SHARE = 0.01
_WHITESPACE_CONTROLS = frozenset("\t\n\r\f\v")
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


class IngestError(ValueError):
    """The input cannot become an article; `status` is the HTTP status that says why."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


def read_article(data: bytes, *, source_name: str) -> str:
    """The text of `data`, if it is UTF-8 text within the size limit with a body after its
    title. No newline translation: offsets count into exactly what was sent."""
    if len(data) > MAX_ARTICLE_BYTES:
        raise too_large(source_name, len(data))
    if not data.strip():
        raise IngestError(f"{source_name}: empty: there is no text to read", 400)
    if data.startswith(_UTF16_BOMS):
        raise IngestError(f"{source_name}: UTF-16 text; save it as UTF-8", 415)
    if (nul := data.find(b"\x00")) >= 0:
        raise IngestError(f"{source_name}: binary data, not text (a NUL byte at byte {nul})", 415)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise IngestError(
            f"{source_name}: not UTF-8 text ({exc.reason} at byte {exc.start}); save it as UTF-8",
            415,
        ) from None
    text = text.removeprefix("\ufeff")  # a byte-order mark is no part of the title
    controls = sum(1 for c in text if unicodedata.category(c) == "Cc")
    controls -= sum(text.count(c) for c in _WHITESPACE_CONTROLS)
    if controls > _MAX_CONTROL_SHARE * len(text):
        raise IngestError(
            f"{source_name}: binary data, not text ({controls:,} control characters "
            f"in {len(text):,})",
            415,
        )
    _require_body(text, source_name)
    return text


def read_document(data: bytes, *, source_name: str, html: bool = False) -> tuple[str, ArticleMeta]:
    """The article's text and the metadata its front matter (or, with `html`, the web page)
    declares. The front matter is not part of the text: the stored text, which every offset
    counts into, starts after it, with the front matter's `title` as its first line when the
    body does not open with it. A page's text is its main text as Markdown, title first."""
    if html:
        return _read_page(data, source_name)
    read_article(data, source_name=source_name)  # every check on the bytes as sent
    text = data.decode("utf-8").removeprefix("\ufeff")
    try:
        meta, title, body = split_front_matter(text)
    except FrontMatterError as exc:
        raise IngestError(f"{source_name}: {exc}", 422) from None
    if body is text:
        return text, meta
    if title is not None:
        title = _checked_title(title)
        if parse_document(body).title != title:
            body = f"{title}\n\n{body}"
    _require_body(body, source_name)
    return body, meta


def _read_page(data: bytes, source_name: str) -> tuple[str, ArticleMeta]:
    if len(data) > MAX_ARTICLE_BYTES:
        raise too_large(source_name, len(data))
    if not data.strip():
        raise IngestError(f"{source_name}: empty: there is no text to read", 400)
    try:
        text, meta = read_html(data)
    except HtmlError as exc:
        raise IngestError(f"{source_name}: {exc}", 422) from None
    _require_body(text, source_name)
    return text, meta


def too_large(source_name: str, size: int | None) -> IngestError:
    """The error for an input over MAX_ARTICLE_BYTES; `size` None when the reader stopped
    at the limit and the full size is unknown (a stream)."""
    what = f"{size:,} bytes" if size is not None else "more than that"
    return IngestError(
        f"{source_name}: too large: the limit is {MAX_ARTICLE_BYTES:,} bytes (2 MiB), "
        f"this is {what}",
        413,
    )


def article_slug(title: str) -> str:
    """ "Russia and China in Latin America: ..." -> "russia-and-china-in-latin-america-...",
    at most MAX_SLUG_CHARS, cut between words. A title with no Latin letters or digits
    ("中文") gets one from its own hash: two such articles must not share a slug, which would
    make the second replace the first."""
    slug = re.sub(r"[^a-z0-9]+", "-", fold(title)).strip("-")
    if len(slug) > MAX_SLUG_CHARS:
        cut = slug[: MAX_SLUG_CHARS + 1]
        slug = cut[: cut.rfind("-")] if "-" in cut else cut[:MAX_SLUG_CHARS]
    return slug.strip("-") or f"article-{hashlib.sha256(title.encode()).hexdigest()[:10]}"


def prepare_article(
    text: str,
    *,
    source_name: str,
    slug: str | None,
    title: str | None,
    annotations: Curated | None,
    curated: Curated,
    meta: ArticleMeta = ArticleMeta(),  # noqa: B008 (frozen, so one shared default is safe)
    progress: Callable[[str], None] | None = None,
    recognizer: Recognizer | None = None,
) -> tuple[ArticleFacts, list[ActorEntry]]:
    """The facts of `text`, and every actor entry the load must write for them.

    `slug` defaults to the title's slug; `title` replaces the text's first line as the stored
    title (that line is still read as the title, not as body). The actors are the curated
    and annotated entries, all of them, and the built-in countries and proposed candidates
    the article mentions, and the people and organisations the rules and the optional
    `recognizer` find there. The text is read once, through the stages of app/ingest/stages.py,
    by the rules of its language (`meta.language`, else detected): an article in a language
    other than English or Spanish is refused (422), one whose language is undetermined is
    read as English.
    """
    report = progress or _quiet
    if title is not None:
        title = _checked_title(title)
    if slug is not None and not (SLUG.fullmatch(slug) and len(slug) <= MAX_SLUG_CHARS):
        raise IngestError(
            f"slug {slug!r}: use lower-case letters, digits and single hyphens, "
            f"at most {MAX_SLUG_CHARS} characters",
            422,
        )
    # The language decides the rules, so it is settled first: declared, else detected (a
    # server detects it in a worker before this: app/ingest/model_workers.py).
    language = meta.language or detect_language(text)
    try:
        rules = reading_language(language).value
    except UnsupportedLanguageError as exc:
        raise IngestError(f"{source_name}: {exc}", 422) from None
    meta = replace(meta, language=language)
    report("structure")
    document = read_stage(text)
    doc = _require_body(document.draft, source_name)
    slug = slug or article_slug(title or doc.title)
    read_with: list[ReadWith] = []
    try:
        user = curated.merged(annotations) if annotations is not None else curated
    except ValidationError as exc:
        message = f"the annotations do not fit the curated facts: {problems(exc)}"
        raise IngestError(message, 422) from None

    def gazetteer(sentences: Sentences) -> ReadWith:
        found = gazetteer_for(
            text, sentences.body(), curated, annotations, recognizer, language=rules
        )
        read_with.append(found)
        return found

    try:
        facts = build_article(
            document,
            slug=slug,
            source_name=source_name,
            curated=user,
            title=title,
            meta=meta,
            progress=report,
            read_with=gazetteer,
        )
    except CuratedError as exc:
        raise IngestError(str(exc), 422) from None
    except RecognizerError as exc:
        raise IngestError(f"the recognizer failed: {exc}", 503) from None
    except PipelineError as exc:
        raise IngestError(str(exc), 422) from None
    [actors_read] = read_with
    mentioned = {m.actor_id for m in facts.mentions}
    entries = {a.id: a for a in actors_read.curated.actors}
    # An affiliation is written with the actor that has it, mentioned or not (and its own).
    while extra := {a for i in mentioned if (a := entries[i].affiliation)} - mentioned:
        mentioned |= extra
    always = {a.id for a in actors_read.always}
    actors = [*actors_read.always]
    actors += [a for a in actors_read.curated.actors if a.id in mentioned and a.id not in always]
    return facts, actors


def _quiet(_: str) -> None:
    return None


def _checked_title(title: str) -> str:
    title = title.strip()
    if not title or "\n" in title or "\r" in title or len(title) > MAX_TITLE_CHARS:
        raise IngestError(f"title: one line of 1 to {MAX_TITLE_CHARS} characters, please", 422)
    return title


def _require_body(text: str | DocumentDraft, source_name: str) -> DocumentDraft:
    doc = parse_document(text) if isinstance(text, str) else text
    if not doc.title:
        raise IngestError(f"{source_name}: empty: there is no text to read", 400)
    if not doc.sections:
        raise IngestError(
            f"{source_name}: no text after the title {doc.title[:80]!r}; the first line is "
            "the title and the article's body follows it",
            422,
        )
    return doc
