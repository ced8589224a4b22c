"""Revising an article's text in the admin: a new revision with its author and reason,
published fact-checks flagged for re-review, published quotes unchanged; by role."""

import pytest
from django.test import override_settings
from django.urls import reverse

from claims.models import Article, ArticleRevision, Claim
from public import selectors
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def revise_url(article_id):
    return reverse("admin:claims_article_revise", args=[article_id])


def post_revision(client, claim, *, body=None, reason="The outlet corrected the figure."):
    article = Article.objects.get(pk=claim.article_id)
    body = article.body.replace("180 turbines", "999 turbines") if body is None else body
    return client.post(revise_url(article.pk), {"body": body, "reason": reason})


@pytest.mark.parametrize("role", ["checker", "editor"])
def test_fact_checkers_and_editors_revise_the_text_in_the_admin(
    client, newsroom, rated_false, role
):
    user = dict(zip(["checker", "editor"], newsroom, strict=True))[role]
    client.force_login(user)

    page = client.get(revise_url(rated_false.article_id))
    response = post_revision(client, rated_false)

    assert page.status_code == 200
    assert "1 published fact-check" in page.content.decode()
    assert response.status_code == 302
    article = Article.objects.get(pk=rated_false.article_id)
    assert "999 turbines" in article.body
    first, second = ArticleRevision.objects.filter(article=article).order_by("number")
    assert "180 turbines" in first.body and "999 turbines" in second.body
    assert second.edited_by == user
    assert second.reason == "The outlet corrected the figure."


def test_a_revision_flags_the_published_fact_check_and_keeps_its_quote(
    client, newsroom, rated_false
):
    _, editor = newsroom
    client.force_login(editor)

    post_revision(client, rated_false)

    claim = Claim.objects.get(pk=rated_false.pk)
    assert claim.needs_rereview
    assert claim.transitions.filter(action="flag_rereview").exists()
    page = client.get(selectors.fact_check(claim.pk).path).content.decode()
    assert "180 turbines" in page and "999 turbines" not in page


def test_the_article_page_links_to_the_revision_form(client, newsroom, rated_false):
    _, editor = newsroom
    client.force_login(editor)

    page = client.get(reverse("admin:claims_article_change", args=[rated_false.article_id]))

    assert revise_url(rated_false.article_id) in page.content.decode()


def test_staff_without_a_newsroom_role_cannot_revise(client, rated_false):
    client.force_login(UserFactory(username="intern"))
    before = Article.objects.get(pk=rated_false.article_id).body

    assert client.get(revise_url(rated_false.article_id)).status_code == 403
    assert post_revision(client, rated_false).status_code == 403
    assert Article.objects.get(pk=rated_false.article_id).body == before
    assert not ArticleRevision.objects.exists()


def test_anonymous_visitors_are_sent_to_the_login(client, rated_false):
    response = post_revision(client, rated_false)

    assert response.status_code == 302
    assert "/login/" in response["Location"]
    assert not ArticleRevision.objects.exists()


@pytest.mark.parametrize(
    "body,reason,message",
    [
        (None, "", "Say why the text changed"),
        ("   ", "Typo.", "cannot be empty"),
        ("x" * 101, "Too long.", "longer than 100 characters"),
    ],
)
def test_a_bad_revision_is_refused_with_a_clear_message(
    client, newsroom, rated_false, body, reason, message
):
    _, editor = newsroom
    client.force_login(editor)
    before = Article.objects.get(pk=rated_false.article_id).body

    with override_settings(FACTCHECK_MAX_ARTICLE_CHARS=100):
        response = post_revision(client, rated_false, body=body, reason=reason)

    assert response.status_code == 200
    assert message in response.content.decode()
    assert Article.objects.get(pk=rated_false.article_id).body == before
    assert not Claim.objects.get(pk=rated_false.pk).needs_rereview


def test_an_unchanged_text_saves_nothing(client, newsroom, rated_false):
    _, editor = newsroom
    client.force_login(editor)
    body = Article.objects.get(pk=rated_false.article_id).body

    response = post_revision(client, rated_false, body=body)

    assert response.status_code == 302
    assert not ArticleRevision.objects.exists()
    assert not Claim.objects.get(pk=rated_false.pk).needs_rereview


def test_an_article_being_processed_is_not_revised(client, newsroom, rated_false):
    _, editor = newsroom
    client.force_login(editor)
    Article.objects.filter(pk=rated_false.article_id).update(status=Article.Status.PROCESSING)

    response = post_revision(client, rated_false)

    assert response.status_code == 200
    assert "is being processed" in response.content.decode()
    assert not ArticleRevision.objects.exists()
