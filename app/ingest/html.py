"""A web page in, an article's Markdown text and metadata out.

trafilatura finds the page's main text (its paragraphs, subheadings, lists, quotes and tables,
without the navigation, cookie banners, share bars, related links, comments and footer). It was
measured against readability-lxml and jusText on the pages of tests/data/html/
(bench/html_extractors.py, numbers in docs/ingest.md): all three found every paragraph, and
trafilatura was the only one to let no furniture through, which matters more here than anywhere:
an advertisement's "save 30%" read as the article's would be a false fact. Its weakness: on a
page whose body sits in a container it does not recognise, it keeps the paragraphs but drops the
subheadings (3 of 7 kept on the fixtures). `_with_lost_headings` puts each back where the page
has it right before a paragraph trafilatura kept: 7 of 7, and still no furniture.

Its XML output (not its Markdown, which writes `**bold**` markers into the text) is rendered
here as the Markdown `app/ingest/structure.py` reads: `# Title`, then each subheading at its
depth below the title (the shallowest at `##`), paragraphs, `- ` list items, tables a row a
line. So every offset points into exactly the
text `GET /v1/articles/{id}/text` serves. The title is the page's own (JSON-LD headline,
`og:title`, `<title>`), put first unless the extracted text opens with it.

A page with less main text than trafilatura's own minimum (250 characters) has no article: a
paywall, an index page or an error page is a 422 that says so, not a one-line article built from
its menu. Nothing a page holds can make this a 500: lxml repairs malformed markup, and what
neither can read is the same 422.
"""

from __future__ import annotations

import re
from typing import Final

from lxml import etree
from lxml.html import HtmlElement

from app.ingest.html_meta import page_metadata
from app.ingest.metadata import ArticleMeta

HTML_TYPES: Final = ("text/html", "application/xhtml+xml")
HTML_SUFFIXES: Final = (".html", ".htm", ".xhtml")
# trafilatura's own MIN_EXTRACTED_SIZE (a test holds them equal). trafilatura is imported where
# it is used: importing it costs a serving process about 24 MiB and a second at start, for a
# route most deployments never call.
MIN_MAIN_TEXT_CHARS = 250
_SNIFF = re.compile(
    rb"\A(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)[\s>]", re.I | re.S
)
_HEADING_LEVEL = re.compile(r"h([1-6])")


class HtmlError(ValueError):
    """The page has no article to read; the message says why."""


def looks_like_html(data: bytes) -> bool:
    """Whether the bytes open as an HTML document does (`<!DOCTYPE html>` or `<html>`)."""
    return _SNIFF.match(data[:1024]) is not None


def read_html(data: bytes) -> tuple[str, ArticleMeta]:
    """The page's main text as Markdown, its title the first line, and its metadata."""
    tree = parse_page(data)
    meta, title = page_metadata(tree)
    outline = _outline(tree)  # before trafilatura, which prunes the tree it is given
    import trafilatura

    try:
        xml = trafilatura.extract(
            tree,
            output_format="xml",
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            deduplicate=False,
        )
    except (ValueError, TypeError, etree.LxmlError):
        xml = None
    blocks = _with_lost_headings(_blocks(xml), outline) if xml else []
    body = [text for kind, text in blocks if not kind.startswith("h")]
    if sum(len(text) for text in body) < MIN_MAIN_TEXT_CHARS:
        raise HtmlError(
            f"no main text: the page has no article body of at least {MIN_MAIN_TEXT_CHARS} "
            "characters (an index, paywall or error page?)"
        )
    if blocks[0][0] == "h1":  # the body opens with its title
        heading, blocks = blocks[0][1], blocks[1:]
    else:
        heading = title or _cut(body[0], 80)
    return "\n\n".join([f"# {heading}", *_markdown(blocks)]) + "\n", meta


def parse_page(data: bytes) -> HtmlElement:
    """The parsed page (lxml repairs what is malformed), or HtmlError."""
    from trafilatura.utils import load_html

    try:
        tree = load_html(data)
    except (ValueError, TypeError, etree.LxmlError):
        tree = None
    if tree is None:
        raise HtmlError("not an HTML page that can be read")
    return tree


def _blocks(xml: str) -> list[tuple[str, str]]:
    """(kind, text) for each block of trafilatura's XML: `h1`..`h6`, `p`, `item` or `row`."""
    root = etree.fromstring(xml.encode())
    main = root.find("main")
    blocks: list[tuple[str, str]] = []
    for element in main.iter() if main is not None else ():
        if element.tag == "head":
            level = _HEADING_LEVEL.fullmatch(element.get("rend") or "")
            kind = f"h{level[1]}" if level else "h2"
        elif element.tag in ("p", "quote", "code"):
            kind = "p"
        elif element.tag == "item":
            kind = "item"
        elif element.tag == "row":
            cells = [_flat(cell) for cell in element.iter("cell")]
            blocks.append(("row", " | ".join(cells)))
            continue
        else:
            continue
        if any(a.tag in ("p", "item", "row", "quote", "head") for a in element.iterancestors()):
            continue  # its text is its ancestor's
        text = _flat(element)
        if text:
            blocks.append((kind, text))
    return blocks


def _flat(element: etree._Element) -> str:
    """The element's text on one line, spaces collapsed."""
    return " ".join("".join(str(t) for t in element.itertext()).split())


def _outline(tree: HtmlElement) -> list[tuple[str, str]]:
    """The page's subheadings (`h2`..`h6`) and paragraphs, in document order."""
    return [
        (str(element.tag), text)
        for element in tree.iter("h2", "h3", "h4", "h5", "h6", "p")
        if (text := _flat(element))
    ]


def _with_lost_headings(
    blocks: list[tuple[str, str]], outline: list[tuple[str, str]]
) -> list[tuple[str, str]]:
    """The blocks, with each subheading trafilatura dropped put back: a heading whose next
    paragraph on the page is a paragraph of the main text, not already headed, heads it there.
    (trafilatura keeps paragraphs but drops headings when the body's container is not one it
    recognises.) A heading followed by furniture (related links, comments) stays out."""
    kept = {text for kind, text in blocks if kind.startswith("h")}
    lost: dict[str, tuple[str, str]] = {}  # paragraph text -> the heading just before it
    pending: tuple[str, str] | None = None
    for kind, text in outline:
        if kind != "p":
            pending = (kind, text) if text not in kept else None
        elif pending is not None:
            lost.setdefault(text, pending)
            pending = None
    result: list[tuple[str, str]] = []
    for kind, text in blocks:
        heading = lost.pop(text, None) if kind == "p" else None
        if heading is not None and not (result and result[-1][0].startswith("h")):
            result.append(heading)
        result.append((kind, text))
    return result


def _markdown(blocks: list[tuple[str, str]]) -> list[str]:
    """The blocks as Markdown lines, the shallowest heading at level 2 (under the title) and the
    others as far below it as they were: a page's `<h3>` subheads under an `<h1>` title with no
    `<h2>` are its sections, not subsections of nothing."""
    levels = [int(kind[1]) for kind, _ in blocks if kind.startswith("h")]
    shift = min(levels, default=2) - 2
    lines: list[str] = []
    for kind, text in blocks:
        if kind.startswith("h"):
            lines.append(f"{'#' * max(2, int(kind[1]) - shift)} {text}")
        elif kind == "item":
            lines.append(f"- {text}")
        else:
            lines.append(text)
    return lines


def _cut(text: str, limit: int) -> str:
    """At most `limit` characters of `text`, cut between words."""
    if len(text) <= limit:
        return text
    cut = text[: limit + 1]
    return cut[: cut.rfind(" ")] if " " in cut else cut[:limit]
