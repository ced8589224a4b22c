"""A published verdict's evidence is frozen: what it cited is stored with it at
publication, every public reader shows that, and its evidence rows never change, whatever
the entry point (admin, API, shell, raw SQL)."""

import json

import pytest
from django.db import IntegrityError, connection, transaction
from django.urls import reverse

from claims import services
from claims.integrity import StateChangeForbidden
from claims.models import Match, Verdict
from desk import review
from public import selectors
from sources.models import Passage, Source
from tests.factories import MatchFactory, PassageFactory

pytestmark = pytest.mark.django_db

CITED = "Port statistics: the harbour handled 14.2 million tonnes of cargo in 2022."
REWRITTEN = "Port statistics (revised): the harbour handled 9.9 million tonnes in 2022."


@pytest.fixture
def cited(published):
    """A published claim whose one piece of evidence is a passage of a known source."""
    passage = PassageFactory(
        text=CITED,
        locator="Table 3",
        source__key="port-stats",
        source__title="Harbour statistics 2022",
        source__publisher="Port Authority",
        source__url="https://port.example/stats-2022",
    )
    claim = published(match_fields={"passage": passage, "score": 91.0})
    return claim, passage


@pytest.fixture
def library_rewritten(cited, client, newsroom):
    """The cited source renamed and its passage rewritten through the sources API."""
    claim, passage = cited
    _, editor = newsroom
    client.force_login(editor)
    response = client.post(
        "/api/sources/",
        {
            "key": "port-stats",
            "title": "Harbour statistics (withdrawn)",
            "publisher": "Someone else",
            "url": "https://elsewhere.example/",
            "kind": "other",
            "passages": [{"key": passage.key, "locator": "Annex", "text": REWRITTEN}],
        },
        content_type="application/json",
    )
    assert response.status_code in (200, 201), response.content[:300]
    assert Passage.objects.get(pk=passage.pk).text == REWRITTEN
    client.logout()
    return claim


def test_publication_stores_what_the_verdict_cites(cited):
    claim, _ = cited
    verdict = claim.published_verdict

    (item,) = verdict.published_evidence
    assert item["passage"] == CITED
    assert item["source_title"] == "Harbour statistics 2022"
    assert item["publisher"] == "Port Authority"
    assert item["url"] == "https://port.example/stats-2022"
    assert item["locator"] == "Table 3"


def test_the_public_page_shows_the_evidence_as_published(client, library_rewritten):
    page = client.get(selectors.fact_check(library_rewritten.pk).path).content.decode()

    assert CITED in page
    assert "Harbour statistics 2022" in page and "Port Authority" in page
    assert "Table 3" in page
    assert REWRITTEN not in page and "withdrawn" not in page


def test_the_public_api_shows_the_evidence_as_published(client, library_rewritten):
    data = client.get(f"/api/public/fact-checks/{library_rewritten.pk}/").json()

    (item,) = data["evidence"]
    assert item["passage"] == CITED
    assert item["source_title"] == "Harbour statistics 2022"
    assert item["url"] == "https://port.example/stats-2022"
    (work,) = data["claim_review"]["citation"]
    assert work["name"] == "Harbour statistics 2022"
    assert work["url"] == "https://port.example/stats-2022"
    assert work["publisher"] == {"@type": "Organization", "name": "Port Authority"}


def test_the_page_embeds_the_same_citations_as_the_api(client, library_rewritten):
    check = selectors.fact_check(library_rewritten.pk)
    page = client.get(check.path).content.decode()
    embedded = json.loads(page.split('type="application/ld+json">', 1)[1].split("</script>", 1)[0])

    assert embedded["citation"][0]["name"] == "Harbour statistics 2022"


def test_the_feed_names_the_sources_as_published(client, library_rewritten):
    feed = client.get("/feed.atom").content.decode()

    assert "Harbour statistics 2022" in feed
    assert "withdrawn" not in feed


# --- The model layer (admin, API and shell all end here) ---------------------------------


def test_adding_evidence_to_a_published_verdict_is_refused(cited):
    claim, _ = cited
    verdict = claim.published_verdict
    extra = MatchFactory(claim=claim, decision=Match.Decision.ACCEPTED)

    with pytest.raises(StateChangeForbidden), transaction.atomic():
        verdict.evidence.add(extra)
    with pytest.raises(StateChangeForbidden), transaction.atomic():
        extra.cited_by.add(verdict)

    assert list(verdict.evidence.all()) != [] and extra not in verdict.evidence.all()


@pytest.mark.parametrize(
    "change",
    [
        lambda v, m: v.evidence.remove(m),
        lambda v, m: v.evidence.clear(),
        lambda v, m: v.evidence.set([]),
        lambda v, m: m.cited_by.remove(v),
        lambda v, m: m.cited_by.clear(),
        lambda v, m: m.delete(),
        lambda v, m: Match.objects.filter(pk=m.pk).delete(),
        lambda v, m: v.delete(),
        lambda v, m: Verdict.objects.filter(pk=v.pk).delete(),
    ],
    ids=[
        "remove",
        "clear",
        "set",
        "reverse-remove",
        "reverse-clear",
        "delete-match",
        "delete-match-queryset",
        "delete-verdict",
        "delete-verdict-queryset",
    ],
)
def test_removing_evidence_of_a_published_verdict_is_refused(cited, change):
    claim, _ = cited
    verdict = claim.published_verdict
    match = verdict.evidence.get()

    with pytest.raises(StateChangeForbidden), transaction.atomic():
        change(verdict, match)

    assert list(Verdict.objects.get(pk=verdict.pk).evidence.all()) == [match]


# --- The database (raw SQL) ---------------------------------------------------------------


@pytest.mark.postgresql("the guard is a PostgreSQL trigger")
def test_the_database_refuses_adding_evidence_to_a_published_verdict(cited):
    claim, _ = cited
    verdict = claim.published_verdict
    extra = MatchFactory(claim=claim)

    with pytest.raises(IntegrityError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO claims_verdict_evidence (verdict_id, match_id) VALUES (%s, %s)",
            [verdict.pk, extra.pk],
        )

    assert verdict.evidence.count() == 1


@pytest.mark.postgresql("the guard is a PostgreSQL trigger")
@pytest.mark.parametrize(
    "sql",
    [
        "DELETE FROM claims_verdict_evidence WHERE verdict_id = %s",
        "UPDATE claims_verdict_evidence SET match_id = match_id WHERE verdict_id = %s",
        "DELETE FROM claims_verdict WHERE id = %s",
    ],
    ids=["delete-row", "update-row", "delete-verdict"],
)
def test_the_database_refuses_changing_a_published_verdicts_evidence(cited, sql):
    claim, _ = cited
    verdict = claim.published_verdict

    with pytest.raises(IntegrityError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql, [verdict.pk])

    assert Verdict.objects.get(pk=verdict.pk).evidence.count() == 1


def test_the_evidence_of_a_draft_verdict_can_still_change(make_draft):
    verdict, match = make_draft()

    verdict.evidence.remove(match)

    assert verdict.evidence.count() == 0


@pytest.fixture
def make_draft(newsroom):
    from tests.public.conftest import accept_match, claim_in, propose

    checker, _ = newsroom

    def make():
        from desk import workflow

        claim = claim_in(sentence="The harbour handled 12 million tonnes of cargo in 2022.")
        workflow.start_review(claim=claim, user=checker)
        match = accept_match(claim, checker)
        return propose(claim, checker), match

    return make


# --- Through the newsroom's own entry points -----------------------------------------------


@pytest.fixture
def in_correction(cited, newsroom):
    """A published claim reopened for a correction by its fact-checker."""
    from desk import workflow

    claim, passage = cited
    checker, _ = newsroom
    workflow.correct_verdict(claim=claim, user=checker, note="A newer bulletin.")
    claim.refresh_from_db()
    return claim, passage


def test_taking_back_cited_evidence_in_the_admin_keeps_the_published_evidence(
    client, in_correction, newsroom
):
    claim, passage = in_correction
    checker, _ = newsroom
    match = claim.matches.get(passage=passage)
    client.force_login(checker)

    response = client.post(
        reverse("admin:claims_claim_change", args=[claim.pk]),
        {"action": "reject", "match": match.pk, "version": claim.version},
    )

    assert response.status_code == 302
    match.refresh_from_db()
    assert match.decision == Match.Decision.REJECTED
    published = Verdict.objects.get(pk=claim.published_verdict.pk)
    assert list(published.evidence.all()) == [match]
    assert published.published_evidence[0]["passage"] == CITED


def test_taking_back_cited_evidence_in_the_api_then_rematching_keeps_it(
    client, in_correction, newsroom
):
    claim, passage = in_correction
    checker, _ = newsroom
    match = claim.matches.get(passage=passage)
    client.force_login(checker)

    response = client.post(f"/api/matches/{match.pk}/reject/", content_type="application/json")
    assert response.status_code == 200, response.content[:300]
    review.reset_evidence(match=match, user=checker)  # no decision: re-matching may drop it

    services.match_claim(claim)

    assert Match.objects.filter(pk=match.pk).exists()
    assert list(claim.published_verdict.evidence.all()) == [match]


def test_a_passage_a_published_verdict_cites_stays_in_the_library(in_correction):
    from django.core.exceptions import ValidationError

    from sources import services as library

    claim, passage = in_correction
    Match.objects.filter(passage=passage).update(decision=Match.Decision.NONE)

    with pytest.raises(ValidationError, match="accepted evidence"):
        library.delete_passages([passage])

    assert Passage.objects.filter(pk=passage.pk).exists()
    assert Source.objects.filter(key="port-stats").exists()
