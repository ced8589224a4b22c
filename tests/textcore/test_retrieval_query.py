"""Cleaning a pasted claim into a search query (textcore.retrieval.query)."""

from hypothesis import given
from hypothesis import strategies as st

from textcore.retrieval.index import LibraryIndex
from textcore.retrieval.query import (
    MAX_QUERY_CHARS,
    clean_query,
    index_terms,
    query_terms,
    split_camel_case,
    split_glued_word,
    without_credit_line,
)


def _library_share(*texts: str):
    """The `share` of a library of these passages (no titles)."""
    index = LibraryIndex([index_terms(t) for t in texts], [[] for _ in texts])
    return index.share


def test_links_are_removed_even_when_glued_to_a_word():
    text = "Floods in the valley https://t.co/Ab12 #Valleypic.twitter.com/xYz9 www.example.org/a"
    assert clean_query(text) == "Floods in the valley Valley"


def test_hashtags_and_handles_keep_their_words_split_at_case_changes():
    assert clean_query("#ClimateChange hits @CityCouncil") == "Climate Change hits City Council"


def test_a_lower_case_hashtag_is_split_into_the_library_words():
    share = _library_share("Poison found in water bottles", "Tampered food", "Bottles of water")
    assert clean_query("Beware #tamperedwater", share=share) == "Beware tampered water"


def test_a_glued_hashtag_may_hold_stop_words():
    share = _library_share("Drain the swamp, he said", "A swamp in Florida")
    assert clean_query("#draintheswamp", share=share) == "drain the swamp"


def test_a_word_the_library_knows_is_not_split():
    share = _library_share("A shameful decision", "Shame on the team", "Full of joy")
    assert split_glued_word("shameful", share) == "shameful"


def test_a_word_that_cannot_be_split_into_known_words_is_kept():
    share = _library_share("Water bottles")
    assert split_glued_word("waterbottlesxq", share) == "waterbottlesxq"


def test_handles_and_mixed_case_tags_are_not_segmented():
    share = _library_share("Chris Hayes said so", "Water bottles")
    assert clean_query("@waterbottles #WaterBottles", share=share) == "waterbottles Water Bottles"


def test_camel_case_split_keeps_acronyms_and_numbers_apart():
    assert split_camel_case("NYCMayor") == "NYC Mayor"
    assert split_camel_case("COVID19") == "COVID 19"


def test_retweet_marker_and_emoji_are_dropped():
    assert clean_query("RT @newsdesk: \U0001f525 Bridge closed \u2705") == "Bridge closed"


def test_html_entities_are_decoded():
    assert clean_query("Bread &amp; butter") == "Bread & butter"


def test_numbers_keep_one_form_whatever_their_separators():
    assert index_terms("1,000 tonnes") == index_terms("1000 tonnes")


def test_query_and_library_text_share_stems():
    assert query_terms("#FloodedHarbours") == index_terms("flooded harbour")


def test_noise_only_text_has_no_query_terms():
    for text in ("https://example.com/story", "\U0001f600\U0001f389", "the", "RT @someone:"):
        assert query_terms(text) == []


def test_the_credit_line_of_an_embedded_post_is_not_part_of_the_claim():
    post = "The ferry to the islands was cancelled again.\u2014 Jo Marsh (@jomarsh) May 4, 2019"
    assert without_credit_line(clean_query(post)) == "The ferry to the islands was cancelled again."
    no_dash = clean_query("Ferry cancelled again! Jo Marsh (@jomarsh) June 14, 2019")
    assert without_credit_line(no_dash) == "Ferry cancelled again! Jo Marsh"


def test_a_claim_without_a_credit_line_is_kept_whole():
    claim = "Ferry fares rose 5% (the council said) in May 2019"
    assert without_credit_line(claim) == claim


def test_a_long_text_is_cut_to_the_query_limit():
    assert len(clean_query("word " * 5000)) <= MAX_QUERY_CHARS


@given(st.text(max_size=300))
def test_cleaning_is_deterministic_and_idempotent(text):
    once = clean_query(text)
    assert clean_query(text) == once
    assert clean_query(once) == once
