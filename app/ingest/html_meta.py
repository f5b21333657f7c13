"""What a web page says about itself: title, publisher, authors, date, address and language.

Read from the parsed page, in this order of trust, field by field:

1. JSON-LD: the first `NewsArticle`, `Article`, `ReportageNewsArticle`, `AnalysisNewsArticle`,
   `OpinionNewsArticle` or `BlogPosting` object, also inside `@graph` or a list: `headline`,
   `author` (objects with `name`, or strings), `datePublished`, `publisher.name`, `url`,
   `inLanguage`. A publisher's structured record is what it means.
2. `<meta>`: Open Graph `og:title`, `og:site_name`, `og:url`, `article:published_time`,
   `<meta name="author">`, and `<link rel="canonical">`.
3. The first `<h1>` (cleaner than `<title>`, which sites suffix with their name), `<title>`,
   and `<html lang>`.

trafilatura reads metadata too, but on the fixtures it missed the address of an article inside
a JSON-LD `@graph` and never reports `<html lang>`, so the page is read here with lxml (already
trafilatura's parser). A value that fails its check (a URL that is not http(s), a date that is
not one) is dropped rather than refusing the page: the page's metadata is a hint, and the text
is what was asked for.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from lxml.html import HtmlElement

from app.ingest.language import LanguageError, language_code
from app.ingest.metadata import ArticleMeta, MetadataError, checked

ARTICLE_TYPES = frozenset(
    {
        "Article",
        "NewsArticle",
        "ReportageNewsArticle",
        "AnalysisNewsArticle",
        "OpinionNewsArticle",
        "BlogPosting",
    }
)
# A JSON-LD block larger than this is not an article's record; it is skipped unread.
MAX_JSON_LD_CHARS = 200_000
# Nested `@graph` lists deeper than this are not followed.
MAX_DEPTH = 4


def page_metadata(tree: HtmlElement) -> tuple[ArticleMeta, str | None]:
    """The page's metadata and its title (None when it declares none)."""
    record = _json_ld_article(tree)
    meta = _meta_tags(tree)
    title = (
        _text(record.get("headline"))
        or meta.get("og:title")
        or _first_text(tree, "h1")
        or _first_text(tree, "title")
    )
    authors = _authors(record.get("author")) or ([meta["author"]] if meta.get("author") else [])
    values = {
        "source_url": [_text(record.get("url")), meta.get("og:url"), meta.get("canonical")],
        "publisher": [_publisher(record.get("publisher")), meta.get("og:site_name")],
        "published": [_text(record.get("datePublished")), meta.get("article:published_time")],
    }
    found = {name: _first_valid(name, candidates) for name, candidates in values.items()}
    return (
        ArticleMeta(
            source_url=found["source_url"],
            publisher=found["publisher"],
            authors=_valid_authors(authors),
            published=found["published"],
            language=_language(_text(record.get("inLanguage")), tree.get("lang")),
        ),
        " ".join(title.split()) if title else None,
    )


def _first_valid(name: str, candidates: list[str | None]) -> str | None:
    for value in candidates:
        if not value:
            continue
        try:
            if name == "source_url":
                found = checked(source_url=value).source_url
            elif name == "publisher":
                found = checked(publisher=value).publisher
            else:
                found = checked(published=value).published
        except MetadataError:
            continue
        if found:
            return found
    return None


def _valid_authors(names: list[str]) -> tuple[str, ...]:
    try:
        return checked(authors=names).authors
    except MetadataError:
        return checked(authors=names[:1]).authors if names else ()


def _language(*tags: str | None) -> str | None:
    for tag in tags:
        try:
            code = language_code(tag)
        except LanguageError:
            continue
        if code is not None:
            return code
    return None


def _meta_tags(tree: HtmlElement) -> dict[str, str]:
    found: dict[str, str] = {}
    for element in tree.iter("meta"):
        key = (element.get("property") or element.get("name") or "").strip().lower()
        content = element.get("content")
        if key and content and content.strip() and key not in found:
            found[key] = content.strip()
    for element in tree.iter("link"):
        if "canonical" in (element.get("rel") or "").lower().split() and element.get("href"):
            found.setdefault("canonical", element.get("href", "").strip())
    return found


def _first_text(tree: HtmlElement, tag: str) -> str | None:
    element = next(tree.iter(tag), None)
    text = element.text_content() if element is not None else None
    return text.strip() if text and text.strip() else None


def _json_ld_article(tree: HtmlElement) -> dict[str, Any]:
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        raw = script.text or ""
        if len(raw) > MAX_JSON_LD_CHARS:
            continue
        try:
            data = json.loads(raw)
        except ValueError:  # a broken block is common on the web; the next may be good
            continue
        for node in _nodes(data, 0):
            kinds = node.get("@type")
            kinds = kinds if isinstance(kinds, list) else [kinds]
            if any(isinstance(k, str) and k in ARTICLE_TYPES for k in kinds):
                return node
    return {}


def _nodes(data: Any, depth: int) -> Iterator[dict[str, Any]]:
    if depth > MAX_DEPTH:
        return
    if isinstance(data, list):
        for item in data:
            yield from _nodes(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        yield from _nodes(data.get("@graph"), depth + 1)


def _text(value: Any) -> str | None:
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str)), None)
    return value.strip() if isinstance(value, str) and value.strip() else None


def _publisher(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        return _text(value.get("name"))
    return _text(value)


def _authors(value: Any) -> list[str]:
    values = value if isinstance(value, list) else [value]
    names: list[str] = []
    for item in values:
        name = _text(item.get("name")) if isinstance(item, dict) else _text(item)
        if name:
            names.append(name)
    return names
