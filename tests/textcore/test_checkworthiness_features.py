"""Features of the learned check-worthiness model: tokens, word parts, the linguistic
features the model adds to the hand-weighted ones, and how they are put in words."""

from textcore.checkworthiness_features import (
    LINGUISTIC,
    describe,
    extract_features,
    linguistic_features,
    tokens,
    word_parts,
)


def test_a_capitalised_may_inside_the_sentence_is_kept_apart_from_the_modal():
    assert tokens("Prices fell in May.", capitalised_may=True) == ["prices", "fell", "in", "May"]
    assert tokens("May I ask a question?", capitalised_may=True)[0] == "may"
    assert tokens("Prices may fall.", capitalised_may=True)[1] == "may"
    assert tokens("Prices fell in May.")[-1] == "may"
    features = extract_features("Prices fell in May.", char_ngrams=None)
    assert "w:May" in features and "b:in May" in features
    assert describe("w:May") == "word: 'May' (a month or a name)"


def test_numbers_are_one_token_and_have_no_word_parts():
    assert tokens("It rose 3.5% to 1,200") == ["it", "rose", "#", "%", "to", "#"]
    features = extract_features("It rose 1,200", char_ngrams=(2, 5))
    assert not any(name.startswith("c:") and "#" in name for name in features)


def test_word_parts_run_from_edge_to_edge():
    parts = word_parts("fell", 2, 5)
    assert {"c:<f", "c:ll>", "c:<fell", "c:fell>", "c:ell"} <= set(parts)
    assert "c:<fell>" not in parts  # six characters with the edges
    assert word_parts("May", 2, 3) == word_parts("may", 2, 3)
    assert describe("c:<fe") == "word starting 'fe'"
    assert describe("c:ell>") == "word ending 'ell'"


def test_a_judgement_as_predicate_is_named_and_quoted():
    for sentence in (
        "Officials said the figures were worrying.",
        "The response has been deeply disappointing.",
        "The plan is not fair, she said.",
    ):
        assert "evaluative_predicate" in linguistic_features(sentence), sentence
    for sentence in (
        "The figures were published in March.",
        "The hospital is critical of the plan.",  # "critical of": a stance reported, not a verdict
        "Good progress was made on the bridge.",
    ):
        assert "evaluative_predicate" not in linguistic_features(sentence), sentence
    text = "Officials said the figures were worrying."
    assert describe("f:evaluative_predicate", text) == (
        f"{LINGUISTIC['evaluative_predicate']}: 'were worrying'"
    )


def test_a_promise_is_the_speaker_undertaking_something():
    for sentence in ("I will cut taxes for every family.", "We're going to build the wall."):
        assert "promise" in linguistic_features(sentence), sentence
    for sentence in ("He will cut taxes.", "The firm will open a plant.", "I cut taxes."):
        assert "promise" not in linguistic_features(sentence), sentence
    assert describe("f:promise", "I will cut taxes.") == f"{LINGUISTIC['promise']}: 'I will'"
