"""robots.txt: crawlers read the public site, never the admin or the API."""

import urllib.robotparser

import pytest

pytestmark = pytest.mark.django_db


def _parser(client) -> urllib.robotparser.RobotFileParser:
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    parser = urllib.robotparser.RobotFileParser()
    parser.parse(response.content.decode().splitlines())
    return parser


def test_robots_allows_the_public_pages(client, published):
    claim = published("The bridge is 1,200 metres long.")
    parser = _parser(client)
    for path in ("/", f"/claims/{claim.pk}/the-bridge-is-1200-metres-long/", "/corrections/"):
        assert parser.can_fetch("Googlebot", f"http://testserver{path}"), path


def test_robots_disallows_the_admin_and_the_api(client):
    parser = _parser(client)
    for path in ("/admin/", "/admin/login/", "/api/", "/api/public/fact-checks/", "/api/docs/"):
        assert not parser.can_fetch("Googlebot", f"http://testserver{path}"), path


def test_robots_names_the_sitemap_at_the_configured_address(client, settings):
    settings.PUBLIC_BASE_URL = "https://factcheck.example"
    assert _parser(client).site_maps() == ["https://factcheck.example/sitemap.xml"]
    assert client.get("/sitemap.xml").status_code == 200
