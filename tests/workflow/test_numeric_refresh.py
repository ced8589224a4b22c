"""When a matched passage's text changes, its numbers are compared with the claim again:
the stored comparison and the workbench's badge follow the new text."""

import pytest

from claims import services
from claims.models import ClaimState, Match
from sources import importers
from sources.search import compare_numbers
from sources.services import import_records, save_passage
from tests.factories import ClaimFactory, EditorFactory, MatchFactory, PassageFactory
from textcore.quantities import parse_quantities

pytestmark = pytest.mark.django_db
S = ClaimState

CLAIM = "The harbour handled 12 million tonnes of cargo in 2022."


def reimport(passage, text):
    record = importers.SourceRecord(
        key=passage.source.key,
        title=passage.source.title,
        publisher=passage.source.publisher,
        url="",
        published=None,
        kind=passage.source.kind,
        passages=[importers.PassageRecord(key=passage.key, locator="", text=text)],
    )
    return import_records([record])


@pytest.fixture
def matched(db):
    """A claim awaiting approval whose one match states the same figure, as first scored."""
    claim = ClaimFactory(
        text=CLAIM,
        state=S.AWAITING_APPROVAL,
        quantities=[q.to_dict() for q in parse_quantities(CLAIM)],
    )
    passage = PassageFactory(text="In 2022 the harbour handled 12 million tonnes of cargo.")
    numeric, detail = compare_numbers(
        text=claim.text, quantities=claim.quantities, passages=[passage]
    )[passage.pk]
    assert numeric == Match.Numeric.AGREES
    match = MatchFactory(claim=claim, passage=passage, numeric=numeric, numeric_detail=detail)
    return claim, passage, match


def test_a_passage_edited_by_hand_gets_its_numbers_compared_again(matched):
    claim, passage, match = matched
    passage.text = "In 2022 the harbour handled 9 million tonnes of cargo."
    save_passage(passage)
    match.refresh_from_db()
    assert match.numeric == Match.Numeric.CONFLICTS
    [pair] = [p for p in match.numeric_detail["numeric"]["pairs"] if p["relation"] == "conflicts"]
    assert pair["claim"]["text"] == "12 million tonnes"
    assert pair["passage"]["text"] == "9 million tonnes"
    # The match keeps its place: only the comparison follows the text.
    assert (match.score, match.claim_id) == (80.0, claim.pk)


def test_a_reimported_passage_gets_its_numbers_compared_again(matched):
    claim, passage, match = matched
    reimport(passage, "In 2022 the harbour handled 9 million tonnes of cargo.")
    match.refresh_from_db()
    assert match.numeric == Match.Numeric.CONFLICTS
    reimport(passage, "In 2022 the harbour handled 12.0 million tonnes of cargo.")
    match.refresh_from_db()
    assert match.numeric == Match.Numeric.AGREES


def test_an_unchanged_passage_changes_no_comparison(matched):
    _, passage, match = matched
    assert services.refresh_numeric_comparisons(passage_ids=[]) == 0
    assert services.refresh_numeric_comparisons(passage_ids=[passage.pk]) == 0
    before = match.numeric_detail
    match.refresh_from_db()
    assert match.numeric_detail == before


def test_the_workbench_shows_the_new_comparison(matched, client):
    claim, passage, match = matched
    client.force_login(EditorFactory())
    page = f"/admin/claims/claim/{claim.pk}/change/"
    assert "num-agrees" in client.get(page).content.decode()
    passage.text = "In 2022 the harbour handled 9 million tonnes of cargo."
    save_passage(passage)
    html = client.get(page).content.decode()
    card = html[html.index(f'id="match-{match.pk}"') :][:3000]
    assert '<span class="num num-conflicts">Numbers conflict</span>' in card
    assert 'vs passage <span class="qty">9 million tonnes</span>' in card
