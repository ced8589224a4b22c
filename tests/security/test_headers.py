"""Security headers on every response; cookies flagged; production values from the env."""

import pytest
from django.test import override_settings

from claims.models import ClaimState
from tests.factories import ClaimFactory

pytestmark = pytest.mark.django_db

PAGES = [
    "/",
    "/methodology/",
    "/api/",
    "/api/public/fact-checks/",
    "/api/schema/",
    "/api/docs/",
    "/healthz",
    "/admin/login/",
    "/sitemap.xml",
    "/feed.atom",
    "/no-such-page/",
]


@pytest.mark.parametrize("url", PAGES)
def test_every_response_carries_the_security_headers(client, url):
    ClaimFactory(state=ClaimState.PUBLISHED)
    response = client.get(url)
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert "object-src 'none'" in csp
    assert "unsafe-eval" not in csp
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_the_api_docs_load_swagger_ui_from_our_own_static_files(client):
    response = client.get("/api/docs/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "drf_spectacular_sidecar/swagger-ui-dist" in page
    assert "https://" not in response["Content-Security-Policy"]


def test_the_admin_changelist_has_the_csp_header(staff_client):
    response = staff_client.get("/admin/claims/claim/")
    assert response.status_code == 200
    assert "script-src 'self'" in response["Content-Security-Policy"]


@override_settings(
    SECURE_HSTS_SECONDS=31536000,
    SECURE_HSTS_INCLUDE_SUBDOMAINS=True,
    SECURE_HSTS_PRELOAD=True,
    SESSION_COOKIE_SECURE=True,
    CSRF_COOKIE_SECURE=True,
)
def test_https_responses_carry_hsts_and_cookies_are_secure_httponly_samesite(client, superuser):
    login = client.get("/admin/login/", secure=True)
    assert login["Strict-Transport-Security"] == ("max-age=31536000; includeSubDomains; preload")
    response = client.post(
        "/admin/login/?next=/admin/",
        {"username": "root", "password": "correct horse battery"},
        secure=True,
    )
    assert response.status_code == 302
    for name in ("sessionid", "csrftoken"):
        cookie = client.cookies[name]
        assert cookie["secure"] is True, name
        assert cookie["httponly"] is True, name
        assert cookie["samesite"] == "Lax", name
