"""The page's excerpts: the query's phrases found in each text field, and a window around them.

A phrase is marked whole ("<mark>United States</mark>", not each word), and only where its
words stand together, as the query asked. So the fields are cut into terms here with the
index's own analyzer (schema.STEMMER: the same terms, with their character offsets), and each
of the query's alternatives (aliases.py: a word, a phrase, the word being typed) is looked for
in them. The window is SNIPPET_TOKENS terms long, placed where it holds the most distinct
phrases, then the most matches, the matches in its middle; an ellipsis says where text was cut.
A long text (over REGION_CHARS) is not cut into terms whole: tantivy's snippet generator (in Rust)
first finds the region of REGION_CHARS characters where the query's terms score most, and the
window is chosen within it.
The markers are highlight.py's private-use characters: `highlight.to_html` escapes the text,
then makes them tags.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import tantivy

from app.search import highlight
from app.search.aliases import Span
from app.search.engine.schema import SCHEMA, STEMMER
from app.search.schemas import SearchType

# Terms of text in a snippet: about a sentence and a half of running text.
SNIPPET_TOKENS = 24
# Texts longer than this are narrowed to a region first, of about this many characters.
REGION_CHARS = 2_000


@dataclass(frozen=True, slots=True)
class Needle:
    """An alternative of the query as the index writes it: its terms, the last one a prefix
    when the word is still being typed."""

    terms: tuple[str, ...]
    prefix: bool


def needles(spans: Sequence[Span]) -> list[Needle]:
    found: dict[Needle, None] = {}
    for span in spans:
        for words, prefix in span.alternatives:
            terms = tuple(term for word in words for term in STEMMER.analyze(word))
            if terms:
                found[Needle(terms, prefix)] = None
    return list(found)


Match = tuple[int, int, int]  # first token, last token, needle


def _matches(tokens: Sequence[tantivy.Token], wanted: Sequence[Needle]) -> list[Match]:
    """Where each needle's terms stand together in `tokens`: the tokens that can start a needle
    are found in one comprehension each, and only they are checked further."""
    exact: dict[str, list[int]] = {}
    prefixed: list[int] = []
    for n, needle in enumerate(wanted):
        if needle.prefix and len(needle.terms) == 1:
            prefixed.append(n)
        else:
            exact.setdefault(needle.terms[0], []).append(n)
    texts = [t.text for t in tokens]
    count = len(texts)
    found: list[Match] = []
    for i in [i for i, text in enumerate(texts) if text in exact]:
        for n in exact[texts[i]]:
            needle = wanted[n]
            last = i + len(needle.terms) - 1
            if last >= count or tokens[last].position - tokens[i].position != last - i:
                continue
            if last > i:
                end = texts[last]
                if tuple(texts[i + 1 : last]) != needle.terms[1:-1]:
                    continue
                if end != needle.terms[-1] and not (
                    needle.prefix and end.startswith(needle.terms[-1])
                ):
                    continue
            found.append((i, last, n))
    if prefixed:
        starts = tuple(wanted[n].terms[0] for n in prefixed)
        for i in [i for i, text in enumerate(texts) if text.startswith(starts)]:
            found.extend((i, i, n) for n in prefixed if texts[i].startswith(wanted[n].terms[0]))
        found.sort()  # in text order, as `_window` reads them
    return found


def _window(count: int, matches: Sequence[Match]) -> tuple[int, int]:
    """The first and last token of the best window."""
    if count <= SNIPPET_TOKENS or not matches:
        return 0, min(count, SNIPPET_TOKENS) - 1
    best: tuple[int, int, int] | None = None
    best_start = 0
    for first, _, _ in matches:
        inside = [m for m in matches if first <= m[0] and m[1] < first + SNIPPET_TOKENS]
        span = inside[-1][1] - first + 1
        start = max(0, min(first - (SNIPPET_TOKENS - span) // 2, count - SNIPPET_TOKENS))
        score = (len({m[2] for m in inside}), len(inside), -first)
        if best is None or score > best:
            best, best_start = score, start
    return best_start, best_start + SNIPPET_TOKENS - 1


# A letter or a digit (the analyzer's tokens are made of nothing else).
_WORD = re.compile(r"[^\W_]")


def _has_words(text: str, start: int = 0, end: int | None = None) -> bool:
    return _WORD.search(text, start, len(text) if end is None else end) is not None


def marked(text: str, wanted: Sequence[Needle], region: tuple[int, int] | None = None) -> str:
    """`text`'s best window (within `region`, character offsets, when given), its matches
    between highlight.OPEN and CLOSE."""
    offset, stop_at = region if region is not None else (0, len(text))
    tokens = STEMMER.pre_tokenize(text[offset:stop_at]).tokens
    # A region's edges may cut a word in two: its first and last terms are left out.
    tokens = tokens[1 if offset > 0 else 0 : -1 if stop_at < len(text) else None]
    if not tokens:
        return text if region is None else _plain_start(text)
    matches = _matches(tokens, wanted)
    first, last = _window(len(tokens), matches)
    start = offset + tokens[first].char_offset_from
    end = offset + tokens[last].char_offset_to
    # What lies before or after the window may be punctuation alone (a full stop): shown.
    if not _has_words(text, 0, start):
        start = 0
    if not _has_words(text, end):
        end = len(text)
    parts: list[str] = [highlight.ELLIPSIS] if start > 0 else []
    position = start
    # At one place, the longest phrase: "Russian Federation" rather than "Russian".
    for i, j, _ in sorted(matches, key=lambda m: (m[0], -m[1])):
        if i < first or j > last:
            continue
        begin, stop = offset + tokens[i].char_offset_from, offset + tokens[j].char_offset_to
        if begin < position:  # overlaps a mark already made
            continue
        parts += [text[position:begin], highlight.OPEN, text[begin:stop], highlight.CLOSE]
        position = stop
    parts.append(text[position:end])
    if end < len(text):
        parts.append(highlight.ELLIPSIS)
    return "".join(parts)


def _plain_start(text: str) -> str:
    """A long text's beginning, cut at a word: what a field with no match shows."""
    tokens = STEMMER.pre_tokenize(text[:REGION_CHARS]).tokens[:SNIPPET_TOKENS]
    if not tokens:
        return text[:REGION_CHARS]
    end = tokens[-1].char_offset_to
    return text[:end] + (highlight.ELLIPSIS if _has_words(text, end) else text[end:])


class Regions:
    """Where in a long field the query's terms score most, by tantivy's snippet generator:
    one generator per field, made on first use in a search."""

    def __init__(self, searcher: tantivy.Searcher, query: tantivy.Query) -> None:
        self._searcher = searcher
        self._query = query
        self._generators: dict[str, tantivy.SnippetGenerator] = {}

    def region(self, field: str, doc: tantivy.Document, text: str) -> tuple[int, int] | None:
        """None for a text short enough to read whole, else character offsets of a region."""
        if len(text) <= REGION_CHARS:
            return None
        generator = self._generators.get(field)
        if generator is None:
            generator = tantivy.SnippetGenerator.create(self._searcher, self._query, SCHEMA, field)
            generator.set_max_num_chars(REGION_CHARS)
            self._generators[field] = generator
        found = generator.snippet_from_doc(doc).fragment_range()
        if found.end <= found.start:
            return (0, REGION_CHARS)
        if text.isascii():
            start, end = found.start, found.end
        else:
            raw = text.encode()
            start = len(raw[: found.start].decode(errors="ignore"))
            end = start + len(raw[found.start : found.end].decode(errors="ignore"))
        # tantivy's fragment starts at the first term it scores: context on both sides.
        return max(0, start - REGION_CHARS // 2), min(len(text), end + REGION_CHARS // 2)


def snippet(kind: str, doc: tantivy.Document, wanted: Sequence[Needle], regions: Regions) -> str:
    """The snippet HTML of a result: for an actor its name, other names (and kind when that
    matched); for a section its text, or its title when only that matched; else its text."""

    def field(name: str) -> str:
        text = str(doc.get_first(name) or "")
        return marked(text, wanted, regions.region(name, doc, text))

    if kind == SearchType.ACTOR:
        parts = [field("title"), field("aliases")]
        kind_shown = field("body")
        if highlight.has_match(kind_shown):
            parts.append(kind_shown)
        return " · ".join(highlight.to_html(p) for p in parts if p)
    body = field("body")
    if kind == SearchType.SECTION and not highlight.has_match(body):
        title = field("title")
        if highlight.has_match(title):
            return highlight.to_html(title)
    # Every match marks some field; the text stands in all the same.
    return highlight.to_html(body)
