"""How a figure bounds the real quantity (comparators) and which way it moved (changes).

Comparator words stand right before the amount and are part of its quote: "over $11 billion",
"up to 5%". Comparator verbs ("exceeded $30 billion", "topped 1 million") and the words of a
change ("rose 5%", "fell by $2 billion", "up 3%", "an increase of 4%", "5% higher") are read
around the quote but stay out of it: the quote is the amount, the verb belongs to the clause.

Choices (documented here because the API contract leaves them open):
- "rose to 7%" and "rose by 2 points" are both a rise: the direction is recorded, not whether
  the figure is the new level or the size of the move. So is the level left ("up from 15.4
  bcm") and a level followed by its move ("6.81 trillion rupees, up 9.5%").
- A verb, its object and "by" carry the direction too: "raised defence spending by 18%", "grew
  moderately by 4.5%"; so does the level reached after "to" ("rose 6.6% to $174.7 billion").
- "almost", "nearly" are `approx`, as "about" is: the value is close, from below or not.
- "after"/"before" compare times only (see `amounts.py`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from app.models.vocabulary import Change, Comparator

COMPARATORS: dict[str, Comparator] = {
    "more than": Comparator.GT,
    "greater than": Comparator.GT,
    "over": Comparator.GT,
    "above": Comparator.GT,
    "exceeding": Comparator.GT,
    "in excess of": Comparator.GT,
    "upwards of": Comparator.GT,
    "at least": Comparator.GTE,
    "greater than or equal to": Comparator.GTE,
    "more than or equal to": Comparator.GTE,
    "equal to or more than": Comparator.GTE,
    "equal to or greater than": Comparator.GTE,
    "less than or equal to": Comparator.LTE,
    "fewer than or equal to": Comparator.LTE,
    "equal to or less than": Comparator.LTE,
    "equal to or fewer than": Comparator.LTE,
    "no less than": Comparator.GTE,
    "no fewer than": Comparator.GTE,
    "a minimum of": Comparator.GTE,
    "under": Comparator.LT,
    "less than": Comparator.LT,
    "fewer than": Comparator.LT,
    "below": Comparator.LT,
    "up to": Comparator.LTE,
    "at most": Comparator.LTE,
    "no more than": Comparator.LTE,
    "as much as": Comparator.LTE,
    "as many as": Comparator.LTE,
    "a maximum of": Comparator.LTE,
    "within": Comparator.LTE,
    "about": Comparator.APPROX,
    "near": Comparator.APPROX,
    "close to": Comparator.APPROX,
    "around": Comparator.APPROX,
    "roughly": Comparator.APPROX,
    "approximately": Comparator.APPROX,
    "nearly": Comparator.APPROX,
    "almost": Comparator.APPROX,
    "some": Comparator.APPROX,
    "an estimated": Comparator.APPROX,
    "estimated": Comparator.APPROX,
    # Temporal: they compare years and dates only (see amounts.py).
    "after": Comparator.GT,
    "before": Comparator.LT,
}
TEMPORAL = {"after", "before"}
AMOUNT_COMPARATORS = [w for w in COMPARATORS if w not in TEMPORAL]

# Verbs that bound the amount after them: "exports exceeded $30 billion".
_VERB_BEFORE = re.compile(
    r"\b(?:exceed(?:ed|s|ing)?|surpass(?:ed|es|ing)?|top(?:ped|s|ping)?|pass(?:ed|es|ing)?"
    r"|crossed|broke)\s+$",
    re.I,
)

_RISE = (
    r"r[oi]se|rises|risen|rising|gr[eo]w|grows|grown|growing|increas(?:e|ed|es|ing)"
    r"|jump(?:ed|s|ing)?|climb(?:ed|s|ing)?|gain(?:ed|s|ing)?|soar(?:ed|s|ing)?"
    r"|surg(?:e|ed|es|ing)|(?:went|go(?:es)?|going)\s+up|rall(?:ied|ies|y)|doubl(?:ed|es|ing)"
    r"|expand(?:ed|s|ing)?|advanc(?:ed|es|ing)|boost(?:ed|s|ing)?"
)
_FALL = (
    r"f[ae]ll|falls|fallen|falling|declin(?:e|ed|es|ing)|drop(?:ped|s|ping)?"
    r"|decreas(?:e|ed|es|ing)|slump(?:ed|s|ing)?|plung(?:e|ed|es|ing)|shr[ai]nk|shrunk|shrinks"
    r"|s[au]nk|sinks|slid|slides|sliding|tumbl(?:e|ed|es|ing)|(?:went|go(?:es)?|going)\s+down"
    r"|dipped|dips|contract(?:ed|ing)|cut(?:s|ting)?|reduc(?:e|ed|es|ing)"
    r"|lower(?:ed|s|ing)|slash(?:ed|es|ing)"
)
_FILLER = r"(?:(?:by|to|from|of|another|a\s+further|further|some|an?)\s+)?"
# "up 3%", "down 2 percent" as a report writes them, after a pause or a verb of being; not the
# particle of "set up 500 stations" or "broke down 3 times".
_UP_DOWN = r"(?:(?:^|[,;:(—–]|\b(?:is|are|was|were|be|been|being|and|or|now|still|also))\s*)"
# "rose 5%", "fell by $2 billion", "increased to 7%", "up 3%", "down 2 percent",
# "an increase of 4%", "a drop of 3%".
_CHANGE_BEFORE = re.compile(
    rf"(?:\b(?P<rise>{_RISE}|increases?\s+of|rises?\s+of|growth\s+of|gains?\s+of)"
    rf"|{_UP_DOWN}(?P<up>up)|{_UP_DOWN}(?P<down>down)"
    rf"|\b(?P<fall>{_FALL}|decreases?\s+of|declines?\s+of|drops?\s+of|falls?\s+of"
    r"|cuts?\s+of|reductions?\s+of|losses?\s+of))"
    rf"\s+{_FILLER}$",
    re.I,
)
# "a 5% increase", "5% higher", "$2 billion less than": the change word right after the amount.
_CHANGE_AFTER = re.compile(
    r"\s*(?:(?P<rise>increases?|rises?|jump|gain|growth|higher|hike|up\b)"
    r"|(?P<fall>decreases?|declines?|drops?|falls?|lower|cuts?|reductions?|loss|down\b))\b",
    re.I,
)
# "raised defence spending by 18%", "cut its forecast by 0.5 points": a verb, its object, "by".
_BY_VERB = re.compile(
    r"\b(?:(?P<rise>rais(?:e|ed|es|ing)|lift(?:ed|s|ing)?|increas(?:e|ed|es|ing)"
    r"|boost(?:ed|s|ing)?|hik(?:e|ed|es|ing)|expand(?:ed|s|ing)?|widen(?:ed|s|ing)?"
    rf"|{_RISE})"
    r"|(?P<fall>cut(?:s|ting)?|reduc(?:e|ed|es|ing)|lower(?:ed|s|ing)?|slash(?:ed|es|ing)?"
    rf"|trimm?(?:ed|s|ing)?|narrow(?:ed|s|ing)?|shrink(?:s|ing)?|shrank|{_FALL}))"
    r"\b(?:[^.;:!?]|\.(?=\d)){0,50}?\bby\s+$",
    re.I,
)
# "exports rose 6.6 per cent to $174.7 billion": the level reached after a change.
_TO_LEVEL = re.compile(
    rf"\b(?:(?P<rise>{_RISE})|(?P<fall>{_FALL}))\b(?:[^.;:!?]|\.(?=\d)){{0,60}}?\bto\s+$",
    re.I,
)
# "6.81 trillion rupees, up 9.5% from the year before": the level moved too.
_LEVEL_MOVED = re.compile(
    r",?\s+(?:(?P<rise>up)|(?P<fall>down))\s+(?:by\s+|from\s+)?[-−$€£¥\d]", re.I
)
# Exclusions after the amount: "up to", "down from", "fall in" keep their own senses.
_NOT_AFTER = re.compile(r"\s*(?:up\s+to|down\s+payment)\b", re.I)


def alternation(words: Iterable[str]) -> str:
    """Longest first, so "no more than" wins over "more than"; spaces match any whitespace."""
    return "|".join(w.replace(" ", r"\s+") for w in sorted(words, key=len, reverse=True))


# "5,000 or more", "200 or greater": the bound written after the amount.
_BOUND_AFTER = re.compile(
    r"\s+or\s+(?:(?P<gte>more|greater|higher|above|over)|(?P<lte>less|fewer|lower|below|under))\b"
    r"(?!\s+than\b)",
    re.I,
)


def bound_after(text: str, end: int, stop: int) -> tuple[Comparator, int] | None:
    """`gte` or `lte` and where the words end, for "or more", "or less" right after `end`."""
    m = _BOUND_AFTER.match(text, end, stop)
    if m is None:
        return None
    return (Comparator.GTE if m["gte"] else Comparator.LTE), m.end()


def comparator(word: str | None) -> Comparator:
    return COMPARATORS[" ".join(word.lower().split())] if word else Comparator.EQ


def bounding_verb(text: str, start: int) -> Comparator | None:
    """`gt` when a verb like "exceeded" or "topped" stands right before `start`."""
    if _VERB_BEFORE.search(text, max(0, start - 20), start):
        return Comparator.GT
    return None


def change(text: str, start: int, end: int, stop: int) -> Change | None:
    """Which way the quantity at `text[start:end]` moved, from the words around it."""
    before = _CHANGE_BEFORE.search(text, max(0, start - 40), start)
    if before:
        return Change.RISE if before["rise"] or before["up"] else Change.FALL
    if by := _BY_VERB.search(text, max(0, start - 80), start):
        return Change.RISE if by["rise"] else Change.FALL
    if level := _TO_LEVEL.search(text, max(0, start - 90), start):
        return Change.RISE if level["rise"] else Change.FALL
    if _NOT_AFTER.match(text, end, stop):
        return None
    if level := _LEVEL_MOVED.match(text, end, stop):
        return Change.RISE if level["rise"] else Change.FALL
    after = _CHANGE_AFTER.match(text, end, stop)
    if after:
        return Change.RISE if after["rise"] else Change.FALL
    return None
