"""Spanish numbers that are no quantity: names, clock times and scores.

As in English (`figures/negatives.py`): a number right after a capitalised word names
something ("Su-30" is caught by the hyphen; "Boeing 737", "Junín 6", "Agenda 2030", "Ley
27.430"), and so does one after a word of reference in lower case ("el artículo 135", "la ruta
40", "el vuelo 714"), unless
the word starts the sentence ("Pagaron 75 millones") or an amount ("En 2017", "Desde
2005", "Unos 500", "Más de 3");
a clock time ("08:15 h", "10.30 horas"), a score ("empataron 2-2"), a date that does not
exist ("31-02-2020") and an author-year citation ("(Ortega, 2021)", as in English) hold none.
"""

from __future__ import annotations

import re

from app.ingest.figures.es.dates import MONTHS, NUMERIC_DATES, numeric_date
from app.ingest.figures.es.words import fold
from app.ingest.figures.money import CODES
from app.ingest.figures.negatives import citations

_NOT_NAMES = {
    "el", "la", "los", "las", "un", "una", "unos", "unas", "de", "del", "en", "y", "o", "a",
    "al", "con", "por", "para", "desde", "hasta", "entre", "hacia", "sobre", "tras", "durante",
    "segun", "que", "su", "sus", "este", "esta", "estos", "estas", "ese", "esa", "esos", "esas",
    "mas", "menos", "cerca", "casi", "alrededor", "aproximadamente", "solo", "apenas",
    "hace", "antes", "despues", "ya", "no", "si", "pero", "aunque", "mientras", "como", "cuando",
    "donde", "fue", "es", "son", "era", "han", "ha", "habia", "tiene", "tienen", "otros",
    "otras", "otro", "otra", "todos", "todas", "cada", "ambos", "varios", "muchos", "pocos",
    "hoy", "ayer", "manana", "lunes", "martes", "miercoles", "jueves", "viernes", "sabado",
    "domingo", "subio", "cayo", "bajo", "crecio", "aumento", "supero",
}  # fmt: skip
_NAMED = re.compile(
    r"(?<![\w.])(?-i:(?P<name>[A-ZÁÉÍÓÚÑ][\w&’'.-]*[\w&]|[A-Z]))\s+(?:N[oº°]\.?\s*)?"
    r"(?P<number>\d+(?:\.\d{3})*)(?![\w%:/-]|[.,]\d|\s*(?:%|por\s+cien|[-–]\s*\d))"
    r"(?!\s+(?:mil|millones|mill[oó]n|billones|bill[oó]n|millardos)\b)",
)
# A reference in lower case, as Spanish writes it: "el artículo 135", "la ley 27.430", "el vuelo
# 714", "la ruta 40".
_REFERENCE = re.compile(
    r"\b(?:art[ií]culos?|art\.|leyes|ley|decretos?|resoluci[oó]n|n[uú]mero|n[uú]m\.|n[ºo°]|"
    r"n\.º|p[aá]ginas?|p[aá]g\.|cap[ií]tulos?|incisos?|l[ií]neas?|rutas?|autopistas?|vuelos?|"
    r"puertas?|salas?|expedientes?|causas?|c[oó]digo)\s+(?P<number>\d+(?:\.\d{3})*)"
    r"(?![\w%]|[.,]\d|\s*(?:%|por\s+cien|mil\b|mill))",
    re.I,
)
_CLOCK = re.compile(
    r"(?<![\w.:,])(?:[01]?\d|2[0-3])(?::[0-5]\d(?::[0-5]\d)?(?:\s*h\b|\s*horas\b)?"
    r"|\.[0-5]\d\s*(?:h\b|horas\b))",
    re.I,
)
_SCORE = re.compile(
    r"\b(?:empat\w*|gan\w*|venci\w*|perdi\w*|derrot\w*|marcador|partido|goles?)\b[^.;\d]{0,20}?"
    r"(?P<score>(?<![\w.,])\d{1,2}\s*[-–]\s*\d{1,2})(?![\w%-]|[.,]\d)",
    re.I,
)


def blocked_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans in `text[start:end]` that hold a number but no quantity."""
    spans: list[tuple[int, int]] = []
    for m in _NAMED.finditer(text, start, end):
        name = fold(m["name"].rstrip("."))
        first = not text[start : m.start()].strip(" \t\n\"'«“(¿¡")  # "Pagaron 75 millones"
        if not first and name not in _NOT_NAMES and name not in MONTHS and m["name"] not in CODES:
            spans.append(m.span("number"))
    spans.extend(m.span("number") for m in _REFERENCE.finditer(text, start, end))
    spans.extend(m.span() for m in _CLOCK.finditer(text, start, end))
    spans.extend(m.span("score") for m in _SCORE.finditer(text, start, end))
    spans.extend(citations(text, start, end, lambda w: fold(w) in _NOT_NAMES | MONTHS.keys()))
    # "31-02-2020" has a date's shape and no date: its numbers are no counts either.
    spans.extend(
        m.span() for m in NUMERIC_DATES.finditer(text, start, end) if not numeric_date(text, m, end)
    )
    return spans
