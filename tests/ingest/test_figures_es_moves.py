"""Spanish moves carried from one amount to the next ("de X a Y", ", desde X"), lengths of
time that moved, the time of the level left kept to it, fractions as "una cuarta parte", and
"una crisis", which counts nothing."""

from __future__ import annotations

import pytest

from app.ingest.figures import extract_figures
from app.models.vocabulary import Change


def _moves(sentence: str) -> list[tuple[str, str | None]]:
    return [
        (f.quote, f.change.value if f.change else None)
        for f in extract_figures(sentence, language="es")
        if f.kind.value not in ("year", "date", "period")
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Las ventas bajaron de 900 toneladas a 700 toneladas.",
            [("900 toneladas", "fall"), ("700 toneladas", "fall")],
        ),
        (
            "El tránsito bajará de 40 días a 31 días.",
            [("40 días", "fall"), ("31 días", "fall")],
        ),
        (
            "Las compras subieron a 3 millones de barriles en 2021, desde 800.000 barriles.",
            [("3 millones de barriles", "rise"), ("800.000 barriles", "rise")],
        ),
        # A length of time with no verb governing it has not moved.
        ("Las ventas crecieron un 4 % en dos años.", [("4 %", "rise"), ("dos años", None)]),
        # Two amounts that are no levels of one move.
        ("Subió un 5 % y cuesta 20 dólares.", [("5 %", "rise"), ("20 dólares", None)]),
        # "mayor", "menor", "superior", "inferior" after the amount, as "más" and "menos".
        ("La cosecha fue un 7 % menor que la de 2021.", [("7 %", "fall")]),
        ("El precio quedó 2,5 por ciento superior al de marzo.", [("2,5 por ciento", "rise")]),
        ("El 60% mayor de edad votó.", [("60%", None)]),
    ],
)
def test_a_move_reaches_the_level_left_and_the_level_reached(
    sentence: str, expected: list[tuple[str, str | None]]
) -> None:
    assert _moves(sentence) == expected


def test_the_time_of_the_level_left_is_not_the_level_reached() -> None:
    figures = extract_figures(
        "La deuda cayó de 8.000 millones de dólares en 2012 a 3.000 millones de dólares en 2020.",
        language="es",
    )
    periods = {f.quote: (f.period_start, f.change) for f in figures if f.kind.value == "money"}
    assert periods == {
        "8.000 millones de dólares": ("2012", Change.FALL),
        "3.000 millones de dólares": ("2020", Change.FALL),
    }


@pytest.mark.parametrize(
    ("sentence", "quote", "value", "comparator"),
    [
        ("Compró casi una cuarta parte del cobre.", "casi una cuarta parte", 25.0, "approx"),
        ("Dos terceras partes de la deuda vencen.", "Dos terceras partes", 200 / 3, "eq"),
        ("La quinta parte de los votos fue nula.", "La quinta parte", 20.0, "eq"),
    ],
)
def test_a_fraction_as_an_ordinal_and_parte(
    sentence: str, quote: str, value: float, comparator: str
) -> None:
    [f] = extract_figures(sentence, language="es")
    assert (f.quote, f.kind.value, f.unit, f.comparator.value) == (
        quote,
        "percent",
        "percent",
        comparator,
    )
    assert f.value == pytest.approx(value)


def test_a_part_of_a_time_is_no_fraction() -> None:
    assert extract_figures("Llovió la cuarta parte del año.", language="es") == []


@pytest.mark.parametrize(
    "sentence", ["Fue una crisis breve.", "Publicó un análisis largo.", "Leyó una tesis."]
)
def test_un_before_a_noun_whose_plural_ends_the_same_is_the_article(sentence: str) -> None:
    assert extract_figures(sentence, language="es") == []


def test_two_of_those_nouns_are_a_count() -> None:
    [f] = extract_figures("Hubo dos crisis.", language="es")
    assert (f.quote, f.kind.value, f.value) == ("dos crisis", "count", 2.0)
