"""Check-worthiness through the API, the command line, the claim page and at start-up."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from rest_framework.test import APIClient

from tests.factories import ClaimFactory, FactCheckerFactory, UserFactory

pytestmark = pytest.mark.django_db
URL = "/api/checkworthiness/"
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def api():
    client = APIClient()
    client.force_authenticate(FactCheckerFactory())
    return client


def test_the_api_answers_a_score_with_the_features_that_explain_it(api):
    response = api.post(URL, {"text": "Exports rose 5% to $12bn in 2023."}, format="json")
    assert response.status_code == 200
    assert 0.0 <= response.data["score"] <= 1.0
    assert response.data["checkworthy"] == (response.data["score"] >= 0.5)
    features = response.data["features"]
    assert features and {"feature", "description", "weight"} <= set(features[0])


def test_the_api_scores_a_statistic_above_small_talk(api):
    fact = api.post(URL, {"text": "Exports rose 5% to $12bn in 2023."}, format="json")
    small_talk = api.post(URL, {"text": "Thank you, it is great to be here."}, format="json")
    assert fact.data["score"] > small_talk.data["score"]


def test_the_api_names_the_missing_text_field(api):
    response = api.post(URL, {}, format="json")
    assert response.status_code == 400
    assert "text" in response.data["fields"]


def test_the_api_refuses_blank_text(api):
    response = api.post(URL, {"text": "   "}, format="json")
    assert response.status_code == 400
    assert "text" in response.data["fields"]


def test_the_api_refuses_a_one_megabyte_sentence_with_a_field_error(api):
    response = api.post(URL, {"text": "tonnes " * 150_000}, format="json")
    assert response.status_code in (400, 413)
    if response.status_code == 400:
        assert "text" in response.data["fields"]


def test_the_api_refuses_a_binary_body(api):
    response = api.post(URL, data=bytes(range(256)) * 4, content_type="application/json")
    assert response.status_code == 400


def test_the_api_refuses_text_with_a_null_character(api):
    response = api.post(URL, {"text": "Exports\x00 rose"}, format="json")
    assert response.status_code == 400


def test_anonymous_users_cannot_score():
    response = APIClient().post(URL, {"text": "Exports rose 5%."}, format="json")
    assert response.status_code in (401, 403)


def test_users_outside_the_newsroom_cannot_score():
    client = APIClient()
    client.force_authenticate(UserFactory(is_staff=False))
    response = client.post(URL, {"text": "Exports rose 5%."}, format="json")
    assert response.status_code == 403


def test_the_command_writes_one_score_per_line_in_input_order(write_file, tmp_path):
    lines = [
        {"id": "b", "text": "Exports rose 5% to $12bn in 2023."},
        {"id": "a", "text": "Thank you, it is great to be here."},
        {"id": 3, "text": ""},
    ]
    source = write_file("in.jsonl", "".join(json.dumps(x) + "\n" for x in lines))
    output = tmp_path / "out.jsonl"
    call_command("score_checkworthiness", str(source), "--output", str(output))
    rows = [json.loads(line) for line in output.read_text().splitlines()]
    assert [r["id"] for r in rows] == ["b", "a", 3]
    assert all(set(r) == {"id", "score"} and 0 <= r["score"] <= 1 for r in rows)
    assert rows[0]["score"] > rows[1]["score"]


def test_the_command_prints_to_standard_output_by_default(write_file, capsys):
    source = write_file("in.jsonl", json.dumps({"id": "q", "text": "Exports rose 5%."}) + "\n")
    call_command("score_checkworthiness", str(source))
    assert json.loads(capsys.readouterr().out)["id"] == "q"


def test_the_command_names_the_line_that_is_not_json(write_file):
    source = write_file("in.jsonl", '{"id": "a", "text": "Fine."}\n{"id": "b", "text": \n')
    with pytest.raises(CommandError, match=r"in.jsonl, line 2: invalid JSON"):
        call_command("score_checkworthiness", str(source))


def test_the_command_refuses_a_text_that_is_not_a_string(write_file):
    source = write_file("in.jsonl", json.dumps({"id": "a", "text": ["a", "list"]}) + "\n")
    with pytest.raises(CommandError, match="'text' must be a string"):
        call_command("score_checkworthiness", str(source))


def test_the_command_refuses_a_binary_file(write_file):
    source = write_file("in.jsonl", b"\xff\xfe\x00binary" * 10)
    with pytest.raises(CommandError, match="not UTF-8"):
        call_command("score_checkworthiness", str(source))


def test_the_command_names_a_missing_file(tmp_path):
    with pytest.raises(CommandError, match="cannot read"):
        call_command("score_checkworthiness", str(tmp_path / "missing.jsonl"))


def test_the_claim_page_explains_the_check_worthiness(client):
    claim = ClaimFactory(text="Exports rose 5% to $12bn in 2023.")
    client.force_login(FactCheckerFactory())
    page = client.get(f"/admin/claims/claim/{claim.pk}/change/").content.decode()
    assert 'id="checkworthiness-features"' in page
    assert "states a figure" in page


@pytest.mark.parametrize("content", [None, "{not json", '{"format": "other"}'])
def test_a_missing_or_broken_model_file_stops_the_start_up(tmp_path, content):
    path = tmp_path / "model.json"
    if content is not None:
        path.write_text(content)
    env = {**os.environ, "FACTCHECK_CHECKWORTHINESS_MODEL": str(path)}
    result = subprocess.run(  # noqa: S603 - our own manage.py with a fixed argument list
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "check-worthiness model" in result.stderr
    assert str(path) in result.stderr


def test_training_from_a_folder_without_the_data_names_the_missing_file(tmp_path):
    with pytest.raises(CommandError, match="claimbuster-train.jsonl not found"):
        call_command("train_checkworthiness", str(tmp_path))
