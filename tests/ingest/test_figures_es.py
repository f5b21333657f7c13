"""Spanish figures, one family at a time, on sentences written for these tests."""

from __future__ import annotations

import pytest

from app.ingest.figures import extract_figures
from app.ingest.figures.es.numbers import parse_number

Row = tuple[str, str, float | None, str | None, str, str | None, str | None, str | None]


def rows(text: str) -> list[Row]:
    return [
        (
            f.quote,
            f.kind.value,
            f.value,
            f.unit,
            f.comparator.value,
            None if f.change is None else f.change.value,
            f.period_start,
            f.period_end,
        )
        for f in extract_figures(text, language="es")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("17.000", 17000),
        ("1,17", 1.17),
        ("1.234.567,5", 1234567.5),
        ("1 234 567", 1234567),
        ("diecisiete", 17),
        ("dos mil trescientos cuarenta y siete", 2347),
        ("tres billones", 3e12),
        ("dos mil millones", 2e9),
        ("veintiún millones", 21e6),
        ("cuarenta y siete coma veintiocho", 47.28),
        ("dos tercios", 2 / 3),
        ("tres veintiunavos", 3 / 21),
        ("uno sobre cuatro", 0.25),
    ],
)
def test_numbers_as_spanish_writes_them(text: str, expected: float) -> None:
    value = parse_number(text)
    assert value is not None
    assert float(value) == pytest.approx(expected, rel=1e-12)


def test_money_scales_and_currencies() -> None:
    text = (
        "El fondo invirtió 4.200 millones de dólares, US$ 350 millones más que Pekín, y "
        "prometió 12.000 millones de euros, 900 millones de yuanes, 2 billones de bolívares "
        "y 75.000 rublos."
    )
    assert rows(text) == [
        ("4.200 millones de dólares", "money", 4.2e9, "USD", "eq", None, None, None),
        ("US$ 350 millones", "money", 3.5e8, "USD", "eq", "rise", None, None),
        ("12.000 millones de euros", "money", 1.2e10, "EUR", "eq", None, None, None),
        ("900 millones de yuanes", "money", 9e8, "CNY", "eq", None, None, None),
        ("2 billones de bolívares", "money", 2e12, "VES", "eq", None, None, None),
        ("75.000 rublos", "money", 75000, "RUB", "eq", None, None, None),
    ]


def test_bolivias_dollar_prefix() -> None:
    text = "El Tesoro recibió $us 100 millones del banco."
    assert rows(text) == [("$us 100 millones", "money", 1e8, "USD", "eq", None, None, None)]


def test_percents_fractions_and_comparators() -> None:
    text = (
        "Alrededor del 45% de los votos fue para la oposición; más de la mitad de los "
        "diputados y casi dos tercios de los alcaldes la apoyan, y el paro bajó 1,5 puntos "
        "porcentuales."
    )
    assert rows(text) == [
        ("Alrededor del 45%", "percent", 45, "percent", "approx", None, None, None),
        ("más de la mitad", "percent", 50, "percent", "gt", None, None, None),
        ("casi dos tercios", "percent", 200 / 3, "percent", "approx", None, None, None),
        ("1,5 puntos porcentuales", "percent", 1.5, "percentage point", "eq", "fall", None, None),
    ]


def test_dates_are_never_counts_and_a_day_with_no_year_is_no_figure() -> None:
    text = (
        "El 3 de marzo firmaron el acta; la anterior es del 26-11-18 y la primera del 9 de "
        "julio de 2001."
    )
    assert rows(text) == [
        ("26-11-18", "date", None, None, "eq", None, "2018-11-26", "2018-11-26"),
        ("9 de julio de 2001", "date", None, None, "eq", None, "2001-07-09", "2001-07-09"),
    ]


def test_periods_lend_their_time_to_the_clause() -> None:
    text = "Entre 2009 y 2014 el puerto movió unas 800.000 toneladas anuales de soja."
    assert rows(text) == [
        ("Entre 2009 y 2014", "period", None, None, "eq", None, "2009", "2014"),
        (
            "unas 800.000 toneladas anuales",
            "measure",
            800000,
            "t/a",
            "approx",
            None,
            "2009",
            "2014",
        ),
    ]
    assert rows("De 2019 a 2024 la flota creció hasta 40 buques.")[0][6:] == ("2019", "2024")
    assert rows("Para 2030 habrá 12 reactores.") == [
        ("Para 2030", "period", None, None, "eq", None, None, "2030"),
        ("12 reactores", "count", 12, None, "eq", None, None, "2030"),
    ]


def test_ranges_are_one_figure() -> None:
    [figure] = extract_figures("Costaría entre 5 y 7 millones de dólares.", language="es")
    assert (figure.quote, figure.value, figure.value_max, figure.unit) == (
        "entre 5 y 7 millones de dólares",
        5e6,
        7e6,
        "USD",
    )


def test_changes_and_bounding_verbs() -> None:
    text = (
        "Las ventas cayeron un 12% y las compras aumentaron 4 por ciento; la deuda superó el 90%."
    )
    assert [(r[0], r[4], r[5]) for r in rows(text)] == [
        ("12%", "eq", "fall"),
        ("4 por ciento", "eq", "rise"),
        ("90%", "gt", None),
    ]


def test_words_count_only_before_a_plural_noun() -> None:
    assert rows("Un acuerdo llevó a tres ministros y un asesor a Pekín.") == [
        ("tres ministros", "count", 3, None, "eq", None, None, None),
    ]


def test_mexican_copy_writes_thousands_with_commas() -> None:
    text = "La refinería procesó 1,310,000 barriles diarios y exportó 645,000 bpd, un 12.5% más."
    assert [(r[0], r[2], r[3]) for r in rows(text)] == [
        ("1,310,000 barriles diarios", 1310000, "oil_bbl/d"),
        ("645,000 bpd", 645000, "oil_bbl/d"),
        ("12.5%", 12.5, "percent"),
    ]
    # Without a sign of the Mexican convention, a comma is the decimal one.
    assert rows("El índice subió 1,250 puntos porcentuales.")[0][2] == 1.25


def test_digits_and_scale_words_mixed() -> None:
    text = "Entraron 18 mil 420 millones de dólares y se vendió un millón 250 mil toneladas."
    assert [(r[0], r[2], r[3]) for r in rows(text)] == [
        ("18 mil 420 millones de dólares", 18.42e9, "USD"),
        ("un millón 250 mil toneladas", 1250000, "t"),
    ]
    text = "La meta es llegar a 3 millones 150 mil barriles diarios en 2031."
    assert next((r[0], r[2], r[3]) for r in rows(text)) == (
        "3 millones 150 mil barriles diarios",
        3150000,
        "oil_bbl/d",
    )
    assert rows("Viven allí dos millones y medio de personas.")[0][:3] == (
        "dos millones y medio de personas",
        "count",
        2.5e6,
    )


def test_month_ranges_bounds_after_and_baselines() -> None:
    assert rows("Entre marzo 2021 – mayo 2022 se firmaron 40 contratos.") == [
        ("marzo 2021 – mayo 2022", "period", None, None, "eq", None, "2021-03", "2022-05"),
        ("40 contratos", "count", 40, None, "eq", None, "2021-03", "2022-05"),
    ]
    assert rows("Se esperan 3.000 visitantes o más.")[0][:5] == (
        "3.000 visitantes o más",
        "count",
        3000,
        None,
        "gte",
    )
    # "máximos desde 1995" is a record's baseline: the level is not dated from 1995.
    assert rows("El desempleo llegó al 14%, máximos desde 1995.")[0][6:] == (None, None)


def test_collective_numbers_count() -> None:
    text = "Llegaron un centenar de asesores, una docena de buques y tres centenares de soldados."
    assert [(r[0], r[2]) for r in rows(text)] == [
        ("un centenar de asesores", 100),
        ("una docena de buques", 12),
        ("tres centenares de soldados", 300),
    ]


def test_decades_and_parts_of_a_year() -> None:
    text = (
        "En la década de 1990, el primer semestre de 2024, el último trimestre de 2023 y el "
        "2023-10-05 hubo cambios; el 31-02-2020 no existe."
    )
    assert [(r[0], r[1], r[6], r[7]) for r in rows(text)] == [
        ("la década de 1990", "period", "1990", "1999"),
        ("el primer semestre de 2024", "period", "2024-01", "2024-06"),
        ("el último trimestre de 2023", "period", "2023-10", "2023-12"),
        ("2023-10-05", "date", "2023-10-05", "2023-10-05"),
    ]


def test_references_hold_no_figure() -> None:
    assert rows("El decreto 1.234 y el artículo 27 citan la Ley 19.880 y el vuelo 714.") == []


def test_hasta_after_a_verb_of_change_is_the_level_reached() -> None:
    assert [(r[0], r[4], r[5]) for r in rows("La tasa cayó hasta el 4,1% en junio.")] == [
        ("4,1%", "eq", "fall"),
    ]
    assert rows("Prometió ayudas de hasta 3.000 euros.")[0][:5] == (
        "hasta 3.000 euros",
        "money",
        3000,
        "EUR",
        "lte",
    )


def test_a_clause_ends_at_a_new_subject_and_a_baseline_is_no_period() -> None:
    text = "Las ventas aumentaron un 3% y la plantilla se mantuvo en el 40% del total."
    assert [(r[0], r[5]) for r in rows(text)] == [("3%", "rise"), ("40%", None)]
    text = "Llegaron 9,2 millones de viajeros, un 6% más que en 2019."
    assert [(r[0], r[6]) for r in rows(text)] == [
        ("9,2 millones de viajeros", None),
        ("6%", None),
        ("2019", "2019"),
    ]
    # ", lo que …" sums up what came before: the time of the last amount is not its own.
    text = "Vendió 41.000 toneladas, frente a 52.000 en 2020, lo que supone una caída del 21%."
    assert [(r[0], r[6]) for r in rows(text)][-1] == ("21%", None)


def test_a_bare_level_left_takes_the_unit_of_the_level_reached() -> None:
    text = "El consejo subió la tasa del 4,5 al 6,25 por ciento."
    assert [(r[0], r[2], r[3]) for r in rows(text)] == [
        ("4,5", 4.5, "percent"),
        ("6,25 por ciento", 6.25, "percent"),
    ]


def test_basis_points_are_hundredths_of_a_percentage_point() -> None:
    text = "El banco subió la tasa en 125 puntos básicos y luego en 25 pb."
    assert [(r[0], r[2], r[3]) for r in rows(text)] == [
        ("125 puntos básicos", 1.25, "percentage point"),
        ("25 pb", 0.25, "percentage point"),
    ]


def test_basis_points_written_puntos_base() -> None:
    # "puntos base", with "base" invariant, is the other common name of the basis point.
    text = "La junta recortó su tasa en 50 puntos base, tras un alza de 75 puntos base en mayo."
    assert [(r[0], r[2], r[3]) for r in rows(text)][:2] == [
        ("50 puntos base", 0.5, "percentage point"),
        ("75 puntos base", 0.75, "percentage point"),
    ]


def test_a_rate_after_what_is_measured() -> None:
    text = (
        "Bombea 2 millones de barriles de crudo al día y 38.000 millones de metros cúbicos anuales."
    )
    assert [(r[0], r[2], r[3]) for r in rows(text)] == [
        ("2 millones de barriles de crudo al día", 2e6, "oil_bbl/d"),
        ("38.000 millones de metros cúbicos anuales", 3.8e10, "m**3/a"),
    ]


def test_what_a_figure_is_of_is_its_measure() -> None:
    text = (
        "Recibe un tercio de las exportaciones de crudo, 600.000 toneladas de trigo ruso y "
        "más de 50.000 millones de dólares en préstamos; el 60% de la producción se exporta."
    )
    assert [(f.quote, f.measure) for f in extract_figures(text, language="es")] == [
        ("un tercio", "exportaciones de crudo"),
        ("600.000 toneladas", "trigo ruso"),
        ("más de 50.000 millones de dólares", "préstamos"),
        ("60%", "producción"),
    ]


def test_the_year_of_an_author_year_citation_is_no_figure() -> None:
    text = (
        "Al menos 12 salares tienen litio (Ortega y Ruiz, 2021), según el informe de marzo"
        " (Marzo, 2020)."
    )
    assert [r[0] for r in rows(text)] == ["Al menos 12 salares", "2020"]
