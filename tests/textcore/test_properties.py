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
        # adjuncts, lists, appositives and examples
        "after paying",
        ", with 40 tickets sold",
        ", 10 million of which were",
        ", compared with 5,000",
        ", less than 1% up on",
        "to 49% from 40%",
        " such as ",
        ", including a",
        "Chinese computer firm",
        "'s 4,000 members",
        " where ",
        " when ",
        ", as is ",
        ", making them",
        "heavy types",
        "Camberley, Surrey,",
        " and ",
        ", the world's largest,",
        "despite the group opening",
        # pointing phrases and nouns of action
        "These talks",
        "this call",
        "these parts",
        "those",
        "both nations",
        "Canada and Mexico",
        "They",
        ", saying they",
        "used in making",
        ", with a reported consumption of",
        "by Acme",
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


# --------------------------------------------------------------------- numeric comparison

# Written quantities of every kind the parser reads: scales, currencies, units, fractions,
# number words, hedges, ranges, rates and multipliers.
_UNIT_FORMS = st.sampled_from(
    ["%", " percent", " percentage points", "bn", " million", " tonnes", " kg", " pounds",
     " km", " miles", " MW", " GWh", " hours", " days", " years", " staff", " firms",
     " barrels a day", "p", ""]
)  # fmt: skip
_PREFIXES = st.sampled_from(["", "$", "£", "€", "US$"])
_HEDGES = st.sampled_from(["", "about ", "nearly ", "more than ", "at least ", "up to "])
_WORDS = st.sampled_from(
    ["a quarter", "two-thirds", "one in five", "half a million", "doubled", "fourfold",
     "a decade", "a dozen", "between 3 and 5 days", "from 785 to 708", "13 of 20"]
)  # fmt: skip
_NUMBERS = st.one_of(
    st.integers(min_value=0, max_value=10**12).map(str),
    st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False).map(str),
    st.integers(min_value=1000, max_value=10**9).map("{:,}".format),
)
_QUANTITY = st.one_of(
    st.builds(lambda h, p, n, u: f"{h}{p}{n}{u}", _HEDGES, _PREFIXES, _NUMBERS, _UNIT_FORMS),
    _WORDS,
)
_EXACT = st.builds(lambda p, n, u: f"{p}{n}{u}", _PREFIXES, _NUMBERS, _UNIT_FORMS)


def _sentence(quantity: str) -> str:
    return f"Velby's exports rose {quantity} in 2024."


@settings(max_examples=200, deadline=None)
@given(_QUANTITY, _QUANTITY)
def test_comparing_any_two_parsed_quantities_never_raises(a, b):
    from textcore.alignment import compare_texts

    result = compare_texts(_sentence(a), _sentence(b))
    assert result.numeric in ("agrees", "conflicts", "none")
    assert result.reason
    for pair in result.to_dict()["pairs"]:
        assert pair["relation"] in ("agrees", "conflicts")


@settings(max_examples=200, deadline=None)
@given(_EXACT, _EXACT)
def test_agreement_of_two_exact_quantities_does_not_depend_on_which_is_the_claim(a, b):
    from textcore.alignment import compare_texts

    one = compare_texts(_sentence(a), _sentence(b)).numeric
    other = compare_texts(_sentence(b), _sentence(a)).numeric
    assert (one == "agrees") == (other == "agrees")


@settings(max_examples=100, deadline=None)
@given(_QUANTITY, _QUANTITY)
def test_the_matcher_answers_with_the_same_comparison(a, b):
    from textcore.alignment import compare_texts
    from textcore.matching import PassageText, score_candidates

    claim, passage = _sentence(a), _sentence(b)
    [match] = score_candidates(claim, [], [PassageText(1, passage)])
    expected = compare_texts(claim, passage)
    if "ignored" in match.detail["numeric"]:
        assert match.numeric == "none"
    elif match.detail["numeric"]["reason"] == "no figure of the kind the claim states":
        assert expected.numeric == "none"  # not read: it could not have answered otherwise
    else:
        assert match.numeric == expected.numeric
        assert match.detail["numeric"]["reason"] == expected.reason
