"""What `article-facts ingest` is given, read: a file, a folder of files, an address or standard
input, each to its bytes and then to one article's facts.

The same function reads the one article of a single-source command, in the command's process,
and each article of a batch, in a worker process (app/ingest/batch.py).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from app.ingest.article import (
    MAX_ARTICLE_BYTES,
    article_slug,
    prepare_article,
    read_document,
    too_large,
)
from app.ingest.curated import ActorEntry, Curated
from app.ingest.fetch import fetch, is_url
from app.ingest.files import FileTooLargeError, read_regular
from app.ingest.html import HTML_SUFFIXES, HTML_TYPES, looks_like_html
from app.ingest.metadata import ArticleMeta
from app.ingest.pipeline import ArticleFacts
from app.ingest.recognizer import Recognizer

__all__ = ["ARTICLE_SUFFIXES", "STDIN", "Source", "expand", "read_facts", "read_source"]

STDIN = "-"
# The files a folder given to `ingest` contributes: text, Markdown and web pages.
ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", *HTML_SUFFIXES)


@dataclass(frozen=True, slots=True)
class Source:
    data: bytes
    name: str  # the name stored with the article: the file's name, the address, "stdin"
    stem: str | None  # the file's name without its extension; None for stdin or an address
    html: bool
    found_at: str | None  # the address it was fetched from


def expand(sources: Sequence[str]) -> list[str]:
    """The sources with each folder replaced by its article files (ARTICLE_SUFFIXES, not hidden,
    not in subfolders), in name order; files and addresses as given."""
    found: list[str] = []
    for source in sources:
        path = Path(source)
        if source != STDIN and not is_url(source) and path.is_dir():
            found += [
                str(p)
                for p in sorted(path.iterdir())
                if p.suffix.lower() in ARTICLE_SUFFIXES
                and not p.name.startswith(".")
                and p.is_file()
            ]
        else:
            found.append(source)
    return found


def read_source(source: str) -> Source:
    """The bytes of `source`. Reads at most one byte past the limit, so a huge input costs no
    more than a small one. Raises IngestError (too large), FetchError, FileRefusedError, OSError."""
    if source == STDIN:
        data = sys.stdin.buffer.read(MAX_ARTICLE_BYTES + 1)
        if len(data) > MAX_ARTICLE_BYTES:
            raise too_large("stdin", None)
        return Source(data, "stdin", None, looks_like_html(data), None)
    if is_url(source):
        page = fetch(source, limit=MAX_ARTICLE_BYTES)
        html = page.media_type in HTML_TYPES or (
            page.media_type not in ("text/plain", "text/markdown") and looks_like_html(page.data)
        )
        return Source(page.data, page.url, None, html, page.url)
    path = Path(source)
    try:
        # The user named this path: a link they name may be followed; a FIFO or device not.
        data = read_regular(path, limit=MAX_ARTICLE_BYTES, follow_symlinks=True)
    except FileTooLargeError as exc:
        raise too_large(str(path), exc.size) from None
    html = path.suffix.lower() in HTML_SUFFIXES or looks_like_html(data)
    return Source(data, path.name, path.stem, html, None)


def read_facts(
    source: str,
    *,
    slug: str | None,
    title: str | None,
    annotations: Curated | None,
    curated: Curated,
    given: ArticleMeta,
    recognizer: Recognizer | None,
    progress: Callable[[str], None] | None = None,
) -> tuple[ArticleFacts, list[ActorEntry]]:
    """The facts of the article at `source` and the actor entries a load must write for them.
    `given` (the command's options) wins over what the text's front matter or page declares,
    and that over the address the page was fetched from."""
    found = read_source(source)
    text, declared = read_document(found.data, source_name=found.name, html=found.html)
    declared = ArticleMeta(source_url=found.found_at).merged(declared)
    return prepare_article(
        text,
        source_name=found.name,
        # An empty --slug is refused like any other bad slug, not taken for none.
        slug=slug
        if slug is not None
        else (article_slug(found.stem) if found.stem is not None else None),
        title=title,
        annotations=annotations,
        curated=curated,
        meta=declared.merged(given),
        progress=progress,
        recognizer=recognizer,
    )
