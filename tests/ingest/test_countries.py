"""The built-in country gazetteer and the matching rules it relies on."""

from __future__ import annotations

import pytest

from app.ingest.actors import Gazetteer
from app.ingest.countries import AMBIGUOUS, AMBIGUOUS_CAPITALS, BLOCKED, builtin_countries
from app.ingest.curated import ActorEntry, Curated
from app.models.vocabulary import ActorKind


def entry(actor_id: str) -> ActorEntry:
    return next(e for e in builtin_countries().entries if e.id == actor_id)


def owner(name: str) -> str | None:
    return next((e.id for e in builtin_countries().entries if name in e.names), None)


def test_every_iso_country_is_there_once_under_a_slug_of_its_short_name() -> None:
    entries = builtin_countries().entries
    assert len(entries) == 249
    assert len({e.id for e in entries}) == 249
    assert all(e.kind is ActorKind.COUNTRY and e.reviewed for e in entries)
    Curated(actors=entries)  # no name belongs to two entries


@pytest.mark.parametrize(
    ("actor_id", "name"),
    [
        ("russia", "Russia"),
        ("south-korea", "South Korea"),
        ("north-korea", "North Korea"),
        ("united-states", "United States"),
        ("czechia", "Czechia"),
        ("turkey", "Turkey"),
        ("ivory-coast", "Ivory Coast"),
        ("dr-congo", "DR Congo"),
        ("republic-of-the-congo", "Republic of the Congo"),
        ("palestine", "Palestine"),
        ("vatican-city", "Vatican City"),
        ("sao-tome-and-principe", "São Tomé and Príncipe"),
    ],
)
def test_display_names_are_the_usual_short_ones(actor_id: str, name: str) -> None:
    assert entry(actor_id).name == name


def test_names_demonyms_and_capitals_are_aliases() -> None:
    assert entry("russia").aliases == (
        "Russian Federation",
        "Moscow",
        "Russian",
        "Russians",
    )
    assert entry("united-kingdom").aliases == (
        "United Kingdom of Great Britain and Northern Ireland",
        "UK",
        "Britain",
        "Great Britain",
        "Briton",
        "Britons",
        "London",
        "British",
    )
    assert {"Kazakh", "Astana"} <= set(entry("kazakhstan").aliases)
    assert "Nur-Sultan" not in entry("kazakhstan").aliases  # the old name of the capital
    assert {"Bogotá", "Bogota"} <= set(entry("colombia").aliases)  # with and without accents


@pytest.mark.parametrize(
    ("name", "actor_id"),
    [
        ("American", "united-states"),  # not the Northern Mariana Islands
        ("Chinese", "china"),  # not Hong Kong or Macau
        ("French", "france"),  # not Martinique or Réunion
        ("Dominican", "dominican-republic"),  # not Dominica
        ("Congolese", "dr-congo"),
        ("Indian", "india"),
        ("Saudi", "saudi-arabia"),
        ("UAE", "united-arab-emirates"),
        ("DRC", "dr-congo"),
    ],
)
def test_a_shared_demonym_goes_to_the_most_populous_country(name: str, actor_id: str) -> None:
    assert owner(name) == actor_id


@pytest.mark.parametrize(
    "name",
    [
        "IN",  # ISO codes are words
        "IT",
        "CAN",
        "AND",
        "Victoria",  # capitals that name other things
        "Kingston",
        "Hamilton",
        "Jerusalem",  # claimed by two entries
        "Island",  # Iceland's native name is an English word
        "Congo",  # either Congo
        "República de Chile",  # native official forms
        "Union des Comores",
        "Male",  # "Malé" without its accent
    ],
)
def test_ambiguous_names_are_no_aliases(name: str) -> None:
    assert owner(name) is None


def test_the_rule_lists_are_what_the_docs_say() -> None:
    assert {"Victoria", "Kingston"} <= AMBIGUOUS_CAPITALS
    assert {"georgia", "jordan", "chad", "niger"} <= AMBIGUOUS
    assert all(e in {x.id for x in builtin_countries().entries} for e in AMBIGUOUS)
    assert builtin_countries().blocked == BLOCKED
    assert "New Mexico" in BLOCKED


def test_built_once_per_process() -> None:
    assert builtin_countries() is builtin_countries()


# --- matching -------------------------------------------------------------------------------


def found(text: str, blocked: tuple[str, ...] = BLOCKED) -> list[tuple[str, str]]:
    gazetteer = Gazetteer(builtin_countries().entries, blocked)
    return [(m.actor_id, m.surface) for m in gazetteer.find(text)]


def test_blocked_phrases_hide_the_names_inside_them() -> None:
    text = "Mexico, not New Mexico; the Indian Ocean, not India; US$5 from the US."
    assert found(text) == [
        ("mexico", "Mexico"),
        ("india", "India"),
        ("united-states", "US"),
    ]
    assert found(text, blocked=()) == [
        ("mexico", "Mexico"),
        ("mexico", "Mexico"),
        ("india", "Indian"),
        ("india", "India"),
        ("united-states", "US"),
        ("united-states", "US"),
    ]


def test_straight_and_curly_apostrophes_match_each_other() -> None:
    assert found("The People’s Republic of China and N’Djamena.") == [
        ("china", "People’s Republic of China"),
        ("chad", "N’Djamena"),
    ]


def test_plural_demonyms_and_longest_names_first() -> None:
    assert found("Iranians, South Sudanese and Equatorial Guineans met Guinea.") == [
        ("iran", "Iranians"),
        ("south-sudan", "South Sudanese"),
        ("equatorial-guinea", "Equatorial Guineans"),
        ("guinea", "Guinea"),
    ]
