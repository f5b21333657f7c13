"""The seed: every `*.txt` article in the seed folder, read with the curated facts beside them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.ingest.curated import Curated, load_curated
from app.ingest.pipeline import ArticleFacts, build_article

CURATED_FILE = "curated.toml"


class SeedError(ValueError):
    """The seed folder cannot be read; the message says what to fix."""


@dataclass(frozen=True)
class Seed:
    curated: Curated
    articles: list[ArticleFacts]


def read_text(path: Path) -> str:
    """The file's exact text: no newline translation, so offsets match the bytes on disk."""
    try:
        return path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SeedError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None


def read_seed(folder: Path) -> Seed:
    if not folder.is_dir():
        raise SeedError(
            f"{folder}: {'a file, not a folder' if folder.exists() else 'no such folder'}"
        )
    curated = load_curated(folder / CURATED_FILE)
    sources = sorted(folder.glob("*.txt"))
    if not sources:
        raise SeedError(f"{folder}: no *.txt articles")
    articles = [
        build_article(read_text(path), slug=path.stem, source_name=path.name, curated=curated)
        for path in sources
    ]
    return Seed(curated=curated, articles=articles)
