"""The demo tells the rare-earths story: figures that agree and one that conflicts."""

import io

import pytest
from django.core.management import call_command

from claims.models import Article, Match
from desk.management.commands.load_demo import RARE_EARTHS_TITLE

pytestmark = pytest.mark.django_db


@pytest.fixture
def rare_earths():
    call_command("load_demo")
    return Article.objects.get(title=RARE_EARTHS_TITLE)


def test_the_refining_share_agrees_with_one_source_and_conflicts_with_another(rare_earths):
    claim = rare_earths.claims.get(text__icontains="99 percent")
    numeric = {str(m.passage): m.numeric for m in claim.matches.select_related("passage__source")}
    assert numeric["demo-heavy-re-refining#p1"] == Match.Numeric.AGREES
    assert numeric["demo-re-supply-estimate-2023#p1"] == Match.Numeric.CONFLICTS


def test_pounds_of_samarium_per_jet_agree_with_kilograms(rare_earths):
    claim = rare_earths.claims.get(text__icontains="pounds of samarium")
    best = claim.matches.select_related("passage__source").order_by("rank").first()
    assert best.passage.source.key == "demo-samarium-defence"
    assert best.numeric == Match.Numeric.AGREES


def test_the_demo_says_how_to_make_an_api_token():
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    assert "/admin/api-tokens/" in out.getvalue()
    assert "Authorization: Token <key>" in out.getvalue()
