"""Prints extraction precision and recall per class on the labelled samples, as docs/ingest.md
shows them.

.venv/bin/python -m tests.ingest.quality_report               # the table, rules only
.venv/bin/python -m tests.ingest.quality_report --recognizer  # with the recognizer (ner extra)
.venv/bin/python -m tests.ingest.quality_report --misses      # and every miss, per article
.venv/bin/python -m tests.ingest.quality_report --es          # the Spanish articles instead
"""

from __future__ import annotations

import sys
from functools import cache

from tests.ingest.answer_keys import SAMPLES, SAMPLES_ES, ingest_sample_with_actors, load_key
from tests.ingest.scoring import CLASSES, Score, evaluate


@cache
def article_scores(name: str, recognizer: bool = False) -> dict[str, Score]:
    facts, entries = ingest_sample_with_actors(name, recognizer)
    return evaluate(load_key(name), facts, entries)


def totals(recognizer: bool = False, samples: tuple[str, ...] = SAMPLES) -> dict[str, Score]:
    """Each class summed over the labelled `samples` (the English ones unless told),
    read with the recognizer or without."""
    summed = {name: Score() for name in CLASSES}
    for sample in samples:
        for name, score in article_scores(sample, recognizer).items():
            summed[name] += score
    return summed


def main(argv: list[str]) -> None:
    recognizer = "--recognizer" in argv
    samples = SAMPLES_ES if "--es" in argv else SAMPLES
    if "--misses" in argv:
        for sample in samples:
            print(f"## {sample}")
            for name, score in article_scores(sample, recognizer).items():
                for line in score.missed:
                    print(f"    {name} missed: {line}")
                for line in score.spurious:
                    print(f"    {name} spurious: {line}")
    print(
        f"{len(samples)} labelled articles, {'with' if recognizer else 'without'} the recognizer\n"
    )
    print("| class | precision | recall | labelled | found | right |")
    print("|---|---|---|---|---|---|")
    for name, s in totals(recognizer, samples).items():
        print(
            f"| {name} | {s.precision:.2f} | {s.recall:.2f} | {s.tp + s.fn} | {s.tp + s.fp} "
            f"| {s.tp} |"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
