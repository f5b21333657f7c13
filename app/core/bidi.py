"""Unicode bidirectional controls, balanced in the titles and snippets the service answers with.

An embedding or override (LRE U+202A, RLE U+202B, LRO U+202D, RLO U+202E; closed by PDF
U+202C) or an isolate (LRI U+2066, RLI U+2067, FSI U+2068; closed by PDI U+2069) left open in
a title or a snippet goes on reordering whatever a page shows after it on the same line: the
rest of a list item, a breadcrumb, the next result. A stray closer can end an embedding the
page itself opened. Article text may hold them legitimately (right-to-left names), and a
snippet or a title cut short can cut a balanced pair in two.

The rule, the same for every title and snippet that leaves the service:

- a closer with nothing for it to close is dropped: a PDF when no embedding is open inside the
  innermost open isolate, a PDI when no isolate is open (as UAX #9, X6a/X7, would ignore them);
- an opener still open at the end is closed there, innermost first (PDF or PDI).

Everything else is left as it is, so a balanced string comes back unchanged and its own text
still reads as its author wrote it. Only answers are balanced, never stored text: the offsets
contract (`text[start:end]` is the quote) holds over the article text as stored.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

PDF = "\u202c"
PDI = "\u2069"
_EMBEDDINGS = frozenset("\u202a\u202b\u202d\u202e")
_ISOLATES = frozenset("\u2066\u2067\u2068")
_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
_CONTROL_CHARACTERS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


def balance(text: str) -> str:
    """`text` with stray bidi closers dropped and open bidi openers closed at its end."""
    if _CONTROLS.search(text) is None:  # the usual case: one scan in C, no copy
        return text
    kept: list[str] = []
    closers: list[str] = []  # what closes each open opener, innermost last
    for char in text:
        if char in _EMBEDDINGS:
            closers.append(PDF)
        elif char in _ISOLATES:
            closers.append(PDI)
        elif char == PDF:
            if not closers or closers[-1] != PDF:
                continue
            closers.pop()
        elif char == PDI:
            if PDI not in closers:
                continue
            # A PDI also ends the embeddings opened inside its isolate.
            while closers.pop() != PDI:
                pass
        kept.append(char)
    return "".join(kept) + "".join(reversed(closers))


def balance_each(texts: Sequence[str]) -> Sequence[str]:
    """Each of `texts` balanced. A column of titles is looked at once first, by a join and a
    search for each control (in C, about 5 µs for 100 titles against 24 µs for as many calls
    of `balance`): it is given back as it is when none holds a control, as almost none does."""
    joined = "".join(texts)
    if not any(control in joined for control in _CONTROL_CHARACTERS):
        return texts
    return [balance(text) for text in texts]
