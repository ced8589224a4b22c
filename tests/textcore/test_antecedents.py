"""Pointing phrases ("these talks", "this call", "both nations", "they") named from the text
before them when one antecedent is clear, and left as written when it is not."""

from tests.textcore.claims import claim_texts
from textcore.text import close_quote


def test_a_demonstrative_of_the_same_noun_takes_the_earlier_noun_phrase():
    texts = claim_texts(
        "The talks followed a long video call between the mayor of Oslo and her Danish "
        "counterpart. The port authority requested this call."
    )
    assert (
        "The port authority requested the long video call between the mayor of Oslo and her "
        "Danish counterpart." in texts
    )


def test_a_demonstrative_of_a_kindred_noun_takes_the_subject_before():
    texts = claim_texts(
        "Formal negotiations between Norway and Chile opened in Lima on Monday. "
        "These discussions lasted three days and ended without a deal."
    )
    assert "The formal negotiations between Norway and Chile lasted three days." in texts
    assert "The formal negotiations between Norway and Chile ended without a deal." in texts


def test_a_general_word_for_made_things_takes_what_the_sentence_before_says_is_made():
    texts = claim_texts(
        "Vessel Works dominates the supply of the steel used in building compact turbine "
        "blades. Engineers say these vital parts wear out within five years."
    )
    assert any("the compact turbine blades wear out within five years" in t for t in texts)


def test_two_possible_antecedents_leave_the_demonstrative_alone():
    texts = claim_texts(
        "Ministers held talks in Rome and further negotiations in Madrid. "
        "These discussions lasted four days."
    )
    assert "These discussions lasted four days." in texts


def test_a_time_word_after_this_is_never_replaced():
    texts = claim_texts(
        "Exports rose 4% last year to 12 million tonnes. This year exports fell 2% by March."
    )
    assert not any("last year exports fell" in t.lower() for t in texts)
    assert any(t.startswith("This year exports fell 2%") for t in texts)


def test_a_restrictive_those_is_not_a_reference():
    texts = claim_texts(
        "The regulator fined three banks in May. Those banks that miss the deadline will pay "
        "a further £2m."
    )
    assert not any("the three banks" in t.lower() for t in texts)


def test_the_number_of_the_demonstrative_must_agree():
    texts = claim_texts("Officials drafted new tariffs on steel. This tariff took effect in June.")
    assert "This tariff took effect in June." in texts


def test_both_nations_names_the_pair_of_countries_coordinated_before():
    texts = claim_texts(
        "Trade envoys from Canada and Mexico met in Ottawa on Friday. "
        "Officials said both nations would cut tariffs on steel by 10%."
    )
    assert "Officials said both Canada and Mexico would cut tariffs on steel by 10%." in texts


def test_both_nations_stays_when_another_country_was_named_since():
    texts = claim_texts(
        "Trade envoys from Canada and Mexico met in Ottawa on Friday. "
        "Brazil sent an observer. Officials said both nations would cut tariffs on steel by 10%."
    )
    assert "Officials said both nations would cut tariffs on steel by 10%." in texts


def test_reported_they_takes_the_one_plural_thing_before_it():
    texts = claim_texts(
        "Mr Novak praised the new timetables on Tuesday, saying they had cut delays by 20%."
    )
    assert any("saying the new timetables had cut delays by 20%" in t for t in texts)


def test_reported_they_after_plural_speakers_stays():
    texts = claim_texts("Local officials said they had closed 12 schools in the district.")
    assert "Local officials said they had closed 12 schools in the district." in texts


def test_reported_they_is_not_taken_for_a_group_of_people():
    texts = claim_texts("Mr Novak met the striking drivers, saying they had agreed to a 5% rise.")
    assert any("saying they had agreed to a 5% rise" in t for t in texts)


def test_opening_they_takes_the_plural_subject_of_the_sentence_before():
    texts = claim_texts("The new ferries were built in Gdansk. They cost £30m each.")
    assert "The new ferries cost £30m each." in texts


def test_opening_they_that_speaks_is_not_taken_for_things():
    texts = claim_texts("Four schools will close on Friday. They said 200 pupils would move.")
    assert "They said 200 pupils would move." in texts


def test_opening_they_in_quoted_speech_stays():
    texts = claim_texts(
        "Fuel prices are high because of taxes, duties and margins. "
        "They all make us poorer by £200 a year."
    )
    assert not any(t.startswith("Fuel prices all make") for t in texts)


def test_opening_they_after_a_singular_subject_stays():
    texts = claim_texts("The council closed the library in May. They reopened it in June.")
    assert not any(t.startswith("The council reopened") for t in texts)


def test_a_quotation_the_claim_cuts_short_is_closed():
    sentence = "Ms Okoro stated that 'rents will be frozen and 500 homes will be built.'"
    claim = "Ms Okoro stated that 'rents will be frozen."
    assert close_quote(claim, sentence) == "Ms Okoro stated that 'rents will be frozen.'"


def test_a_quotation_going_on_in_the_next_sentence_is_left_open():
    sentence = 'Ms Okoro said: "Rents will be frozen for 12 months.'
    assert close_quote(sentence, sentence) == sentence
    texts = claim_texts('Ms Okoro said: "Rents will be frozen for 12 months. Nobody will move."')
    assert 'Ms Okoro said: "Rents will be frozen for 12 months.' in texts


def test_a_demonstrative_after_mere_repetitions_takes_the_entity_introduced_before():
    texts = claim_texts(
        "Formal negotiations between Peru and Ghana opened in Lima on Monday. "
        "Officials said the talks were tense. "
        "Still, the length of the negotiations suggests deep differences. "
        "These fisheries discussions were arranged after a visit by the Ghanaian president."
    )
    assert (
        "The formal negotiations between Peru and Ghana were arranged after a visit by the "
        "Ghanaian president." in texts
    )


def test_an_earlier_meeting_set_against_the_one_meant_is_not_taken():
    texts = claim_texts(
        "Formal negotiations between Peru and Ghana opened in Lima on Monday. "
        "Officials recalled a previous meeting in Accra. "
        "Still, the length of the talks suggests deep differences. "
        "These fisheries discussions were arranged after a visit by the Ghanaian president."
    )
    assert any(t.startswith("The formal negotiations between Peru and Ghana were") for t in texts)
    assert not any("previous meeting in Accra were" in t for t in texts)


def test_two_entities_of_a_kind_leave_a_later_demonstrative_alone():
    texts = claim_texts(
        "Formal negotiations between Peru and Ghana opened in Lima on Monday, and separate "
        "talks on fishing began in Quito. Still, the length of the talks suggests deep "
        "differences. These fisheries discussions were arranged after a visit by a minister."
    )
    assert "These fisheries discussions were arranged after a visit by a minister." in texts


def test_an_entity_not_mentioned_for_several_sentences_is_no_longer_taken():
    texts = claim_texts(
        "Formal negotiations between Peru and Ghana opened in Lima on Monday. Fish prices rose "
        "4% in May. Boats stayed in port. Exports of tuna fell. Canneries cut 200 jobs. "
        "Fuel costs doubled. Still, the length of the talks suggests deep differences. "
        "These fisheries discussions were arranged after a visit by a minister."
    )
    assert "These fisheries discussions were arranged after a visit by a minister." in texts


def test_a_plural_demonstrative_skips_a_singular_repetition_of_its_kind():
    texts = claim_texts(
        "The health ministry has launched new strategies against obesity, in its bid to cut "
        "costs. These initiatives have so far reached 9,000 families."
    )
    assert "The new strategies against obesity have so far reached 9,000 families." in texts


def test_a_plural_demonstrative_after_a_singular_and_a_plural_of_its_kind_stays():
    texts = claim_texts(
        "The health board has launched a campaign against smoking and new strategies on diet. "
        "These efforts have so far saved 400 lives."
    )
    assert "These efforts have so far saved 400 lives." in texts


def test_an_antecedent_with_nothing_to_tell_it_apart_keeps_its_doer():
    texts = claim_texts(
        "In a statement on Friday, the city council has adopted new strategies in its attempt "
        "to cut traffic. However, these efforts have yet to reduce congestion."
    )
    assert "The new strategies the city council has adopted have yet to reduce congestion." in texts


def test_a_word_after_a_pronoun_is_a_verb_not_an_antecedent():
    texts = claim_texts(
        "Each week we talk about taxes. Voters said the debate was dull. "
        "These discussions have gone on for years."
    )
    assert "These discussions have gone on for years." in texts
