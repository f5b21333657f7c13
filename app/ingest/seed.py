"""The seed: every `*.txt` article in the seed folder, read with the curated facts beside them.

A seed file's name is its article's id, so a name that is not a valid slug (lower-case letters,
digits and single hyphens, at most MAX_SLUG_CHARS, then `.txt`) is refused, not renamed: the id
stays what the file is called, every stored id is one the API's paths accept, and two files
can never quietly become one article. Each file must be a regular file of the folder (no
links, FIFOs or devices: app/ingest/files.py) holding text `ingest` would accept
(app/ingest/article.py `read_article`: UTF-8, no NUL byte, at most 2 MiB).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.ingest.article import (
    MAX_ARTICLE_BYTES,
    MAX_SLUG_CHARS,
    IngestError,
    article_slug,
    read_article,
    too_large,
)
from app.ingest.curated import SLUG, Curated, load_curated
from app.ingest.files import FileRefusedError, FileTooLargeError, read_regular
from app.ingest.pipeline import ArticleFacts, build_article

CURATED_FILE = "curated.toml"
SUFFIX = ".txt"


class SeedError(ValueError):
    """The seed folder cannot be read; the message says what to fix."""


@dataclass(frozen=True)
class Seed:
    curated: Curated
    articles: list[ArticleFacts]


def seed_slug(path: Path) -> str:
    """The id of the seed file at `path`: its name without `.txt`, refused unless a slug."""
    slug = path.name.removesuffix(SUFFIX)
    if not (SLUG.fullmatch(slug) and len(slug) <= MAX_SLUG_CHARS):
        raise SeedError(
            f"{path}: the file name is the article's id: use lower-case letters, digits and "
            f"single hyphens, at most {MAX_SLUG_CHARS} characters, then {SUFFIX} "
            f"(for instance {article_slug(slug)}{SUFFIX})"
        )
    return slug


def read_text(path: Path) -> str:
    """The text of the seed file at `path`, by the rules of `ingest`: no newline translation,
    so offsets count into exactly the file's text (a leading byte-order mark aside)."""
    try:
        data = read_regular(path, limit=MAX_ARTICLE_BYTES, follow_symlinks=False)
        return read_article(data, source_name=str(path))
    except FileTooLargeError as exc:
        raise SeedError(str(too_large(str(path), exc.size))) from None
    except (FileRefusedError, IngestError) as exc:
        raise SeedError(str(exc)) from None


def read_seed(folder: Path) -> Seed:
    if not folder.is_dir():
        raise SeedError(
            f"{folder}: {'a file, not a folder' if folder.exists() else 'no such folder'}"
        )
    curated = load_curated(folder / CURATED_FILE)
    sources = sorted(folder.glob(f"*{SUFFIX}"))
    if not sources:
        raise SeedError(f"{folder}: no *{SUFFIX} articles")
    slugs = [seed_slug(path) for path in sources]
    articles = [
        build_article(read_text(path), slug=slug, source_name=path.name, curated=curated)
        for path, slug in zip(sources, slugs, strict=True)
    ]
    return Seed(curated=curated, articles=articles)
