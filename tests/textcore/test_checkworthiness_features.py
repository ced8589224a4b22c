"""Features of the learned check-worthiness model: tokens, word parts, the linguistic
features the model adds to the hand-weighted ones, and how they are put in words."""

from textcore.checkworthiness_features import (
    LINGUISTIC,
    SUPERSENSES,
    describe,
    extract_features,
    linguistic_features,
    part_pairs,
    supersense_features,
    tokens,
    word_parts,
)
from textcore.supersenses import supersense, supersense_table


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


def test_words_of_one_kind_share_a_supersense_across_topics():
    assert supersense("said") == supersense("told") == "verb.communication"
    assert supersense("senator") == supersense("nurses") == "noun.person"
    assert supersense("the") == supersense("of") == ""  # function words have none
    assert supersense("Said") == ""  # the table is of lower-case forms, as `tokens` gives


def test_every_supersense_of_the_table_is_put_in_words():
    assert set(supersense_table().values()) <= set(SUPERSENSES)


def test_supersenses_and_part_of_speech_pairs_are_features_only_when_asked():
    sentence = "The senator said wages rose by 3 percent."
    plain = extract_features(sentence, char_ngrams=None)
    assert not any(name[:2] in ("s:", "p:") for name in plain)
    both = extract_features(sentence, char_ngrams=None, supersenses=True, part_of_speech_pairs=True)
    assert both[: len(plain)] == plain
    words = tokens(sentence)
    assert both[len(plain) :] == supersense_features(words) + part_pairs(words)
    assert "s:verb.communication" in both
    assert {"p:<s> x", "p:noun verb", "p:x num", "p:num noun", "p:noun </s>"} <= set(both)


def test_a_supersense_is_explained_by_the_word_that_shows_it():
    sentence = "The senator Said wages rose."
    assert describe("s:verb.communication", sentence) == "word of saying: 'Said'"
    assert describe("s:noun.person", sentence) == "word of a person or role: 'senator'"
    assert describe("s:noun.food", sentence) == "word of food"  # not in the sentence


def test_a_part_of_speech_pair_is_explained_by_the_words_that_show_it():
    sentence = "Wages rose by 3 percent."
    assert describe("p:noun verb", sentence) == "a noun then a verb: 'Wages rose'"
    assert describe("p:<s> noun", sentence) == "opens with a noun: 'Wages'"
    assert describe("p:num noun", sentence) == "a number then a noun"
    assert describe("p:adv adv", sentence) == "an adverb then an adverb"
