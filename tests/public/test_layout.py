"""Every public page: semantic, accessible markup readable on a phone."""

import re
from html.parser import HTMLParser

import pytest

pytestmark = pytest.mark.django_db


class Outline(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def outline(html: str) -> Outline:
    parser = Outline()
    parser.feed(html)
    return parser


@pytest.fixture
def public_pages(client, newsroom, published):
    claim = published("The bridge is 1,200 metres long.")
    detail = client.get(f"/claims/{claim.pk}/")["Location"]
    return [
        "/",
        "/?q=bridge",
        detail,
        f"/articles/{claim.article_id}/",
        "/corrections/",
        "/methodology/",
        "/corrections-policy/",
        "/suggest/",
        "/suggest/thanks/",
    ]


def test_every_page_has_one_h1_landmarks_a_skip_link_and_a_viewport(client, public_pages):
    for url in public_pages:
        html = client.get(url).content.decode()
        tags = outline(html).tags
        names = [t for t, _ in tags]
        assert names.count("h1") == 1, url
        for landmark in ("header", "nav", "main", "footer"):
            assert landmark in names, (url, landmark)
        assert '<html lang="en">' in html
        assert '<a class="skip-link" href="#main">' in html
        assert any(t == "main" and a.get("id") == "main" for t, a in tags)
        assert 'name="viewport" content="width=device-width, initial-scale=1"' in html
        assert "/static/public/public.css" in html
        assert "style=" not in html  # all styling in the static stylesheet


def test_every_form_field_has_a_label(client, public_pages):
    for url in public_pages:
        html = client.get(url).content.decode()
        tags = outline(html).tags
        labelled = {a.get("for") for t, a in tags if t == "label"}
        for tag, attrs in tags:
            if tag in ("input", "select", "textarea") and attrs.get("type") not in (
                "hidden",
                "submit",
            ):
                assert attrs.get("id") in labelled, (url, attrs)


def test_nav_marks_the_current_page(client):
    html = client.get("/corrections/").content.decode()
    assert re.search(r'href="/corrections/" aria-current="page"', html)


def test_a_missing_page_answers_404_in_the_site_layout(client):
    response = client.get("/claims/999999/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "<h1>Page not found</h1>" in html
    assert '<a class="skip-link" href="#main">' in html
