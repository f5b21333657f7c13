"""Where an article came from: its source URL, publisher, authors, publication date and language.

Metadata arrives from several places: a Markdown file's YAML front matter, a web page's JSON-LD
and `<meta>` tags (app/ingest/html_meta.py), the command line's options, `POST /v1/articles`'s
parameters. `ArticleMeta.merged` layers them (what is given
explicitly wins over what the text declares), and `checked` bounds every value at the boundary,
so what is stored is always a plain http(s) URL, short single-line names and an ISO 8601 date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from urllib.parse import urlsplit

from app.ingest.language import LanguageError, language_code

MAX_URL_CHARS = 2000
MAX_NAME_CHARS = 200
MAX_AUTHORS = 20
# A date ("2019-01-28"), or a date and time of which the date is kept.
_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.+\-Z]*)?")


class MetadataError(ValueError):
    """A metadata value is out of bounds; the message names the field."""


@dataclass(frozen=True)
class ArticleMeta:
    source_url: str | None = None
    publisher: str | None = None
    authors: tuple[str, ...] = field(default=())
    published: str | None = None  # ISO 8601 date, YYYY-MM-DD
    language: str | None = None  # ISO 639-1 code, or "und"; None: not declared

    def merged(self, over: ArticleMeta) -> ArticleMeta:
        """These values, with each one `over` gives taking precedence."""
        return replace(
            self,
            source_url=over.source_url or self.source_url,
            publisher=over.publisher or self.publisher,
            authors=over.authors or self.authors,
            published=over.published or self.published,
            language=over.language or self.language,
        )


def checked(
    *,
    source_url: str | None = None,
    publisher: str | None = None,
    authors: list[str] | tuple[str, ...] = (),
    published: str | None = None,
    language: str | None = None,
) -> ArticleMeta:
    """The metadata with every value checked and normalised, or a MetadataError naming it."""
    return ArticleMeta(
        source_url=_url(source_url),
        publisher=_name("publisher", publisher),
        authors=_authors(authors),
        published=_date(published),
        language=_language(language),
    )


def _url(value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    value = value.strip()
    parts = urlsplit(value)
    if (
        len(value) > MAX_URL_CHARS
        or parts.scheme not in ("http", "https")
        or not parts.netloc
        or any(c.isspace() or ord(c) < 32 for c in value)
    ):
        raise MetadataError(
            f"source URL: an http:// or https:// address of at most {MAX_URL_CHARS} characters"
        )
    return value


def _name(what: str, value: str | None) -> str | None:
    if value is None:
        return None
    value = " ".join(value.split())
    if not value:
        return None
    if len(value) > MAX_NAME_CHARS or "\x00" in value:
        raise MetadataError(f"{what}: one line of at most {MAX_NAME_CHARS} characters")
    return value


def _authors(values: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    names = [name for value in values if (name := _name("author", value)) is not None]
    if len(names) > MAX_AUTHORS:
        raise MetadataError(f"authors: at most {MAX_AUTHORS}")
    return tuple(dict.fromkeys(names))


def _date(value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    match = _DATE.fullmatch(value.strip())
    try:
        if match is None:
            raise ValueError
        day = dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        raise MetadataError(
            f"published: a date as YYYY-MM-DD (or an ISO 8601 date and time), not {value[:40]!r}"
        ) from None
    return day.isoformat()


def _language(value: str | None) -> str | None:
    try:
        return language_code(value)
    except LanguageError as exc:
        raise MetadataError(str(exc)) from None
