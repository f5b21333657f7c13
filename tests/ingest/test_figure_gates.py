"""extract_figures skips a rule when a sentence lacks what every match of it holds. These tests
hold the gates to the patterns: whatever a rule matches must pass its gate, so skipping can
never lose a figure."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from app.ingest.figures import engine, multiples
from app.ingest.figures.numbers import FRACTIONS, NUMBER_WORDS, SCALE_WORDS

GATES: list[tuple[re.Pattern[str], re.Pattern[str]]] = [
    *((pattern, engine.DIGIT) for pattern, _ in engine.TIME_RULES),
    *((pattern, engine.FRACTION_WORD) for pattern, _ in engine.FRACTION_RULES),
    (engine.MULTIPLE_RULE[0], multiples.MULTIPLE_WORD),
    (
        engine.QUANTITY_RULE[0],
        re.compile(rf"{engine.DIGIT.pattern}|{engine.NUMBER_WORD.pattern}", re.I),
    ),
]
SAMPLES = [
    *sorted((Path(__file__).parents[1] / "data").glob("*.txt")),
    *sorted((Path(__file__).parents[1] / "data").glob("*.md")),
    Path(__file__).parents[2] / "seed" / "russia-china-venezuela.txt",
]
TOKENS = [
    *NUMBER_WORDS,
    *(word for key in FRACTIONS for word in key.split()),
    *SCALE_WORDS,
    "a",
    "an",
    "by",
    "of",
    "and",
    "to",
    "between",
    "from",
    "since",
    "over",
    "about",
    "May",
    "October",
    "percent",
    "%",
    "$",
    "US$",
    "USD",
    "bn",
    "m",
    "k",
    "1990s",
    "2013",
    "2005",
    "11",
    "1,200",
    "2.5",
    "5th",
    "–",
    "-",
    ",",
    ".",
    "the",
    "Twenty",
    "HALF",
]


def _assert_gated(text: str) -> None:
    for pattern, gate in GATES:
        for m in pattern.finditer(text):
            assert gate.search(m.group(0)), (pattern.pattern[:60], m.group(0))


def test_every_match_in_the_sample_articles_passes_its_gate() -> None:
    for sample in SAMPLES:
        _assert_gated(sample.read_text(encoding="utf-8"))


@given(st.lists(st.sampled_from(TOKENS), max_size=12), st.sampled_from([" ", "-", "  ", ""]))
def test_every_match_of_number_like_text_passes_its_gate(words: list[str], sep: str) -> None:
    _assert_gated(sep.join(words))
