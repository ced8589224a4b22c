"""The Atom feed of new and corrected fact-checks, and the sitemap."""

import xml.etree.ElementTree as ET

import pytest

from claims.models import Rating
from tests.public.conftest import correct_claim

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def test_feed_has_an_entry_per_publication_and_per_correction(client, newsroom, published):
    checker, editor = newsroom
    claim = published("The bridge is 1,200 metres long.", rating=Rating.TRUE)
    correct_claim(
        claim,
        checker,
        editor,
        note="The register gives 870 metres.",
        rating=Rating.FALSE,
        summary="The bridge is 870 metres long.",
    )
    response = client.get("/feed.atom")
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    entries = feed.findall(f"{ATOM}entry")
    titles = [e.find(f"{ATOM}title").text for e in entries]
    assert titles == [
        "Corrected: False: The bridge is 1,200 metres long.",
        "True: The bridge is 1,200 metres long.",
    ]
    ids = {e.find(f"{ATOM}id").text for e in entries}
    assert len(ids) == 2
    link = entries[0].find(f"{ATOM}link").get("href")
    assert link == f"http://testserver/claims/{claim.pk}/the-bridge-is-1200-metres-long/"
    assert "The register gives 870 metres." in entries[0].find(f"{ATOM}summary").text


def test_pages_link_to_the_feed(client):
    assert 'type="application/atom+xml"' in client.get("/").content.decode()


def test_sitemap_lists_canonical_claim_and_article_urls(client, published):
    claim = published("The bridge is 1,200 metres long.")
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    locs = {e.text for e in ET.fromstring(response.content).iter(f"{SITEMAP}loc")}
    assert f"http://testserver/claims/{claim.pk}/the-bridge-is-1200-metres-long/" in locs
    assert f"http://testserver/articles/{claim.article_id}/" in locs
    assert "http://testserver/methodology/" in locs
    assert "http://testserver/corrections/" in locs


def test_sitemap_and_canonicals_use_the_configured_base_url(client, settings, published):
    settings.PUBLIC_BASE_URL = "https://factcheck.example"
    claim = published("The bridge is 1,200 metres long.")
    locs = {e.text for e in ET.fromstring(client.get("/sitemap.xml").content).iter(f"{SITEMAP}loc")}
    path = f"/claims/{claim.pk}/the-bridge-is-1200-metres-long/"
    assert f"https://factcheck.example{path}" in locs
    assert f'<link rel="canonical" href="https://factcheck.example{path}">' in (
        client.get(path).content.decode()
    )
