"""The built-in countries' Spanish names: names, capitals and demonyms, by ISO 3166-1 code.

Names come from two maintained sources, joined on the alpha-2 code: pycountry's Spanish
translation of ISO 3166-1 (Debian's iso-codes, gettext: "Federación Rusa", "Catar") and
Unicode CLDR's Spanish territory names through babel ("Rusia", "Estados Unidos"); ISO's inverted
forms ("Corea, República de") and the annotated ones ("Myanmar (Birmania)") are left out.
Neither source has capitals or demonyms in Spanish, nor does countryinfo (English only), so
those are the curated tables below: the capitals whose Spanish name differs from the English
one the gazetteer already has ("Moscú", "Pekín", "Londres"), the curated regions' and groups'
Spanish names ("América Latina", "sudamericano"), and the demonyms, each as its
masculine singular, from which the feminine and plurals are made ("ruso": "rusa", "rusos",
"rusas"; "francés": "francesa", "franceses"; "iraní": "iraníes"; "estadounidense":
"estadounidenses"). Demonyms are lowercase, as Spanish writes them; "americano" (the continent
as often as the United States) and "inglés" (the language as often as the people) are not
demonyms here.

An actor keeps its English name and id ("russia"), so "Rusia" and "Russia" are one actor across
articles: the Spanish names are aliases, matched in Spanish articles only (the gazetteer of
app/ingest/gazetteer.py; "china" is porcelain in English), and stored with the actor whatever
the language of the article that wrote it (`with_spanish_names`), so an actor's row does not
change with the language of the last article loaded.
"""

from __future__ import annotations

import functools
import gettext
import re
from collections.abc import Iterable, Mapping

import babel
import pycountry

from app.ingest.countries import builtin_countries
from app.ingest.curated import ActorEntry
from app.models.vocabulary import ActorKind

__all__ = ["spanish_names", "with_spanish_names", "without_spanish_names"]

# Spellings common in the Spanish press that neither source gives.
_EXTRA_NAMES: dict[str, tuple[str, ...]] = {
    "US": ("EE. UU.", "EE.UU.", "EEUU", "EUA"),
    "SA": ("Arabia Saudita",),
    "IQ": ("Irak",),
    "KZ": ("Kazajstán",),
    "RO": ("Rumania",),
    "NL": ("Holanda",),
    "PK": ("Paquistán",),
    "CZ": ("República Checa",),
    "GB": ("Gran Bretaña",),
    "RU": ("Federación de Rusia",),
    "KP": ("Corea del Norte",),
    "CD": ("República Democrática del Congo",),
    "BY": ("Bielorrusia",),
}

# Capitals whose Spanish name is not the English one.
_CAPITALS: dict[str, tuple[str, ...]] = {
    "RU": ("Moscú",),
    "CN": ("Pekín",),
    "GB": ("Londres",),
    "FR": ("París",),
    "DE": ("Berlín",),
    "IT": ("Roma",),
    "PL": ("Varsovia",),
    "JP": ("Tokio",),
    "KR": ("Seúl",),
    "KP": ("Pionyang",),
    "IN": ("Nueva Delhi",),
    "IR": ("Teherán",),
    "EG": ("El Cairo",),
    "BR": ("Brasilia",),
    "MX": ("Ciudad de México",),
    "CU": ("La Habana",),
    "TW": ("Taipéi",),
    "GR": ("Atenas",),
    "PT": ("Lisboa",),
    "SE": ("Estocolmo",),
    "DK": ("Copenhague",),
    "CH": ("Berna",),
    "AT": ("Viena",),
    "CZ": ("Praga",),
    "RO": ("Bucarest",),
    "SY": ("Damasco",),
    "IQ": ("Bagdad",),
    "SA": ("Riad",),
    "AE": ("Abu Dabi",),
    "VN": ("Hanói",),
    "ID": ("Yakarta",),
    "ZA": ("Pretoria",),
    "ET": ("Adís Abeba",),
    "LY": ("Trípoli",),
    "DZ": ("Argel",),
    "PE": ("Lima",),
    "PY": ("Asunción",),
    "TM": ("Asjabad",),
    "UZ": ("Taskent",),
    "AZ": ("Bakú",),
    "AM": ("Ereván",),
    "GE": ("Tiflis",),
    "KZ": ("Astaná",),
    "BY": ("Minsk",),
    "UA": ("Kiev",),
    "HT": ("Puerto Príncipe",),
    "GT": ("Ciudad de Guatemala",),
    "BE": ("Bruselas",),
    "NL": ("Ámsterdam",),
    "PH": ("Manila",),
    "AF": ("Kabul",),
    "SG": ("Singapur",),
}

# Demonyms, masculine singular.
_DEMONYMS: dict[str, tuple[str, ...]] = {
    "RU": ("ruso",),
    "CN": ("chino",),
    "US": ("estadounidense", "norteamericano"),
    "VE": ("venezolano",),
    "AR": ("argentino",),
    "BO": ("boliviano",),
    "BR": ("brasileño",),
    "CL": ("chileno",),
    "CO": ("colombiano",),
    "CU": ("cubano",),
    "EC": ("ecuatoriano",),
    "MX": ("mexicano",),
    "NI": ("nicaragüense",),
    "PA": ("panameño",),
    "PE": ("peruano",),
    "PY": ("paraguayo",),
    "UY": ("uruguayo",),
    "SV": ("salvadoreño",),
    "GT": ("guatemalteco",),
    "HN": ("hondureño",),
    "CR": ("costarricense",),
    "DO": ("dominicano",),
    "ES": ("español",),
    "FR": ("francés",),
    "DE": ("alemán",),
    "IT": ("italiano",),
    "GB": ("británico",),
    "PT": ("portugués",),
    "JP": ("japonés",),
    "KR": ("surcoreano",),
    "KP": ("norcoreano",),
    "IN": ("indio",),
    "PK": ("pakistaní", "paquistaní"),
    "IR": ("iraní",),
    "IQ": ("iraquí",),
    "IL": ("israelí",),
    "SA": ("saudí",),
    "TR": ("turco",),
    "UA": ("ucraniano",),
    "BY": ("bielorruso",),
    "PL": ("polaco",),
    "EG": ("egipcio",),
    "SY": ("sirio",),
    "QA": ("catarí", "qatarí"),
    "AU": ("australiano",),
    "CA": ("canadiense",),
    "ZA": ("sudafricano",),
    "NG": ("nigeriano",),
    "VN": ("vietnamita",),
    "ID": ("indonesio",),
    "TW": ("taiwanés",),
    "KZ": ("kazajo",),
    "TM": ("turkmeno",),
    "AF": ("afgano",),
    "GR": ("griego",),
    "SE": ("sueco",),
    "NO": ("noruego",),
    "NL": ("neerlandés",),
    "ML": ("maliense",),
    "DZ": ("argelino",),
    "MA": ("marroquí",),
    "AE": ("emiratí",),
}

# The curated regions and groups (seed/curated.toml), by id: no package names them in Spanish.
_REGIONS: dict[str, tuple[str, ...]] = {
    "latin-america": ("América Latina", "Latinoamérica", "latinoamericano"),
    "south-america": ("América del Sur", "Sudamérica", "Suramérica", "sudamericano"),
    "caribbean": ("Caribe",),
    "western-hemisphere": ("hemisferio occidental",),
    "global-south": ("Sur Global",),
    "atlantic": ("Atlántico",),
    "the-west": ("Occidente",),
    "eurasian-powers": ("potencias euroasiáticas",),
}


def _region_names(entry_id: str) -> tuple[str, ...]:
    names = _REGIONS.get(entry_id, ())
    return tuple(f for n in names for f in (_forms(n) if n[0].islower() and " " not in n else (n,)))


_INVERTED = re.compile(r"[,(]")


def _forms(masculine: str) -> tuple[str, ...]:
    """The four forms of a demonym from its masculine singular."""
    if masculine.endswith("o"):
        stem = masculine[:-1]
        return (masculine, f"{stem}a", f"{stem}os", f"{stem}as")
    if masculine.endswith(("és", "án")):
        stem = masculine[:-2] + {"és": "es", "án": "an"}[masculine[-2:]]
        return (masculine, f"{stem}a", f"{stem}es", f"{stem}as")
    if masculine.endswith("ol"):
        return (masculine, f"{masculine}a", f"{masculine}es", f"{masculine}as")
    if masculine.endswith(("í", "ú")):
        return (masculine, f"{masculine}es")
    return (masculine, f"{masculine}s")  # "estadounidense", "vietnamita"


@functools.cache
def spanish_names() -> dict[str, tuple[str, ...]]:
    """Every country's Spanish names, capitals and demonyms by ISO alpha-2 code, each name
    given to one code only (a name two codes claim is dropped)."""
    translation = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["es"])
    territories = babel.Locale("es").territories
    found: dict[str, list[str]] = {}
    names: list[str | None]
    for country in pycountry.countries:
        code: str = country.alpha_2
        iso = [getattr(country, k, None) for k in ("common_name", "name", "official_name")]
        names = [territories.get(code)]
        names += [translation.gettext(n) for n in iso if isinstance(n, str)]
        names += _EXTRA_NAMES.get(code, ())
        names += _CAPITALS.get(code, ())
        names += [f for d in _DEMONYMS.get(code, ()) for f in _forms(d)]
        found[code] = [n for n in dict.fromkeys(names) if n and not _INVERTED.search(n)]
    owners: dict[str, set[str]] = {}
    for code, kept in found.items():
        for name in kept:
            owners.setdefault(name, set()).add(code)
    return {code: tuple(n for n in kept if len(owners[n]) == 1) for code, kept in found.items()}


def with_spanish_names(
    entries: Iterable[ActorEntry], codes: Mapping[str, str], taken: Iterable[str] = ()
) -> list[ActorEntry]:
    """`entries` with each country's Spanish names added to its aliases, and those of the
    curated regions and groups (by id); `codes` maps an entry's id to its ISO alpha-2 code.
    A name another entry has, or one of `taken`, is not added."""
    entries = list(entries)
    claimed = {n: e.id for e in entries for n in e.names} | dict.fromkeys(taken, "")
    by_code = spanish_names()
    result: list[ActorEntry] = []
    for entry in entries:
        code = codes.get(entry.id) if entry.kind == ActorKind.COUNTRY else None
        names = by_code.get(code, ()) if code is not None else _region_names(entry.id)
        if not names:
            result.append(entry)
            continue
        extra = [n for n in names if claimed.get(n, entry.id) == entry.id]
        aliases = tuple(dict.fromkeys(a for a in (*entry.aliases, *extra) if a != entry.name))
        result.append(entry.model_copy(update={"aliases": aliases}))
    return result


def without_spanish_names(entry: ActorEntry, codes: Mapping[str, str]) -> ActorEntry:
    """`entry` without the Spanish names `with_spanish_names` gives it (those that are not
    also English names of it, such as "China" or "Caracas")."""
    code = codes.get(entry.id) if entry.kind == ActorKind.COUNTRY else None
    names = set(spanish_names().get(code, ()) if code is not None else _region_names(entry.id))
    if not names & set(entry.aliases):
        return entry
    own = _english_names(entry.id)
    aliases = tuple(a for a in entry.aliases if a not in names or a in own)
    return entry.model_copy(update={"aliases": aliases})


def _english_names(entry_id: str) -> frozenset[str]:
    """The built-in country's own names (some Spanish names are English ones too: "Lima")."""
    entry = next((e for e in builtin_countries().entries if e.id == entry_id), None)
    return frozenset(entry.names) if entry is not None else frozenset()
