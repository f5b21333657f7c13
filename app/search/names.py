"""Countries' Spanish names as search aliases: "Rusia" finds what is said of Russia.

A query that spells an actor's name matches all of the actor's names (aliases.py). The names of
a country actor are English (the gazetteer's); a Spanish reader types "Rusia", "Estados Unidos",
"Corea del Sur". So every load writes, for each country actor, its names in the languages of
`LANGUAGES` to `search_names` (migration 0013), and search reads them with the actors' own
names. The index's rows are untouched: a search for "Rusia" matches the English rows through
"Russia", "Moscow"..., and Spanish rows that write "Rusia" through that word itself.

The names come from the two maintained translations of ISO 3166-1 the service already installs,
not from a list of ours: the Unicode CLDR's (babel: the names in use, "Rusia", "Irán") and
Debian's iso-codes (pycountry's gettext catalogues: the official forms, "Federación Rusa",
"República Bolivariana de Venezuela"). ISO's inverted forms ("Corea, República de") are left
out, and so is a bracketed addition ("Myanmar (Birmania)" gives "Myanmar"). A country actor is
known by its name (or failing that an alias) being one of the English names the same sources
give its code. A translated name that is another actor's name is not added: it would make one
query stand for two actors.
"""

from __future__ import annotations

import functools
import gettext
import json
import re
from collections.abc import Iterable, Sequence

import pycountry
from babel import Locale
from sqlalchemy import Connection, text

from app.core.folding import fold
from app.models.vocabulary import ActorKind
from app.search.query import tokens

# Languages whose country names are search aliases.
LANGUAGES = ("es",)
_BRACKETED = re.compile(r"\s*\([^)]*\)")

Words = tuple[str, ...]
# actor, position (the order the names are read in), name, language.
NameRow = tuple[str, int, str, str]


def _words(name: str) -> Words:
    return tokens(fold(name))


def _iso_names(country: object) -> list[str]:
    return [n for k in ("common_name", "name", "official_name") if (n := getattr(country, k, None))]


@functools.cache
def _codes() -> dict[Words, str]:
    """An English name of a country (its words, folded) -> its ISO 3166-1 alpha-2 code."""
    english = Locale("en").territories
    found: dict[Words, str] = {}
    for country in pycountry.countries:
        code = country.alpha_2
        for name in (*_iso_names(country), english.get(code, "")):
            for form in (name, _uninverted(name)):
                words = _words(form)
                if words:
                    found.setdefault(words, code)
    return found


def _uninverted(name: str) -> str:
    """ "Congo, The Democratic Republic of the" -> "Democratic Republic of the Congo"."""
    head, _, tail = name.partition(", ")
    if not tail:
        return name
    tail = tail.removeprefix("The ").removeprefix("the ")
    return f"{tail} {head}"


def _plain(name: str) -> str | None:
    name = _BRACKETED.sub("", name).strip()
    return name if name and "," not in name else None


@functools.cache
def translated(language: str) -> dict[str, tuple[str, ...]]:
    """ISO alpha-2 code -> the country's names in `language`, the one in use first."""
    territories = Locale(language).territories
    catalogue = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language])
    found: dict[str, tuple[str, ...]] = {}
    for country in pycountry.countries:
        code = country.alpha_2
        names = [territories.get(code, ""), *map(catalogue.gettext, _iso_names(country))]
        found[code] = tuple(dict.fromkeys(p for n in names if n and (p := _plain(n))))
    return found


def _code(name: str, aliases: Sequence[str]) -> str | None:
    codes = _codes()
    return next((c for n in (name, *aliases) if (c := codes.get(_words(n)))), None)


def search_names(actors: Iterable[tuple[str, str, str, Sequence[str]]]) -> list[NameRow]:
    """(id, name, kind, aliases) of every actor -> the translated names of the countries."""
    actors = list(actors)
    owners: dict[Words, str] = {}
    for actor_id, name, _, aliases in actors:
        for written in (name, *aliases):
            owners.setdefault(_words(written), actor_id)
    found: list[tuple[str, str, str]] = []
    for actor_id, name, kind, aliases in actors:
        code = _code(name, aliases) if kind == ActorKind.COUNTRY else None
        if code is None:
            continue
        taken = {_words(n) for n in (name, *aliases)}
        for language in LANGUAGES:
            for other in translated(language).get(code, ()):
                words = _words(other)
                if not words or words in taken or owners.setdefault(words, actor_id) != actor_id:
                    continue
                taken.add(words)
                found.append((actor_id, other, language))
    return [(actor, i, name, language) for i, (actor, name, language) in enumerate(found)]


def write_names(conn: Connection) -> int:
    """Writes every country actor's translated names anew; returns how many."""
    actors = conn.execute(text("SELECT id, name, kind, aliases FROM actor ORDER BY id")).all()
    # JSON text on SQLite, a list on PostgreSQL.
    rows = search_names(
        (a[0], a[1], a[2], json.loads(a[3]) if isinstance(a[3], str) else list(a[3]))
        for a in actors
    )
    conn.execute(text("DELETE FROM search_names"))
    if rows:
        conn.execute(
            text(
                "INSERT INTO search_names (actor, position, name, language)"
                " VALUES (:actor, :position, :name, :language)"
            ),
            [{"actor": a, "position": p, "name": n, "language": lang} for a, p, n, lang in rows],
        )
    return len(rows)
