"""Patterns written for speed find exactly what their plain forms find."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from textcore import people, referents

_PIECES = ["O'", "Mc", "Donald", "J.", "Smith", "de", "a", " ", "\n", "'", "’", "-", "x", "Ab"]
_PIECES += ["AB", "É", "van", "John", "1", ",", "ſ", "Mr"]
_TEXTS = st.lists(st.sampled_from(_PIECES) | st.text(max_size=2), max_size=10).map("".join)


@settings(max_examples=400, deadline=None)
@given(_TEXTS)
def test_full_names_are_found_as_by_the_plain_pattern(text):
    word = people._NAME_WORD
    plain = re.compile(rf"\b{word}(?:\s+(?:[A-Z]\.\s+)?{word}){{1,2}}\b")
    found = [m.span() for m in people._FULL_NAME_RE.finditer(text)]
    assert found == [m.span() for m in plain.finditer(text)]


@settings(max_examples=400, deadline=None)
@given(_TEXTS)
def test_capitalised_words_are_found_as_by_the_plain_pattern(text):
    plain = re.compile(r"(?<=\s)[A-Z][\w'’.&-]*")
    assert referents._CAPITALISED_RE.findall(text) == plain.findall(text)
