"""Spanish web-page furniture (app/ingest/furniture.py): for each rule, lines it must catch and
an ordinary sentence that starts the same way and must survive; Spanish datelines opening a
paragraph and Spanish keyword labels."""

from __future__ import annotations

import pytest

from app.ingest.furniture import dateline_length, furniture_rule
from app.ingest.keywords import keyword_items

# The rules after the English ones, in the table's order: (name, lines, sentence).
CASES_ES: list[tuple[str, list[str], str]] = [
    (
        "copyright",
        [
            "© 2024 Instituto Andino de Estudios Internacionales. Todos los derechos reservados.",
            "Copyright 2023 Example Media",
            "Todos los derechos reservados.",
            "All rights reserved.",
        ],
        "Copyright law protects the text.",
    ),
    (
        "fecha",
        [
            "Buenos Aires, 14 de marzo de 2023 - 08:15 h",
            "14 de marzo de 2023",
            "Actualizado: 3 de abril de 2024 a las 10:32",
            "lunes, 26 de noviembre de 2018",
            "Publicado el 5 ene. 2024, 09:00 CET",
        ],
        "El 14 de marzo de 2023 se firmó el acuerdo.",
    ),
    (
        "firma",
        [
            "Por Carmen Salazar",
            "Por Ana Ruiz y Tomás Greer",
            "Autora: Dra. Elena Márquez, investigadora principal",
            "Por Luis Pérez, corresponsal en Lima",
            "Por Marta Gil, columnista",
        ],
        "Por Venezuela pasan dos oleoductos.",
    ),
    (
        "créditos",
        [
            "(Información de Carmen Salazar; Editado por Luis Pérez)",
            "Con información de Ana Ruiz en Quito",
            "(Reportaje de Tomás Greer; edición de Ana Ruiz)",
        ],
        "Información de la OPEP muestra una caída.",
    ),
    (
        "pie de foto",
        [
            "Foto: Piletas de evaporación en el salar de Atacama. (Archivo)",
            "(Foto: Agencia Andina)",
            "Imagen: Un petrolero en el puerto de Jose.",
            "Foto de archivo del presidente en Caracas.",
        ],
        "Fotografías del lugar muestran daños.",
    ),
    (
        "suscripción",
        ["Suscríbete", "Suscríbase para seguir leyendo", "Inicia sesión", "Hazte suscriptor"],
        "Los suscriptores pagan 10 euros.",
    ),
    (
        "cookies en español",
        [
            "Utilizamos cookies propias y de terceros para mejorar nuestros servicios.",
            "Este sitio web usa cookies.",
            "Aceptar todas las cookies",
            "Política de cookies",
        ],
        "Las cookies de la abuela se vendieron.",
    ),
    (
        "antigüedad",
        ["Este artículo tiene más de 2 años", "Esta noticia tiene más de un año."],
        "Este artículo tiene más de 2.000 palabras.",
    ),
    (
        "compartir",
        [
            "Compartir",
            "Compartir en Facebook, Compartir en X",
            "Copiar enlace",
            "Imprimir",
        ],
        "Compartir el poder no es fácil.",
    ),
    (
        "boletín",
        ["Recibe nuestro boletín diario", "Apúntate a nuestro boletín semanal de economía"],
        "El boletín oficial publicó la ley.",
    ),
    (
        "lea también",
        [
            "Lea también: El precio del cobre sube por la demanda de autos eléctricos",
            "Te puede interesar",
            "Noticias relacionadas",
            "Lo más leído",
            "Relacionado",
        ],
        "Lea también el informe completo, recomendó el ministro.",
    ),
    (
        "navegación",
        [
            "Publicidad",
            "Ir al contenido principal",
            "Pasar al contenido principal",
            "5 min de lectura",
            "Menú",
            "Volver arriba",
            "Autores",
        ],
        "La publicidad cayó un 5%.",
    ),
    (
        "síguenos",
        [
            "Síguenos en X y en Instagram",
            "Lee más noticias siguiéndonos en Facebook, y únete a nuestro canal de WhatsApp.",
            "Únete a nuestro grupo de Telegram",
        ],
        "El grupo se unió a nuestro canal de ventas en 2023.",
    ),
    ("antetítulo", ["ANÁLISIS", "Opinión", "Última hora"], "El análisis mostró un alza."),
]


@pytest.mark.parametrize(("name", "lines", "sentence"), CASES_ES, ids=[c[0] for c in CASES_ES])
def test_rule_catches_its_lines_and_spares_the_sentence(
    name: str, lines: list[str], sentence: str
) -> None:
    assert [furniture_rule(line) for line in lines] == [name] * len(lines)
    assert furniture_rule(sentence) is None


@pytest.mark.parametrize(
    ("line", "story"),
    [
        (
            "CARACAS, 26 nov (Agencia Andina de Noticias) - Rusia y Venezuela firmaron.",
            "Rusia y Venezuela firmaron.",
        ),
        ("MADRID, 3 de marzo (EFE).- El Gobierno dijo.", "El Gobierno dijo."),
        ("LIMA, 5 ene (Andina) — Perú exportó más cobre.", "Perú exportó más cobre."),
        ("EE. UU. y Rusia hablaron.", "EE. UU. y Rusia hablaron."),
        (
            "Ciudad de Panamá. En mayo, el canal cobró más por cada buque que lo cruzó.",
            "En mayo, el canal cobró más por cada buque que lo cruzó.",
        ),
        (
            "Prof. Ruiz dijo que el plan fallaría en menos de un año.",
            "Prof. Ruiz dijo que el plan fallaría en menos de un año.",
        ),
        ("Lima. Sí.", "Lima. Sí."),
    ],
)
def test_a_spanish_dateline_opening_a_paragraph_is_measured(line: str, story: str) -> None:
    assert line[dateline_length(line) :] == story


@pytest.mark.parametrize(
    ("line", "items"),
    [
        (
            "Palabras clave: gas, Rusia, China, Gazprom, Poder de Siberia",
            ["gas", "Rusia", "China", "Gazprom", "Poder de Siberia"],
        ),
        ("Etiquetas: litio; minería.", ["litio", "minería"]),
        ("Temas: Rusia | China", ["Rusia", "China"]),
        ("Temas: hoy hablamos de comercio. Luego, de todo lo demás.", None),
    ],
)
def test_spanish_keyword_lists(line: str, items: list[str] | None) -> None:
    assert keyword_items(line) == items
