"""Editing an article with published fact-checks changes nothing that was published:
the edit becomes a new revision and the fact-checks are flagged for re-review."""

import pytest
from django.urls import reverse

from claims.models import Article, ArticleRevision, Claim
from desk import articles
from public import selectors
from tests.factories import EditorFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def edited(rated_false):
    """The article's text edited after its claim was published (one edit, one revision)."""
    article = Article.objects.get(pk=rated_false.article_id)
    article.body = article.body.replace("180 turbines", "999 turbines")
    articles.revise_article(article=article, user=EditorFactory())
    return rated_false


def test_the_admin_cannot_change_the_body_of_an_article(client, rated_false):
    article = rated_false.article
    client.force_login(EditorFactory())
    url = reverse("admin:claims_article_change", args=[article.pk])
    form = client.get(url).context["adminform"].form

    assert "body" not in form.fields


def test_the_public_quote_keeps_the_published_words_after_an_article_edit(client, edited):
    assert "999" in Article.objects.get(pk=edited.article_id).body

    page = client.get(selectors.fact_check(edited.pk).path).content.decode()

    assert "180 turbines" in page
    assert "999 turbines" not in page


def test_the_article_page_keeps_the_published_quote(client, edited):
    page = client.get(reverse("public:article", args=[edited.article_id])).content.decode()

    assert "180 turbines" in page
    assert "999 turbines" not in page


def test_an_article_edit_is_kept_as_a_new_revision(edited):
    revisions = list(ArticleRevision.objects.filter(article=edited.article_id))

    assert [r.number for r in revisions] == [1, 2]
    assert "180 turbines" in revisions[0].body and "999 turbines" in revisions[1].body
    assert revisions[1].edited_by is not None


def test_an_article_edit_flags_its_published_fact_checks_for_re_review(edited):
    claim = Claim.objects.get(pk=edited.pk)

    assert claim.needs_rereview
    assert "article" in claim.rereview_reason
    assert claim.transitions.filter(action="flag_rereview").exists()


def test_a_title_edit_makes_no_revision(rated_false):
    article = Article.objects.get(pk=rated_false.article_id)
    article.title = "A better headline"

    assert articles.revise_article(article=article, user=EditorFactory()) is None

    assert not ArticleRevision.objects.exists()
    assert not Claim.objects.get(pk=rated_false.pk).needs_rereview


def test_claims_keep_pointing_at_their_words_after_an_edit_before_them(rated_false):
    article = Article.objects.get(pk=rated_false.article_id)
    words = article.body[rated_false.start : rated_false.end]
    sentence = article.body[rated_false.sentence_start : rated_false.sentence_end]
    article.body = "Updated on Tuesday with the council's reply. " + article.body
    articles.revise_article(article=article, user=EditorFactory())

    claim = Claim.objects.get(pk=rated_false.pk)
    body = Article.objects.get(pk=article.pk).body
    assert body[claim.start : claim.end] == words
    assert body[claim.sentence_start : claim.sentence_end] == sentence
