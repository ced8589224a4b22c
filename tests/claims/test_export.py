"""export_claims writes the exchange format of the README."""

import json

import pytest
from django.core.management import CommandError, call_command

from tests.factories import ClaimFactory, MatchFactory

pytestmark = pytest.mark.django_db


def test_export_has_claims_with_spans_quantities_and_matches_best_first(tmp_path):
    claim = ClaimFactory(
        quantities=[
            {
                "text": "12 million tonnes",
                "value": 12e6,
                "value_max": None,
                "unit": "tonne",
                "dimension": "mass",
                "qualifier": "exact",
                "noun": "",
                "start": 20,
                "end": 37,
            }
        ]
    )
    MatchFactory(claim=claim, score=55.0, rank=1)
    best = MatchFactory(claim=claim, score=91.5, rank=0, numeric="agrees")
    out = tmp_path / "export.json"
    call_command("export_claims", "--output", str(out))
    data = json.loads(out.read_text())
    (article,) = data["articles"]
    (exported,) = article["claims"]
    assert exported["start"] == claim.start and exported["end"] == claim.end
    assert exported["quantities"][0] == {
        "text": "12 million tonnes",
        "value": 12e6,
        "value_max": None,
        "unit": "tonne",
        "qualifier": "exact",
    }
    assert [m["score"] for m in exported["matches"]] == [91.5, 55.0]
    assert exported["matches"][0]["passage_key"] == best.passage.key
    assert exported["matches"][0]["numeric"] == "agrees"


def test_export_of_selected_articles_only(capsys):
    first, second = ClaimFactory(), ClaimFactory()
    call_command("export_claims", "--article", str(second.article_id))
    data = json.loads(capsys.readouterr().out)
    assert [a["id"] for a in data["articles"]] == [second.article_id]
    assert first.article_id != second.article_id


def test_export_of_unknown_article_is_an_error():
    with pytest.raises(CommandError, match="no article with id 999"):
        call_command("export_claims", "--article", "999")
