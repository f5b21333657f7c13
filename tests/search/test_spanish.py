"""Spanish in search: a word finds its other Spanish forms, accents or not; countries' Spanish
names stand for the country in both languages; English queries find what they found before."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine

from app.core import migrations
from app.core.config import Settings
from app.core.db import sqlite_path
from app.ingest.loader import load
from app.ingest.seed import Seed
from app.main import create_app
from app.search import names, stems
from bench.spanish import SLUG, spanish_article
from tests.conftest import SEED_DIR
from tests.search.conftest import Search

# The claims of the Spanish article that write a form of "petrolero".
PETROLERO = {
    "Las empresas petroleras rusas recibieron barriles de crudo como pago.",
    "Según los analistas, China exige que la deuda petrolera se pague antes que cualquier otra.",
    "Los petroleros venezolanos dicen que la falta de inversión explica la caída.",
}


@pytest.fixture(scope="module")
def mixed_url(tmp_path_factory: pytest.TempPathFactory, seed: Seed) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('es') / 'mixed.db'}"
    load(url, [*seed.articles, spanish_article(seed)], seed.curated.actors)
    return url


@pytest.fixture(scope="module")
def mixed(mixed_url: str) -> Iterator[TestClient]:
    settings = Settings(database_url=mixed_url, seed_dir=SEED_DIR, recognizer="none")
    with TestClient(create_app(settings)) as test_client:
        yield test_client


def everything(client: TestClient, q: str, **params: Any) -> dict[str, Any]:
    response = client.get("/v1/search", params={"q": q, "limit": 100, **params})
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def titles(body: dict[str, Any]) -> set[str]:
    return {item["title"] for item in body["items"]}


def ids(body: dict[str, Any]) -> set[tuple[str, str]]:
    return {(item["type"], item["id"]) for item in body["items"]}


@pytest.mark.parametrize("q", ["petroleros", "petrolera ", "PETROLERAS", "petrolero "])
def test_a_spanish_word_finds_its_other_forms(mixed: TestClient, q: str) -> None:
    assert titles(everything(mixed, q, type="claim")) == PETROLERO


def test_the_forms_found_are_marked_as_written(mixed: TestClient) -> None:
    body = everything(mixed, "petroleros", type="claim")
    marked = sorted(
        item["snippet"].split("<mark>")[1].split("</mark>")[0] for item in body["items"]
    )
    assert marked == ["petrolera", "petroleras", "petroleros"]


def test_a_noun_finds_the_verb_of_its_stem(mixed: TestClient) -> None:
    # "préstamos" and "prestó" share the Spanish stem "prest"; no English rule relates them.
    body = everything(mixed, "préstamos")
    assert [(item["type"], item["title"]) for item in body["items"]] == [
        ("section", "Préstamos a cambio de crudo"),
        ("claim", "Rusia prestó a Venezuela unos 17.000 millones de dólares entre 2006 y 2017."),
    ]


def test_accents_and_case_do_not_matter(mixed: TestClient) -> None:
    answers = [everything(mixed, q) for q in ["petróleo", "petroleo", "PETRÓLEO", "Petroleo"]]
    assert all(a == answers[0] for a in answers)
    assert titles(answers[0]) == {
        "La producción de petróleo cayó a menos de un millón de barriles diarios.",
        "La producción",
    }


def test_spanish_forms_change_nothing_for_english_rows(
    client: TestClient, mixed: TestClient
) -> None:
    # The same English rows as in the English-only index, whatever the Spanish rows add.
    for q in ["oil", "sanctions", "Sukhoi", "loans for oil", "Venezuela", "China"]:
        english = ids(everything(client, q))
        mixed_ids = {
            (item["type"], item["id"])
            for item in everything(mixed, q)["items"]
            if item["article"] != SLUG
        }
        assert mixed_ids == english, q


@pytest.mark.parametrize(
    ("spanish", "english"),
    [("Rusia", "Russia"), ("estados unidos", "United States"), ("Federación Rusa", "Russia")],
)
def test_a_country_s_spanish_name_stands_for_the_country(
    search: Search, spanish: str, english: str
) -> None:
    # In an English-only index: the Spanish name finds what the English name finds (the
    # order may differ: "Russia" typed last is also a prefix, of "Russian").
    a, b = search(spanish, limit=100), search(english, limit=100)
    assert {(i["type"], i["id"]) for i in a["items"]} == {(i["type"], i["id"]) for i in b["items"]}
    assert (a["total"], a["facets"]) == (b["total"], b["facets"])
    assert a["items"][0]["id"] == b["items"][0]["id"]


def test_rusia_finds_russia_in_both_languages(client: TestClient, mixed: TestClient) -> None:
    english = ids(everything(client, "Russia"))
    found = everything(mixed, "Rusia")
    spanish = {(i["type"], i["title"]) for i in found["items"] if i["article"] == SLUG}
    assert spanish == {
        ("claim", "Rusia prestó a Venezuela unos 17.000 millones de dólares entre 2006 y 2017."),
        ("section", "Préstamos a cambio de crudo"),
    }
    assert {(i["type"], i["id"]) for i in found["items"] if i["article"] != SLUG} == english
    # And the English name finds the Spanish rows too.
    assert ids(everything(mixed, "Russia")) == ids(found)


def test_spanish_names_come_from_the_translations() -> None:
    spanish = names.translated("es")
    assert spanish["RU"] == ("Rusia", "Federación Rusa")
    assert spanish["US"] == ("Estados Unidos", "Estados Unidos de América")
    # ISO's inverted form is left out, CLDR's name in use comes first.
    assert spanish["VE"] == ("Venezuela", "República Bolivariana de Venezuela")


def test_only_country_actors_get_spanish_names_and_never_another_s_name() -> None:
    rows = names.search_names(
        [
            ("russia", "Russia", "country", ["Moscow", "Russian Federation"]),
            ("iran", "Iran", "country", []),
            ("rosneft", "Rosneft", "company", []),
            # An actor named like a translation keeps it: "Rusia" here is not Russia's.
            ("rusia-band", "Rusia", "organization", []),
        ]
    )
    # "Irán" folds to Iran's own name; "República Islámica de Irán" is new.
    assert rows == [
        ("russia", 0, "Federación Rusa", "es"),
        ("iran", 1, "República Islámica de Irán", "es"),
    ]


def stems_table(url: str) -> list[tuple[Any, ...]]:
    with sqlite3.connect(sqlite_path(url)) as db:
        return db.execute(
            "SELECT language, word, stem, rows FROM search_stems ORDER BY 2"
        ).fetchall()


def test_the_index_keeps_each_spanish_word_with_its_stem(mixed_url: str) -> None:
    table = {word: (stem, rows) for _, word, stem, rows in stems_table(mixed_url)}
    # A section and its claim hold each of these words.
    assert {w: table[w] for w in ["petrolera", "petroleras", "petroleros", "presto"]} == {
        "petrolera": ("petroler", 2),
        "petroleras": ("petroler", 2),
        "petroleros": ("petroler", 2),
        "presto": ("prest", 2),
    }
    # The section title alone holds "préstamos"; words shorter than 3 letters are left out.
    assert table["prestamos"] == ("prest", 1)
    assert "de" not in table
    assert {language for language, *_ in stems_table(mixed_url)} == {"es"}


def test_loads_and_deletes_keep_the_stems_exact(tmp_path: Path, seed: Seed) -> None:
    url = f"sqlite:///{tmp_path / 'steps.db'}"
    load(url, seed.articles, seed.curated.actors)
    assert stems_table(url) == []
    load(url, [spanish_article(seed)], seed.curated.actors)
    once = stems_table(url)
    load(url, [spanish_article(seed)], seed.curated.actors)  # loaded again: no change
    assert stems_table(url) == once
    shorter = spanish_article(
        seed, "# Corto\n\n## Cobros\n\nLos petroleros rusos cobraron en crudo.\n"
    )
    load(url, [shorter], seed.curated.actors)  # its text replaced
    assert stems_table(url) == [
        ("es", "cobraron", "cobr", 2),
        ("es", "cobros", "cobr", 1),
        ("es", "crudo", "crud", 2),
        ("es", "los", "los", 2),
        ("es", "petroleros", "petroler", 2),
        ("es", "rusos", "rus", 2),
    ]
    load(url, [], seed.curated.actors, delete=[SLUG])
    assert stems_table(url) == []


def test_the_migration_fills_the_tables_in_place(
    tmp_path: Path, seed: Seed, mixed_url: str
) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    load(url, [*seed.articles, spanish_article(seed)], seed.curated.actors)
    engine = create_engine(url)
    with engine.begin() as conn:
        migrations.downgrade(conn, "0012")
    with sqlite3.connect(sqlite_path(url)) as db:
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert {"search_stems", "search_names"} & tables == set()
    with engine.begin() as conn:
        migrations.upgrade(conn)
    engine.dispose()
    # The index is rebuilt by the next load (here one of nothing, as `article-facts migrate`).
    load(url, [], seed.curated.actors)
    assert stems_table(url) == stems_table(mixed_url)
    query = "SELECT actor, position, name, language FROM search_names ORDER BY 1, 2"
    with sqlite3.connect(sqlite_path(url)) as a, sqlite3.connect(sqlite_path(mixed_url)) as b:
        assert a.execute(query).fetchall() == b.execute(query).fetchall()


def test_a_query_word_is_stemmed_with_the_spanish_rules() -> None:
    assert [stems.stem("es", w) for w in ["petroleros", "petrolera", "prestamos", "presto"]] == [
        "petroler",
        "petroler",
        "prest",
        "prest",
    ]
