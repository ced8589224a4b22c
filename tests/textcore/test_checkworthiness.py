"""Check-worthiness ranks facts above opinions, predictions and questions."""

from textcore import checkworthiness
from textcore.checkworthiness_features import describe, linguistic_features
from textcore.extraction import extract_claims


def score_of(sentence: str) -> float:
    claims = extract_claims(sentence)
    assert claims, sentence
    return max(c.checkworthiness for c in claims)


def test_statistic_is_checkworthy():
    assert score_of("Steel imports rose 14% to 3.2 million tonnes in 2023.") >= 0.5


def test_fact_scores_above_opinion():
    fact = score_of("The city council approved a $40m budget for new buses in March.")
    opinion = score_of("Many residents believe the buses are a terrible idea.")
    assert fact > opinion
    assert opinion < 0.5


def test_fact_scores_above_prediction():
    fact = score_of("The central bank raised its main rate to 4.5% on Tuesday.")
    prediction = score_of("Rates will probably keep rising for a while.")
    assert fact > prediction
    assert prediction < 0.5


def test_rhetorical_question_scores_low():
    assert score_of("Is this really the best the government can do?") < 0.5


def test_numeric_forecast_by_a_named_body_is_checkworthy():
    assert score_of("The IMF forecasts that growth will slow to 2.1% next year.") >= 0.5


def test_role_claim_is_checkworthy():
    claims = extract_claims("Energy Secretary Lena Park signed the order.")
    role = next(c for c in claims if c.text == "Lena Park is Energy Secretary.")
    assert role.checkworthiness >= 0.5


def test_vague_statement_scores_low():
    assert score_of("Some observers say there were various problems.") < 0.5


def test_score_is_a_transparent_sum_of_features():
    features = checkworthiness.explain("Exports rose 5% in 2023.", has_quantity=True, has_date=True)
    total = checkworthiness.BASE + sum(features.values())
    assert checkworthiness.score(
        "Exports rose 5% in 2023.", has_quantity=True, has_date=True
    ) == round(min(1.0, max(0.0, total)), 3)
    assert features["quantity"] == checkworthiness.WEIGHTS["quantity"]


def test_scores_lie_between_zero_and_one():
    claims = extract_claims(
        "We think it might fail? Surely not! Record exports rose 9% to $5bn, the largest ever."
    )
    assert claims
    for claim in claims:
        assert 0.0 <= claim.checkworthiness <= 1.0


def test_attributed_opinions_and_outlooks_score_low_on_the_linguistic_features():
    # the hand-weighted sum of the linguistic features the learned model builds on
    for sentence in [
        "Officials say the target is within reach.",
        "The union says the worst cuts are only beginning.",
        "Local traders believe the market is recovering.",
        "Fans hope the club can stay up.",
        "The scheme is on track, organisers said.",
        "Nobody can say for certain.",
    ]:
        assert checkworthiness.score(sentence) < 0.5, sentence


def test_attributed_facts_with_figures_names_or_events_stay_checkworthy():
    for sentence in [
        "The ministry says 1,200 teachers left the profession in 2022.",
        "Police said the driver was arrested at the scene.",
        "The regulator said the plant is the largest in Portugal.",
        "Dalmoor Energy says the turbines can power 300,000 homes.",
    ]:
        assert score_of(sentence) >= 0.5, sentence


def test_reported_view_is_an_explained_feature():
    features = checkworthiness.explain("Ministers say the plan is working.")
    assert features["reported_view"] == checkworthiness.WEIGHTS["reported_view"]


def test_announced_plan_with_a_date_is_checkworthy():
    assert score_of("The council said the bridge would reopen in May 2026.") >= 0.5


def test_hypothetical_would_scores_low():
    assert score_of("Any roll-back would be seen as a victory for the rebels.") < 0.5


def test_hedged_future_scores_below_firm_future():
    firm = score_of("The Ministry of Transport will open the Arlen Tunnel in March.")
    hedged = score_of("The Ministry of Transport may open the Arlen Tunnel in March.")
    assert firm > hedged
    assert hedged < 0.5


def test_vague_quantifier_in_the_object_keeps_a_fact_checkworthy():
    assert score_of("The Harbour Trust listed several new berths in Dover on Monday.") >= 0.5


def test_vague_quantifier_as_the_subject_scores_low():
    assert score_of("Some residents say the harbour is changing.") < 0.5


def test_reported_passive_event_is_not_a_reported_view():
    features = checkworthiness.explain("Mr Dunn said the depot would be closed.")
    assert "reported_view" not in features


def test_any_superlative_of_an_english_adjective_ranks():
    for sentence, word in [
        ("It was the wettest summer since 1910.", "wettest"),
        ("The firm is the cheapest supplier in the region.", "cheapest"),
        ("The bridge is the world's most expensive crossing.", "world's most"),
        ("She won the most votes in the county.", "the most"),
    ]:
        assert "ranking" in checkworthiness.explain(sentence), sentence
        assert checkworthiness.ranking_word(sentence) == word
        assert describe("f:ranking", sentence) == f"ranking or record word: '{word}'"
    for sentence in [
        "Most people pay the tax.",
        "The bank raised interest rates.",
        "Wages saw a modest increase.",
    ]:
        assert "ranking" not in checkworthiness.explain(sentence), sentence


def test_a_plain_statement_needs_a_finite_verb_of_the_lexicon():
    for sentence in [
        "The bakery supplies three schools in the town.",
        "The company acquired a rival brewer.",
        "Inflation fell sharply last year.",
        "The council cut the library budget.",
        "It's the only hospital in the valley.",
    ]:
        assert "definite" in checkworthiness.explain(sentence), sentence
    for sentence in ["A new bridge over the river.", "Record profits for the third year."]:
        assert "definite" not in checkworthiness.explain(sentence), sentence


def test_one_evaluative_list_serves_both_evaluative_features():
    sentence = "The outcome was disastrous, residents said."
    assert checkworthiness.explain(sentence)["evaluative"] == checkworthiness.WEIGHTS["evaluative"]
    assert "evaluative_predicate" in linguistic_features(sentence)
    assert "disastrous" in checkworthiness.EVALUATIVE_ADJECTIVES
    assert "evaluative" not in checkworthiness.explain("The outcome was announced in June.")
