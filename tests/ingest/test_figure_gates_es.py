"""The Spanish engine skips a rule when a sentence lacks what every match of it holds, as the
English one does (test_figure_gates.py): whatever a Spanish rule matches must pass its gate."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from app.ingest.figures.es import engine
from app.ingest.figures.es.words import _DENOMINATORS, _DOZEN, _SCALES, _SMALL

GATES: list[tuple[re.Pattern[str], re.Pattern[str]]] = [
    *((pattern, engine.DIGIT) for pattern, _ in engine.TIME_RULES),
    *((pattern, engine.FRACTION_WORD) for pattern, _ in engine.FRACTION_RULES),
    (
        engine.QUANTITY_RULE[0],
        re.compile(rf"{engine.DIGIT.pattern}|{engine.NUMBER_WORD.pattern}", re.I),
    ),
]
SAMPLES = sorted((Path(__file__).parents[1] / "data" / "es").glob("*.[tm][xd]*"))
TOKENS = [
    *_SMALL,
    *_SCALES,
    *_DOZEN,
    *_DENOMINATORS,
    "Dieciséis", "VEINTIDÓS", "millón", "billón", "medio", "media", "mitad", "tercios", "la",
    "y", "de", "del", "con", "coma", "sobre", "entre", "desde", "hasta", "unos", "cerca",
    "más", "por", "ciento", "cien", "%", "$", "US$", "USD", "MXN$", "dólares", "euros",
    "marzo", "Marzo", "2013", "2005", "11", "17.000", "1,17", "1,224,000", "2½", "½", "-",
    "–", ",", ".", "26-11-18", "k",
]  # fmt: skip


def _assert_gated(text: str) -> None:
    for pattern, gate in GATES:
        for m in pattern.finditer(text):
            assert gate.search(m.group(0)), (pattern.pattern[:60], m.group(0))


def test_the_samples_are_there() -> None:
    assert len(SAMPLES) == 5


def test_every_match_in_the_spanish_articles_passes_its_gate() -> None:
    for sample in SAMPLES:
        _assert_gated(sample.read_text(encoding="utf-8"))


@given(st.lists(st.sampled_from(TOKENS), max_size=12), st.sampled_from([" ", "-", "  ", ""]))
def test_every_match_of_number_like_text_passes_its_gate(words: list[str], sep: str) -> None:
    _assert_gated(sep.join(words))
