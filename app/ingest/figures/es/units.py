"""Spanish units of measure, each to the unit the English table (`figures/units.py`) reports.

The codes are pint's, as in English: "1,17 millones de barriles por día" is 1170000 "oil_bbl/d",
"600.000 toneladas" 600000 "t", "325 kilómetros" "km", "190.000 metros cuadrados" "m**2".
A rate is "por día", "al día", "diarios", "al año", "anuales", "anualmente" ("toneladas
anuales" is "t/a"), after what is measured too ("metros cúbicos de gas anuales").
"veces" ("tres veces") is "times"; a bare "grados" is "deg", an angle or a temperature as the
text has it (as in English). "libras" are money (pounds sterling), never weight.
"""

from __future__ import annotations

import re
from decimal import Decimal

from app.ingest.figures.units import TIMES, canonical

_ROWS: tuple[tuple[str, str], ...] = (
    (r"kil[oó]metros?\s+cuadrados?|km2|km²", "kilometer**2"),
    (r"millas?\s+cuadradas?", "mile**2"),
    (r"metros?\s+cuadrados?|m2|m²", "meter**2"),
    (r"kil[oó]metros?\s+por\s+hora|km/h", "kilometer/hour"),
    (r"millas?\s+por\s+hora", "mile/hour"),
    (r"nudos?", "knot"),
    (r"kil[oó]metros?|km", "kilometer"),
    (r"cent[ií]metros?\s+c[uú]bicos?|cc|cm3", "centimeter**3"),
    (r"cent[ií]metros?|cm", "centimeter"),
    (r"mil[ií]metros?|mm", "millimeter"),
    (r"metros?\s+c[uú]bicos?|m3|m³", "meter**3"),
    (r"metros?", "meter"),
    (r"millas?\s+n[aá]uticas?", "nautical_mile"),
    (r"millas?", "mile"),
    (r"pies?\s+c[uú]bicos?", "foot**3"),
    (r"pies", "foot"),
    (r"pulgadas?", "inch"),
    (r"yardas?", "yard"),
    (r"hect[aá]reas?", "hectare"),
    (r"acres?", "acre"),
    (r"toneladas?(?:\s+m[eé]tricas?)?", "metric_ton"),
    (r"kilogramos?|kilos?|kg", "kilogram"),
    (r"miligramos?|mg", "milligram"),
    (r"gramos?", "gram"),
    (r"onzas?", "ounce"),
    (r"mililitros?|ml", "milliliter"),
    (r"litros?", "liter"),
    (r"galones|gal[oó]n", "gallon"),
    (r"barriles\s+(?:diarios|por\s+d[ií]a|al\s+d[ií]a)|bpd|b/d", "oil_barrel/day"),
    (r"barriles|barril", "oil_barrel"),
    (r"teravatios?[-\s]hora|(?-i:TWh)", "terawatt_hour"),
    (r"gigavatios?[-\s]hora|(?-i:GWh)", "gigawatt_hour"),
    (r"megavatios?[-\s]hora|(?-i:MWh)", "megawatt_hour"),
    (r"kilovatios?[-\s]hora|(?-i:kWh)", "kilowatt_hour"),
    (r"gigavatios?|(?-i:GW)", "gigawatt"),
    (r"megavatios?|(?-i:MW)", "megawatt"),
    (r"kilovatios?|(?-i:kW)", "kilowatt"),
    (r"vatios?", "watt"),
    (r"(?:grados?\s*|°\s?)(?:celsius|cent[ií]grados)|°\s?C", "degree_Celsius"),
    (r"(?:grados?\s*|°\s?)fahrenheit|°\s?F", "degree_Fahrenheit"),
    # A bare degree says no scale: an angle or a temperature, as the text has it (as in English).
    (r"grados?|°", "degree"),
    (r"radianes|radi[aá]n|rad", "radian"),
    (r"vueltas?", "turn"),
    (r"bits?", "bit"),
    (r"bytes?", "byte"),
)
_TIMES = r"veces"
UNIT = "|".join([*(p for p, _ in _ROWS), _TIMES])
"""Every Spanish unit as written: a regex source with no groups, to embed after a number."""
_RATE_WORDS = r"diari[oa]s|anuales|mensuales|semanales|diariamente|anualmente|mensualmente"
RATE = (
    r"\s+(?:por|al|a\s+la)\s+(?P<per>d[ií]a|a[nñ]o|mes|semana)\b"
    rf"|\s+(?P<adj>{_RATE_WORDS})\b"
)
RATE_AHEAD = rf"\s+(?:por|al|a\s+la)\s+(?:d[ií]a|a[nñ]o|mes|semana)\b|\s+(?:{_RATE_WORDS})\b"
"""`RATE` without its groups, to look ahead: "metros cúbicos de gas anuales"."""
_PER = {"dia": "day", "día": "day", "ano": "year", "año": "year", "mes": "month"}
_PER |= {"semana": "week", "diarios": "day", "diarias": "day", "anuales": "year"}
_PER |= {"mensuales": "month", "semanales": "week", "diariamente": "day", "anualmente": "year"}
_PER |= {"mensualmente": "month"}


def measure_unit(word: str, per: str | None) -> tuple[str, Decimal]:
    """The code for a Spanish unit as written, with its rate ("día", "anuales")."""
    if re.fullmatch(_TIMES, word, re.I):
        return TIMES, Decimal(1)
    unit = next(u for p, u in _ROWS if re.fullmatch(p, word, re.I))
    if per:
        unit = f"{unit}/{_PER[per.lower()]}"
    return canonical(unit), Decimal(1)
