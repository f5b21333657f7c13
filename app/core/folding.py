"""Case- and accent-folding, the same on the index side and the query side."""

from __future__ import annotations

import unicodedata

# Typographic punctuation a plain keyboard cannot type, mapped to what it can.
_TYPOGRAPHY = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u00a0": " ",
    }
)


def fold(text: str) -> str:
    """'Chávez’s' -> "chavez's": lower case, no accents, plain quotes and dashes."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_TYPOGRAPHY))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return stripped.casefold()
