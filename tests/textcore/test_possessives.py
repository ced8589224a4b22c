"""A possessive "their" before the stage of an event ("upon their conclusion") and "achieve this"
named from the text before them when one owner or goal is clear, left as written otherwise."""

from tests.textcore.claims import claim_texts


def test_their_before_the_stage_of_an_event_takes_the_one_thing_before():
    texts = claim_texts(
        "Mr Okafor opened the second day of hearings, saying they were going smoothly. "
        "Upon their conclusion, Mr Okafor flew back to Abuja."
    )
    assert "Upon the conclusion of the hearings, Mr Okafor flew back to Abuja." in texts


def test_the_stage_of_an_event_takes_the_entity_a_repetition_stands_for():
    texts = claim_texts(
        "Cross-party talks on the health budget opened in Cardiff on Monday. "
        "Ms Rees praised the mood on the second day of talks. "
        "After their collapse, Ms Rees resigned."
    )
    assert (
        "After the collapse of the cross-party talks on the health budget, Ms Rees resigned."
        in (texts)
    )


def test_their_before_a_noun_that_is_not_a_stage_of_an_event_stays():
    texts = claim_texts(
        "Cross-party talks on the health budget opened in Cardiff on Monday. "
        "After their agenda was published, Ms Rees resigned."
    )
    assert "After their agenda was published, Ms Rees resigned." in texts


def test_their_with_people_before_or_a_plural_subject_after_stays():
    texts = claim_texts(
        "The ministers opened the second day of hearings. "
        "Upon their conclusion, Mr Okafor flew back to Abuja."
    )
    assert "Upon their conclusion, Mr Okafor flew back to Abuja." in texts
    texts = claim_texts(
        "Mr Okafor opened the second day of hearings. "
        "Upon their conclusion, the delegates flew back to Abuja."
    )
    assert "Upon their conclusion, the delegates flew back to Abuja." in texts


def test_achieve_this_takes_the_one_goal_named_before():
    texts = claim_texts(
        "The long-term aim of halving rail fares remains popular. "
        "Yet with the failure of recent subsidies to achieve this, ministers are looking at taxes."
    )
    assert any(
        "the failure of recent subsidies to achieve the long-term aim of halving rail fares, "
        "ministers are looking at taxes" in t
        for t in texts
    )


def test_achieve_this_with_two_goals_before_stays():
    texts = claim_texts(
        "The aim of halving fares and the goal of doubling services remain popular. "
        "Yet with the failure of subsidies to achieve this, ministers are looking at taxes."
    )
    assert any("to achieve this, ministers are looking at taxes" in t for t in texts)


def test_this_as_a_determiner_after_achieve_is_not_a_goal():
    texts = claim_texts(
        "The aim of halving fares remains popular. Ministers hope to achieve this cut by May."
    )
    assert not any("achieve the aim" in t for t in texts)


def test_a_verb_of_understanding_is_not_a_verb_of_achieving():
    texts = claim_texts(
        "The aim of halving fares remains popular. Ministers soon realised that, in May, "
        "fares rose 4%."
    )
    assert not any("the aim of halving fares, in May" in t for t in texts)
