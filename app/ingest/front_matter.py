"""YAML front matter: the metadata block a Markdown file may open with.

```
---
title: Oil, Power and Patience
source_url: https://example.org/gulf-energy
publisher: Example Review
authors: [Jane Doe, John Roe]     # or `author: Jane Doe`
published: 2024-05-02             # or `date:`
language: en                      # or `lang:`; a BCP 47 tag, of which ISO 639-1 is kept
---
```

The block is metadata, not article text: it is split off before the text is read, so the
stored text (and every offset into it) starts after it. Keys it does not know are ignored, as
static site generators ignore each other's; a block that is not valid YAML, or not a mapping,
is refused, since a half-read header would otherwise be published as the article's title.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import yaml

from app.ingest.metadata import ArticleMeta, MetadataError, checked

# The opening line, the block, and the closing line (`---` or YAML's `...`).
_BLOCK = re.compile(
    r"\A---[ \t]*\r?\n(.*?)(?:\r?\n)?^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S | re.M
)
MAX_BLOCK_CHARS = 20_000


class FrontMatterError(ValueError):
    """The front matter cannot be read; the message says why."""


def split_front_matter(text: str) -> tuple[ArticleMeta, str | None, str]:
    """The metadata and title the block declares, and the text after it. A text without
    front matter comes back whole, with empty metadata."""
    match = _BLOCK.match(text)
    if match is None:
        return ArticleMeta(), None, text
    block = match[1]
    if len(block) > MAX_BLOCK_CHARS:
        raise FrontMatterError(f"front matter: at most {MAX_BLOCK_CHARS:,} characters")
    try:
        data = yaml.safe_load(block) if block.strip() else {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark is not None else ""
        raise FrontMatterError(f"front matter: not valid YAML{where}") from None
    except ValueError as exc:  # a value YAML reads but cannot build: `date: 2023-02-30`
        raise FrontMatterError(f"front matter: not valid YAML ({exc})") from None
    if not isinstance(data, dict):
        raise FrontMatterError("front matter: a YAML mapping of keys to values, please")
    try:
        meta = checked(
            source_url=_text(data, "source_url", "url", "canonical_url"),
            publisher=_text(data, "publisher", "source", "site_name"),
            authors=_list(data, "authors", "author"),
            published=_text(data, "published", "date", "published_time"),
            language=_text(data, "language", "lang"),
        )
    except MetadataError as exc:
        raise FrontMatterError(f"front matter: {exc}") from None
    title = _text(data, "title")
    return meta, title.strip() if title else None, text[match.end() :]


def _value(data: dict[Any, Any], *keys: str) -> Any:
    return next((data[key] for key in keys if data.get(key) is not None), None)


def _text(data: dict[Any, Any], *keys: str) -> str | None:
    value = _value(data, *keys)
    if value is None:
        return None
    if isinstance(value, dt.datetime | dt.date):  # YAML reads a bare date as a date
        return value.isoformat()
    if isinstance(value, str | int | float):
        return str(value)
    raise FrontMatterError(f"front matter: {keys[0]} must be text")


def _list(data: dict[Any, Any], *keys: str) -> list[str]:
    value = _value(data, *keys)
    if value is None:
        return []
    values = value if isinstance(value, list) else [value]
    if not all(isinstance(v, str) for v in values):
        raise FrontMatterError(f"front matter: {keys[0]} must be a name or a list of names")
    return values
