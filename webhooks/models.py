"""Outgoing webhooks: endpoints an administrator configures, and every delivery attempt."""

from django.conf import settings
from django.db import models
from django.db.models import Q


class Event(models.TextChoices):
    """Workflow events an endpoint can subscribe to (the name is the payload's `event`)."""

    CLAIM_ASSIGNED = "claim.assigned", "Claim assigned"
    VERDICT_PROPOSED = "verdict.proposed", "Verdict proposed"
    VERDICT_APPROVED = "verdict.approved", "Verdict approved"
    VERDICT_PUBLISHED = "verdict.published", "Verdict published"
    CORRECTION_STARTED = "correction.started", "Correction started"
    # Sent on an administrator's request to check an endpoint; nobody subscribes to it.
    PING = "ping", "Test event"

    @classmethod
    def workflow_choices(cls) -> list[tuple[str, str]]:
        return [(value, label) for value, label in cls.choices if value != cls.PING]


class Endpoint(models.Model):
    """Where workflow events are POSTed: a chat tool's incoming webhook or a newsroom system."""

    class Format(models.TextChoices):
        JSON = "json", "JSON (signed event with its data)"
        SLACK = "slack", 'Slack-compatible ({"text": ...})'

    name = models.CharField(max_length=100, unique=True)
    # Chat tools put their own secret in the address: it is shown only to administrators.
    url = models.URLField("URL", max_length=500)
    # Signs every payload (HMAC-SHA256); never written to logs or the delivery log.
    secret = models.CharField(max_length=200)
    events = models.JSONField(default=list, help_text="The events sent to this endpoint.")
    format = models.CharField(max_length=10, choices=Format.choices, default=Format.JSON)
    is_active = models.BooleanField("active", default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(condition=~Q(secret=""), name="webhook_endpoint_has_secret")
        ]

    def __str__(self) -> str:
        return self.name


class Delivery(models.Model):
    """One event sent to one endpoint, with every attempt at it."""

    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        RETRYING = "retrying", "Retrying"
        DELIVERED = "delivered", "Delivered"
        FAILED = "failed", "Failed"

    endpoint = models.ForeignKey(Endpoint, on_delete=models.CASCADE, related_name="deliveries")
    event = models.CharField(max_length=40, choices=Event.choices)
    # What is sent (without the secret); the body is rebuilt from it for each attempt.
    payload = models.JSONField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name_plural = "deliveries"
        indexes = [
            models.Index(fields=["endpoint", "-created_at"], name="delivery_endpoint_log"),
        ]

    def __str__(self) -> str:
        return f"{self.event} to {self.endpoint} ({self.get_status_display()})"


class DeliveryAttempt(models.Model):
    """One POST of a delivery: when, what the endpoint answered or what went wrong."""

    delivery = models.ForeignKey(Delivery, on_delete=models.CASCADE, related_name="log")
    number = models.PositiveIntegerField()
    at = models.DateTimeField()
    status_code = models.PositiveIntegerField(null=True, blank=True)
    error = models.CharField(max_length=500, blank=True)
    duration_ms = models.PositiveIntegerField(default=0)
    # Seconds until the next attempt; null when there is none.
    retry_in = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["delivery", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["delivery", "number"], name="delivery_attempt_number_unique"
            )
        ]

    def __str__(self) -> str:
        return f"Attempt {self.number} of {self.delivery}"

    @property
    def succeeded(self) -> bool:
        return self.status_code is not None and 200 <= self.status_code < 300
