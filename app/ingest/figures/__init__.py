"""Quantities in article text, found by rule: money, percents, years, dates, periods, counts,
measures, with their ranges, comparators, changes and periods.

One module per family, each with the choices it makes in its docstring:
- `numbers`: digits, number words, scale words and fractions, parsed to exact decimals;
- `money`: every ISO 4217 currency with its symbols, prefixes and names;
- `units`: units of measure, one canonical code each (pint);
- `dates`: dates, periods and decades;
- `amounts`: the one pattern for everything built on a number, and fractions;
- `ranges`: two ends of a range joined into one figure;
- `comparators`: comparator words and verbs, and the direction of a change;
- `negatives`: numbers that are no quantity (names, identifiers, times, scores, headings);
- `periods`: the period an amount covers, from its own clause;
- `engine`: `extract_figures`, which runs them all over one span.
"""

from app.ingest.figures.engine import extract_figures

__all__ = ["extract_figures"]
