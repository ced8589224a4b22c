"""Sentence segmentation keeps exact offsets and survives abbreviations and quotes."""

from textcore.segment import segment


def texts(text: str) -> list[str]:
    return [s.text for s in segment(text)]


def test_offsets_match_the_text():
    text = "First one here. Second one there.\n\nThird."
    assert texts(text) == ["First one here.", "Second one there.", "Third."]
    for sentence in segment(text):
        assert text[sentence.start : sentence.end] == sentence.text


def test_us_inside_a_sentence_does_not_split():
    assert texts("The U.S. Treasury sold bonds. Yields fell.") == [
        "The U.S. Treasury sold bonds.",
        "Yields fell.",
    ]


def test_us_at_the_end_of_a_sentence_splits_before_an_opener():
    assert texts("Steel came from the U.S. The rest came from Japan.") == [
        "Steel came from the U.S.",
        "The rest came from Japan.",
    ]


def test_titles_do_not_end_sentences():
    assert texts("Mr. Lee met Dr. Park at Acme Inc. in Seoul.") == [
        "Mr. Lee met Dr. Park at Acme Inc. in Seoul."
    ]


def test_number_abbreviation():
    assert len(segment("The song reached No. 5 last week.")) == 1


def test_initials_do_not_end_sentences():
    assert texts("J. R. Smith wrote it. She agreed.") == ["J. R. Smith wrote it.", "She agreed."]


def test_closing_quotes_stay_with_their_sentence():
    assert texts("He said: “Rates will rise.” Markets fell.") == [
        "He said: “Rates will rise.”",
        "Markets fell.",
    ]


def test_straight_quotes_start_a_new_sentence():
    assert texts('Prices rose. "It was expected," she said.') == [
        "Prices rose.",
        '"It was expected," she said.',
    ]


def test_headline_without_full_stop_is_a_sentence():
    assert texts("Factory Output Hits Record\n\nOutput rose in May.") == [
        "Factory Output Hits Record",
        "Output rose in May.",
    ]


def test_list_items_are_sentences_without_their_markers():
    assert texts("Key points:\n- Prices rose\n- Wages fell\n1. Rents doubled") == [
        "Key points:",
        "Prices rose",
        "Wages fell",
        "Rents doubled",
    ]


def test_decimal_numbers_do_not_split():
    assert len(segment("Growth was 3.5 percent in May.")) == 1


def test_empty_text_has_no_sentences():
    assert segment("") == []
    assert segment("  \n\n ") == []
