"""An article's lines, ended by LF, CRLF or a bare CR (old Mac files), with their offsets."""

from __future__ import annotations

import re
from collections.abc import Iterator

_BREAK = re.compile(r"\r\n|\r|\n")


def raw_lines(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, str]]:
    """(offset into `text`, the line without its break) for each line of `text[start:end]`."""
    stop = len(text) if end is None else end
    offset = start
    for found in _BREAK.finditer(text, start, stop):
        yield offset, text[offset : found.start()]
        offset = found.end()
    yield offset, text[offset:stop]
