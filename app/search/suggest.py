"""Did you mean: words with (almost) no matches replaced by the closest indexed words.

The candidates are the index's own vocabulary (its unstemmed words), so a suggestion is always
a word that a search would find; rapidfuzz ranks them by
edit similarity, and among equally close words the one in more rows wins.
"""

from __future__ import annotations

from collections.abc import Callable, Collection

from rapidfuzz import fuzz, process

from app.search.query import ParsedQuery, Term

# A word found in at most this many rows "has few matches" and may be a typo of a common word.
FEW_MATCHES = 1
# rapidfuzz's ratio (0-100, from the Indel distance): 75 lets one transposition or two edits
# through in a 6-letter word ("huwaei" -> "huawei" scores 83) but not unrelated short words.
MIN_SIMILARITY = 75.0
# Shorter words and numbers are too easy to "correct" into something else.
MIN_WORD_LENGTH = 3
CANDIDATES = 5


def closest(word: str, words: dict[str, int], *, more_than: int) -> str | None:
    """The most similar word that is in more rows than `more_than`, or None."""
    found = process.extract(
        word, list(words), scorer=fuzz.ratio, limit=CANDIDATES, score_cutoff=MIN_SIMILARITY
    )
    ranked = [
        (score, words[candidate], candidate)
        for candidate, score, _ in found
        if candidate != word and words[candidate] > more_than
    ]
    return max(ranked)[2] if ranked else None


def _checkable(term: Term) -> bool:
    if term.quoted or len(term.tokens) != 1:
        return False
    word = term.tokens[0]
    return len(word) >= MIN_WORD_LENGTH and not any(c.isdigit() for c in word)


def suggest(
    query: ParsedQuery,
    *,
    count: Callable[[Term], int],
    correct: Callable[[str, int], str | None],
    skip: Collection[int] = (),
) -> str | None:
    """The query with its few-match words corrected, or None when none needs it.

    `count` says how many rows a term matches; `correct(word, count)` gives the closest word in
    more rows (`closest` over the vocabulary), asked only for words with few matches. Terms at
    the positions in `skip` (prefixes already completed to indexed words) are left alone.
    """
    replacements: dict[int, str] = {}
    for index, term in enumerate(query.terms):
        if index in skip or not _checkable(term):
            continue
        matched = count(term)
        if matched > FEW_MATCHES:
            continue
        better = correct(term.tokens[0], matched)
        if better is not None:
            replacements[index] = better
    return query.render(replacements) if replacements else None
