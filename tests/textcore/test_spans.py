"""Spans follow their words through an edit of the text."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from textcore.spans import shift_span

OLD = "The mayor opened the bridge. It cost 12 million euros. Traffic rose by a third."


def span(text, words):
    start = text.index(words)
    return start, start + len(words)


def test_a_span_before_the_edit_stays():
    new = OLD.replace("a third", "a half")
    assert shift_span(OLD, new, *span(OLD, "The mayor opened the bridge.")) == span(
        new, "The mayor opened the bridge."
    )


def test_a_span_after_the_edit_moves_with_it():
    new = OLD.replace("The mayor", "On Monday the city's mayor")
    moved = shift_span(OLD, new, *span(OLD, "It cost 12 million euros."))
    assert new[slice(*moved)] == "It cost 12 million euros."


def test_a_span_the_edit_touches_is_found_by_its_words():
    new = "Correction added. " + OLD.replace("Traffic rose", "Cycling rose")
    moved = shift_span(OLD, new, *span(OLD, "It cost 12 million euros."))
    assert new[slice(*moved)] == "It cost 12 million euros."


def test_a_span_whose_words_changed_is_gone():
    new = OLD.replace("12 million", "15 million")
    assert shift_span(OLD, new, *span(OLD, "It cost 12 million euros.")) is None


def test_the_nearest_occurrence_is_chosen():
    old = "Prices rose. Wages fell. Prices rose."
    new = "Prices rose again. Wages fell. Prices rose."
    start = old.rindex("Prices rose.")
    moved = shift_span(old, new, start, start + len("Prices rose."))
    assert moved == (new.rindex("Prices rose."), len(new))


def test_a_span_outside_the_text_is_refused():
    with pytest.raises(ValueError, match="outside"):
        shift_span("short", "short text", 2, 40)


@given(st.text(max_size=60), st.text(max_size=20), st.text(max_size=60), st.data())
def test_a_shifted_span_always_holds_the_same_words(before, inserted, after, data):
    old = before + after
    new = before + inserted + after
    start = data.draw(st.integers(0, len(old)))
    end = data.draw(st.integers(start, len(old)))
    moved = shift_span(old, new, start, end)
    if moved is not None:
        assert new[moved[0] : moved[1]] == old[start:end]
    elif start < end:
        assert old[start:end] not in new
