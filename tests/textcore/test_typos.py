"""Typo-tolerant word lookup (pure)."""

from hypothesis import given
from hypothesis import strategies as st

from textcore.typos import allowed_edits, near_words, search_terms, words


def test_one_typo_finds_the_word():
    assert near_words("samarum", ["samarium", "magnets", "military"]) == ["samarium", "samarum"]


def test_two_typos_in_a_short_word_find_nothing():
    assert near_words("smarum", ["samarium"]) == ["smarum"]


def test_short_terms_are_matched_exactly():
    assert near_words("car", ["cat", "bar", "car"]) == ["car"]


def test_long_terms_tolerate_two_typos():
    assert "neodymium" in near_words("neodimyum", ["neodymium"])


def test_search_terms_drop_stop_words_and_repeats():
    assert search_terms("The price of THE samarium, the price!") == ["price", "samarium"]


def test_words_keep_digits_and_split_on_punctuation():
    assert words("Samarium-cobalt: 23 kg") == ["samarium", "cobalt", "23", "kg"]


@given(st.text(alphabet="abcdefghij", min_size=1, max_size=12))
def test_a_term_is_always_near_itself(term):
    assert term in near_words(term, [])
    assert allowed_edits(term) <= 2
