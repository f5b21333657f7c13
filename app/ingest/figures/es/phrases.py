"""What a Spanish figure is of: the phrase after "de"/"del" (percents, fractions) or "en"/"de"
(money), as `figures/phrases.py` reads "of"/"in" in English.

"el 60% de las exportaciones venezolanas de crudo" -> "exportaciones venezolanas de crudo",
"6.000 millones de dólares en préstamos" -> "préstamos". The determiner is dropped; the phrase
runs over at most six words, with "de"/"del" between them, and stops at a word that is no part
of a noun phrase (a verb, a conjunction, a preposition other than "de").
"""

from __future__ import annotations

import re

_STOP = (
    "el|la|los|las|un|una|unos|unas|de|del|al|a|en|y|e|o|u|ni|que|quien|cual|cuyo|cuya|"
    "por|para|con|sin|sobre|desde|hasta|entre|hacia|tras|seg[uú]n|durante|contra|como|"
    "se|es|son|era|eran|fue|fueron|ser|sido|est[aá]|est[aá]n|estaba|ha|han|hab[ií]a|hay|"
    "m[aá]s|menos|muy|ya|no|s[ií]|tambi[eé]n|pero|aunque|mientras|cuando|donde|este|esta|"
    "estos|estas|ese|esa|esos|esas|su|sus|lo|le|les|mismo|misma|otro|otra|otros|otras|cada"
)
_WORD = rf"(?!(?:{_STOP})\b)[^\W\d_][\w'’-]*"
_DETERMINER = r"(?:(?:el|la|los|las|su|sus|un|una)\s+)?"
_PHRASE = rf"{_DETERMINER}(?P<phrase>{_WORD}(?:\s+(?:(?:de|del)\s+{_DETERMINER})?{_WORD}){{0,5}})"
OF_PHRASE = re.compile(rf"\s+(?:de|del)\s+{_PHRASE}", re.I)
IN_PHRASE = re.compile(rf"\s+(?:en|de|del)\s+{_PHRASE}", re.I)


def phrase(pattern: re.Pattern[str], text: str, pos: int, end: int) -> str | None:
    """The phrase `pattern` finds at `pos`, its whitespace folded; None when there is none."""
    m = pattern.match(text, pos, end)
    return " ".join(m["phrase"].split()) if m else None
