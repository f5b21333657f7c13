"""Prints extraction precision and recall on the labelled samples, as docs/ingest.md shows them.

.venv/bin/python -m tests.ingest.quality_report           # the table
.venv/bin/python -m tests.ingest.quality_report --misses  # and every miss, for debugging
"""

from __future__ import annotations

import sys

from tests.ingest.answer_keys import (
    SAMPLES,
    Score,
    figure_row,
    ingest_sample,
    load_key,
    score_actors,
    score_figures,
    score_mentions,
)


def main(argv: list[str]) -> None:
    totals = [Score(), Score(), Score()]
    print("| article | figures P | figures R | actors P | actors R | mentions P | mentions R |")
    print("|---|---|---|---|---|---|---|")
    for name in SAMPLES:
        key, facts = load_key(name), ingest_sample(name)
        ids = [m.actor_id for m in facts.mentions]
        scores = [
            score_figures(key.figures, [figure_row(f) for f in facts.figures]),
            score_actors(key.actors, ids),
            score_mentions(key.actors, ids),
        ]
        totals = [t + s for t, s in zip(totals, scores, strict=True)]
        print(_row(name, scores))
        if "--misses" in argv:
            for line in (*scores[0].missed, *scores[1].missed):
                print(f"    missed: {line}")
            for line in (*scores[0].spurious, *scores[1].spurious):
                print(f"    spurious: {line}")
    print(_row("**all**", totals))


def _row(name: str, scores: list[Score]) -> str:
    cells = [f"{x:.2f}" for s in scores for x in (s.precision, s.recall)]
    return f"| {name} | " + " | ".join(cells) + " |"


if __name__ == "__main__":
    main(sys.argv[1:])
