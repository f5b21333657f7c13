"""People and organisations with the recognizer against the rules alone, on labelled text.

Thresholds sit just under what `python -m tests.ingest.recognizer_quality` measures (the table
in docs/ingest.md); the two people articles were written while the filters were built, so
they hold the gains, not prove them on unseen text.
"""

from __future__ import annotations

import pytest

from app.ingest.recognizer import spacy_installed
from tests.ingest.answer_keys import SAMPLES, Score
from tests.ingest.recognizer_quality import PEOPLE, actor_score

pytestmark = pytest.mark.skipif(not spacy_installed(), reason="the ner extra is not installed")

ALL = (*SAMPLES, *PEOPLE)


def total(mode: str, names: tuple[str, ...] = ALL, people: bool | None = None) -> Score:
    return sum((actor_score(n, mode, people) for n in names), Score())


@pytest.mark.parametrize("name", ALL)
def test_the_recognizer_adds_no_wrong_actor(name: str) -> None:
    assert actor_score(name, "with recognizer").spurious == []


@pytest.mark.parametrize("name", ALL)
def test_the_recognizer_never_loses_an_actor_the_rules_find(name: str) -> None:
    rules = set(actor_score(name, "rules only").missed)
    assert set(actor_score(name, "with recognizer").missed) <= rules


def test_people_recall_and_precision() -> None:
    people = total("with recognizer", PEOPLE, people=True)
    assert (people.tp, people.fp, people.fn) == (8, 0, 0)
    assert total("rules only", PEOPLE, people=True).tp == 0


def test_the_recognizer_measures_better_than_the_rules_alone() -> None:
    rules, found = total("rules only"), total("with recognizer")
    assert (rules.precision, found.precision) == (1.0, 1.0)
    assert found.recall >= 0.96
    assert found.recall - rules.recall >= 0.12
