"""The period an amount covers: the nearest period or date in its own clause.

"Since 2015 Russia lent $6.5 billion, and in December 2016 Rosneft paid $1.5 billion": each
amount takes the time of its own clause, 2015 onwards for the first, December 2016 for the
second. A clause ends at a semicolon, or at a comma before "and", "but", "while", "whereas",
"although" or "though". When the figure's own clause states no time, the figure has no period:
"24 aircraft, and the summit is due in 2025" says nothing of when the aircraft were counted.
(Lending an earlier clause's period as well measured worse on the labelled articles: it helps
"In 2019, exports fell 5%, and imports rose 3%" and hurts more sentences than that.)

Choices (documented here because the API contract leaves them open):
- Only period and date figures lend their period to amounts; a bare year does not ("the 2018
  elections" says nothing about when the money was spent), except after "in" or "during" ("In
  2023 it pumped 9 million barrels a day") or with a comparator ("before 2030": until 2030).
- A date with no year ("Sept. 13") lends nothing: it has no period.
- "for 2022" dates its clause as "in 2022" does ("a loss of $900 million for 2022").
- An aside keeps its time: "the handset, launched in March 2022, uses a 5-nanometre chip",
  "40 jets, bought in 2015 for $2.1 billion" (the $2.1 billion is 2015's, the jets are not),
  "the refinery, which opened in 2019, processes ...". After a participle it counts as an aside
  for what follows only when the sentence's verb comes after it ("OPEC, led by Russia, agreed
  in April 2020 to cut ..., nearly 10% of supply" is April 2020's). A clause without commas
  ("troops who served there until 2020") dates the amount it follows, not what comes after.
- "the lowest since 2009" is a record's baseline, and so is what an amount is compared with
  ("four times the figure for 2021"); "compared with $6 billion in 2022" and a second
  predicate ("fell 4% in 2023 and are now 12% below", "manages $900 billion and aims to
  reach ...") have their own times.
- A time that names a thing ("after the October 2023 update") dates nothing.
- A participle without commas ("66 fighters ordered in 2019") dates the amount right before
  it, not those further back ("a backlog of $20 billion, including ..."); a participle or a
  purpose after a time ("opened a plant in July 2024 designed for 24,000 tonnes", "signed in
  2023 to build a refinery with a capacity of 200 tonnes") describes what follows, unless
  the amount is the purpose's object ("agreed in April 2020 to cut 9.7 million barrels").
- "from A in 2019 to B in 2023": A does not take B's time; of two times as near, an amount
  takes the one after it.
- A definite count ("the three governments", "the two blocs") counts things the text names
  and a hyphenated measure ("a 2,000-kilometre pipeline") describes one: neither is dated.
"""

from __future__ import annotations

import re
from dataclasses import replace

from app.ingest.drafts import FigureDraft
from app.models.vocabulary import Comparator, FigureKind

_CLAUSE_BREAK = re.compile(
    r";|,\s+(?:and|but|while|whereas|although|though)\b"
    # "fell 7% in 2023 and are now 25% below": a second predicate with its own time.
    r"|\band\s+(?:is|are|was|were|has|have|had|will|would|now|aims|plans|expects|wants|hopes"
    r"|intends|seeks|targets|promises)\b"
    # "73 companies listed, compared with 90 in 2022": the time of what it is compared with.
    r"|\b(?:compared\s+(?:with|to)|versus|vs\.)",
    re.I,
)
_IN_YEAR = re.compile(r"\b(?:in|during|for)\s+(?:(?:early|mid|late)[-\s]+)?$", re.IGNORECASE)
# A phrase that describes something else, with a time of its own: "the handset, launched in
# August 2023, uses ...", "36 jets, bought in 2016 for ...", "troops who were stationed there
# until 2024", "debt that it restructured in 2017", "submarines, the first of which was
# launched in 2024". It runs to the next comma; an amount outside it does not take its time.
_ASIDE = re.compile(
    r",\s+(?P<participle>(?:[a-z]+ed|built|bought|made|sold|held|begun|taken|known|won)\s+"
    r"(?:in|on|at|by|for|from|to|with|under|after|before|during|until|since|as|last|this)\b)"
    r"|,\s+(?:(?:the\s+)?\w+\s+of\s+)?(?:which|who|whom|whose)\b"
    r"|(?P<restrictive>\b(?:which|who|whom|whose|that\s+(?:it|they|he|she|we|you))\b)",
)
# After an aside, the sentence's own verb: "the handset, launched in 2023, uses ...". Without
# one, the "aside" was the verb itself: "OPEC, led by Russia, agreed in April 2020 to ...".
_VERB_AFTER = re.compile(
    r",\s+(?:has|have|had|is|are|was|were|will|would|can|could|may|might|must|should"
    r"|[a-z]+s|[a-z]+ed)\b(?!\s*[-$€£¥\d])"
)
_ASIDE_END = re.compile(r"[,;]")
# "the lowest level since late 2022", "the least since 2003": a record's baseline, not a period.
_SUPERLATIVE = re.compile(
    r"\b(?:\w+est|least|most|fewest|worst|best)\b(?:\s+[\w-]+){0,3}\s+$", re.I
)
# A participle and its preposition: "designed for", "ordered in", "signed on".
_PARTICIPLE = re.compile(
    r"\b(?:[a-z]+ed|built|made|sold|bought|held)\s+(?:for|to|with|as|by|in|on|at|under)\b"
)
_PARTICIPLE_BEFORE = re.compile(
    r"\b(?:[a-z]+ed|built|made|sold|bought|held)\s+(?:in|on|at|during|from|since|until)\s+$"
)
# "signed in 2023 to build a refinery of 200 tonnes": a purpose has a time of its own.
_PURPOSE = re.compile(
    r"\bto\s+(?!(?:about|around|nearly|almost|more|less|over|under|just|roughly|some|a|an|the"
    r"|its|their|record|levels?)\b)[a-z]{3,}\b"
)
_COMPARED = re.compile(r"\b(?:times|than)\s+(?:the\s+)?(?:[a-z]+\s+){0,2}(?:for|in|of)\s+$")
_DEFINITE = re.compile(r"\bthe\s+(?:(?:first|last|other)\s+)?$", re.I)
_COMPOUND = re.compile(r"\d-[a-z]")
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:(?:about|around|nearly|almost|some|roughly)\s+)?$")
_TO = re.compile(r"\bto\b")
# What an amount is measured against, named before the time of its own: "down from a peak of
# $2,800 in March 2022", "a 79% drop from the peak of $10,377 in 2021", "52% higher than the
# average of $1,420 in 2019".
_LEFT_FROM = re.compile(
    r"\b(?:up|down|(?:drop|fall|decline|rise|increase|jump|gain|climb|dip|slide|rebound)s?)"
    r"\s+from\b|\b(?:higher|lower|greater|smaller|bigger|larger|cheaper|dearer)\s+than\b"
)
_THE_BEFORE = re.compile(r"(?<!\bin )(?<!\bduring )(?<!\bfor )\bthe\s+$")
_NOUN_AFTER = re.compile(
    r"\s+(?!(?:and|or|to|of|in|on|at|for|with|by|from|as|when|was|were|is|are|than|that)\b)"
    r"[a-z]{3,}\b"
)
TAKERS = (FigureKind.MONEY, FigureKind.PERCENT, FigureKind.COUNT, FigureKind.MEASURE)


def _dates_its_clause(text: str, figure: FigureDraft) -> bool:
    """ "In 2023 it pumped 9 million barrels a day": a year after "in" or "during" sets the time
    of what its clause counts, and so does "before 2030" or "after 2017" (an open period); a
    year used otherwise ("the 2018 elections") does not."""
    if figure.kind is not FigureKind.YEAR:
        return False
    if figure.comparator is not Comparator.EQ:
        return True
    return _IN_YEAR.search(text, max(0, figure.start - 16), figure.start) is not None


def attach_periods(
    text: str, figures: list[FigureDraft], start: int = 0, end: int | None = None
) -> list[FigureDraft]:
    """Money, percents, counts and measures with the period of their clause (see above)."""
    stop = len(text) if end is None else end
    periods = [
        f
        for f in figures
        if (f.kind in (FigureKind.PERIOD, FigureKind.DATE) or _dates_its_clause(text, f))
        and (f.period_start or f.period_end)
        and not _baseline(text, f)
        and not _attributive(text, f)
    ]
    if not periods:
        return figures
    asides = {id(p): _aside(text, p, start, stop) for p in periods}

    takers = [f for f in figures if f.kind in TAKERS]

    def distance(f: FigureDraft, p: FigureDraft) -> tuple[bool, int, bool]:
        gap = (p.end, f.start) if p.end <= f.start else (f.end, p.start)
        aside = asides[id(p)]
        outside = aside is not None and (
            (f.start < aside[0] and aside[2]) or (f.start >= aside[1] and aside[3])
        )
        across = outside or _CLAUSE_BREAK.search(text, gap[0], gap[1]) is not None
        if p.end <= f.start:
            # "opened a plant in July 2024 designed for 24,000 tonnes": a participle after the
            # time describes what follows it.
            across = (
                across
                or _PARTICIPLE.search(text, gap[0], gap[1]) is not None
                or any(
                    _far_purpose(text, m.end(), f, takers) for m in _PURPOSE.finditer(text, *gap)
                )
            )
        else:
            # "fighters ordered in 2019": the participle's time is the nearest amount's only;
            # "from $1,420 ... to $3,964 on Jan. 18": the first end's time is not the second's.
            across = across or (
                _PARTICIPLE_BEFORE.search(text, max(gap[0], p.start - 30), p.start) is not None
                and any(gap[0] <= t.start < gap[1] for t in takers)
            )
            across = across or (
                _FROM_BEFORE.search(text, max(0, f.start - 30), f.start) is not None
                and _TO.search(text, gap[0], gap[1]) is not None
            )
            # "near $2,350 on Tuesday, down from a peak of $2,800 in March 2022": the time of
            # the level left, or of what the amount is compared with.
            across = across or (
                _LEFT_FROM.search(text, gap[0], gap[1]) is not None
                and any(gap[0] <= t.start < gap[1] for t in takers)
            )
        # Of two times as near, the one after the amount ("to 30 bcm in 2023").
        return across, gap[1] - gap[0], p.end <= f.start

    attached: list[FigureDraft] = []
    for f in figures:
        if f.kind in TAKERS and not _timeless(text, f):
            across, nearest = min(((distance(f, p), p) for p in periods), key=lambda c: c[0])
            if not across[0]:
                f = replace(f, period_start=nearest.period_start, period_end=nearest.period_end)
        attached.append(f)
    return attached


def _far_purpose(text: str, verb_end: int, f: FigureDraft, takers: list[FigureDraft]) -> bool:
    """Whether `f` is the first amount after a purpose ("signed in 2023 to build a refinery
    with a capacity of 200 tonnes"), and not its object: "agreed in April 2020 to cut 9.7
    million barrels a day, nearly 10% of supply" are both April 2020's."""
    first = next((t for t in takers if t.start >= verb_end), None)
    return first is f and len(text[verb_end : f.start].split()) > 2


def _timeless(text: str, figure: FigureDraft) -> bool:
    """ "the two blocs", "the three governments": a count of things the text already names;
    "a 2,000-kilometre pipeline": a measure that describes a thing. Neither is dated."""
    if figure.kind is FigureKind.COUNT:
        return _DEFINITE.search(text, max(0, figure.start - 20), figure.start) is not None
    return (
        figure.kind is FigureKind.MEASURE
        and _COMPOUND.search(figure.quote) is not None
        and _NOUN_AFTER.match(text, figure.end) is not None
    )


def _attributive(text: str, period: FigureDraft) -> bool:
    """ "after the October 2023 update": a time that names a thing (the + time + noun) dates
    neither the clause nor its amounts, unless it says when ("during the 2023 season")."""
    return (
        _THE_BEFORE.search(text, max(0, period.start - 30), period.start) is not None
        and _NOUN_AFTER.match(text, period.end) is not None
    )


def _baseline(text: str, period: FigureDraft) -> bool:
    """ "the lowest level since late 2022": "since" after a superlative; "four times the figure
    for 2021": what an amount is compared with."""
    if _COMPARED.search(text, max(0, period.start - 40), period.start) is not None:
        return True
    return period.quote.lower().startswith("since") and (
        _SUPERLATIVE.search(text, max(0, period.start - 40), period.start) is not None
    )


def _aside(
    text: str, period: FigureDraft, start: int, stop: int
) -> tuple[int, int, bool, bool] | None:
    """Where the aside holding `period` starts and ends, and whether it keeps its time from the
    amounts before it and from those after it."""
    found = list(_ASIDE.finditer(text, max(start, period.start - 80), period.start))
    if not found or _ASIDE_END.search(text, found[-1].end(), period.start):
        return None
    opener = found[-1]
    close = _ASIDE_END.search(text, period.end, stop)
    end = close.start() if close else stop
    # "troops who were stationed there until 2024": a restrictive clause dates the amount it
    # follows; what comes after it, it does not.
    before = opener["restrictive"] is None
    after = opener["participle"] is None or _VERB_AFTER.match(text, end, stop) is not None
    return opener.start(), end, before, after
