"""What the workflow leaves behind: the transition log and notifications to people."""

from django.conf import settings
from django.db import models
from django.db.models import Q

from .claims import Claim, ClaimState
from .verdicts import Verdict


class TransitionLog(models.Model):
    """One workflow transition: who moved which claim from what state to what, and why."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="transitions")
    verdict = models.ForeignKey(
        Verdict, null=True, blank=True, on_delete=models.SET_NULL, related_name="transitions"
    )
    action = models.CharField(max_length=40)
    from_state = models.CharField(max_length=20, choices=ClaimState.choices)
    to_state = models.CharField(max_length=20, choices=ClaimState.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        help_text="Empty when the system took the transition (e.g. a source changed).",
    )
    comment = models.TextField(blank=True)
    # What the verdict and claim said at this moment; request-changes diffs start here.
    snapshot = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["claim_id", "created_at", "pk"]
        indexes = [
            models.Index(fields=["claim", "created_at"], name="transition_claim_time_idx"),
            models.Index(fields=["to_state", "created_at"], name="transition_state_time_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.claim_id}: {self.from_state} -> {self.to_state} ({self.action})"


class Notification(models.Model):
    """A message to one person inside the app (also sent by email)."""

    class Kind(models.TextChoices):
        AWAITING_APPROVAL = "awaiting_approval", "Verdict awaiting approval"
        CHANGES_REQUESTED = "changes_requested", "Changes requested"
        APPROVED = "approved", "Verdict approved"
        PUBLISHED = "published", "Verdict published"
        REREVIEW = "rereview", "Source changed: re-review"

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    claim = models.ForeignKey(
        Claim, null=True, blank=True, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=30, choices=Kind.choices)
    message = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(
                fields=["recipient", "created_at"],
                condition=Q(read_at__isnull=True),
                name="notification_unread_idx",
            ),
        ]

    def __str__(self) -> str:
        return self.message[:80]
