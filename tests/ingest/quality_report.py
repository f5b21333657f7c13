"""Prints extraction precision and recall per class on the labelled samples, as docs/ingest.md
shows them.

.venv/bin/python -m tests.ingest.quality_report            # the table
.venv/bin/python -m tests.ingest.quality_report --misses   # and every miss, per article
"""

from __future__ import annotations

import sys
from functools import cache

from tests.ingest.answer_keys import SAMPLES, ingest_sample_with_actors, load_key
from tests.ingest.scoring import CLASSES, Score, evaluate


@cache
def article_scores(name: str) -> dict[str, Score]:
    facts, entries = ingest_sample_with_actors(name)
    return evaluate(load_key(name), facts, entries)


def totals() -> dict[str, Score]:
    """Each class summed over every labelled article."""
    summed = {name: Score() for name in CLASSES}
    for sample in SAMPLES:
        for name, score in article_scores(sample).items():
            summed[name] += score
    return summed


def main(argv: list[str]) -> None:
    if "--misses" in argv:
        for sample in SAMPLES:
            print(f"## {sample}")
            for name, score in article_scores(sample).items():
                for line in score.missed:
                    print(f"    {name} missed: {line}")
                for line in score.spurious:
                    print(f"    {name} spurious: {line}")
    print(f"{len(SAMPLES)} labelled articles\n")
    print("| class | precision | recall | labelled | found | right |")
    print("|---|---|---|---|---|---|")
    for name, s in totals().items():
        print(
            f"| {name} | {s.precision:.2f} | {s.recall:.2f} | {s.tp + s.fn} | {s.tp + s.fp} "
            f"| {s.tp} |"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
