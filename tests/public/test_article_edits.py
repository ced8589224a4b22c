"""Editing an article with published fact-checks changes nothing that was published:
the edit becomes a new revision and the fact-checks are flagged for re-review."""

import pytest
from django.urls import reverse

from claims.models import Article, ArticleRevision, Claim, Rating
from public import selectors
from tests.factories import EditorFactory
from tests.public.conftest import claim_in, publish_claim

pytestmark = pytest.mark.django_db

SENTENCE = "The council approved 180 turbines for the coast last year."


@pytest.fixture
def rated_false(newsroom):
    checker, editor = newsroom
    claim = claim_in(sentence=SENTENCE, claim_span="The council approved 180 turbines")
    publish_claim(claim, checker, editor, rating=Rating.FALSE)
    return claim


def edit_body_in_admin(client, article, body):
    inline = list(article.claims.order_by("pk"))
    data = {
        "title": article.title,
        "url": article.url,
        "outlet": article.outlet,
        "published": "",
        "body": body,
        "original_format": article.original_format,
        "submitted_by": "",
        "claims-TOTAL_FORMS": str(len(inline)),
        "claims-INITIAL_FORMS": str(len(inline)),
        "claims-MIN_NUM_FORMS": "0",
        "claims-MAX_NUM_FORMS": "1000",
        "revisions-TOTAL_FORMS": "0",
        "revisions-INITIAL_FORMS": "0",
        "revisions-MIN_NUM_FORMS": "0",
        "revisions-MAX_NUM_FORMS": "1000",
    }
    for i, claim in enumerate(inline):
        data[f"claims-{i}-id"] = str(claim.pk)
        data[f"claims-{i}-article"] = str(article.pk)
    return client.post(reverse("admin:claims_article_change", args=[article.pk]), data)


@pytest.fixture
def edited(client, rated_false):
    article = rated_false.article
    client.force_login(EditorFactory())
    response = edit_body_in_admin(
        client, article, article.body.replace("180 turbines", "999 turbines")
    )
    assert response.status_code == 302, response.content[:2000]
    client.logout()
    return rated_false


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


def test_a_title_edit_makes_no_revision(client, rated_false):
    article = rated_false.article
    client.force_login(EditorFactory())
    article.title = "A better headline"

    response = edit_body_in_admin(client, article, article.body)

    assert response.status_code == 302
    assert not ArticleRevision.objects.exists()
    assert not Claim.objects.get(pk=rated_false.pk).needs_rereview
