"""Claims and evidence by hand through the API: permissions, the actions, bad input."""

import pytest

from claims.models import Claim, ClaimState, Match, TransitionLog
from sources.models import Passage, Source
from tests.factories import ArticleFactory, ClaimFactory, MatchFactory, PassageFactory
from textcore.quantities import parse_quantities

BODY = (
    "The harbour handled 12 million tonnes of cargo in 2022, its busiest year. "
    "The mayor said a new quay would open in 2025 and double the container trade."
)
FRAGMENT = "a new quay would open in 2025"


@pytest.fixture
def article(db):
    return ArticleFactory(body=BODY)


@pytest.fixture
def claim_in_review(article, fact_checker):
    text = "The harbour handled 12 million tonnes of cargo in 2022."
    return ClaimFactory(
        article=article,
        state=ClaimState.IN_REVIEW,
        assignee=fact_checker,
        text=text,
        end=73,
        quantities=[q.to_dict() for q in parse_quantities(text)],
    )


def _endpoints(claim, article):
    return [
        ("/api/claims/", {"article": article.pk, "start": 0, "end": 10}),
        (f"/api/claims/{claim.pk}/split/", {"texts": ["One fact.", "Another fact."]}),
        (f"/api/claims/{claim.pk}/merge/", {"claims": [claim.pk]}),
        (f"/api/claims/{claim.pk}/evidence/", {"passage": 1}),
    ]


def test_anonymous_people_cannot_do_hand_work(client_for, claim_in_review, article):
    for url, data in _endpoints(claim_in_review, article):
        response = client_for(None).post(url, data, format="json")
        assert response.status_code in (401, 403), url
    assert client_for(None).get("/api/passages/?search=harbour").status_code in (401, 403)


def test_people_without_a_role_cannot_do_hand_work(client_for, nobody, claim_in_review, article):
    for url, data in _endpoints(claim_in_review, article):
        assert client_for(nobody).post(url, data, format="json").status_code == 403, url
    assert client_for(nobody).get("/api/passages/?search=harbour").status_code == 403
    assert Claim.objects.count() == 1


def test_a_fact_checker_adds_a_claim_from_a_selection(client_for, fact_checker, article):
    PassageFactory(text="Port officials confirm the new quay opens in 2025.")
    start = BODY.index(FRAGMENT)
    response = client_for(fact_checker).post(
        "/api/claims/",
        {"article": article.pk, "start": start, "end": start + len(FRAGMENT)},
        format="json",
    )
    assert response.status_code == 201, response.json()
    claim = Claim.objects.get(pk=response.json()["id"])
    assert (claim.start, claim.end, claim.text) == (start, start + len(FRAGMENT), FRAGMENT)
    assert [q["value"] for q in claim.quantities] == [] or all(
        q["value"] != 2025 for q in claim.quantities
    )
    assert claim.years == [2025]
    assert claim.state == ClaimState.IN_REVIEW and claim.assignee == fact_checker
    assert claim.added_by == fact_checker
    assert claim.matches.exists()
    assert "The mayor said" in claim.sentence


def test_the_claim_text_of_a_selection_can_be_reworded(client_for, fact_checker, article):
    start = BODY.index("12 million")
    response = client_for(fact_checker).post(
        "/api/claims/",
        {
            "article": article.pk,
            "start": start,
            "end": start + len("12 million tonnes"),
            "text": "The harbour handled 12 million tonnes of cargo in 2022.",
        },
        format="json",
    )
    assert response.status_code == 201
    claim = Claim.objects.get(pk=response.json()["id"])
    assert claim.text == "The harbour handled 12 million tonnes of cargo in 2022."
    assert claim.quantities[0]["value"] == 12e6


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [(10, len(BODY) + 5, "outside the article"), (20, 20, "empty"), (-3, 4, "outside")],
)
def test_a_bad_selection_is_refused_and_nothing_is_added(
    client_for, fact_checker, article, start, end, message
):
    response = client_for(fact_checker).post(
        "/api/claims/", {"article": article.pk, "start": start, "end": end}, format="json"
    )
    assert response.status_code == 400
    assert message in str(response.json()["fields"])
    assert not Claim.objects.exists()


def test_a_claim_is_split_into_two_linked_both_ways(client_for, fact_checker, claim_in_review):
    texts = [
        "The harbour handled 12 million tonnes of cargo in 2022.",
        "2022 was its busiest year.",
    ]
    response = client_for(fact_checker).post(
        f"/api/claims/{claim_in_review.pk}/split/", {"texts": texts}, format="json"
    )
    assert response.status_code == 201, response.json()
    original = Claim.objects.get(pk=claim_in_review.pk)
    assert original.state == ClaimState.SPLIT
    parts = list(original.split_parts.order_by("position"))
    assert [p.text for p in parts] == texts
    assert all((p.start, p.end) == (original.start, original.end) for p in parts)
    assert all(p.state == ClaimState.IN_REVIEW for p in parts)
    assert [p["id"] for p in response.json()["parts"]] == [p.pk for p in parts]
    assert {p["split_from"] for p in response.json()["parts"]} == {original.pk}
    assert TransitionLog.objects.filter(claim=original, action="split").exists()


def test_splitting_into_one_part_is_refused(client_for, fact_checker, claim_in_review):
    response = client_for(fact_checker).post(
        f"/api/claims/{claim_in_review.pk}/split/", {"texts": ["Only one.", "  "]}, format="json"
    )
    assert response.status_code == 400
    assert "at least two" in str(response.json()["fields"]["texts"])
    assert Claim.objects.get(pk=claim_in_review.pk).state == ClaimState.IN_REVIEW
    assert Claim.objects.count() == 1


def test_duplicates_are_merged_with_their_accepted_evidence(
    client_for, fact_checker, article, claim_in_review
):
    duplicate = ClaimFactory(article=article, state=ClaimState.EXTRACTED)
    evidence = MatchFactory(claim=duplicate, decision=Match.Decision.ACCEPTED)
    response = client_for(fact_checker).post(
        f"/api/claims/{claim_in_review.pk}/merge/", {"claims": [duplicate.pk]}, format="json"
    )
    assert response.status_code == 200, response.json()
    duplicate.refresh_from_db()
    assert duplicate.state == ClaimState.MERGED and duplicate.merged_into_id == claim_in_review.pk
    assert claim_in_review.matches.filter(
        passage=evidence.passage, decision=Match.Decision.ACCEPTED
    ).exists()


def test_claims_of_different_articles_are_not_merged(client_for, fact_checker, claim_in_review):
    other = ClaimFactory(state=ClaimState.EXTRACTED)
    response = client_for(fact_checker).post(
        f"/api/claims/{claim_in_review.pk}/merge/", {"claims": [other.pk]}, format="json"
    )
    assert response.status_code == 400
    assert "same article" in str(response.json()["fields"]["claims"])
    assert Claim.objects.get(pk=other.pk).state == ClaimState.EXTRACTED


def test_an_outside_source_becomes_library_evidence(client_for, fact_checker, claim_in_review):
    response = client_for(fact_checker).post(
        f"/api/claims/{claim_in_review.pk}/evidence/",
        {
            "url": "https://port.example/annual-report-2022",
            "title": "Annual report 2022",
            "publisher": "Port Authority",
            "published": "2023-03-01",
            "locator": "p. 4",
            "quoted_text": "Cargo throughput reached 12.0 million tonnes in 2022.",
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    source = Source.objects.get(url="https://port.example/annual-report-2022")
    passage = source.passages.get()
    assert (passage.locator, source.added_by) == ("p. 4", fact_checker)
    match = Match.objects.get(claim=claim_in_review, passage=passage)
    assert match.decision == Match.Decision.ACCEPTED
    assert match.numeric == Match.Numeric.AGREES


def test_a_javascript_address_is_refused_and_nothing_is_stored(
    client_for, fact_checker, claim_in_review
):
    response = client_for(fact_checker).post(
        f"/api/claims/{claim_in_review.pk}/evidence/",
        {"url": "javascript:alert(1)", "title": "T", "quoted_text": "Quote."},
        format="json",
    )
    assert response.status_code == 400
    assert "http://" in str(response.json()["fields"]["url"])
    assert not Source.objects.exists() and not Match.objects.exists()


def test_a_library_passage_is_attached_with_its_numbers_compared(
    client_for, fact_checker, claim_in_review
):
    passage = PassageFactory(text="The harbour handled 9.1 million tonnes of cargo in 2022.")
    response = client_for(fact_checker).post(
        f"/api/claims/{claim_in_review.pk}/evidence/", {"passage": passage.pk}, format="json"
    )
    assert response.status_code == 201, response.json()
    assert response.json()["decision"] == "accepted"
    assert response.json()["numeric"] == "conflicts"


def test_evidence_for_someone_elses_claim_is_refused(client_for, editor, claim_in_review):
    passage = PassageFactory()
    response = client_for(editor).post(
        f"/api/claims/{claim_in_review.pk}/evidence/", {"passage": passage.pk}, format="json"
    )
    assert response.status_code == 403
    assert not Match.objects.exists()


def test_the_library_is_searched_with_the_ranking_of_matching(client_for, fact_checker):
    wanted = PassageFactory(text="The new quay opens in 2025, port officials said.")
    PassageFactory(text="Rainfall was heavy in the north of the country.")
    response = client_for(fact_checker).get("/api/passages/", {"search": "new quay opens"})
    assert response.status_code == 200
    assert [hit["id"] for hit in response.json()] == [wanted.pk]
    assert Passage.objects.count() == 2


def test_a_search_needs_words(client_for, fact_checker):
    response = client_for(fact_checker).get("/api/passages/", {"search": ""})
    assert response.status_code == 400
    assert "search" in response.json()["fields"]
