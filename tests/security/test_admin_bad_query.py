"""Bad filter values on admin lists answer a 400 page that says what is wrong, never a
500 and never Django's redirect to a "database installation" page."""

import pytest
from django.urls import reverse

from claims.models import Article
from tests.factories import ClaimFactory, EditorFactory, SourceFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    client.force_login(EditorFactory())
    return client


@pytest.fixture
def superuser_client(client):
    client.force_login(UserFactory(username="root", is_superuser=True))
    return client


def assert_bad_query_page(response, *fragments):
    assert response.status_code == 400, response.status_code
    text = response.content.decode()
    assert "Traceback" not in text
    assert 'id="bad-query-reason"' in text
    assert 'id="unfiltered-list"' in text
    for fragment in fragments:
        assert fragment in text, fragment


def test_a_year_beyond_any_date_is_a_400_page(editor_client):
    SourceFactory()

    response = editor_client.get("/admin/sources/source/?year=99999999999999999999")

    assert_bad_query_page(response, "is not a year", "year=99999999999999999999")


def test_a_valid_year_still_filters(editor_client):
    SourceFactory(published="2021-05-01", title="Old bulletin")
    SourceFactory(published="2024-05-01", title="New bulletin")

    response = editor_client.get("/admin/sources/source/?year=2024")

    assert response.status_code == 200
    assert "New bulletin" in response.content.decode()
    assert "Old bulletin" not in response.content.decode()


@pytest.mark.postgresql("PostgreSQL itself refuses an invalid regular expression")
def test_an_invalid_regex_lookup_is_a_400_page(editor_client):
    ClaimFactory()

    response = editor_client.get("/admin/claims/claim/?text__regex=%5C")

    assert_bad_query_page(response, "text__regex")


@pytest.mark.parametrize(
    "path,reason",
    [
        # An unknown field or lookup.
        ("/admin/claims/article/?nonsense=1", "Cannot resolve keyword"),
        ("/admin/claims/article/?status__frobnicate=x", "Unsupported lookup"),
        # A value the field cannot take.
        pytest.param(
            "/admin/claims/claim/?state__exact=%00",
            "out of range or not valid",
            marks=pytest.mark.postgresql("PostgreSQL itself refuses a NUL byte in text"),
        ),
        ("/admin/claims/verdict/?published_at__isempty=maybe", "not valid"),
        ("/admin/auth/user/?is_staff__exact=perhaps", "must be either True or False"),
        ("/admin/claims/transitionlog/?created_at__month=13&created_at__year=2024", "month"),
        # Huge numbers.
        ("/admin/claims/claim/?article__id__exact=-1e308", "expected a number"),
        ("/admin/claims/transitionlog/?user__id__exact=1e999", "expected a number"),
        ("/admin/claims/transitionlog/?created_at__year=99999999999", "out of range"),
    ],
)
def test_bad_filter_values_are_a_400_page_never_a_500(superuser_client, path, reason):
    ClaimFactory()
    ClaimFactory()  # two articles: the article filter is shown, so it reads its value

    response = superuser_client.get(path)

    assert_bad_query_page(response, reason, path.split("?", 1)[1].split("&")[0].split("=")[0])


def test_an_id_beyond_any_row_finds_nothing(superuser_client):
    ClaimFactory(text="A listed claim.")
    ClaimFactory()

    response = superuser_client.get("/admin/claims/claim/?article__id__exact=" + "9" * 30)

    assert response.status_code in (200, 400)
    assert "A listed claim." not in response.content.decode()


@pytest.mark.postgresql("PostgreSQL itself refuses an invalid regular expression")
def test_the_list_works_after_a_refused_query(superuser_client):
    Article.objects.create(title="Still listed", body="Text.")
    assert superuser_client.get("/admin/claims/claim/?text__regex=%5C").status_code == 400

    response = superuser_client.get(reverse("admin:claims_article_changelist"))

    assert response.status_code == 200
    assert "Still listed" in response.content.decode()
