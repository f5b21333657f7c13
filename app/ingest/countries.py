"""The built-in gazetteer: every country and territory of ISO 3166-1, by the names articles use.

Two maintained packages are joined on the ISO alpha-2 code. pycountry (Debian's iso-codes)
gives the list itself, current to the standard, and the English short, official and common
names; countryinfo gives what ISO does not: capitals, demonyms and alternative spellings.
Neither alone would do: pycountry has no capitals or demonyms, and countryinfo keeps renamed
states under their old names ("Swaziland") and withdrawn codes ("Serbia and Montenegro").

Each entry's display name is the shortest plain English name the sources give ("Russia", not
"Russian Federation"; "Czechia", not "Czech Republic"); its id is that name's slug
("south-korea"). The other names become aliases under these rules, which keep a name out
whenever it would more often mean something else:

- ISO codes are never aliases ("IN", "IT", "CAN" and "AND" are words); other acronyms the
  sources list are ("UK", "UAE", "DRC").
- Alternative spellings are kept only in English official forms ("Republic of Chile", not
  "República de Chile"): native forms are rare in English text and some are English words
  ("Island" is Iceland's).
- A demonym that several entries share goes to the most populous of them: "American" to the
  United States (not the Northern Mariana Islands), "Chinese" to China (not Hong Kong),
  "Dominican" to the Dominican Republic. Demonyms ending in "-an" or "-i" also match in the
  plural ("Iranians", "Israelis").
- A capital is dropped when two entries share it (Jerusalem), when it is a common word, a
  person's name or a better-known place elsewhere (`AMBIGUOUS_CAPITALS`: Victoria, Kingston,
  Hamilton...), or when it is the country's own name (Singapore).
- Some short names are ambiguous themselves (`AMBIGUOUS`: Georgia is a US state, Chad and
  Jordan are first names, Niger a river). Such an entry is used only for an article that also
  names that country another way ("Georgian", "Tbilisi"); app/ingest/article.py applies this.
- Phrases that contain a name but do not mean its country (`BLOCKED`: "New Mexico", "South
  China Sea", "Indian Ocean", "US$") are matched and dropped, so they hide the name inside.
- Names written with accents also match without them ("Bogota", "Sao Tome").
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import pycountry
from countryinfo import CountryInfo

from app.core.folding import fold
from app.ingest.curated import ActorEntry
from app.models.vocabulary import ActorKind

__all__ = ["AMBIGUOUS", "BLOCKED", "BuiltinCountries", "builtin_countries"]

# Where the shortest name is not the usual one: "Congo" alone names either Congo.
# ISO's own names are inverted where the sources have nothing shorter ("Palestine, State of").
_SHORT_NAMES = {
    "CD": "DR Congo",
    "CG": "Republic of the Congo",
    "MF": "Saint Martin",
    "PS": "Palestine",
    "SX": "Sint Maarten",
    "VA": "Vatican City",
    "VG": "British Virgin Islands",
    "VI": "U.S. Virgin Islands",
}

# English names, demonyms and capitals the sources lack or have out of date.
_EXTRA_NAMES: dict[str, tuple[str, ...]] = {
    "AR": ("Argentine",),
    "BA": ("Bosnia",),
    "CD": ("Democratic Republic of the Congo", "Congo-Kinshasa"),
    "CG": ("Congo-Brazzaville",),
    "CV": ("Cape Verdean",),
    "EC": ("Ecuadorian",),
    "GB": ("Britain", "Great Britain", "Briton", "Britons"),
    "KG": ("Kyrgyz",),
    "KZ": ("Astana", "Kazakh"),
    "MM": ("Burma",),
    "MV": ("Maldivian",),
    "NL": ("Holland",),
    "PS": ("Palestinian", "Palestinians", "Ramallah"),
    "PH": ("Philippine",),
    "SA": ("Saudi", "Saudis"),
    "TJ": ("Tajik",),
    "TR": ("Türkiye", "Turkiye"),
    "UA": ("Kiev",),
    "US": ("U.S.", "US", "USA", "Washington, D.C."),
    "UZ": ("Uzbek",),
    "VA": ("Holy See", "Vatican"),
}
# Names the sources give that mislead: out of date, or shared ("Congo" is either Congo).
_DROPPED_NAMES = frozenset({"Nur-Sultan", "Congo"})

AMBIGUOUS_CAPITALS = frozenset(
    {
        "Victoria",  # Seychelles; also a person's name and an Australian state
        "City of Victoria",
        "Kingston",  # Jamaica; towns in England, Canada, the US
        "Hamilton",  # Bermuda; a surname
        "Stanley",  # Falkland Islands; a first name
        "Douglas",  # Isle of Man; a first name
        "Plymouth",  # Montserrat; an English city
        "Jamestown",  # Saint Helena; the Virginia colony
        "Georgetown",  # Guyana; a Washington neighbourhood and its university
        "George Town",  # Cayman Islands; Penang's capital
        "Saint John's",  # Antigua; a Canadian city
        "Saint-Denis",  # Réunion; a Paris suburb
        "The Valley",  # Anguilla
        "West Island",  # Cocos Islands
        "The Bottom",  # Saba
        "Male",  # Maldives, as "Malé" loses its accent
    }
)

# Entries whose short name often means something else: used only when confirmed (see above).
AMBIGUOUS = frozenset({"georgia", "jordan", "chad", "niger", "guinea", "jersey", "reunion"})

BLOCKED = (
    "New Mexico",
    "Gulf of Mexico",
    "New Jersey",
    "New Guinea",
    "Gulf of Guinea",
    "South China Sea",
    "East China Sea",
    "Sea of Japan",
    "Indian Ocean",
    "Central America",
    "Central American",
    "North America",
    "North American",
    "Native American",
    "British Columbia",
    "US$",
)

_STATE_FORM = re.compile(
    r"\b(?:Republic|Kingdom|State|States|Commonwealth|Federation|Principality|Duchy|Sultanate"
    r"|Union|Islands|Territory|Emirates|Confederation|Federated)\b"
)
_ACRONYM = re.compile(r"[A-Z]{2,5}")
_Record = Mapping[str, Any]  # one country as countryinfo stores it
_FOREIGN = frozenset({"de", "del", "da", "des", "du", "la", "le", "ya", "wa", "di", "dé"})


@dataclass(frozen=True)
class BuiltinCountries:
    entries: tuple[ActorEntry, ...]
    ambiguous: frozenset[str]  # ids of entries used only when the article confirms them
    blocked: tuple[str, ...]
    codes: Mapping[str, str]  # each entry's ISO alpha-2 code, by id


@functools.cache
def builtin_countries() -> BuiltinCountries:
    """Built once per process from the installed packages: about 50 ms."""
    records = _countryinfo_by_code(CountryInfo.all().values())
    drafts = [_draft(country, records.get(country.alpha_2, [])) for country in pycountry.countries]
    _assign_shared(drafts)
    entries = tuple(
        ActorEntry(id=d.id, name=d.name, kind=ActorKind.COUNTRY, aliases=d.aliases())
        for d in sorted(drafts, key=lambda d: d.id)
    )
    codes = {d.id: d.code for d in drafts}
    return BuiltinCountries(entries=entries, ambiguous=AMBIGUOUS, blocked=BLOCKED, codes=codes)


@dataclass
class _Draft:
    code: str
    id: str
    name: str
    names: list[str]  # English names and acronyms, the display name first
    capitals: list[str]
    demonyms: list[str]
    population: int

    def aliases(self) -> tuple[str, ...]:
        found = [*self.names, *self.capitals, *self.demonyms]
        found += [
            plain
            for n in found
            if _latin(n) and (plain := _without_accents(n)) != n and plain not in AMBIGUOUS_CAPITALS
        ]
        return tuple(n for n in dict.fromkeys(found) if n != self.name)


def _countryinfo_by_code(records: Iterable[_Record]) -> dict[str, list[_Record]]:
    by_code: dict[str, list[_Record]] = {}
    for record in records:
        code = (record.get("ISO") or {}).get("alpha2")
        if code:
            by_code.setdefault(code, []).append(record)
    return by_code


def _latin(name: str) -> bool:
    """Written in the Latin script, accents allowed ("São Tomé", "Chișinău")."""
    return all(not c.isalpha() or "LATIN" in unicodedata.name(c, "") for c in name)


def _without_accents(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _plain(name: str | None) -> str | None:
    """A name fit to display: none of ISO's inverted forms ("Korea, Republic of")."""
    if not name or "," in name or "(" in name:
        return None
    name = name.strip()
    return name[4:] if name.startswith("the ") else name


def _draft(country: Any, records: list[_Record]) -> _Draft:
    code: str = country.alpha_2
    iso_names = [getattr(country, k, None) for k in ("common_name", "name", "official_name")]
    # Where countryinfo has several records for one code, the one named as ISO names it:
    # "Myanmar", not "Burma"; "United Kingdom", not "Wales".
    records = [r for r in records if r.get("name") in iso_names] or records[:1]
    info_names = [n for r in records if (n := _plain(r.get("name")))]
    common = _plain(getattr(country, "common_name", None))
    choices = [common] if common else [_plain(country.name), *info_names[:1]]
    # Shortest wins; on a tie countryinfo's, which follows English usage ("Cape Verde").
    name = _SHORT_NAMES.get(code) or min(
        (c for c in reversed(choices) if c), key=len, default=country.name
    )
    names = [name, *(n for n in map(_plain, iso_names) if n), *info_names]
    taken_codes = {code, country.alpha_3}
    for record in records:
        for spelling in record.get("altSpellings") or []:
            spelling = spelling.strip()
            if _ACRONYM.fullmatch(spelling):
                if spelling not in taken_codes and not _is_iso_code(spelling):
                    names.append(spelling)
            elif _english_form(spelling) and (plain := _plain(spelling)) is not None:
                names.append(plain)
    extra = list(_EXTRA_NAMES.get(code, ()))
    capitals = [c for r in records for c in _capitals(r.get("capital"))]
    demonyms = [
        d.strip() for r in records for d in re.split(r"[,/]", r.get("demonym") or "") if d.strip()
    ]
    population = max((int(r.get("population") or 0) for r in records), default=0)
    return _Draft(
        code=code,
        id=re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-"),
        name=name,
        names=list(dict.fromkeys(n for n in [*names, *extra] if n not in _DROPPED_NAMES)),
        capitals=[c for c in dict.fromkeys(capitals) if c not in _DROPPED_NAMES],
        demonyms=list(dict.fromkeys(demonyms)),
        population=population,
    )


@functools.cache
def _iso_codes() -> frozenset[str]:
    return frozenset(
        c for country in pycountry.countries for c in (country.alpha_2, country.alpha_3)
    )


def _is_iso_code(word: str) -> bool:
    return word in _iso_codes()


def _english_form(spelling: str) -> bool:
    """ "Republic of Chile" and "Swiss Confederation", but not "República de Chile" or
    "Union des Comores": an English word for a state, in Latin letters, no foreign articles."""
    words = set(spelling.split())
    return bool(_STATE_FORM.search(spelling)) and _latin(spelling) and not words & _FOREIGN


def _capitals(value: object) -> list[str]:
    if isinstance(value, list):
        return [c for v in value for c in _capitals(v)]
    if not isinstance(value, str):
        return []
    return [c.strip() for c in value.split(" / ") if c.strip()]


def _assign_shared(drafts: list[_Draft]) -> None:
    """Settle names several entries claim: see the module docstring."""
    names = {n for d in drafts for n in d.names}
    capital_owners: dict[str, list[_Draft]] = {}
    demonym_owners: dict[str, list[_Draft]] = {}
    for d in drafts:
        for c in d.capitals:
            capital_owners.setdefault(c, []).append(d)
        for m in d.demonyms:
            demonym_owners.setdefault(m, []).append(d)
    for d in drafts:
        d.capitals = [
            c
            for c in d.capitals
            if len(capital_owners[c]) == 1 and c not in AMBIGUOUS_CAPITALS and c not in names
        ]
        kept = [
            m
            for m in d.demonyms
            if m not in names and max(demonym_owners[m], key=lambda o: o.population) is d
        ]
        d.demonyms = kept + [f"{m}s" for m in kept if m.endswith(("an", "i"))]
    # An extra name may repeat one the sources gave another entry: the first claim stands.
    owner: dict[str, str] = {}
    for d in drafts:
        for group in (d.names, d.capitals, d.demonyms):
            group[:] = [n for n in group if owner.setdefault(n, d.id) == d.id]
