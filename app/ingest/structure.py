"""Split an article's source text into its title, sections and trailing keywords.

The first non-blank line is the title. Three heading styles are recognised, and a document
is read in the first that it uses:

1. Markdown ATX headings ("## Title", "## 2.1 Title"). There "1. Item" is an ordered-list
   item, so a document with Markdown headings is read in Markdown only.
2. Numbered plain-text lines ("1. Title", "1.1. Title", "2.1 Title").
3. Unnumbered plain-text lines, only in a text with neither of the above, and only when a
   line looks like nothing else: short (at most 10 words, 80 characters), capitalised, not
   ending like a sentence or a clause, with blank lines around it, and followed by a
   paragraph that does end like a sentence. A text with numbered headings may still carry
   short unnumbered lines that are not headings ("Key points"), so the styles never mix.

A text with no headings at all is one section, the introduction.

Web-page furniture (app/ingest/furniture.py: banners, datelines, bylines, captions, notices)
and keyword lists (app/ingest/keywords.py) are read as blank lines: never the title, a heading
or a section's text. The keywords they list join those of the trailer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.ingest.drafts import DocumentDraft, SectionDraft
from app.ingest.furniture import furniture_rule
from app.ingest.keywords import keyword_items, listed_items
from app.ingest.lines import raw_lines

__all__ = ["parse_document"]

# Components of up to three digits keep years ("2017 Sanctions") from passing as numbers.
_NUMBER = r"(?P<number>\d{1,3}(?:\.\d{1,3})*)\.?\s+(?P<title>\S.*)"
_NUMBERED = re.compile(_NUMBER)
_MARKDOWN = re.compile(r"(?P<hashes>#{1,6})\s+(?P<rest>.*?)(?:\s+#+)?")
_MAX_HEADING_CHARS = 150
# A line ending like a sentence or a clause is prose, unless it ends on an acronym ("the U.S.").
_PROSE_ENDINGS = (".", ",", ";", ":")
_TRAILING_ACRONYM = re.compile(r"(?:\b[A-Z]\.){2,}$")
_TITLE_OPENERS = "\"'“‘("

# "SEO keywords" is unambiguous anywhere; "Keywords:"/"Tags:" only on the last lines, since a
# body paragraph may start the same way.
_SEO_KEYWORDS = re.compile(r"seo\s+keywords(?:\s+included)?\s*:", re.IGNORECASE)
_KEYWORDS = re.compile(
    r"(?:seo\s+keywords(?:\s+included)?|keywords|tags|topics)\s*:", re.IGNORECASE
)
# Blog-platform furniture after the article: comment forms and share widgets.
_BOILERPLATE = re.compile(
    r"leave a reply|your email address will not be published|required fields are marked"
    r"|share this\s*:|click to share|like this\s*:"
    r"|related(?:\s+(?:posts|articles|stories))?\s*:?$",
    re.IGNORECASE,
)
# A news site's lists of other stories after the article: everything after one is theirs. Only
# once the story has begun (a line ending like a sentence came first), since the same lists
# may stand in a sidebar above it.
_OTHER_STORIES = re.compile(
    r"(?:also\s+in\s+this\s+section|you\s+may\s+also\s+like|more\s+(?:stories|articles)"
    r"(?:\s+from\s+.{1,40})?|latest\s+(?:articles|news|stories)|most\s+(?:read|popular)"
    r"|read\s+next|recommended(?:\s+for\s+you)?|weekly\s+recap|more\s+on\s+this\s+story)\s*:?",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class _Line:
    start: int  # first non-blank character; equals `end` for a blank line
    end: int  # after the last non-blank character
    text: str

    @property
    def blank(self) -> bool:
        return self.start == self.end


@dataclass(frozen=True, slots=True)
class _Heading:
    index: int  # position among the body lines
    line: _Line
    number: str | None
    title: str
    level: int
    parent_number: str | None
    title_start: int


def _split_lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    for offset, raw in raw_lines(text):
        lead = len(raw) - len(raw.lstrip())
        stripped = raw.strip()
        start = offset + lead
        lines.append(_Line(start, start + len(stripped), stripped))
    return lines


def _numbered_heading(line: str) -> tuple[str, str, int] | None:
    """The number, the title and where the title starts in `line`, for a numbered heading."""
    match = _NUMBERED.fullmatch(line)
    if match is None or len(line) > _MAX_HEADING_CHARS:
        return None
    title = match["title"]
    if not (title[0].isupper() or title[0] in _TITLE_OPENERS):
        return None
    if title.endswith(_PROSE_ENDINGS) and not _TRAILING_ACRONYM.search(title):
        return None
    return match["number"], title, match.start("title")


def _parent_of(number: str) -> str | None:
    head, _, _ = number.rpartition(".")
    return head or None


def _markdown_headings(lines: list[_Line]) -> list[_Heading]:
    found: list[tuple[int, int, str, int]] = []
    for index, line in enumerate(lines):
        match = _MARKDOWN.fullmatch(line.text)
        if match is not None and match["rest"]:
            found.append((index, len(match["hashes"]), match["rest"], match.start("rest")))
    if not found:
        return []
    # The shallowest heading level in use is level 1, whether or not the title has a "#".
    base = min(hashes for _, hashes, _, _ in found) - 1
    headings: list[_Heading] = []
    for index, hashes, rest, rest_at in found:
        line = lines[index]
        numbered = _NUMBERED.fullmatch(rest)
        if numbered is not None:
            number, title = numbered["number"], numbered["title"]
            level = number.count(".") + 1
            at = line.start + rest_at + numbered.start("title")
            headings.append(_Heading(index, line, number, title, level, _parent_of(number), at))
            continue
        level = hashes - base
        parent = next(
            (h.number for h in reversed(headings) if h.level < level and h.number is not None),
            None,
        )
        headings.append(_Heading(index, line, None, rest, level, parent, line.start + rest_at))
    return headings


def _plain_headings(lines: list[_Line]) -> list[_Heading]:
    headings: list[_Heading] = []
    for index, line in enumerate(lines):
        parsed = _numbered_heading(line.text)
        if parsed is not None:
            number, title, at = parsed
            level = number.count(".") + 1
            parent = _parent_of(number)
            headings.append(_Heading(index, line, number, title, level, parent, line.start + at))
    return headings


# Unnumbered headings (style 3 above).
_MAX_PLAIN_HEADING_CHARS = 80
_MAX_PLAIN_HEADING_WORDS = 10
_CLOSERS = "\"'”’)]"
_LIST_MARKER = re.compile(r"[•◦‣▪●*+–-]\s|\d{1,3}[.)]\s|[a-z]\)\s")


def _ends_like_prose(line: str) -> bool:
    stripped = line.rstrip(_CLOSERS)
    return stripped.endswith((*_PROSE_ENDINGS, "!", "?", "…")) and not _TRAILING_ACRONYM.search(
        stripped
    )


def _looks_like_heading(line: str) -> bool:
    words = line.split()
    lettered = sum(1 for w in words if w[0].isalpha() or w[0] in _TITLE_OPENERS)
    return (
        len(line) <= _MAX_PLAIN_HEADING_CHARS
        and len(words) <= _MAX_PLAIN_HEADING_WORDS
        and (line[0].isupper() or line[0] in _TITLE_OPENERS)
        and not _ends_like_prose(line)
        and _LIST_MARKER.match(line) is None
        and not line.startswith("By ")  # a byline
        and 2 * lettered > len(words)  # "October 5, 2023" is a dateline
    )


def _unnumbered_headings(lines: list[_Line]) -> list[_Heading]:
    headings: list[_Heading] = []
    for index, line in enumerate(lines):
        # Blank lines around it: in hard-wrapped prose a short line ends a paragraph.
        alone = (index == 0 or lines[index - 1].blank) and (
            index + 1 < len(lines) and lines[index + 1].blank
        )
        if line.blank or not alone:
            continue
        following = next((n for n in lines[index + 1 :] if not n.blank), None)
        if following is None or len(following.text) <= len(line.text):
            continue
        if _looks_like_heading(line.text) and _ends_like_prose(following.text):
            headings.append(_Heading(index, line, None, line.text, 1, None, line.start))
    return headings


def _trailer_cut(lines: list[_Line]) -> tuple[int, list[str]]:
    """Index of the first line after the body, and the keywords the trailer lists."""
    stop = next(
        (i for i, line in enumerate(lines) if _BOILERPLATE.match(line.text)),
        len(lines),
    )
    begun = next((i for i, line in enumerate(lines) if _ends_like_prose(line.text)), stop)
    stop = next(
        (i for i in range(begun + 1, stop) if _OTHER_STORIES.fullmatch(lines[i].text)), stop
    )
    cut = next((i for i in range(stop) if _SEO_KEYWORDS.match(lines[i].text)), stop)
    # Walk back over "Keywords:"/"Tags:" lines that close the article.
    previous = cut - 1
    while previous >= 0:
        if lines[previous].blank:
            previous -= 1
        elif _KEYWORDS.match(lines[previous].text):
            cut, previous = previous, previous - 1
        else:
            break
    keywords: list[str] = []
    # A tags line may follow the share buttons too.
    for line in lines[cut:]:
        if _KEYWORDS.match(line.text):
            keywords += listed_items(line.text) or []
    return cut, keywords


def _without_furniture(lines: list[_Line]) -> tuple[list[_Line], list[str]]:
    """`lines` with web-page furniture and keyword lists blanked, and the keywords listed."""
    kept: list[_Line] = []
    keywords: list[str] = []
    for line in lines:
        items = keyword_items(line.text) if not line.blank else None
        if items is not None:
            keywords += items
        if items is not None or (not line.blank and furniture_rule(line.text) is not None):
            line = _Line(line.start, line.start, "")
        kept.append(line)
    return kept, keywords


def _span_end(lines: list[_Line], fallback: int) -> int:
    return next((line.end for line in reversed(lines) if not line.blank), fallback)


def _section(heading: _Heading, body: list[_Line]) -> SectionDraft:
    heading_end = heading.line.end
    body_start = next((line.start for line in body if not line.blank), heading_end)
    end = _span_end(body, heading_end)
    return SectionDraft(
        number=heading.number,
        title=heading.title,
        level=heading.level,
        parent_number=heading.parent_number,
        start=heading.line.start,
        end=end,
        body_start=body_start,
        body_end=end,
        title_start=heading.title_start,
    )


# A site's banner above the headline ("Example Times", "Energy Desk"): a short line followed
# by a headline that is much longer and ends like no sentence. The headline is the title.
_MAX_BANNER_WORDS = 4
_MIN_HEADLINE_WORDS = 5
_MAX_HEADLINE_WORDS = 25


def _headline_after_banner(lines: list[_Line], first: int) -> int:
    """The index of the title line: `first`, or the headline below a banner at `first`."""
    banner = lines[first].text
    after = next((i for i in range(first + 1, len(lines)) if not lines[i].blank), None)
    if after is None or _MARKDOWN.fullmatch(banner) or len(banner.split()) > _MAX_BANNER_WORDS:
        return first
    headline = lines[after].text
    words = len(headline.split())
    closed = after + 1 == len(lines) or lines[after + 1].blank
    if (
        closed
        and _MIN_HEADLINE_WORDS <= words <= _MAX_HEADLINE_WORDS
        and words >= 2 * len(banner.split())
        and not _ends_like_prose(banner)
        and not _ends_like_prose(headline)
        and _MARKDOWN.fullmatch(headline) is None
        and _numbered_heading(headline) is None
        and furniture_rule(headline) is None
        and (headline[0].isupper() or headline[0] in _TITLE_OPENERS)
    ):
        return after
    return first


def parse_document(text: str) -> DocumentDraft:
    """Find the title, the sections with their spans, and the keywords trailer of `text`."""
    lines = _split_lines(text)
    # A banner, a dateline or a notice above the headline is not the title.
    first = next(
        (i for i, line in enumerate(lines) if not line.blank and furniture_rule(line.text) is None),
        None,
    )
    if first is not None:
        first = _headline_after_banner(lines, first)
    if first is None:
        return DocumentDraft(title="", title_start=0, title_end=0, sections=[])
    title_start, title = lines[first].start, lines[first].text
    markdown_title = _MARKDOWN.fullmatch(title)
    if markdown_title is not None and markdown_title["rest"]:
        title_start += markdown_title.start("rest")
        title = markdown_title["rest"]

    rest = lines[first + 1 :]
    cut, trailer_keywords = _trailer_cut(rest)
    body, keywords = _without_furniture(rest[:cut])
    keywords += trailer_keywords
    headings = _markdown_headings(body) or _plain_headings(body) or _unnumbered_headings(body)
    bounds = [h.index for h in headings] + [len(body)]

    sections: list[SectionDraft] = []
    intro = [line for line in body[: bounds[0]] if not line.blank]
    if intro:
        start, end = intro[0].start, intro[-1].end
        sections.append(SectionDraft(None, "Introduction", 1, None, start, end, start, end, start))
    for k, heading in enumerate(headings):
        sections.append(_section(heading, body[heading.index + 1 : bounds[k + 1]]))
    return DocumentDraft(
        title=title,
        title_start=title_start,
        title_end=title_start + len(title),
        sections=sections,
        keywords=keywords,
    )
