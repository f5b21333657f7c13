"""What the recognizer reads: the few words of an article where it can find a new name.

The recognizer (spaCy, app/ingest/recognizer.py) costs about ten times everything else ingest
does, word for word, so it reads only where its answer can change the facts:

- A sentence is read only with a capitalised word that is neither the sentence's ordinary
  first word ("The", "However") nor part of a name the gazetteer knows; and of such a
  sentence only `_CONTEXT_WORDS` words either side of those words (the model's encoder sees
  four tokens either side, so the rest of a long sentence costs time and changes nothing).
- Nor a span whose only such words are months and weekdays ("In January, ..."): the most
  frequent capitalised words of news prose that no gazetteer holds, and never a name.
- Neighbouring sentences of one line are read as one span: the recognizer's cost is as much
  per call as per word, and a sentence boundary inside a span changes none of its names.
- In two rounds. A span whose every sentence has its first word as its only such word
  ("Varga said that ...") waits for the first round, the rest of the article. When that
  round found, in full, the one person each of those words is the surname of (Elena Varga),
  the span is not read at all: a surname alone is that person's alias already
  (app/ingest/names.py), so reading it adds nothing. News prose opens many sentences with
  a surname. A surname two people share is read, as before.
  Not when the sentence follows a title ("... said the Minister. Lai ..."), where a single
  name counts as a titled one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from app.ingest.actors import Gazetteer
from app.ingest.drafts import SentenceDraft
from app.ingest.names import ORDINARY_FIRST, named_in_full, title_before
from app.ingest.recognizer import Recognized, Recognizer

__all__ = ["Window", "recognize", "window"]

_CAPITALISED = re.compile(r"\b[A-Z][\w'’.-]*")
_POSSESSIVE = re.compile(r"['’]s?$")
_SPACE = re.compile(r"\s")
_CONTEXT_WORDS = 8
# Months and weekdays, written out or cut ("Sept."): capitalised, and never a new name. Not
# "May", a surname too.
# fmt: off
_CALENDAR = frozenset({
    "January", "February", "March", "April", "June", "July", "August", "September",
    "October", "November", "December", "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.",
    "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec.", "Monday", "Tuesday", "Wednesday",
    "Thursday", "Friday", "Saturday", "Sunday",
})
# fmt: on


@dataclass(frozen=True, slots=True)
class Window:
    """The part of a sentence the recognizer should read."""

    start: int
    end: int
    # The sentence's first word when it is the only word that may be a new name.
    lead: str | None
    # Whether every such word is a month or a weekday: then nothing in it is worth reading.
    calendar: bool = False


def window(text: str, sentence: SentenceDraft, known: Gazetteer) -> Window | None:
    """The part of `sentence` the recognizer should read, or None when it has no capitalised
    word the recognizer could make a new name of (the module says which)."""
    covered = [(m.start, m.end) for m in known.find(text, sentence.start, sentence.end)]
    first = last = None
    words: list[str] = []
    for m in _CAPITALISED.finditer(text, sentence.start, sentence.end):
        if m.start() == sentence.start and m.group().lower() in ORDINARY_FIRST:
            continue
        if any(s <= m.start() < e for s, e in covered):
            continue
        first = m.start() if first is None else first
        last = m.end()
        words.append(m.group())
    if first is None or last is None:
        return None
    before = [w.start() for w in _SPACE.finditer(text, sentence.start, first)]
    after = [w.start() for w in _SPACE.finditer(text, last, sentence.end)]
    start = before[-_CONTEXT_WORDS] + 1 if len(before) >= _CONTEXT_WORDS else sentence.start
    end = after[_CONTEXT_WORDS - 1] if len(after) >= _CONTEXT_WORDS else sentence.end
    alone = len(words) == 1 and first == sentence.start
    lead = _POSSESSIVE.sub("", words[0]) if alone else None
    if title_before(text, sentence.start):
        return Window(start, end, None)
    return Window(start, end, lead, all(w in _CALENDAR for w in words))


def recognize(
    text: str, sentences: Sequence[SentenceDraft], known: Gazetteer, recognizer: Recognizer
) -> list[Recognized]:
    """The recognizer's spans in `sentences`, read in the module's two rounds."""
    windows = [w for s in sentences if (w := window(text, s, known)) is not None]
    spans = [(s, e, part) for s, e, part in _joined(text, windows) if not _calendar(part)]
    first = [(s, e) for s, e, part in spans if any(_now(w) for w in part)]
    found = recognizer(text, first)
    named = named_in_full(text, sentences, found, known)
    later = [
        (s, e)
        for s, e, part in spans
        if not any(_now(w) for w in part) and any(w.lead not in named for w in part)
    ]
    return [*found, *recognizer(text, later)] if later else found


def _now(w: Window) -> bool:
    """Whether `w` is read in the first round."""
    return w.lead is None and not w.calendar


def _calendar(part: list[Window]) -> bool:
    return all(w.calendar for w in part)


def _joined(text: str, windows: list[Window]) -> list[tuple[int, int, list[Window]]]:
    """Neighbouring windows of one line as one span, with its windows. A span is read whole
    or not at all, so the recognizer sees the same text in either round."""
    joined: list[tuple[int, int, list[Window]]] = []
    for w in windows:
        if joined and not text[joined[-1][1] : w.start].strip(" \t"):
            start, _, part = joined[-1]
            joined[-1] = (start, w.end, [*part, w])
        else:
            joined.append((w.start, w.end, [w]))
    return joined
