"""Methodology, corrections policy and the corrections log."""

import pytest

from claims.models import Rating
from public.models import Page
from public.roles import ensure_public_roles
from tests.factories import EditorFactory
from tests.public.conftest import correct_claim

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("url", "title", "text"),
    [
        ("/methodology/", "Our methodology", "approved by a different editor"),
        ("/corrections-policy/", "Corrections policy", "A correction never erases the original"),
    ],
)
def test_default_editorial_pages_exist(client, url, title, text):
    page = client.get(url).content.decode()
    assert f"<h1>{title}</h1>" in page
    assert text in page


def test_an_editor_edits_the_methodology_in_the_admin(client):
    ensure_public_roles()
    client.force_login(EditorFactory())
    page = Page.objects.get(slug="methodology")
    response = client.post(
        f"/admin/public/page/{page.pk}/change/",
        {"title": "How we work", "body": "First paragraph.\n\nSee https://example.org/ <b>x</b>"},
    )
    assert response.status_code == 302
    html = client.get("/methodology/").content.decode()
    assert "<h1>How we work</h1>" in html
    assert "<p>First paragraph.</p>" in html
    assert '<a href="https://example.org/" rel="nofollow">https://example.org/</a>' in html
    assert "&lt;b&gt;x&lt;/b&gt;" in html


def test_corrections_log_lists_every_correction_with_date_and_note(client, newsroom, published):
    checker, editor = newsroom
    claim = published("The bridge is 1,200 metres long.", rating=Rating.TRUE)
    published("The tunnel cost 4 billion dollars.")  # never corrected
    correction = correct_claim(
        claim,
        checker,
        editor,
        note="The agency's register gives 870 metres.",
        rating=Rating.FALSE,
        summary="The bridge is 870 metres long.",
    )
    page = client.get("/corrections/").content.decode()
    assert "The agency&#x27;s register gives 870 metres." in page
    assert "“The bridge is 1,200 metres long.”" in page
    assert correction.published_at.strftime("%-d %B %Y") in page
    assert "Rating changed from <strong>True</strong> to <strong>False</strong>" in page
    assert "The tunnel cost 4 billion dollars." not in page
