"""What the public site keeps of its own: editable pages and readers' claim suggestions."""

from django.conf import settings
from django.db import models
from django.db.models import Q


class Page(models.Model):
    """A page of text editors maintain, such as the methodology or the corrections policy."""

    slug = models.SlugField(max_length=100, unique=True)
    title = models.CharField(max_length=200)
    body = models.TextField(
        help_text="Plain text. A blank line starts a new paragraph; web addresses become links."
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title


class Suggestion(models.Model):
    """A claim a reader asks the newsroom to check; it waits in the fact-checkers' queue."""

    class Status(models.TextChoices):
        NEW = "new", "New"
        ACCEPTED = "accepted", "Accepted"
        REJECTED = "rejected", "Rejected"

    claim_text = models.TextField(help_text="The claim as the reader wrote it.")
    seen_at = models.URLField(max_length=1000, blank=True, help_text="Where the reader saw it.")
    note = models.TextField(blank=True, help_text="Anything else the reader told us.")
    email = models.EmailField(blank=True, help_text="Only to answer the reader; never shown.")
    # A keyed hash, not the address: enough to spot a flood from one reader, nothing more.
    client_hash = models.CharField(max_length=64, blank=True, editable=False)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.NEW)
    status_note = models.TextField(blank=True, help_text="Why it was accepted or rejected.")
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="suggestions_decided",
        editable=False,
    )
    decided_at = models.DateTimeField(null=True, blank=True, editable=False)
    # Set when accepted: the claim made from the tip, or the one already in the newsroom.
    claim = models.ForeignKey(
        "claims.Claim",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="suggestions",
        editable=False,
        help_text="The claim this suggestion became or was linked to.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["new", "accepted", "rejected"]),
                name="suggestion_status_known",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "created_at"], name="suggestion_queue_idx"),
        ]

    def __str__(self) -> str:
        return self.claim_text[:80]
