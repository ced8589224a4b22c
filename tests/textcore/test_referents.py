"""Pronouns and short names across sentences: named after the right person, or left alone."""

from tests.textcore.claims import claim_texts


def test_she_is_named_after_the_woman_not_the_man_mentioned_later():
    texts = claim_texts(
        "Ms Rivera met Mr Okafor at the port on Monday. She said 300 jobs would go by June."
    )
    assert "Ms Rivera said 300 jobs would go by June." in texts


def test_the_listener_of_told_is_not_taken_for_the_speaker():
    texts = claim_texts(
        "Paul Hendry told Radio Kent that the bridge had closed. "
        "He said repairs had begun in March."
    )
    assert "Paul Hendry said repairs had begun in March." in texts


def test_a_pronoun_takes_the_full_name_the_article_gave_the_person():
    texts = claim_texts(
        "Clara Voss opened the new depot in Leeds. Ms Voss said it had cost £4m. "
        "She added that 40 staff had been hired."
    )
    assert "Clara Voss added that 40 staff had been hired." in texts


def test_an_organisation_saying_something_is_not_a_person():
    texts = claim_texts(
        "Harbour Street said the ferry would resume in May. He added that fares had doubled."
    )
    assert not any(t.startswith("Harbour Street added") for t in texts)


def test_opening_possessive_names_the_owner():
    texts = claim_texts(
        "Mr Lee has run the Tidewater mill since 2010. His company employs 40 people in Hull."
    )
    assert "Mr Lee's company employs 40 people in Hull." in texts


def test_elliptic_head_is_named_by_the_class_the_sentence_gave():
    texts = claim_texts(
        "Peru has a long history with copper ores, thus mining more than 60 percent of "
        "richer, rarer types."
    )
    assert "Peru mines more than 60 percent of richer, rarer copper ores." in texts


def test_bare_surname_is_named_in_full_from_an_untitled_full_name():
    texts = claim_texts(
        "Economist Nadia Brandt spoke on Monday. Brandt said exports would fall by 4%. "
        "Should Norway act, prices would rise."
    )
    assert "Nadia Brandt said exports would fall by 4%." in texts
    assert not any(t.startswith("Should Norway") and "Norway" in t.split()[0] for t in texts)
