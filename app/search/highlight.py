"""Turning marked-up snippets into safe HTML.

Writing `<mark>` around the matches would mix markup into text that is not yet escaped; so the
snippet code (app/search/engine/snippets.py) marks them with two private-use characters, the
whole snippet is HTML-escaped, and only then do the markers become tags. The indexed text has
those characters removed (`strip_markers`), so every marker in a snippet was put there by the
snippet code.
Bidi controls in a snippet are balanced (app/core/bidi.py): a window of the text can cut a pair
in two, and an opener left open would reorder the page after the snippet.
"""

from __future__ import annotations

import html

from app.core.bidi import balance

OPEN = "\ue000"
CLOSE = "\ue001"
ELLIPSIS = "…"
_NO_MARKERS = str.maketrans({OPEN: "\ufffd", CLOSE: "\ufffd"})


def strip_markers(text: str) -> str:
    return text.translate(_NO_MARKERS)


def has_match(marked: str) -> bool:
    return OPEN in marked


def to_html(marked: str) -> str:
    """'a <b>\n \ue000c\ue001' -> 'a &lt;b&gt; <mark>c</mark>': one line, escaped, marked,
    its bidi controls balanced."""
    one_line = balance(" ".join(marked.split()))
    return html.escape(one_line).replace(OPEN, "<mark>").replace(CLOSE, "</mark>")
