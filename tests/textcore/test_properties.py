"""Property-based tests: extraction never raises, spans are valid, output is deterministic."""

from hypothesis import given, settings
from hypothesis import strategies as st

from textcore.extraction import extract_claims
from textcore.quantities import parse_quantities
from textcore.segment import segment

# Text built from pieces that trigger the rules (numbers, titles, quotes, dashes) plus noise.
_PIECES = st.sampled_from(
    [
        "China",
        "Mr.",
        "U.S.",
        "the head of",
        "Treasury Secretary",
        "Anna Lee",
        ", ",
        ". ",
        " and ",
        " - ",
        " – ",
        "“",
        "”",
        "'",
        '"',
        "(",
        ")",
        "$5bn",
        "£3m",
        "40%",
        "more than",
        "between 3 and",
        "5 million tonnes",
        "ninety-minute",
        "2004",
        "which is",
        "rose",
        "\n",
        "\n\n",
        "Publicidad",
        "?",
        ";",
        "…",
        "about 50 pounds of",
        "12",
        "F-35",
        " ",
        # the structural rules: speakers, ages, titles, reasons, pronouns
        "Mr Lee",
        "Ms Ortiz",
        "said",
        ", she said",
        "according to",
        ", 47,",
        "which analysts claim",
        " as ",
        "Its",
        "He",
        "also",
        "between",
        "accounting for",
        "journalist",
        "The ministry's spokeswoman,",
        "in Paris",
    ]
)
_TEXT = st.one_of(
    st.text(max_size=300),
    st.lists(_PIECES, max_size=60).map("".join),
    st.lists(st.one_of(_PIECES, st.text(max_size=5)), max_size=40).map(" ".join),
)


@settings(max_examples=150, deadline=None)
@given(_TEXT)
def test_extraction_never_raises_and_spans_lie_inside_the_text(text):
    for claim in extract_claims(text):
        assert (
            0 <= claim.sentence_start <= claim.start < claim.end <= claim.sentence_end <= len(text)
        )
        assert text[claim.start : claim.end].strip()
        assert text[claim.sentence_start : claim.sentence_end] == claim.sentence
        assert 0.0 <= claim.checkworthiness <= 1.0
        for quantity in claim.quantities:
            assert text[quantity.start : quantity.end] == quantity.text


@settings(max_examples=100, deadline=None)
@given(_TEXT)
def test_same_text_gives_same_claims(text):
    assert extract_claims(text) == extract_claims(text)


@settings(max_examples=100, deadline=None)
@given(_TEXT)
def test_sentences_point_into_the_text(text):
    for sentence in segment(text):
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.text.strip()


@settings(max_examples=100, deadline=None)
@given(_TEXT, st.integers(min_value=0, max_value=1000))
def test_quantity_offsets_point_at_their_text(text, offset):
    for quantity in parse_quantities(text, offset=offset):
        assert text[quantity.start - offset : quantity.end - offset] == quantity.text


def test_binary_junk_and_huge_text_do_not_raise():
    junk = bytes(range(256)).decode("latin-1") * 20
    assert isinstance(extract_claims(junk), list)
    huge = ("Exports rose 5% to $3bn in 2004, and imports fell. " * 2000) + "x" * 50_000
    assert extract_claims(huge)
