"""Prints the figure extractor's scores on the Recognizers-Text English and Spanish cases
(docs/ingest.md).

.venv/bin/python -m tests.ingest.peer_report      # English
.venv/bin/python -m tests.ingest.peer_report es   # Spanish
"""

from __future__ import annotations

import sys

from tests.ingest.peer_cases import Tally, available, families, score, score_reader


def main(language: str = "en") -> None:
    if not available(language):
        raise SystemExit("the peer cases are not there: see tests/ingest/peer_cases.py")
    print("| family | value P | value R | value F1 | value+unit F1 |")
    print("|---|---|---|---|---|")
    total_value, total_unit = Tally(), Tally()
    for family in families(language):
        value, unit = score(family, language)
        for total, part in ((total_value, value), (total_unit, unit)):
            total.tp, total.fp, total.fn = (
                total.tp + part.tp,
                total.fp + part.fp,
                total.fn + part.fn,
            )
        print(_row(family, value, unit))
    print(_row("**all**", total_value, total_unit))
    if language == "es":
        reader = score_reader(language)
        print(_row("number (reader)", reader, reader))


def _row(name: str, value: Tally, unit: Tally) -> str:
    cells = (value.precision, value.recall, value.f1, unit.f1)
    return f"| {name} | " + " | ".join(f"{x:.2f}" for x in cells) + " |"


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "en")
