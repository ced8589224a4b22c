"""Nothing unpublished reaches the public: no draft claim, verdict, comment or reviewer."""

import pytest

from claims.models import Article, Claim, Rating
from desk import review, workflow
from tests.factories import MatchFactory
from tests.public.conftest import accept_match, claim_in, propose, publish_claim

pytestmark = pytest.mark.django_db

MARK = "zzleak"


@pytest.fixture
def every_state(newsroom, published):
    """One claim in each state but published, one correction in progress, two public claims."""
    checker, editor = newsroom
    public = published("The zebra crossing count rose to 40 in 2024.", summary="Public zebra.")
    published("The harbour handled 12 million tonnes in 2022.")

    def draft(state_label):
        return claim_in(
            sentence=f"Unpublished zebra claim {MARK}-{state_label}-text.",
            title=f"Zebra article {MARK}-{state_label}-title",
        )

    draft("extracted")
    repeat = draft("extracted-repeat")
    repeat.repeats = public
    repeat.save(update_fields=["repeats"])

    in_review = draft("in-review")
    workflow.start_review(claim=in_review, user=checker)
    accept_match(in_review, checker)

    awaiting = draft("awaiting")
    workflow.start_review(claim=awaiting, user=checker)
    accept_match(awaiting, checker)
    propose(awaiting, checker, summary=f"Zebra draft summary {MARK}-awaiting-summary")

    approved = draft("approved")
    workflow.start_review(claim=approved, user=checker)
    accept_match(approved, checker)
    propose(
        approved,
        checker,
        summary=f"Zebra summary {MARK}-approved-summary",
        explanation=f"Zebra explanation {MARK}-approved-explanation",
    )
    workflow.approve_verdict(claim=approved, editor=editor)

    sent_back = draft("sent-back")
    workflow.start_review(claim=sent_back, user=checker)
    accept_match(sent_back, checker)
    propose(sent_back, checker, summary=f"Zebra summary {MARK}-sent-back-summary")
    workflow.request_changes(
        claim=sent_back, editor=editor, comment=f"Zebra comment {MARK}-editor-comment"
    )

    dismissed = draft("dismissed")
    workflow.start_review(claim=dismissed, user=checker)
    workflow.dismiss(claim=dismissed, user=checker, reason=f"Zebra reason {MARK}-dismissed")

    # A published claim being corrected: reworded, with a draft verdict awaiting approval.
    corrected = published("The zebra park has 300 zebras.", summary="Public zebra park.")
    workflow.correct_verdict(
        claim=corrected, user=checker, note=f"Zebra note {MARK}-correction-note"
    )
    review.edit_claim_text(
        claim=corrected, user=checker, text=f"The zebra park has {MARK}-reworded zebras."
    )
    MatchFactory(claim=corrected, passage__text=f"Zebra passage {MARK}-unaccepted-passage")
    propose(
        corrected,
        checker,
        rating=Rating.TRUE,
        summary=f"Zebra summary {MARK}-correction-summary",
        correction_note=f"Zebra note {MARK}-correction-note",
    )
    assert Claim.objects.filter(text__contains=MARK).count() == 8
    return public, corrected


def public_urls(client):
    urls = [
        "/",
        "/?q=zebra",
        "/?q=unpublished",
        "/?rating=true",
        "/?page=2",
        "/corrections/",
        "/methodology/",
        "/corrections-policy/",
        "/suggest/",
        "/feed.atom",
        "/sitemap.xml",
    ]
    for claim in Claim.objects.all():
        urls += [f"/claims/{claim.pk}/", f"/claims/{claim.pk}/zebra/"]
    for article in Article.objects.all():
        urls.append(f"/articles/{article.pk}/")
    return urls


def test_no_draft_text_comment_or_reviewer_appears_on_any_public_url(client, every_state):
    statuses = {}
    for url in public_urls(client):
        response = client.get(url, follow=True)
        statuses[url] = response.status_code
        text = response.content.decode().lower()
        assert MARK not in text, url
        for name in ("zz-checker-kowalczyk", "zz-editor-okonkwo", "kasia", "ngozi"):
            assert name not in text, (url, name)
    assert statuses["/feed.atom"] == 200
    assert statuses["/sitemap.xml"] == 200
    # The same pages do show what is published (the check above is not vacuous).
    found = client.get("/?q=zebra").content.decode()
    assert "The zebra crossing count rose to 40 in 2024." in found
    assert "The zebra park has 300 zebras." in found


def test_unpublished_claims_and_their_articles_are_not_found(client, every_state):
    _, corrected = every_state
    for claim in Claim.objects.filter(text__contains=MARK).exclude(pk=corrected.pk):
        assert client.get(f"/claims/{claim.pk}/", follow=True).status_code == 404
        assert client.get(f"/articles/{claim.article_id}/").status_code == 404


def test_a_claim_being_corrected_keeps_its_published_verdict_and_text(client, every_state):
    _, corrected = every_state
    page = client.get(f"/claims/{corrected.pk}/", follow=True).content.decode()
    assert "The zebra park has 300 zebras." in page
    assert "Public zebra park." in page


def test_the_search_does_not_find_claims_by_their_draft_text(client, every_state):
    page = client.get("/?q=reworded").content.decode()
    assert "0 fact-checks" in page


def test_publishing_a_claim_makes_it_public(client, newsroom):
    checker, editor = newsroom
    claim = claim_in(sentence="The zebra crossing count rose to 40 in 2024.")
    assert client.get(f"/claims/{claim.pk}/").status_code == 404
    publish_claim(claim, checker, editor)
    assert client.get(f"/claims/{claim.pk}/", follow=True).status_code == 200
