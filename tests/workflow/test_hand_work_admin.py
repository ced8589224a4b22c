"""Hand-work in the admin: submitting articles, process again, duplicates, merge."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from claims.models import Article, ClaimState
from tests.factories import ArticleFactory, ClaimFactory

pytestmark = pytest.mark.django_db

BODY = "The harbour handled 12 million tonnes of cargo in 2022, its busiest year."


def test_an_article_added_in_the_admin_is_processed_and_credited_to_its_submitter(
    client, fact_checker, django_capture_on_commit_callbacks
):
    client.force_login(fact_checker)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/admin/claims/article/add/",
            {"title": "Harbour year", "body": BODY, "original_format": "text"},
        )
    article = Article.objects.get(title="Harbour year")
    assert response.status_code == 302
    assert response["Location"] == f"/admin/claims/article/{article.pk}/change/"
    assert article.status == Article.Status.DONE
    assert article.submitted_by == fact_checker
    assert article.claims.exists()


def test_an_uploaded_text_file_is_submitted(client, fact_checker):
    client.force_login(fact_checker)
    upload = SimpleUploadedFile("harbour.txt", BODY.encode("utf-8"))
    client.post(
        "/admin/claims/article/add/",
        {"title": "From a file", "original_format": "text", "upload": upload},
    )
    assert Article.objects.get(title="From a file").body == BODY


def test_an_upload_of_another_kind_is_refused_with_a_form_error(client, fact_checker):
    client.force_login(fact_checker)
    upload = SimpleUploadedFile("harbour.exe", b"MZ\x00\x00")
    response = client.post(
        "/admin/claims/article/add/",
        {"title": "Binary", "original_format": "text", "upload": upload},
    )
    assert response.status_code == 200
    assert "Upload a .txt, .html or .pdf file." in response.content.decode()
    assert not Article.objects.exists()


def test_a_failed_article_is_processed_again(
    client, fact_checker, django_capture_on_commit_callbacks
):
    article = ArticleFactory(body=BODY, status=Article.Status.FAILED, error="Worker lost")
    client.force_login(fact_checker)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/claims/article/{article.pk}/process-again/")
    article.refresh_from_db()
    assert article.status == Article.Status.DONE
    assert article.claims.exists()


def test_a_processed_article_is_not_processed_twice(client, fact_checker):
    article = ArticleFactory(body=BODY, status=Article.Status.DONE)
    client.force_login(fact_checker)
    response = client.post(f"/admin/claims/article/{article.pk}/process-again/", follow=True)
    assert "is already processed" in response.content.decode()
    assert not article.claims.exists()


def test_an_article_with_the_address_of_an_earlier_one_links_to_it(client, fact_checker):
    earlier = ArticleFactory(url="https://news.example/harbour", body="First version.")
    later = ArticleFactory(url="https://news.example/harbour", body="Another text entirely.")
    client.force_login(fact_checker)
    page = client.get(f"/admin/claims/article/{later.pk}/change/").content.decode()
    assert f'href="/admin/claims/article/{earlier.pk}/change/"' in page


def test_near_identical_text_is_flagged_as_a_duplicate(client, fact_checker):
    earlier = ArticleFactory(body=BODY * 5)
    later = ArticleFactory(body=BODY * 5 + " Updated at noon.")
    unrelated = ArticleFactory(body="Rainfall was heavy in the north of the country. " * 8)
    client.force_login(fact_checker)
    page = client.get(f"/admin/claims/article/{later.pk}/change/").content.decode()
    assert f'href="/admin/claims/article/{earlier.pk}/change/"' in page
    assert f'href="/admin/claims/article/{unrelated.pk}/change/"' not in page


def test_adding_a_claim_in_the_admin_leads_to_the_article_reader(client, fact_checker):
    client.force_login(fact_checker)
    response = client.get("/admin/claims/claim/add/")
    assert response.status_code == 302
    assert response["Location"] == "/admin/claims/article/"


def test_duplicates_are_merged_from_the_claim_page(client, fact_checker):
    claim = ClaimFactory(state=ClaimState.IN_REVIEW, assignee=fact_checker)
    duplicate = ClaimFactory(article=claim.article)
    client.force_login(fact_checker)
    client.post(
        f"/admin/claims/claim/{claim.pk}/hand/merge/",
        {"claims": [duplicate.pk], "version": claim.version},
    )
    duplicate.refresh_from_db()
    assert duplicate.state == ClaimState.MERGED
    page = client.get(f"/admin/claims/claim/{claim.pk}/change/").content.decode()
    assert f'href="/admin/claims/claim/{duplicate.pk}/change/"' in page
