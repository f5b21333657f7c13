"""Our figure rules against quantulum3 on the labelled samples: which finds figures better?

    .venv/bin/pip install "quantulum3[classifier]==0.10.0"   # for this script only
    .venv/bin/python -m tests.ingest.compare_quantulum3

With the classifier extra installed, the script first trains quantulum3's unit classifier on the
data the package ships (about 10 s): the pickled one it ships does not load with current
scikit-learn. Without the extra, quantulum3 runs without disambiguation, and the script says so.

Both read the same spans (each section of each sample, as the pipeline reads them) and are
scored against the same answer keys, two ways:

- full: quote, kind, value, unit, comparator and period all equal (the quality test's rule);
  quantulum3's results are mapped onto our schema as favourably as its data allows;
- typed: kind, value and unit equal, wherever the quote starts or ends (an output whose quote
  contains the expected one or lies inside it): no comparator or period asked for, which
  quantulum3 does not model;
- found: the number itself was found: that overlap and the same value (dates and periods,
  which have no value, need only the overlap). "Did it see this quantity at all".

The numbers in docs/ingest.md come from this script.
"""

from __future__ import annotations

import math
import tempfile
import warnings
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from app.ingest.structure import parse_document
from tests.ingest.answer_keys import DATA, SAMPLES, FigureRow, ingest_sample, load_key
from tests.ingest.scoring import Score, figure_row, score_figures

# quantulum3's unit names, as our units.
_UNITS = {
    "kilometre": "km",
    "tonne": "tonne",
    "barrel per day": "barrel/day",
    "tonne per year": "tonne/year",
    "metre": "m",
    "mile": "mile",
    "barrel": "barrel",
}
_CURRENCIES = {"dollar": "USD", "euro": "EUR", "yen": "JPY", "south korean won": "KRW"}
_TIME = {"year": ("year", 1), "decade": ("year", 10), "century": ("year", 100)}


def train_classifier(folder: Path) -> str | None:
    """A freshly trained unit classifier, or None without the classifier extra."""
    try:
        import sklearn  # type: ignore[import-untyped]  # noqa: F401
    except ImportError:
        return None
    from quantulum3 import classifier  # type: ignore[import-untyped]

    path = folder / "clf.joblib"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        classifier.train_classifier(store=True, output_path=str(path))
    return str(path)


def quantulum_rows(text: str, start: int, end: int, classifier: str | None) -> list[FigureRow]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "classifier dependencies not installed"
        from quantulum3 import parser

        quantities = parser.parse(text[start:end], classifier_path=classifier)
    return [_as_row(q) for q in quantities]


def _as_row(q: Any) -> FigureRow:
    unit, entity = q.unit.name, q.unit.entity.name
    value = float(q.value)
    if entity == "currency":
        code = getattr(q.unit, "currency_code", None) or _CURRENCIES.get(unit, unit)
        return (q.surface, "money", value, code, "eq", None, None, None, None)
    if unit == "percentage":
        return (q.surface, "percent", value, "percent", "eq", None, None, None, None)
    if entity == "time":
        base, factor = _TIME.get(unit, (unit, 1))
        return (q.surface, "duration", value * factor, base, "eq", None, None, None, None)
    if entity == "dimensionless":
        if value.is_integer() and 1000 <= value <= 2199:
            year = str(int(value))
            return (q.surface, "year", value, "year", "eq", year, year, None, None)
        return (q.surface, "count", value, None, "eq", None, None, None, None)
    return (q.surface, "measure", value, _UNITS.get(unit, unit), "eq", None, None, None, None)


def score_loose(expected: Sequence[FigureRow], found: Iterable[FigureRow], *, typed: bool) -> Score:
    left = list(found)
    score = Score()
    for row in expected:
        match = next(
            (
                i
                for i, f in enumerate(left)
                if _sees(row, f) and (not typed or (row[1], row[3]) == (f[1], f[3]))
            ),
            None,
        )
        if match is None:
            score.fn += 1
            score.missed.append(repr(row))
        else:
            score.tp += 1
            del left[match]
    score.fp = len(left)
    return score


def _sees(expected: FigureRow, found: FigureRow) -> bool:
    quote, other = expected[0], found[0]
    if other not in quote and quote not in other:
        return False
    if expected[2] is None or found[2] is None:
        return True
    return math.isclose(expected[2], found[2], rel_tol=1e-6)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        classifier = train_classifier(Path(folder))
        print(f"quantulum3 unit classifier: {'trained' if classifier else 'not installed'}")
        compare(classifier)


def compare(classifier: str | None) -> None:
    metrics = ("full", "typed", "found")
    totals: dict[tuple[str, str], Score] = {}
    header = ["article", "extractor", *(f"{m} {pr}" for m in metrics for pr in "PR")]
    print(_line(header))
    for name in SAMPLES:
        key = load_key(name)
        text = (DATA / name).read_bytes().decode("utf-8")
        ours = [figure_row(f) for f in ingest_sample(name).figures]
        theirs: list[FigureRow] = []
        for section in parse_document(text).sections:
            theirs += quantulum_rows(text, section.start, section.end, classifier)
        for label, rows in (("rules", ours), ("quantulum3", theirs)):
            scores = {
                "full": score_figures(key.figures, rows),
                "typed": score_loose(key.figures, rows, typed=True),
                "found": score_loose(key.figures, rows, typed=False),
            }
            for metric, score in scores.items():
                totals[label, metric] = totals.get((label, metric), Score()) + score
            print(_line([name, label, *_numbers(scores[m] for m in metrics)]))
    for label in ("rules", "quantulum3"):
        print(_line(["all", label, *_numbers(totals[label, m] for m in metrics)]))


def _numbers(scores: Iterable[Score]) -> list[str]:
    return [f"{x:.2f}" for s in scores for x in (s.precision, s.recall)]


def _line(cells: Sequence[str]) -> str:
    return f"| {cells[0]:<18} | {cells[1]:<10} | " + " | ".join(f"{c:>7}" for c in cells[2:]) + " |"


if __name__ == "__main__":
    main()
