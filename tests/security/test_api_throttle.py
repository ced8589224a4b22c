"""The API's per-address throttle cannot be dodged with a forged X-Forwarded-For."""

import pytest
from django.core.cache import cache
from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_requests_a_minute(monkeypatch):
    cache.clear()
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "2/minute"})
    yield
    cache.clear()


def test_forged_forwarded_for_headers_share_one_throttle_bucket(client, two_requests_a_minute):
    assert api_settings.NUM_PROXIES == 0
    statuses = [
        client.get("/api/public/fact-checks/", HTTP_X_FORWARDED_FOR=f"198.51.100.{n}").status_code
        for n in range(3)
    ]
    assert statuses == [200, 200, 429]
