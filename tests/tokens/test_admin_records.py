"""The token audit trail is read-only in the admin, even for a superuser."""

import pytest
from django.urls import reverse

from tests.factories import UserFactory
from tokens import services
from tokens.models import TokenEvent

pytestmark = pytest.mark.django_db


def test_token_events_can_be_read_but_not_added_changed_or_deleted(client):
    admin = UserFactory(is_staff=True, is_superuser=True)
    services.create_token(user=admin, name="laptop")
    event = TokenEvent.objects.get()
    client.force_login(admin)

    assert client.get(reverse("admin:tokens_tokenevent_changelist")).status_code == 200
    page = client.get(reverse("admin:tokens_tokenevent_change", args=[event.pk]))
    assert page.status_code == 200
    assert not page.context["has_change_permission"]
    assert client.get(reverse("admin:tokens_tokenevent_add")).status_code == 403
    delete = reverse("admin:tokens_tokenevent_delete", args=[event.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403
    assert TokenEvent.objects.filter(pk=event.pk).exists()
