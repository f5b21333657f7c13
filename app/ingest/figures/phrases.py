"""What a figure is of: the noun a count counts and the phrase after "in"/"of" an amount.

"$60 billion in credit", "60% of Venezuelan oil exports", "500 soldiers": the words become the
figure's `measure`. A count keeps its noun there, never in `unit`.

Choices (documented here because the API contract leaves them open):
- Measures drop a leading determiner: "60% of the country's exports" -> "country's exports".
- A plural noun ends in "s" but not "ss", "us" or "is" ("class", "status", "crisis"), or is one
  of a few irregular plurals ("people", "children", "aircraft", "personnel"...); a count's is
  in lower case, after at most two words in lower case or a people's name.
"""

from __future__ import annotations

import re

from app.ingest.figures.numbers import DIGITS, WORDS

# Words that end a noun phrase: what a count counts, or what follows "in"/"of" after a figure.
STOP = (
    "a|an|the|of|and|or|but|nor|that|which|who|whom|whose|this|these|those|it|its|there|"
    "they|them|their|we|us|our|he|him|his|she|her|"
    "to|for|since|from|between|by|until|till|in|on|at|during|over|with|within|through|into|"
    "including|while|as|than|then|where|when|per|percent|cent|"
    "is|are|was|were|be|been|has|have|had|go|goes|went|will|would|could|should|can|may|might|"
    "must|do|does|did|not|thus|less|unless|perhaps|always|besides|whereas|across|"
    "come|comes|came|rose|rise|rises|fell|fall|falls|grew|grow|grows|remain|remains|remained|"
    "more|most|other|others|such|each|every|all|both|some|many|few|several|last|next"
)
WORD = rf"(?!(?:{STOP})\b)[^\W\d_][\w'’-]*"
PLURAL = (
    rf"(?!(?:{STOP})\b)(?:[^\W\d_][\w'’-]*(?<![suiSUI'’])s"
    r"|people|children|men|women|personnel|aircraft|police|staff)\b"
)
# A count's noun and up to two words before it, in lower case or a people's name ("14 navy
# ships", "Two Chinese icebreakers"); a name or a compound stops it: "26 Rafale jets", "45
# MiG-29Ks", "four twin-seat aircraft" count 26, 45 and four.
_MODIFIER = rf"(?!(?:{STOP})\b)(?-i:[a-z]+|[A-Z][a-z]+(?:an|ese|ish|ch|i))\b"
NOUN_GROUP = rf"(?:{_MODIFIER}\s+){{0,2}}(?-i:(?=[a-z])){PLURAL}"
# A number word still counts what follows it through a name or a compound ("four twin-seat
# aircraft"), though the count's noun is then not kept.
NAMED_NOUN = re.compile(rf"\s+(?:{WORD}\s+){{1,3}}?(?-i:(?=[a-z])){PLURAL}")

_DETERMINER = r"(?:the|an?|its|their|his|her|our)\s+"
_PHRASE = rf"(?:{_DETERMINER})?(?P<phrase>{WORD}(?:(?:\s+(?:and|or))?\s+{WORD}){{0,5}})"
IN_PHRASE = re.compile(rf"\s+(?:in|of|worth\s+of)\s+{_PHRASE}", re.I)
OF_PHRASE = re.compile(rf"\s+of\s+{_PHRASE}", re.I)
# "Seven of the eight members": a number word before "of the <number> <plural>".
PART_OF = re.compile(
    rf"\s+of\s+(?:the|its|their|these|those)\s+(?:{DIGITS}|{WORDS})\s+(?P<noun>{NOUN_GROUP})",
    re.I,
)


def phrase(pattern: re.Pattern[str], text: str, pos: int, end: int) -> str | None:
    """The phrase `pattern` finds at `pos`, its whitespace folded; None when there is none."""
    m = pattern.match(text, pos, end)
    return " ".join(m["phrase"].split()) if m else None
