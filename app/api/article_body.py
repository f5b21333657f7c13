"""What the body of `POST /v1/articles` must be: the schema the OpenAPI document gives it, and
the checks that hold the service to that schema.

The document says everything about the body that a schema can: required, a text media type,
at least a title line and a line of body, at most MAX_ARTICLE_BYTES, and no control character
but the tab and the line breaks. The pattern is written once here and checked by the service
as cheaply as it can be (a linear scan for a forbidden character; the reader already checks
the title and the body), so a body the schema refuses is refused, and a body it allows is
read. What a schema cannot say (YAML front matter that is not valid, a keywords line as the
only body, a title that makes no slug) is a 422 naming the problem.

A schema counts characters, not bytes: the limit is MAX_ARTICLE_BYTES bytes of UTF-8, so a
text of that many characters is the longest that can fit, and the description says bytes.
"""

from __future__ import annotations

import re
from typing import Any

from fastapi import HTTPException, Request

from app.ingest.article import MAX_ARTICLE_BYTES, too_large

TEXT_TYPES = ("text/plain", "text/markdown")
# A web page: its main text is extracted, its metadata read (app/ingest/html.py). What a page
# must hold to have a main text is no pattern: a page without one is a 422.
PAGE_TYPE = "text/html"
BODY_TYPES = (*TEXT_TYPES, PAGE_TYPE)

# One regular expression, valid alike in ECMAScript (the document's dialect) and Python (the
# fuzzer's). Spaces are named one by one, since `\s` differs between the two. A byte-order
# mark may open the text (the reader drops it) and appear nowhere else.
_SPACE = r"\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_CONTROL = r"\x00-\x08\x0e-\x1f\x7f-\x9f\ufeff"
_VISIBLE = rf"[^{_SPACE}{_CONTROL}]"
_TEXT = rf"[^{_CONTROL}]"
_LINE = rf"[^\n\r{_CONTROL}]"
# Blank space, a title line holding a visible character, a line break, a body holding one.
ARTICLE_PATTERN = rf"^\ufeff?[{_SPACE}]*{_VISIBLE}{_LINE}*[\n\r]{_TEXT}*{_VISIBLE}{_TEXT}*$"
_FORBIDDEN = re.compile(rf"[{_CONTROL}]")

SCHEMA: dict[str, Any] = {
    "type": "string",
    "minLength": 3,
    "maxLength": MAX_ARTICLE_BYTES,
    "pattern": ARTICLE_PATTERN,
}
DESCRIPTION = (
    f"The article as UTF-8 text, 1 byte to {MAX_ARTICLE_BYTES:,} bytes (2 MiB): its first line "
    "is the title and its body follows (Markdown headings make sections; optional YAML front "
    "matter gives metadata, docs/ingest.md). No control characters but the tab and the line "
    "breaks; a byte-order mark only at the start. An empty body is a 400, a larger one a 413."
)
PAGE_SCHEMA: dict[str, Any] = {"type": "string", "minLength": 1, "maxLength": MAX_ARTICLE_BYTES}
REQUEST_BODY: dict[str, Any] = {
    "required": True,
    "description": DESCRIPTION + " Or a web page as text/html, whose main text is extracted.",
    "content": {
        **{media_type: {"schema": SCHEMA} for media_type in TEXT_TYPES},
        PAGE_TYPE: {"schema": PAGE_SCHEMA},
    },
}


def media_type(request: Request) -> str:
    """The body's media type, lower-case, without parameters."""
    return request.headers.get("content-type", "").split(";")[0].strip().lower()


async def article_body(request: Request) -> bytes:
    """The request body, refused past the size limit before it is all read."""
    if media_type(request) not in BODY_TYPES:
        raise HTTPException(
            415, "Send the article as text/plain or text/markdown (UTF-8), or as text/html."
        )
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_ARTICLE_BYTES:
        raise HTTPException(413, str(too_large("the body", int(declared))))
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_ARTICLE_BYTES:
            raise HTTPException(413, str(too_large("the body", None)))
        chunks.append(chunk)
    return b"".join(chunks)


def refuse_control_characters(text: str) -> None:
    """A 415 for a control character the schema does not allow, naming it and where it is.
    The reader alone lets a few through (up to 1% of a file, for the command line's sake)."""
    found = _FORBIDDEN.search(text, 1 if text.startswith("\ufeff") else 0)
    if found is not None:
        raise HTTPException(
            415,
            f"the body: control character U+{ord(found[0]):04X} at character {found.start()}; "
            "only the tab and line breaks are allowed (and a byte-order mark at the start)",
        )
