"""Keyword lines: "Keywords: a, b", "Tags: a; b", "Topics: a | b", wherever they stand, and
their Spanish labels ("Palabras clave:", "Etiquetas:", "Temas:").

A page lists its keywords or tags above the story as often as below it. Such a line is the
article's keywords, never its introduction or a claim. Since a body paragraph may open with the
same word ("Topics: we start with trade."), a line counts only when it is a list: at least two
items, each a short phrase with no sentence inside. The keywords trailer at the end of the text
(app/ingest/structure.py) also takes single items.
"""

from __future__ import annotations

import re

__all__ = ["keyword_items", "listed_items"]

_LABEL = re.compile(
    r"(?:seo\s+keywords(?:\s+included)?|key\s*words|keywords|tags|topics|tagged(?:\s+with)?"
    r"|palabras\s+clave|etiquetas|temas)"
    r"\s*[:：]\s*",
    re.IGNORECASE,
)
_SEPARATOR = re.compile(r"\s*[,;|•·]\s*")
_MAX_ITEM_WORDS = 6
_SENTENCE_INSIDE = re.compile(r"[.!?]\s")


def listed_items(line: str) -> list[str] | None:
    """The items of a keywords line (one item is enough), else None when `line` has no label."""
    match = _LABEL.match(line.strip())
    if match is None:
        return None
    items = _SEPARATOR.split(line.strip()[match.end() :])
    return [kept for item in items if (kept := item.strip().rstrip(".").strip())]


def keyword_items(line: str) -> list[str] | None:
    """The keywords of `line` when it is a keywords list anywhere in the text, else None."""
    items = listed_items(line)
    if items is None or len(items) < 2:
        return None
    if any(len(i.split()) > _MAX_ITEM_WORDS or _SENTENCE_INSIDE.search(i) for i in items):
        return None
    return items
