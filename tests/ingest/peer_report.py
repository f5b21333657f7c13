"""Prints the figure extractor's scores on the Recognizers-Text English cases (docs/ingest.md).

.venv/bin/python -m tests.ingest.peer_report
"""

from __future__ import annotations

from tests.ingest.peer_cases import FAMILIES, Tally, available, score


def main() -> None:
    if not available():
        raise SystemExit("the peer cases are not there: see tests/ingest/peer_cases.py")
    print("| family | value P | value R | value F1 | value+unit F1 |")
    print("|---|---|---|---|---|")
    total_value, total_unit = Tally(), Tally()
    for family in FAMILIES:
        value, unit = score(family)
        for total, part in ((total_value, value), (total_unit, unit)):
            total.tp, total.fp, total.fn = (
                total.tp + part.tp,
                total.fp + part.fp,
                total.fn + part.fn,
            )
        print(_row(family, value, unit))
    print(_row("**all**", total_value, total_unit))


def _row(name: str, value: Tally, unit: Tally) -> str:
    cells = (value.precision, value.recall, value.f1, unit.f1)
    return f"| {name} | " + " | ".join(f"{x:.2f}" for x in cells) + " |"


if __name__ == "__main__":
    main()
