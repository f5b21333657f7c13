"""The figure extractor on the Recognizers-Text English cases holds each family at least at
what it measured when these floors were set (docs/ingest.md shows the table). The suite is
lower-cased and tokenised news text ("$ 75 million", "u . s ."), and its number family
includes ordinals, fractions in words and bare numbers this service does not report."""

from __future__ import annotations

import pytest

from tests.ingest.peer_cases import FAMILIES, available, score

# family: (value precision, value recall, value+unit F1), as the report prints them (to the
# hundredth); the test rounds the same way.
FLOORS = {
    "currency": (0.94, 0.91, 0.87),
    "dimension": (0.94, 0.67, 0.64),
    "temperature": (0.94, 0.94, 0.94),
    "percent": (1.00, 0.73, 0.85),
    "number": (0.35, 0.28, 0.31),
    "range": (0.90, 0.62, 0.73),
}


def test_the_suite_is_there() -> None:
    assert available()


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_each_family_keeps_its_floor(family: str) -> None:
    value, unit = score(family)
    precision, recall, unit_f1 = FLOORS[family]
    assert (
        round(value.precision, 2) >= precision,
        round(value.recall, 2) >= recall,
        round(unit.f1, 2) >= unit_f1,
    ) == (True, True, True), (family, value.precision, value.recall, unit.f1)
