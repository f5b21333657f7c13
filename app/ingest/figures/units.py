"""Units of measure: one table of the ways articles write a unit, one canonical code each.

Each row is a pattern for what the text says, the unit in pint's own terms, and a factor for
units pint has no name for ("bcm" is 10^9 cubic metres). The code a figure reports is pint's
compact abbreviation of that unit (`format(unit, "~C")`): "km", "mi", "km**2", "m**3", "l",
"t", "kg", "oil_bbl", "oil_bbl/d", "MW", "TWh", "km/h", "mi/h", "°C", "deg", "GB", "Mbit/s"; so
any client can hand the code back to pint to convert. The value stays in the unit the article
used (5 miles is 5 "mi", not 8.05 "km"), except for the units stated through a factor ("150
bcm" is 150e9 "m**3", "195 Tcf" 195e12 "ft**3").

pint is used at ingest only, to turn each row's unit into its code: the registry is built the
first time a measure is read (about 0.1 s) and cached; serving the API never imports it.

"times" and "-fold" ("three times", "a fivefold rise") are no unit pint models: their code is
"times". A count keeps its noun in `measure`, never in `unit` ("500 soldiers": unit null,
measure "soldiers").

A length in feet and inches is one length in feet: "6 feet 4 inches" is 6.333... "ft".
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from functools import cache
from typing import Any

from app.ingest.drafts import FigureDraft

# (pattern, pint unit, factor); most specific first: the first row that fully matches wins.
# Patterns are case-insensitive unless wrapped in (?-i:...), as abbreviations that are also
# other words or other units are ("MW" megawatt, "mW" would be milliwatt; "MB" megabyte).
_ROWS: tuple[tuple[str, str, int], ...] = (
    (r"square\s+kilomet(?:re|er)s?|sq\.?\s?km|km2|km²", "kilometer**2", 1),
    (r"square\s+miles?|sq\.?\s?mi", "mile**2", 1),
    (r"square\s+met(?:re|er)s?|sq\.?\s?m|m2|m²", "meter**2", 1),
    (r"square\s+(?:feet|foot)|sq\.?\s?ft", "foot**2", 1),
    (r"kilomet(?:re|er)s?\s+(?:per|an?)\s+hour|km/hr?|kph|kmph|kmh", "kilometer/hour", 1),
    (r"miles?\s+(?:per|an?)\s+hour|mph", "mile/hour", 1),
    (r"met(?:re|er)s?\s+per\s+second|m/s", "meter/second", 1),
    (r"knots?", "knot", 1),
    (r"kilomet(?:re|er)s?|km", "kilometer", 1),
    (r"centimet(?:re|er)s?|cm", "centimeter", 1),
    (r"millimet(?:re|er)s?|mm", "millimeter", 1),
    (r"nanomet(?:re|er)s?|nm", "nanometer", 1),
    (r"nautical\s+miles?|nmi", "nautical_mile", 1),
    (r"miles?", "mile", 1),
    (r"bcm|billion\s+cubic\s+met(?:re|er)s?", "meter**3", 10**9),
    (r"mcm|million\s+cubic\s+met(?:re|er)s?", "meter**3", 10**6),
    (r"tcf|trillion\s+cubic\s+(?:feet|foot)", "foot**3", 10**12),
    (r"bcf|billion\s+cubic\s+(?:feet|foot)", "foot**3", 10**9),
    (r"cubic\s+met(?:re|er)s?|m3|m³", "meter**3", 1),
    (r"cubic\s+(?:feet|foot)|cu\.?\s?ft", "foot**3", 1),
    (r"met(?:re|er)s?", "meter", 1),
    (r"feet|foot|ft", "foot", 1),
    (r"inch(?:es)?", "inch", 1),
    (r"yards?", "yard", 1),
    (r"hectares?|ha", "hectare", 1),
    (r"acres?", "acre", 1),
    (r"metric\s+tons?|tonnes?", "metric_ton", 1),
    (r"tons?", "ton", 1),
    (r"kilograms?|kilos?|kg", "kilogram", 1),
    (r"micrograms?|microgrammes?|µg|μg", "microgram", 1),
    (r"milligrams?|milligrammes?|mg", "milligram", 1),
    (r"grams?|grammes?", "gram", 1),  # never a bare "g": "4G" is a network
    (r"lbs?", "pound", 1),
    (r"ounces?|oz", "ounce", 1),
    (r"millilit(?:re|er)s?|ml", "milliliter", 1),
    (r"lit(?:re|er)s?", "liter", 1),
    (r"gallons?|gal", "gallon", 1),
    (r"bpd|b/d|barrels?\s+(?:per|an?)\s+day", "oil_barrel/day", 1),
    (r"barrels?|bbl", "oil_barrel", 1),
    (r"terawatt[-\s]hours?|(?-i:TWh)", "terawatt_hour", 1),
    (r"gigawatt[-\s]hours?|(?-i:GWh)", "gigawatt_hour", 1),
    (r"megawatt[-\s]hours?|(?-i:MWh)", "megawatt_hour", 1),
    (r"kilowatt[-\s]hours?|(?-i:kWh)", "kilowatt_hour", 1),
    (r"gigawatts?|(?-i:GW)", "gigawatt", 1),
    (r"megawatts?|(?-i:MW)", "megawatt", 1),
    (r"kilowatts?|(?-i:kW)", "kilowatt", 1),
    (r"watts?", "watt", 1),
    (r"horsepower|(?-i:hp)", "horsepower", 1),
    (r"kilojoules?|(?-i:kJ)", "kilojoule", 1),
    (r"joules?", "joule", 1),
    (r"kilocalories?|kcal", "kilocalorie", 1),
    (r"calories?", "calorie", 1),
    (r"btus?|british\s+thermal\s+units?", "BTU", 1),
    (
        r"(?:(?:degrees?|deg|°)\s*)?(?:celsius|celcius|centigrade)|°\s?c|(?:degrees?|deg)\s+c",
        "degree_Celsius",
        1,
    ),
    (
        r"(?:(?:degrees?|deg|°)\s*)?(?:fahrenheit|farenheit)|°\s?f|(?:degrees?|deg)\s+f",
        "degree_Fahrenheit",
        1,
    ),
    (r"kelvins?", "kelvin", 1),
    # A bare degree says no scale: an angle or a temperature, as the text has it.
    (r"degrees?|deg|°", "degree", 1),
    (r"terabytes?|(?-i:TB)", "terabyte", 1),
    (r"gigabytes?|(?-i:GB)", "gigabyte", 1),
    (r"megabytes?|(?-i:MB)", "megabyte", 1),
    (r"kilobytes?|(?-i:KB|kB)", "kilobyte", 1),
    (r"gigabits?\s+per\s+second|(?-i:Gbps|Gb/s)", "gigabit/second", 1),
    (r"megabits?\s+per\s+second|(?-i:Mbps|Mb/s)", "megabit/second", 1),
)
TIMES = "times"
_TIMES_PATTERN = r"times|-?fold"

# No bare "C" or "F" after a number: "45C" reads well, but so do "Form 13F" and "Boeing 777F".
UNIT = "|".join([*(p for p, _, _ in _ROWS), _TIMES_PATTERN])
"""Every unit as the text writes it: a regex source with no groups, to embed after a number."""

_RATE_UNITS = {"daily": "day", "annually": "year", "annum": "year"}


@cache
def _registry() -> Any:  # pint has no stubs mypy --strict accepts: the registry stays opaque.
    import pint  # at ingest only, and only once a measure is read

    return pint.UnitRegistry()


@cache
def canonical(unit: str) -> str:
    """pint's compact code for a unit in pint's terms: "kilometer**2" -> "km**2"."""
    return format(_registry().Unit(unit), "~C")


def measure_unit(word: str, rate: str | None) -> tuple[str, Decimal]:
    """The code and factor for a unit as written, with its rate ("a day", "per year")."""
    if re.fullmatch(_TIMES_PATTERN, word, re.I):
        return TIMES, Decimal(1)
    unit, factor = next((u, f) for p, u, f in _ROWS if re.fullmatch(p, word, re.I))
    if rate:
        per = re.search(r"[a-z]+$", rate.lower())
        assert per is not None
        unit = f"{unit}/{_RATE_UNITS.get(per[0], per[0])}"
    return canonical(unit), Decimal(factor)


# "6 feet 4 inches", "5ft 11in", "5 feet and 2 inches": the inches after a height in feet.
_INCHES = re.compile(
    r"\s*(?:and\s+)?(?P<inches>1[01]|\d)(?:\.\d+)?\s*(?:inch(?:es)?\b|in\b\.?|\"|″)(?!\s*\d)",
    re.I,
)
_INCH_VALUE = re.compile(r"(?:1[01]|\d)(?:\.\d+)?")


def join_inches(text: str, figures: list[FigureDraft]) -> list[FigureDraft]:
    """A length in feet and the inches after it are one length in feet: "6 feet 4 inches" is
    6.333... ft; the inches found alone are dropped into it."""
    joined: list[FigureDraft] = []
    covered = -1
    for f in figures:
        if f.start < covered:
            continue
        after = _INCHES.match(text, f.end) if f.unit == "ft" and f.value_max is None else None
        if (
            after is not None
            and f.value is not None
            and not re.match(r"\w", text[f.end : f.end + 1])
        ):
            written = _INCH_VALUE.search(after.group())
            assert written is not None
            value = Decimal(repr(f.value)) + Decimal(written.group()) / 12
            f = replace(f, end=after.end(), quote=text[f.start : after.end()], value=float(value))
            covered = after.end()
        joined.append(f)
    return joined
