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
- A verb of change reaches the level reached or left later in its clause ("lifted its stake in
  the insurer to 26%", "cut the levy in April from 8.5%"), not past a clause break; a level is
  followed by its move with words and years between ("$683 million in 2022, up 234%"); a move
  restated ("rose $21, or 1.1%") and the level reached after the level left ("from $600 in
  2022 to $100") carry the move (engine.py).
- "lost", "shed" are a fall only right before the amount; "added" and a market that "closed
  down" only before a percent, money or points ("closed down 6 factories" is no fall).
- What something costs someone is their loss ("cost the economy 2% of output"); what a thing
  costs ("will cost $2 billion") is a price.
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

# A ceiling: "duties are capped at 4.5%", "capped grid fees for smelters at 5%", "stamp duty
# can reach 15%".
_CAP_BEFORE = re.compile(
    r"\b(?:(?:capped|limited|restricted)\s+(?:[a-z]+\s+){0,4}?(?:at|to)"
    r"|(?:can|could|may|might)\s+reach)\s+$",
    re.I,
)

_RISE = (
    r"r[oi]se|rises|risen|rising|gr[eo]w|grows|grown|growing|increas(?:e|ed|es|ing)"
    r"|jump(?:ed|s|ing)?|climb(?:ed|s|ing)?|gain(?:ed|s|ing)?|soar(?:ed|s|ing)?"
    r"|surg(?:e|ed|es|ing)|(?:went|go(?:es)?|going)\s+up|rall(?:ied|ies|y)|doubl(?:ed|es|ing)"
    r"|(?:edg|inch|tick)(?:ed|es|s|ing)\s+(?:up|higher)|(?:crept|creep(?:s|ing))\s+(?:up|higher)"
    r"|expand(?:ed|s|ing)?|advanc(?:ed|es|ing)|boost(?:ed|s|ing)?"
    r"|rebound(?:ed|s|ing)?|recover(?:ed|s|ing)?|spik(?:e|ed|es|ing)|(?:sky)?rocket(?:ed|s|ing)?"
    r"|leap(?:ed|s|ing)?|leapt|tripl(?:ed|es|ing)|quadrupl(?:ed|es|ing)|swell(?:ed|s|ing)?"
    r"|swollen|accelerat(?:ed|es|ing)|strengthen(?:ed|s|ing)?|appreciat(?:ed|es|ing)"
    r"|escalat(?:ed|es|ing)"
)
_FALL = (
    r"f[ae]ll|falls|fallen|falling|declin(?:e|ed|es|ing)|drop(?:ped|s|ping)?"
    r"|decreas(?:e|ed|es|ing)|slump(?:ed|s|ing)?|plung(?:e|ed|es|ing)|shr[ai]nk|shrunk|shrinks"
    r"|s[au]nk|sinks|slid|slides|sliding|tumbl(?:e|ed|es|ing)|(?:went|go(?:es)?|going)\s+down"
    r"|(?:edg|inch|tick)(?:ed|es|s|ing)\s+(?:down|lower)|(?:crept|creep(?:s|ing))\s+(?:down|lower)"
    r"|dipped|dips|contract(?:ed|ing)|(?<!power\s)cut(?:s|ting)?|reduc(?:e|ed|es|ing)"
    r"|lower(?:ed|s|ing)|slash(?:ed|es|ing)"
    r"|slipp(?:ed|ing)|slips|eas(?:ed|es|ing)|plummet(?:ed|s|ing)?|crash(?:ed|es|ing)"
    r"|collaps(?:e|ed|es|ing)|dived|dove|tank(?:ed|s|ing)|retreat(?:ed|s|ing)?"
    r"|weaken(?:ed|s|ing)?|depreciat(?:ed|es|ing)|halv(?:e|ed|es|ing)|slow(?:ed|s|ing)"
    r"|skid(?:ded|s|ding)?|sagg(?:ed|ing)|erod(?:ed|es|ing)"
)
# Verbs that mean a move only with the amount right after them: "the shares lost 20%", "it shed
# 3,000 jobs". Further away they mean something else ("lost the vote to ...").
_FALL_NEXT = r"lost|los(?:e|es|ing)|shed(?:s|ding)?"
# "could cost the economy 5% of its output": what something costs someone is their loss (what
# a thing costs, "it will cost $5 billion", is a price: no object stands between). Costs as the
# subject of a verb ("costs rose to $5 billion", "costs of fuel fell") are no such verb.
_COST = (
    r"cost(?:s|ing)?(?:\s+(?!(?:than|more|less|as|to|about|some|of|are|were|is|was|have|has|had"
    rf"|{_RISE}|{_FALL})\b)[a-z]+){{1,3}}?"
)
# Clause breaks a verb of change does not reach across: "fell 5%, and moved on to ...".
_IN_CLAUSE = r"(?:(?!,\s+(?:and|but|while|whereas|although|though)\b)(?:[^.;:!?]|\.(?=\d)))"
_FILLER = r"(?:(?:by|to|from|of|another|a\s+further|further|some|an?)\s+)?"
# "rose sharply by 5%", "down marginally from $30": one adverb may stand between.
_ADVERB = r"(?:(?!only\b|early\b)[a-z]+ly\s+)?"
# "up 3%", "down 2 percent" as a report writes them, after a pause or a verb of being; not the
# particle of "set up 500 stations" or "broke down 3 times".
_UP_DOWN = (
    r"(?:(?:^|[,;:(—–]|\b(?:is|are|was|were|be|been|being|and|or|now|still|also"
    r"|remain(?:ed|s|ing)?|stay(?:ed|s|ing)?|stood|edg(?:ed|es|ing)|inch(?:ed|es|ing)"
    r"|tick(?:ed|s|ing)|crept|creep(?:s|ing)|mov(?:ed|es|ing)|head(?:ed|s|ing)?))\s*)"
)
# A market "closed down 0.8%", "ended up 2%" or "added 1%": only before a percent, points or
# money (a company "closed down 3 factories", a detour "adds 6,000 km").
_MARKET_UP_DOWN = re.compile(
    r"\b(?P<added>add(?:ed|s|ing))\s+$|"
    r"\b(?:clos(?:ed|es|ing)|end(?:ed|s|ing)|finish(?:ed|es|ing)|open(?:ed|s|ing)"
    r"|trad(?:ed|es|ing)|settl(?:ed|es|ing))\s+(?:(?P<up>up|higher)|(?P<down>down|lower))"
    rf"\s+{_FILLER}$",
    re.I,
)
# "rose 5%", "fell by $2 billion", "increased to 7%", "up 3%", "down 2 percent",
# "an increase of 4%", "a drop of 3%", "a drop in value of 7%".
_CHANGE_BEFORE = re.compile(
    rf"(?:\b(?P<rise>{_RISE}"
    r"|(?:increases?|rises?|growth|gains?|jumps?|surges?|rebounds?|expansions?|hikes?)"
    r"(?:\s+in\s+[a-z]+)?\s+of"
    rf"|(?:{_RISE})\s+at\s+an?\s+(?:[a-z]+\s+)?(?:rate|pace)\s+of"
    r"|growth\s+(?:(?:is|was|will\s+be|would\s+be)\s+)?"
    r"(?:(?:forecast|expected|projected|estimated|seen|put)\s+)?(?:at|of|to))"
    rf"|{_UP_DOWN}(?P<up>up)|{_UP_DOWN}(?P<down>down)"
    rf"|\b(?P<fall>{_FALL}|{_FALL_NEXT}|{_COST}"
    r"|(?:decreases?|declines?|drops?|falls?|(?<!power\s)cuts?|reductions?|losses?|slumps?"
    r"|plunges?|contractions?|dips?)(?:\s+in\s+[a-z]+)?\s+of))"
    rf"\s+{_ADVERB}{_FILLER}$",
    re.I,
)
# "up the river", "down the coast": a way through a place, not a move of the amount.
_ALONG = r"(?!\s+(?:the|a|an|this|that|its|their)\b)"
# "a 5% increase", "5% higher", "$2 billion less than": the change word right after the amount.
_CHANGE_AFTER = re.compile(
    r"\s*(?:(?P<rise>increases?|rises?|jumps?|gains?|growth|higher|hikes?|surges?|rally"
    rf"|rebound|expansion|up\b{_ALONG})"
    r"|(?P<fall>decreases?|declines?|drops?|falls?|lower|cuts?|reductions?|loss|losses|slump"
    rf"|plunge|slide|contraction|dip|down\b{_ALONG}))\b",
    re.I,
)
# Verbs that raise or lower what follows them: "raised defence spending by 18%", "lift its
# share from 10%", "cut its stake to 20%".
_RAISE = (
    r"rais(?:e|ed|es|ing)|lift(?:ed|s|ing)?|increas(?:e|ed|es|ing)"
    r"|boost(?:ed|s|ing)?|hik(?:e|ed|es|ing)|expand(?:ed|s|ing)?|widen(?:ed|s|ing)?"
)
_LOWER = (
    r"cut(?:s|ting)?|reduc(?:e|ed|es|ing)|lower(?:ed|s|ing)?|slash(?:ed|es|ing)?"
    r"|trimm?(?:ed|s|ing)?|narrow(?:ed|s|ing)?|shrink(?:s|ing)?|shrank"
)
# "to a record $5 billion", "from a peak of $3,964": the level named as an extreme.
RECORD = r"(?:(?:a|an|its|their|the)\s+(?:[\w-]+\s+){0,2}?(?:record|peak|high|low)(?:\s+of)?\s+)?"
# "raised defence spending by 18%", "cut its forecast by 0.5 points": a verb, its object, "by".
_BY_VERB = re.compile(
    rf"\b(?:(?P<rise>{_RAISE}|{_RISE})|(?P<fall>{_LOWER}|{_FALL}))"
    # "by a substantial 0.75 points", "by a further 2%": an article and one word may follow.
    rf"\b{_IN_CLAUSE}{{0,50}}?\bby\s+(?:an?\s+[a-z]+\s+)?$",
    re.I,
)
# "exports rose 6.6 per cent to $174.7 billion", "raised its stake to 35%", "rose 59 cents to
# settle at $58.89": the level reached after a change; "cut its rate in August from 13.75%",
# "fell to 36%, from 76%": the level left.
_TO_LEVEL = re.compile(
    rf"\b(?:(?P<rise>{_RISE}|{_RAISE})|(?P<fall>{_FALL}|{_LOWER}))\b"
    rf"{_IN_CLAUSE}{{0,80}}?"
    # Not the "to" of another verb: "cut subsidies that amount to 3% of GDP".
    r"(?<!amount\s)(?<!amounts\s)(?<!amounted\s)(?<!equal\s)(?<!equals\s)"
    r"\b(?:to(?:\s+(?:settle|close|end|finish|stand|trade)\s+at)?|from)\s+"
    rf"{RECORD}$",
    re.I,
)
# "6.81 trillion rupees, up 9.5% from the year before": the level moved too; so does "$683
# million in 2022, up 234%" and "101.9 million tonnes of soybeans in 2023, up from 79.1 million":
# words without a number (a year aside) may stand between the level and its move.
_LEVEL_MOVED = re.compile(
    r"(?:,?|(?:[^\d,;:.!?()]|\b(?:19|20)\d\d\b){1,60}?,)\s+(?:(?P<rise>up)|(?P<fall>down))\s+"
    rf"(?:[a-z]+ly\s+)?(?:by\s+|from\s+{RECORD})?"
    r"(?:(?:nearly|almost|about|around|roughly|some|more\s+than|less\s+than|over|under)\s+)?"
    r"[-−$€£¥\d]",
    re.I,
)
# "down from a peak of $2,800": the level left, named as an extreme.
_LEFT_EXTREME = re.compile(
    r"\b(?:(?P<up>up)|down)\s+from\s+(?:a|an|its|their|the)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:record|peak|high|low)(?:\s+of)?\s+$",
    re.I,
)
# Exclusions after the amount: "up to", "down from", "fall in" keep their own senses.
_NOT_AFTER = re.compile(r"\s*(?:up\s+to|down\s+payment)\b", re.I)
# "ticked up to 4.1%", "crept up to 5%": "up to" is a particle and the level, not a bound.
_PARTICLE_UP = re.compile(
    r"\b(?:edg(?:ed|es|ing)|inch(?:ed|es|ing)|tick(?:ed|s|ing)|crept|creep(?:s|ing)"
    r"|mov(?:ed|es|ing)|shot|went|go(?:es)?|going|climb(?:ed|s|ing)?|push(?:ed|es|ing)"
    r"|pick(?:ed|s|ing)|jump(?:ed|s|ing)?|r[oi]se|risen|rising|gone)\s+$",
    re.I,
)
# "rose 87 cents, or 1%": the same move in other terms; "rose 2% ($500 billion)".
RESTATED = re.compile(r",?\s+or\s+|\s*\(\s*")
# "fell from a record of $600 in 2022 to around $100": the level reached after a level left.
FROM_TO = re.compile(r"(?:[^.;:!?\d]|\b(?:19|20)\d\d\b){0,60}?\bto\s+$", re.I)
# A verb of change that governs "from ... to ...": the ends are the levels left and reached,
# two figures, not a range ("lift its share from 10% to 20%", "rose $2.69 to $114.24").
_GOVERNING = re.compile(rf"\b(?:{_RISE}|{_RAISE}|{_FALL}|{_LOWER})\b{_IN_CLAUSE}{{0,60}}?$", re.I)


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
    """`gt` when a verb like "exceeded" or "topped" stands right before `start`, `lte` after
    a cap ("capped at 4.5%", "can reach 15%")."""
    if _VERB_BEFORE.search(text, max(0, start - 20), start):
        return Comparator.GT
    if _CAP_BEFORE.search(text, max(0, start - 50), start):
        return Comparator.LTE
    return None


def change(
    text: str,
    start: int,
    end: int,
    stop: int,
    money_or_percent: bool = True,
    level: bool = True,
) -> Change | None:
    """Which way the quantity at `text[start:end]` moved, from the words around it.

    `money_or_percent` says whether the amount is one a market closes "down" or "up" by;
    `level` whether it may be a level followed by its move ("$5 billion in 2023, up 4%").
    """
    before = _CHANGE_BEFORE.search(text, max(0, start - 40), start)
    if before:
        return Change.RISE if before["rise"] or before["up"] else Change.FALL
    if money_or_percent and (market := _MARKET_UP_DOWN.search(text, max(0, start - 40), start)):
        return Change.RISE if market["up"] or market["added"] else Change.FALL
    if by := _BY_VERB.search(text, max(0, start - 80), start):
        return Change.RISE if by["rise"] else Change.FALL
    if reached := _TO_LEVEL.search(text, max(0, start - 100), start):
        return Change.RISE if reached["rise"] else Change.FALL
    if left := _LEFT_EXTREME.search(text, max(0, start - 40), start):
        return Change.RISE if left["up"] else Change.FALL
    if _NOT_AFTER.match(text, end, stop):
        return None
    if level and (moved := _LEVEL_MOVED.match(text, end, stop)):
        return Change.RISE if moved["rise"] else Change.FALL
    after = _CHANGE_AFTER.match(text, end, stop)
    if after:
        return Change.RISE if after["rise"] else Change.FALL
    return None


def particle_up(text: str, start: int) -> bool:
    """True when "up to" at `start` follows a verb of moving: "ticked up to 4.1%"."""
    return _PARTICLE_UP.search(text, max(0, start - 20), start) is not None


def governed(text: str, start: int) -> bool:
    """True when a verb of change stands earlier in the clause before `start`."""
    return _GOVERNING.search(text, max(0, start - 90), start) is not None
