"""Balancing bidi controls: stray closers dropped, open openers closed at the end."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.bidi import PDF, PDI, balance, balance_each

LRE, RLE, LRO, RLO = "\u202a", "\u202b", "\u202d", "\u202e"
LRI, RLI, FSI = "\u2066", "\u2067", "\u2068"
CONTROLS = (LRE, RLE, LRO, RLO, PDF, LRI, RLI, FSI, PDI)


@pytest.mark.parametrize(
    ("text", "balanced"),
    [
        ("plain text", "plain text"),
        (f"a {RLO}b{PDF} c", f"a {RLO}b{PDF} c"),  # balanced: unchanged
        (f"a {RLI}b{PDI} c", f"a {RLI}b{PDI} c"),
        (f"a {RLO}evil", f"a {RLO}evil{PDF}"),  # an open override is closed
        (f"a {FSI}name", f"a {FSI}name{PDI}"),  # an open isolate too
        (f"{RLI}x{RLE}y", f"{RLI}x{RLE}y{PDF}{PDI}"),  # innermost first
        (f"{LRE}{LRO}{LRI}{RLI}", f"{LRE}{LRO}{LRI}{RLI}{PDI}{PDI}{PDF}{PDF}"),
        (f"a{PDF}b{PDI}c", "abc"),  # stray closers are dropped
        # A PDF cannot close an embedding opened outside the isolate it is in (UAX #9 X7).
        (f"{RLE}a{LRI}b{PDF}c", f"{RLE}a{LRI}bc{PDI}{PDF}"),
        # A PDI closes the embeddings opened inside its isolate (X6a): nothing left open.
        (f"{LRI}a{RLO}b{PDI}c", f"{LRI}a{RLO}b{PDI}c"),
        (f"{PDI}{RLO}x{PDF}{PDF}", f"{RLO}x{PDF}"),
    ],
)
def test_balance(text: str, balanced: str) -> None:
    assert balance(text) == balanced


def test_text_without_controls_is_returned_as_it_is() -> None:
    text = "Russia and China in Latin America"
    assert balance(text) is text


def _is_balanced(text: str) -> bool:
    """Every closer closes something and nothing is left open (the rules of UAX #9 X1-X8)."""
    stack: list[str] = []
    for char in text:
        if char in (LRE, RLE, LRO, RLO):
            stack.append(PDF)
        elif char in (LRI, RLI, FSI):
            stack.append(PDI)
        elif char == PDF:
            if not stack or stack[-1] != PDF:
                return False
            stack.pop()
        elif char == PDI:
            if PDI not in stack:
                return False
            while stack.pop() != PDI:
                pass
    return not stack


def _without_controls(text: str) -> str:
    return "".join(c for c in text if c not in CONTROLS)


@given(st.text(alphabet=st.sampled_from([*CONTROLS, "a", "ب", " "]), max_size=40))
def test_any_text_comes_out_balanced_with_its_other_characters_kept(text: str) -> None:
    balanced = balance(text)
    assert _is_balanced(balanced)
    if _is_balanced(text):
        assert balanced == text
    assert _without_controls(balanced) == _without_controls(text)
    assert balance(balanced) == balanced


@given(st.lists(st.text(alphabet=st.sampled_from([*CONTROLS, "a", "é", " "]), max_size=8)))
def test_a_column_is_balanced_as_each_of_its_texts(texts: list[str]) -> None:
    assert list(balance_each(texts)) == [balance(text) for text in texts]


def test_a_column_without_controls_is_returned_as_it_is() -> None:
    titles = ["A legacy of the Chávez years", "Oil, loans and arms"]
    assert balance_each(titles) is titles
