"""When "and" or "on" joins one organisation's name rather than two names.

- An acronym after the name that abbreviates all of it keeps its "and" inside: "Armed Conflict
  Location and Event Data Project (ACLED)", and also when the acronym takes more than a
  word's first letter or skips a word ("Institute for Trade and Finance (INTRAF)", "Centre
  for Studies on Water and Clean Air (CSWCA)").
- A ministry's or an institute's field of work may hold "and" when what follows it is a field
  too: "Ministry of Energy and Mines", "Department of Energy and Mineral Resources",
  "Institute for Development of Economics and Finance"; "Ministry of Finance and Gazprom"
  stays two names.
- "on" joins a head word's name to its subject ("Council on Foreign Relations", "Centre for
  Research on Energy"), never a day or a month ("Rosneft on Monday") or a name that ends in
  a possessive.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

__all__ = ["FIELDS", "abbreviates", "field_after_and", "on_joins"]

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
