"""The learned check-worthiness model: loading, deterministic scores, explanations, bad input."""

import json
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from textcore.checkworthiness_model import (
    DEFAULT_PATH,
    LINGUISTIC,
    ModelError,
    extract_features,
    load_model,
    read_model,
)

SENTENCES = [
    "Steel imports rose 14% to 3.2 million tonnes in 2023.",
    "The city council approved a $40m budget for new buses in March.",
    "Many residents believe the buses are a terrible idea.",
    "Is this really the best the government can do?",
    "Thank you very much, it is good to be here tonight.",
]


@pytest.fixture(scope="module")
def model():
    return load_model()


def test_shipped_model_scores_every_sentence_in_the_unit_interval(model):
    for sentence in SENTENCES:
        assert 0.0 <= model.score(sentence) <= 1.0


def test_two_loads_of_the_file_give_identical_scores_and_explanations():
    first, second = read_model(DEFAULT_PATH), read_model(DEFAULT_PATH)
    assert first is not second
    for sentence in SENTENCES:
        assert first.score(sentence) == second.score(sentence)
        assert first.assess(sentence) == second.assess(sentence)


def test_scoring_the_same_sentence_twice_gives_the_same_score(model):
    assert [model.score(s) for s in SENTENCES] == [model.score(s) for s in SENTENCES]


def test_a_statistic_scores_above_an_opinion_and_a_pleasantry(model):
    statistic = model.score(SENTENCES[0])
    assert statistic >= 0.5
    assert statistic > model.score(SENTENCES[2])
    assert model.score(SENTENCES[4]) < 0.5


def test_assessment_score_and_verdict_agree_with_score(model):
    for sentence in SENTENCES:
        assessment = model.assess(sentence)
        assert assessment.score == model.score(sentence)
        assert assessment.checkworthy == (assessment.score >= 0.5)


def test_every_explanation_names_a_feature_of_the_sentence_that_the_model_weighs(model):
    for sentence in SENTENCES:
        present = set(
            extract_features(
                sentence,
                char_ngrams=model.char_ngrams,
                capitalised_may=model.capitalised_may,
                supersenses=model.supersenses,
                part_of_speech_pairs=model.part_of_speech_pairs,
            )
        )
        contributions = model.assess(sentence).contributions
        assert contributions
        for contribution in contributions:
            assert contribution.feature in present
            assert contribution.feature in model.weights
            assert contribution.description
            assert contribution.description != contribution.feature


def test_explanations_are_ordered_by_strength(model):
    weights = [abs(c.weight) for c in model.assess(SENTENCES[1]).contributions]
    assert weights == sorted(weights, reverse=True)


def test_a_figure_is_explained_in_words(model):
    assessment = model.assess("Exports rose 5% to $12bn in 2023.", top=100)
    described = {c.feature: c.description for c in assessment.contributions}
    assert described["f:quantity"] == LINGUISTIC["quantity"] == "states a figure"


FIGURE_FEATURES = {"f:quantity", "f:number", "w:#"}


def _figure_reasons(model, sentence):
    contributions = model.assess(sentence, top=1000).contributions
    return contributions, [c for c in contributions if c.feature in FIGURE_FEATURES]


def test_a_figure_is_one_reason_in_words_weighing_what_its_features_weigh(model):
    sentence = "Exports rose 5% to $12bn in 2023."
    features = model.features(sentence)
    assert FIGURE_FEATURES <= set(features)  # the three features that say "a number" fire
    contributions, figure = _figure_reasons(model, sentence)
    assert [c.description for c in figure] == ["states a figure"]
    values = model.values(features)
    together = sum(model.weights[name] * values[name[0]] for name in FIGURE_FEATURES)
    assert figure[0].weight == pytest.approx(together, abs=1e-3)
    assert not any("[number]" in c.description for c in contributions)
    assert not any(c.description == "contains a number" for c in contributions)


def test_a_number_that_is_no_quantity_is_named_once(model):
    sentence = "The talks ended in 2019 without a deal."
    assert "f:quantity" not in model.features(sentence)
    contributions, figure = _figure_reasons(model, sentence)
    assert [c.description for c in figure] == ["contains a number"]
    assert [c.description for c in contributions].count("contains a number") == 1


def test_a_word_next_to_a_number_is_explained_in_words(model):
    assessment = model.assess("Unemployment rose 5 percent last year.", top=1000)
    described = {c.feature: c.description for c in assessment.contributions}
    assert described["b:# percent"] == "'percent' after a number"
    assert not any("[number]" in text for text in described.values())


def test_reasons_merged_into_one_keep_the_strongest_first(model):
    for sentence in SENTENCES:
        contributions = model.assess(sentence, top=1000).contributions
        weights = [abs(c.weight) for c in contributions]
        assert weights == sorted(weights, reverse=True)
        assert len({c.feature for c in contributions}) == len(contributions)


def test_an_opinion_word_is_quoted_in_its_explanation(model):
    assessment = model.assess("The minister believes the plan is fair.", top=1000)
    described = {c.feature: c.description for c in assessment.contributions}
    assert described["f:opinion"] == "opinion word: 'believes'"


def test_a_word_pair_is_explained_as_an_ngram(model):
    assessment = model.assess("Unemployment rose by two percent of the workforce.", top=1000)
    pairs = [c.description for c in assessment.contributions if c.feature.startswith("b:")]
    assert "n-gram: 'percent of'" in pairs


def test_the_model_reads_the_features_the_trainer_computes(model):
    # the runtime looks word parts up word by word; the set must be the trainer's
    for sentence in [*SENTENCES, "Thousands marched in May; may they march again in May."]:
        expected = {
            name
            for name in extract_features(
                sentence,
                char_ngrams=model.char_ngrams,
                capitalised_may=model.capitalised_may,
                supersenses=model.supersenses,
                part_of_speech_pairs=model.part_of_speech_pairs,
            )
            if name in model.weights
        }
        found = model.features(sentence)
        assert len(found) == len(set(found))
        assert set(found) == expected


def test_each_feature_group_weighs_its_factor_over_its_size(model):
    features = model.features(SENTENCES[1])
    values = model.values(features)
    for group in model.group_scale:
        size = sum(1 for name in features if name[0] == group)
        assert size
        assert values[group] == pytest.approx(model.group_scale[group] / math.sqrt(size))
    margin = model.intercept + sum(model.weights[n] * values[n[0]] for n in features)
    assert model.score(SENTENCES[1]) == pytest.approx(
        1 / (1 + math.exp(-(model.slope * margin + model.offset))), abs=1e-3
    )


def test_scores_do_not_depend_on_the_word_parts_already_looked_up(monkeypatch):
    fresh = read_model(DEFAULT_PATH)
    before = [fresh.score(s) for s in SENTENCES]
    monkeypatch.setattr("textcore.checkworthiness_model._PARTS_CACHE_SIZE", 3)
    small = read_model(DEFAULT_PATH)
    assert [small.score(s) for s in SENTENCES] == before
    assert [small.score(s) for s in reversed(SENTENCES)] == before[::-1]
    assert len(small._parts) <= 3


def test_a_missing_model_file_is_named_in_the_error(tmp_path):
    missing = tmp_path / "nowhere.json"
    with pytest.raises(ModelError, match="not found.*nowhere.json"):
        read_model(missing)


def test_a_file_that_is_not_json_is_refused(tmp_path):
    path = tmp_path / "model.json"
    path.write_bytes(b"\x00\xffnot json")
    with pytest.raises(ModelError, match="not valid JSON"):
        read_model(path)


def test_a_json_file_of_another_format_is_refused(tmp_path):
    path = tmp_path / "model.json"
    path.write_text(json.dumps({"format": "something else", "weights": {"w:a": 1}}))
    with pytest.raises(ModelError, match="not a check-worthiness model"):
        read_model(path)


def _shipped() -> dict:
    return json.loads(DEFAULT_PATH.read_text(encoding="utf-8"))


def _unknown_kind(data):
    data["weights"]["x:mystery"] = 1.0


def _no_group_factor(data):
    del data["features"]["group_scale"]["c"]


def _no_supersense_factor(data):
    data["features"]["supersenses"] = True
    data["features"]["group_scale"].pop("s", None)


def _previous_version(data):
    data["format_version"] = 1


def _no_calibration(data):
    del data["calibration"]


def _weight_not_a_number(data):
    data["weights"]["w:percent"] = "heavy"


@pytest.mark.parametrize(
    ("spoil", "message"),
    [
        (_unknown_kind, "unknown kinds"),
        (_no_group_factor, "malformed"),
        (_no_supersense_factor, "malformed"),
        (_previous_version, "version 2"),
        (_no_calibration, "malformed"),
        (_weight_not_a_number, "malformed"),
    ],
)
def test_a_spoilt_copy_of_the_shipped_model_is_refused(tmp_path, spoil, message):
    data = _shipped()
    spoil(data)
    path = tmp_path / "model.json"
    path.write_text(json.dumps(data))
    with pytest.raises(ModelError, match=message):
        read_model(path)


def test_a_model_without_word_classes_reads_none(tmp_path):
    data = _shipped()
    for key in ("supersenses", "part_of_speech_pairs"):
        data["features"].pop(key, None)
    for group in ("s", "p"):
        data["features"]["group_scale"].pop(group, None)
    data["weights"] = {k: v for k, v in data["weights"].items() if k[0] not in "sp"}
    path = tmp_path / "model.json"
    path.write_text(json.dumps(data))
    older = read_model(path)
    assert not older.supersenses and not older.part_of_speech_pairs
    features = older.features(SENTENCES[0])
    assert features and not any(name[:2] in ("s:", "p:") for name in features)
    data["weights"]["s:noun.person"] = 1.0  # a weight of a group the file does not scale
    path.write_text(json.dumps(data))
    with pytest.raises(ModelError, match="unknown kinds"):
        read_model(path)


def test_an_infinite_weight_is_refused(tmp_path):
    data = _shipped()
    data["intercept"] = math.inf
    path = tmp_path / "model.json"
    path.write_text(json.dumps(data).replace("Infinity", "1e999"))
    with pytest.raises(ModelError, match="finite"):
        read_model(path)


def test_an_empty_sentence_gets_a_score(model):
    assert 0.0 <= model.score("") <= 1.0
    assert not model.assess("").checkworthy


def test_a_one_megabyte_sentence_gets_a_score(model):
    assert 0.0 <= model.score("The port handled 12 tonnes " * 40_000) <= 1.0


def test_binary_junk_gets_a_score(model):
    junk = bytes(range(256)).decode("latin-1") * 50
    assert 0.0 <= model.score(junk) <= 1.0


def test_a_non_string_is_refused_with_a_type_error(model):
    with pytest.raises(TypeError, match="str"):
        model.score(b"bytes are not text")


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=400))
def test_any_text_gets_a_score_in_the_unit_interval(text):
    assert 0.0 <= load_model().score(text) <= 1.0


def test_a_caller_that_has_read_the_quantities_gets_the_same_score(model):
    for sentence in SENTENCES:
        has_quantity = "f:quantity" in extract_features(sentence)
        assert model.score(sentence, has_quantity=has_quantity) == model.score(sentence)
        assert model.features(sentence, has_quantity=has_quantity) == model.features(sentence)
    stated = "Steel imports rose 14% to 3.2 million tonnes."
    assert "f:quantity" not in extract_features(stated, has_quantity=False)
