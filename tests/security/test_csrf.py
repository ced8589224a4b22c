"""Every URL refuses a state-changing request from a logged-in session without a CSRF token."""

import pytest
from django.test import Client
from django.urls import Resolver404, URLPattern, URLResolver, get_resolver, resolve
from django.utils.regex_helper import normalize

from tests.factories import ClaimFactory

pytestmark = pytest.mark.django_db

UNSAFE_METHODS = ("post", "put", "patch", "delete")


def _leaf_patterns(resolver: URLResolver, prefix: str = ""):
    for entry in resolver.url_patterns:
        regex = entry.pattern.regex.pattern.lstrip("^").removesuffix(r"\Z").removesuffix("$")
        if isinstance(entry, URLResolver):
            yield from _leaf_patterns(entry, prefix + regex)
        elif isinstance(entry, URLPattern):
            yield prefix + regex


def _sample(name: str, ids: dict[str, str]) -> str:
    return {
        "app_label": "claims",
        "model_name": "claim",
        "url": "claims/claim/",
        "format": "json",
        "slug": "a-claim",
        "uidb64": "MQ",
        "token": "set-password",
    }.get(name, ids.get(name, ids["pk"]))


def concrete_urls(ids: dict[str, str]) -> list[str]:
    """One real URL for every pattern in the URLconf (admin, API, public pages)."""
    urls = set()
    for regex in _leaf_patterns(get_resolver()):
        for template, params in normalize(regex):
            url = "/" + template % {p: _sample(p, ids) for p in params}
            try:
                resolve(url)
            except Resolver404:
                # A sample value the pattern does not accept (e.g. a bare format suffix).
                continue
            urls.add(url)
    return sorted(urls)


@pytest.fixture
def session_client(superuser):
    client = Client(enforce_csrf_checks=True)
    client.force_login(superuser)
    return client


def test_the_url_walk_covers_the_admin_the_api_and_the_public_site(superuser):
    urls = concrete_urls({"pk": "1"})
    assert len(urls) > 50
    for expected in ("/admin/login/", "/admin/claims/claim/1/change/", "/api/articles/", "/"):
        assert expected in urls


def test_every_url_refuses_unsafe_methods_without_a_csrf_token(session_client, superuser):
    claim = ClaimFactory()
    ids = {"pk": str(claim.pk), "object_id": str(claim.pk), "id": str(claim.pk)}
    refused, accepted = 0, []
    for url in concrete_urls(ids):
        for method in UNSAFE_METHODS:
            response = getattr(session_client, method)(url, data={}, follow=False)
            if response.status_code == 403:
                refused += 1
            else:
                accepted.append((method.upper(), url, response.status_code))
    assert accepted == []
    assert refused > 200


def test_the_same_post_with_a_token_gets_through(session_client):
    session_client.get("/admin/")
    token = session_client.cookies["csrftoken"].value
    response = session_client.post("/admin/logout/", {"csrfmiddlewaretoken": token})
    assert response.status_code == 200
