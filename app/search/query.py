"""Reading what a person typed into terms.

The query language is deliberately small: words, and "quoted phrases". Nothing a user types is
syntax: AND, OR, NOT, NEAR, `column:`, `*`, `^`, `-`, `+` and parentheses are ordinary text
here, split into words like any other punctuation. The engine builds its queries from these
terms as objects (app/search/engine/queries.py), never by parsing text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from app.core.folding import fold

MAX_QUERY_LENGTH = 200


@lru_cache(maxsize=4096)
def _is_token_char(char: str) -> bool:
    # Letters, numbers, private use and marks: a word. Each is then written through the index's
    # analyzer (schema.STEMMER), which splits it further exactly as it split the text.
    category = unicodedata.category(char)
    return category[0] in "LNM" or category == "Co"


# In ASCII the token characters are the letters and digits (categories L and N), nothing else.
_ASCII_TOKEN = re.compile(r"[A-Za-z0-9]+")


def tokens(text: str) -> tuple[str, ...]:
    """'u.s.-centered' -> ('u', 's', 'centered'): the runs of token characters."""
    if text.isascii():
        return tuple(_ASCII_TOKEN.findall(text))
    found: list[str] = []
    current: list[str] = []
    for char in text:
        if _is_token_char(char):
            current.append(char)
        elif current:
            found.append("".join(current))
            current = []
    if current:
        found.append("".join(current))
    return tuple(found)


@dataclass(frozen=True)
class Term:
    """A word or a quoted phrase, folded, split into the tokens the index holds."""

    tokens: tuple[str, ...]
    source: str  # as typed (folded): how a suggestion writes the term back
    quoted: bool = False
    prefix: bool = False  # the word being typed: matches every word it starts

    def render(self, replacement: str | None = None) -> str:
        text = replacement if replacement is not None else self.source
        return f'"{text}"' if self.quoted else text


@dataclass(frozen=True)
class ParsedQuery:
    terms: tuple[Term, ...]

    def __bool__(self) -> bool:
        return bool(self.terms)

    def render(self, replacements: dict[int, str]) -> str:
        """The query written back, with the terms at the given positions replaced."""
        return " ".join(term.render(replacements.get(i)) for i, term in enumerate(self.terms))


# A query needs one character that is not white space (Unicode's White_Space, spelt out so that
# Python, pydantic's Rust regex and JSON Schema readers all agree) nor NUL. Validation and the
# OpenAPI document both use this pattern: text with no words (emoji, punctuation) is a query
# that finds nothing, blank text is a 422.
NOT_BLANK = r"[^\u0000\t-\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"
_NOT_BLANK = re.compile(NOT_BLANK)
# The same white space as a string, for `str.strip`: Python's own strip() also takes the
# information separators U+001C-U+001F, which the pattern (rightly) does not.
WHITE_SPACE = "\t\n\x0b\x0c\r \x85\xa0\u1680" + "".join(map(chr, range(0x2000, 0x200B)))
WHITE_SPACE += "\u2028\u2029\u202f\u205f\u3000"


def is_blank(text: str) -> bool:
    """Nothing but white space and NUL: not a query (a 422), unlike text with no words."""
    return _NOT_BLANK.search(text) is None


def parse(text: str) -> ParsedQuery:
    """Words and "phrases"; the last one matches as a prefix while it is still being typed.

    Folding first makes curly quotes delimit phrases like straight ones, and makes the terms
    case-, accent- and dash-insensitive. A word made of several tokens ('u.s.', '4-g',
    "venezuela's") is a phrase of those tokens, as the index holds them. An unclosed quote runs
    to the end. A word with no token characters (emoji, punctuation) is dropped.
    """
    text = text.replace("\x00", "")
    # ASCII has no accents, compatibility forms or typographic quotes: folding is lower-casing.
    folded = text.lower() if text.isascii() else fold(text)
    terms: list[Term] = []
    for index, part in enumerate(folded.split('"')):
        if index % 2:
            words = tokens(part)
            if words:
                terms.append(Term(words, source=" ".join(words), quoted=True))
            continue
        for word in part.split():
            words = tokens(word)
            if words:
                terms.append(Term(words, source=word))
    # Still typing: the text ends inside a word (not after a space or a closing quote).
    if terms and folded and _is_token_char(folded[-1]):
        last = terms[-1]
        terms[-1] = Term(last.tokens, last.source, quoted=last.quoted, prefix=True)
    return ParsedQuery(tuple(dict.fromkeys(terms)))
