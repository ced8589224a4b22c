"""compare_quantities command and POST /api/compare/: the matcher's numeric comparison."""

import json

import pytest
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db

CLAIM = "Brelland bought the Osk refinery for $6.4bn."
PASSAGE = "Brelland acquired the Osk refinery for $640m."


def test_command_writes_one_answer_per_line_in_input_order(tmp_path):
    source = tmp_path / "pairs.jsonl"
    rows = [
        {"id": "a", "claim": CLAIM, "passage": PASSAGE},
        {"id": "b", "claim": CLAIM, "passage": "Brelland paid $6.4bn for the Osk refinery."},
    ]
    source.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    call_command("compare_quantities", str(source), "--output", str(out))
    answers = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(a["id"], a["numeric"]) for a in answers] == [("a", "conflicts"), ("b", "agrees")]
    assert answers[0]["pairs"][0]["claim"] == "$6.4bn"


def test_command_names_the_line_of_a_malformed_pair(tmp_path):
    source = tmp_path / "pairs.jsonl"
    source.write_text('{"id": "a", "claim": "x", "passage": "y"}\n{"id": "b"}\n', encoding="utf-8")
    with pytest.raises(CommandError, match=r"pairs.jsonl, line 2: 'claim' must be a string"):
        call_command("compare_quantities", str(source))


def test_api_compares_a_claim_with_a_passage_and_says_why(client_for, fact_checker):
    response = client_for(fact_checker).post(
        "/api/compare/", {"claim": CLAIM, "passage": PASSAGE}, format="json"
    )
    assert response.status_code == 200
    body = response.json()
    assert body["numeric"] == "conflicts"
    assert body["pairs"][0]["passage_value"]["converted_unit"] == "USD"
    assert body["reason"]


def test_api_refuses_a_missing_passage_with_a_field_error(client_for, fact_checker):
    response = client_for(fact_checker).post("/api/compare/", {"claim": CLAIM}, format="json")
    assert response.status_code == 400
    assert "passage" in response.json()["fields"]


def test_api_needs_a_newsroom_role(client_for, nobody):
    response = client_for(nobody).post(
        "/api/compare/", {"claim": CLAIM, "passage": PASSAGE}, format="json"
    )
    assert response.status_code == 403
