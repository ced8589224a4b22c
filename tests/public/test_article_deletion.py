"""An article (or claim) with published fact-checks is never deleted: the admin refuses
with the reason, the API offers no deletion, the shell is refused; nothing is deleted."""

import pytest
from django.db import transaction
from django.urls import reverse

from claims.integrity import StateChangeForbidden
from claims.models import Article, Claim, Verdict
from tests.factories import ArticleFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser(db):
    return UserFactory(username="root", is_superuser=True)


@pytest.fixture
def checked(published):
    return published()


def counts():
    return Article.objects.count(), Claim.objects.count(), Verdict.objects.count()


def test_the_admin_delete_page_refuses_an_article_with_published_fact_checks(
    client, superuser, checked
):
    client.force_login(superuser)
    url = reverse("admin:claims_article_delete", args=[checked.article_id])
    before = counts()

    page = client.get(url)
    posted = client.post(url, {"post": "yes"})

    assert page.status_code == 200
    text = page.content.decode()
    assert "Cannot delete" in text
    assert "a published fact-check is never deleted" in text
    assert posted.status_code == 200
    assert counts() == before


def test_delete_selected_refuses_articles_with_published_fact_checks(client, superuser, checked):
    other = ArticleFactory()
    client.force_login(superuser)
    before = counts()

    response = client.post(
        reverse("admin:claims_article_changelist"),
        {
            "action": "delete_selected",
            "_selected_action": [checked.article_id, other.pk],
            "post": "yes",
        },
    )

    assert response.status_code == 200
    assert "a published fact-check is never deleted" in response.content.decode()
    assert counts() == before


def test_an_article_without_published_fact_checks_can_still_be_deleted(client, superuser):
    article = ArticleFactory()
    client.force_login(superuser)

    response = client.post(
        reverse("admin:claims_article_delete", args=[article.pk]), {"post": "yes"}
    )

    assert response.status_code == 302
    assert not Article.objects.filter(pk=article.pk).exists()


def test_the_admin_refuses_deleting_a_claim_with_a_published_fact_check(client, superuser, checked):
    client.force_login(superuser)
    before = counts()

    response = client.post(reverse("admin:claims_claim_delete", args=[checked.pk]), {"post": "yes"})

    assert response.status_code == 200
    assert "a published fact-check is never deleted" in response.content.decode()
    assert counts() == before


def test_the_api_has_no_article_deletion(client, newsroom, checked):
    _, editor = newsroom
    client.force_login(editor)
    before = counts()

    response = client.delete(f"/api/articles/{checked.article_id}/")

    assert response.status_code == 405
    assert set(response.json()) == {"detail", "code", "fields"}
    assert counts() == before


def test_deleting_the_article_from_the_shell_is_refused(checked):
    before = counts()

    with pytest.raises(StateChangeForbidden), transaction.atomic():
        Article.objects.get(pk=checked.article_id).delete()
    with pytest.raises(StateChangeForbidden), transaction.atomic():
        Article.objects.filter(pk=checked.article_id).delete()

    assert counts() == before
