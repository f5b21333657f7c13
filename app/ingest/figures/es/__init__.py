"""Quantities in Spanish text: the English package's families, with Spanish rules.

- `words`: numbers in words ("diecisiete mil", "tres billones", "dos tercios");
- `numbers`: digits as Spanish writes them ("17.000", "1,17") and scale words;
- `money`: Spanish currency names (CLDR through Babel) and symbols;
- `units`: Spanish units of measure, to the English table's codes;
- `dates`: dates, periods and parts of a year;
- `amounts`: the pattern for everything built on a number, and fractions;
- `ranges`, `comparators`, `negatives`, `periods`, `phrases`: as their English namesakes;
- `engine`: `extract_figures` for Spanish, which `figures.extract_figures(..., "es")` calls.
"""
