"""The English and Spanish cases of Microsoft's Recognizers-Text (MIT) run through the figure
extractor (the Spanish ones with `language="es"`).

The cases are kept, unchanged and with their licence, in `tests/data/peer/recognizers-text/`
(ARTICLE_FACTS_PEER_TESTS may point at another copy of the suite).
Each case is a sentence and the quantities the suite finds in it. Per family (one spec file):

- value: a found figure matches an expected quantity when their values are equal (relative
  1e-6). Only figures of the family's kinds are scored: money for currencies, measures for
  dimensions and temperatures, percents for percents, every valued figure for numbers;
- value+unit: the value and the unit both match. The suite names units in words ("Kilometer
  per hour", "Metric ton"); the mapping to this service's codes is pint's, through
  `canonical` (lower case, spaces to "_", " per " to "/"; "Barrel" is the oil barrel), and
  for currencies the suite's `isoCurrency`, or USD for a bare "Dollar", GBP for "Pound", INR
  for "Rupee" and XBT for "Bitcoin" (as the contract reads "dollars", "pounds", "rupees" and
  "bitcoins");
  cents and pence are hundredths of USD and GBP ("50 cents" is 0.5 USD here, 50 "Cent" there);
- ranges: a range matches when both ends match; an open range ("more than 20") matches a
  figure whose comparator bounds it the same way. This family is also the value+comparator
  score.

The suite states no direction of change, so value+change is not measured here. The Spanish
suite names its units in Spanish ("Dólar", "Libra", "Milla", "Tonelada métrica"): the table
`_SPANISH_UNITS` turns them into the same codes ("Libra" is GBP among currencies and the pound
among dimensions; a "Tonelada" is metric, as Spanish means it; "Franco" is CHF, as the
contract reads a bare "francos").
"""

from __future__ import annotations

import json
import math
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.ingest.drafts import FigureDraft
from app.ingest.figures import extract_figures
from app.ingest.figures.units import canonical
from app.models.vocabulary import Comparator, FigureKind

_SUITE = Path(__file__).resolve().parents[1] / "data" / "peer" / "recognizers-text"


def _peers() -> Path:
    """ARTICLE_FACTS_PEER_TESTS, else the copy kept with the tests."""
    if configured := os.environ.get("ARTICLE_FACTS_PEER_TESTS"):
        return Path(configured)
    return _SUITE


PEERS = _peers()
FAMILIES = {
    "currency": ("NumberWithUnit-English-CurrencyModel.json", {FigureKind.MONEY}),
    "dimension": ("NumberWithUnit-English-DimensionModel.json", {FigureKind.MEASURE}),
    "temperature": ("NumberWithUnit-English-TemperatureModel.json", {FigureKind.MEASURE}),
    "percent": ("Number-English-PercentModel.json", {FigureKind.PERCENT}),
    "number": ("Number-English-NumberModel.json", set(FigureKind)),
    "range": ("Number-English-NumberRangeModel.json", set(FigureKind)),
}
SPANISH_FAMILIES = {
    "currency": ("NumberWithUnit-Spanish-CurrencyModel.json", {FigureKind.MONEY}),
    "dimension": ("NumberWithUnit-Spanish-DimensionModel.json", {FigureKind.MEASURE}),
    "percent": ("Number-Spanish-PercentModel.json", {FigureKind.PERCENT}),
    "number": ("Number-Spanish-NumberModel.json", set(FigureKind)),
    "range": ("Number-Spanish-NumberRangeModel.json", set(FigureKind)),
}
_SPANISH_CURRENCIES = {
    "Dólar": "USD", "Dólar estadounidense": "USD", "Libra": "GBP", "Euro": "EUR", "Yen": "JPY",
    "Franco": "CHF", "Franco suizo": "CHF", "Dólar canadiense": "CAD", "Peso mexicano": "MXN",
    "Dólar de Hong Kong": "HKD", "Dólar australiano": "AUD", "Yuan chino": "CNY",
    "Dólar neozelandés": "NZD", "Marco finlandés": "FIM", "Peseta": "ESP",
    "Florín neerlandés": "NLG",
}  # fmt: skip
_SPANISH_UNITS = {
    "Milla": "mile", "Pie": "foot", "Galón": "gallon", "Tonelada métrica": "metric_ton",
    "Tonelada": "metric_ton", "Libra": "pound", "Kilómetro": "kilometer",
    "Barril": "oil_barrel", "Pulgada": "inch", "Metro cuadrado": "meter**2", "Metro": "meter",
    "Milímetro": "millimeter", "Mililitro": "milliliter", "Onza": "ounce", "Acre": "acre",
    "Pie cúbico": "foot**3", "Milla por hora": "mile/hour", "Kilómetro cuadrado": "kilometer**2",
    "Centímetro cúbico": "centimeter**3", "Degree": "degree",
}  # fmt: skip
_BARE_CURRENCIES = {"Dollar": "USD", "Pound": "GBP", "Euro": "EUR", "Yen": "JPY"}
_BARE_CURRENCIES |= {"Rupee": "INR", "Bitcoin": "XBT"}
# Hundredths: this service reports "50 cents" as 0.5 USD, where the suite says 50 "Cent".
_HUNDREDTHS = {"Cent": "USD", "Pence": "GBP", "Penny": "GBP", "Centavo": "USD"}
_HUNDREDTHS |= {"Penique": "GBP"}
_PEER_UNITS = {"Barrel": "oil_barrel", "Degree": "degree", "C": "degree_Celsius"}
_PEER_UNITS |= {"F": "degree_Fahrenheit", "Celsius": "degree_Celsius"}
_PEER_UNITS |= {"Fahrenheit": "degree_Fahrenheit"}

Quantity = tuple[float | None, float | None, str | None]  # low, high, unit


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, expected: list[Quantity], found: list[Quantity], same: Any) -> None:
        left = list(found)
        for quantity in expected:
            match = next((f for f in left if same(quantity, f)), None)
            if match is None:
                self.fn += 1
            else:
                left.remove(match)
                self.tp += 1
        self.fp += len(left)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def families(language: str = "en") -> dict[str, tuple[str, set[FigureKind]]]:
    return SPANISH_FAMILIES if language == "es" else FAMILIES


def available(language: str = "en") -> bool:
    return all((PEERS / name).is_file() for name, _ in families(language).values())


def cases(family: str, language: str = "en") -> Iterator[tuple[str, list[dict[str, Any]]]]:
    name, _ = families(language)[family]
    for case in json.loads((PEERS / name).read_text(encoding="utf-8-sig")):
        yield case["Input"], case.get("Results", [])


def _unit_code(resolution: dict[str, Any], family: str = "") -> str | None:
    if "isoCurrency" in resolution:
        return str(resolution["isoCurrency"])
    unit = str(resolution.get("unit", ""))
    if family == "currency" and unit in _SPANISH_CURRENCIES:
        return _SPANISH_CURRENCIES[unit]
    if unit in _SPANISH_UNITS:
        return canonical(_SPANISH_UNITS[unit])
    if unit in _BARE_CURRENCIES:
        return _BARE_CURRENCIES[unit]
    name = _PEER_UNITS.get(unit) or unit.lower().replace(" per ", "/").replace(" ", "_")
    try:
        return canonical(name)
    except Exception:  # a unit pint does not know is one this service cannot match either
        return f"?{unit}"


def expected(family: str, results: list[dict[str, Any]]) -> list[Quantity]:
    quantities: list[Quantity] = []
    for r in results:
        value = str(r["Resolution"].get("value", ""))
        if family == "range":
            m = re.fullmatch(r"[\[(](-?[\d.]*),(-?[\d.]*)[\])]", value)
            if m:
                low = float(m[1]) if m[1] else None
                high = float(m[2]) if m[2] else None
                quantities.append((low, high, None))
            continue
        try:
            number = float(value.rstrip("%").replace(",", "."))
        except ValueError:
            continue
        unit = "percent" if family == "percent" else _unit_code(r["Resolution"], family)
        if family == "currency" and (cents := _HUNDREDTHS.get(str(r["Resolution"].get("unit")))):
            number, unit = number / 100, cents
        quantities.append((number, None, None if family == "number" else unit))
    return quantities


def found(family: str, figures: list[FigureDraft], language: str = "en") -> list[Quantity]:
    kinds = families(language)[family][1]
    quantities: list[Quantity] = []
    for f in figures:
        if f.kind not in kinds or f.value is None:
            continue
        if family == "range":
            if f.value_max is not None:
                quantities.append((f.value, f.value_max, None))
            elif f.comparator in (Comparator.GT, Comparator.GTE):
                quantities.append((f.value, None, None))
            elif f.comparator in (Comparator.LT, Comparator.LTE):
                quantities.append((None, f.value, None))
            continue
        quantities.append((f.value, None, None if family == "number" else f.unit))
    return quantities


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def same_value(a: Quantity, b: Quantity) -> bool:
    return _close(a[0], b[0]) and _close(a[1], b[1])


def same_value_and_unit(a: Quantity, b: Quantity) -> bool:
    return same_value(a, b) and a[2] == b[2]


def score(family: str, language: str = "en") -> tuple[Tally, Tally]:
    """(value, value+unit) tallies of one family over all its cases."""
    value, unit = Tally(), Tally()
    for sentence, results in cases(family, language):
        want = expected(family, results)
        got = found(family, extract_figures(sentence, language=language), language)
        value.add(want, got, same_value)
        unit.add(want, got, same_value_and_unit)
    return value, unit


def score_reader(language: str = "es") -> Tally:
    """The number family scored on the number reader (every number the text writes, before
    the figure rules keep the quantities among them): what the suite's number model tests."""
    from app.ingest.figures.es.numbers import find_numbers

    tally = Tally()
    for sentence, results in cases("number", language):
        want = expected("number", results)
        got: list[Quantity] = [(float(v), None, None) for _, _, v in find_numbers(sentence)]
        tally.add(want, got, same_value)
    return tally
