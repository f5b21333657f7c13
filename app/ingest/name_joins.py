"""When "and" or "on" joins one organisation's name rather than two names.

- An acronym after the name that abbreviates all of it keeps its "and" inside: "Armed Conflict
  Location and Event Data Project (ACLED)", and also when the acronym takes more than a
  word's first letter or skips a word ("Institute for Trade and Finance (INTRAF)", "Centre
  for Studies on Water and Clean Air (CSWCA)").
- A ministry's or an institute's field of work may hold "and" when what follows it is a field
  too: "Ministry of Energy and Mines", "Department of Energy and Mineral Resources",
  "Institute for Development of Economics and Finance"; "Ministry of Finance and Gazprom"
  stays two names.
- "and" or "y" joins two places in a head word's complement: "Bank for Latin America and the
  Caribbean", "Comisión Económica para América Latina y el Caribe".
- "on" joins a head word's name to its subject ("Council on Foreign Relations", "Centre for
  Research on Energy"), never a day or a month ("Rosneft on Monday") or a name that ends in
  a possessive.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache
from typing import TYPE_CHECKING

from app.models.vocabulary import ActorKind

if TYPE_CHECKING:
    from app.ingest.actors import Gazetteer

__all__ = [
    "ACRONYM_AFTER",
    "ADJECTIVE_ENDINGS",
    "FIELDS",
    "POSSESSIVE",
    "Word",
    "abbreviates",
    "at_on",
    "field_after_and",
    "on_joins",
    "places_after_and",
    "spelled_out",
    "split_at_and",
]

Word = tuple[int, str]  # absolute offset, text
# An acronym, or a short name ("Southern Common Market (Mercosur)"), in parentheses after it.
ACRONYM_AFTER = re.compile(r"\s*\((?P<acronym>[A-Z][A-Z&-]{1,9}|[A-Z][a-z]{2,11})\)")
POSSESSIVE = re.compile(r"['’]s?$")
ADJECTIVE_ENDINGS = ("ic", "al", "ive", "ous", "ary", "ern")
ARTICLES_AFTER = frozenset({"the", "el", "la", "los", "las"})

# fmt: off
# What ministries, departments and institutes are "of" or "for".
FIELDS = frozenset({
    "Affairs", "Agriculture", "Climate", "Commerce", "Communications",
    "Culture", "Defence", "Defense", "Development", "Economics", "Economy", "Education",
    "Employment", "Energy", "Environment", "Finance", "Fisheries", "Food", "Foreign",
    "Forestry", "Gas", "Health", "Housing", "Industry", "Information", "Infrastructure",
    "Innovation", "Investment", "Justice", "Labour", "Labor", "Land", "Mineral", "Minerals",
    "Mines", "Mining", "Natural", "Oil", "Planning", "Policy", "Public", "Research",
    "Resources", "Science", "Security", "Social", "Sport", "Sports", "Statistics", "Studies",
    "Technology", "Tourism", "Trade", "Transport", "Water", "Welfare", "Works", "Youth",
    # Spanish
    "Agricultura", "Ambiente", "Comercio", "Cultura", "Defensa", "Desarrollo", "Economía",
    "Educación", "Energía", "Finanzas", "Hacienda", "Industria", "Minas", "Minería",
    "Obras", "Planificación", "Salud", "Trabajo", "Transporte", "Turismo", "Vivienda",
})
# fmt: on
_CALENDAR = frozenset(
    {
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    }
)  # fmt: skip
_COMPLEMENT = frozenset({"of", "for", "on", "de", "del", "para"})
_PLACES = frozenset({ActorKind.COUNTRY, ActorKind.REGION, ActorKind.CITY})


def abbreviates(acronym: str, words: Sequence[str]) -> bool:
    """`acronym` is made of the starts of `words`' capitalised words, in order: the first
    word gives its first letter (or more), a later one may give none, the last gives one."""
    capitalised = [w for w in words if w[:1].isupper()]
    if not capitalised or len(acronym) < 2:
        return False

    @cache
    def match(i: int, j: int, last_given: bool) -> bool:
        if j == len(capitalised):
            return i == len(acronym) and last_given
        word = capitalised[j].upper()
        if j > 0 and match(i, j + 1, False):  # the word gives no letter
            return True
        k = 0
        while k < len(word) and i + k < len(acronym) and word[k] == acronym[i + k]:
            k += 1
            if match(i + k, j + 1, True):
                return True
        return False

    return match(0, 0, False)


def field_after_and(left: Sequence[str], right: Sequence[str], heads: frozenset[str]) -> bool:
    """ "Ministry of Energy and Mines": the left side is a head word's name with "of" or
    "for" and a field, and the right side is only fields."""
    complement = next(
        (i for i, w in enumerate(left) if w in _COMPLEMENT and any(h in heads for h in left[:i])),
        None,
    )
    capitalised = [w for w in right if w[:1].isupper()]
    return (
        complement is not None
        and left[-1] in FIELDS
        and bool(capitalised)
        and all(w in FIELDS for w in capitalised)
        and not any(w in heads for w in right)
    )


def on_joins(before: Sequence[str], after: str, heads: frozenset[str]) -> bool:
    """ "Council on Foreign Relations": "on" after a head word's name, before a subject."""
    return (
        any(w in heads for w in before)
        and after not in _CALENDAR
        and not after.endswith(("'s", "’s"))
    )


def places_after_and(
    left: Sequence[str], right: Sequence[str], heads: frozenset[str], known: Gazetteer
) -> bool:
    """ "Comisión Económica para América Latina y el Caribe": the left side is a head word's
    name ending in a place after "of"/"for"/"para", and the right side is a place."""
    complement = next(
        (i for i, w in enumerate(left) if w in _COMPLEMENT and any(h in heads for h in left[:i])),
        None,
    )
    if complement is None or not right:
        return False
    tail, place = " ".join(left[complement + 1 :]), " ".join(right)
    return _whole_place(tail, known, at_end=True) and _whole_place(place, known, at_end=False)


def _whole_place(text: str, known: Gazetteer, *, at_end: bool) -> bool:
    """`text` is a gazetteer name (at_end: ends with one)."""
    return any(
        hit.end == len(text)
        and (at_end or hit.start == 0)
        and known.actors[hit.actor_id].kind in _PLACES
        for hit in known.find(text)
    )


def at_on(words: list[Word], heads: frozenset[str]) -> Iterable[list[Word]]:
    """ "Council on Foreign Relations" is one name; "Rosneft on Monday" is none."""
    segment: list[Word] = []
    for i, word in enumerate(words):
        if word[1] == "on" and not (
            i + 1 < len(words) and on_joins([w for _, w in segment], words[i + 1][1], heads)
        ):
            if segment:
                yield segment
            segment = []
            continue
        segment.append(word)
    if segment:
        yield segment


def _initials(words: Sequence[Word]) -> str:
    return "".join(w[0] for _, w in words if w[0].isupper())


def spelled_out(text: str, words: Sequence[Word]) -> bool:
    """ "Armed Conflict Location and Event Data Project (ACLED)": the acronym after the name
    spells all of it, so its "and" joins no two names."""
    acronym = ACRONYM_AFTER.match(text, words[-1][0] + len(words[-1][1]))
    initials = _initials(words)
    return (
        acronym is not None
        and any(w in ("and", "&") for _, w in words)
        and (
            acronym["acronym"] in (initials, initials[:-1])  # "... Data Project (ACLED)"
            or abbreviates(acronym["acronym"], [w for _, w in words])
        )
    )


def split_at_and(
    words: Sequence[Word], heads: frozenset[str], connector: str, known: Gazetteer
) -> Iterable[tuple[int, int]]:
    """ "Belt and Road Initiative" is one name; "Gazprom Neft and Rosneft" is two; so are
    "Banco Central y el Ministerio de Economía", but not "Comisión Económica para América Latina y
    el Caribe", whose "y el" joins two places in its complement."""
    cut = next(
        (
            i
            for i, (_, w) in enumerate(words)
            if w in ("and", "&")
            or (w in ("y", "e") and i + 1 < len(words) and words[i + 1][1] in ARTICLES_AFTER)
        ),
        None,
    )
    if cut is not None:
        left, right = words[:cut], list(words[cut + 1 :])
        article = bool(right) and right[0][1] in ARTICLES_AFTER
        while right and right[0][1] in ARTICLES_AFTER:
            right = right[1:]
        left_heads = any(w in heads for _, w in left)
        right_heads = any(w in heads for _, w in right)
        # An adjective does not end a name: "Center for Strategic and International Studies"
        # (but an article after "and" starts another: "Banco Central y el Consejo ...").
        unfinished = bool(left) and left[-1][1].endswith(ADJECTIVE_ENDINGS) and not article
        acronym = len(left) == 1 and left[0][1].isupper()  # "PDVSA and China National ..."
        lefts, rights = [w for _, w in left], [w for _, w in right]
        # "Ministry of Energy and Mines", "Bank for Latin America and the Caribbean".
        joined = field_after_and(lefts, rights, heads) or places_after_and(
            lefts, rights, heads, known
        )
        if not joined and (acronym or ((left_heads or not right_heads) and not unfinished)):
            yield from split_at_and(left, heads, connector, known)
            yield from split_at_and(right, heads, connector, known)
            return
    while words and re.fullmatch(connector, words[-1][1]):
        words = words[:-1]
    if words:
        start, last = words[0][0], words[-1]
        yield start, last[0] + len(POSSESSIVE.sub("", last[1]))
