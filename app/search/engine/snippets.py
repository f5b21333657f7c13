"""The page's excerpts: tantivy picks each text field's best window around the query's terms;
here it becomes the snippet HTML the API has always served.

tantivy reports the window and the matched words as UTF-8 byte ranges of the stored text. The
window is marked with the private-use markers of highlight.py, an ellipsis says where text was
cut, and `choose` (which column a type shows) and `highlight.to_html` (escape, then mark) do
the rest, as for every engine.
"""

from __future__ import annotations

import tantivy

from app.search import highlight
from app.search.engine.schema import SCHEMA, TEXT_FIELDS
from app.search.schemas import SearchType

# Characters of text around the matches: about 24 words of running text.
SNIPPET_CHARS = 180


def _plain_start(text: str) -> str:
    """A text's beginning, cut at a space: what a field with no match shows."""
    if len(text) <= SNIPPET_CHARS:
        return text
    cut = text[:SNIPPET_CHARS].rsplit(" ", 1)[0]
    return cut + highlight.ELLIPSIS


def _marked(text: str, snippet: tantivy.Snippet) -> str:
    window = snippet.fragment_range()
    if window.end <= window.start:
        return _plain_start(text)
    raw = text.encode()
    fragment = raw[window.start : window.end]
    parts: list[bytes] = []
    position = 0
    for found in snippet.highlighted():
        parts += [fragment[position : found.start], highlight.OPEN.encode()]
        parts += [fragment[found.start : found.end], highlight.CLOSE.encode()]
        position = found.end
    parts.append(fragment[position:])
    marked = b"".join(parts).decode(errors="replace")
    # The window ends at a word: what is left before or after it may be punctuation alone
    # (the sentence's full stop), shown rather than cut.
    head, tail = raw[: window.start].decode(), raw[window.end :].decode()
    before = highlight.ELLIPSIS if _has_words(head) else head
    after = highlight.ELLIPSIS if _has_words(tail) else tail
    return before + marked + after


def _has_words(text: str) -> bool:
    return any(c.isalnum() for c in text)


def choose(kind: str, marked: dict[str, str]) -> str:
    """The column that shows the match best, as safe HTML."""
    if kind == SearchType.ACTOR:
        # Short texts: the name, the other names, and the kind when that is what matched.
        parts = [marked["title"], marked["aliases"]]
        if highlight.has_match(marked["body"]):
            parts.append(marked["body"])
        return " · ".join(highlight.to_html(p) for p in parts if p)
    order = ("body", "title") if kind == SearchType.SECTION else ("body",)
    # Every match marks some column; the first column shown stands in all the same.
    chosen = next((marked[c] for c in order if highlight.has_match(marked[c])), marked[order[0]])
    return highlight.to_html(chosen)


class Snippets:
    """Cuts the snippets of one search's page, one generator per text field."""

    def __init__(self, searcher: tantivy.Searcher, query: tantivy.Query) -> None:
        self._generators: dict[str, tantivy.SnippetGenerator] = {}
        for field in TEXT_FIELDS:
            generator = tantivy.SnippetGenerator.create(searcher, query, SCHEMA, field)
            generator.set_max_num_chars(SNIPPET_CHARS)
            self._generators[field] = generator

    def marked(self, doc: tantivy.Document) -> dict[str, str]:
        """Each text field of the document, its best window marked."""
        found: dict[str, str] = {}
        for field, generator in self._generators.items():
            text = doc.get_first(field) or ""
            found[field] = _marked(text, generator.snippet_from_doc(doc)) if text else ""
        return found
