"""Articles, the atomic claims extracted from them, and their matches to source passages."""

from django.conf import settings
from django.db import models
from django.db.models import Q


class Article(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        PROCESSING = "processing", "Processing"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"

    class Format(models.TextChoices):
        TEXT = "text", "Plain text"
        HTML = "html", "HTML"

    title = models.CharField(max_length=500)
    url = models.URLField(max_length=1000, blank=True)
    outlet = models.CharField(max_length=300, blank=True)
    published = models.DateField(null=True, blank=True)
    body = models.TextField(help_text="Stored plain text; claim offsets refer to it.")
    original_format = models.CharField(max_length=10, choices=Format.choices, default=Format.TEXT)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.QUEUED)
    error = models.TextField(blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(auto_now_add=True)
    processed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["status", "created_at"], name="article_status_created_idx")]

    def __str__(self) -> str:
        return self.title


class ClaimState(models.TextChoices):
    EXTRACTED = "extracted", "Extracted"
    IN_REVIEW = "in_review", "In review"
    AWAITING_APPROVAL = "awaiting_approval", "Awaiting approval"
    APPROVED = "approved", "Approved"
    PUBLISHED = "published", "Published"
    DISMISSED = "dismissed", "Dismissed"


class Claim(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="claims")
    position = models.PositiveIntegerField(help_text="Order of the claim within its article.")
    text = models.TextField(help_text="The atomic claim as a fact-checker would write it.")
    extracted_text = models.TextField(editable=False, help_text="The claim as first extracted.")
    sentence = models.TextField()
    sentence_start = models.PositiveIntegerField()
    sentence_end = models.PositiveIntegerField()
    start = models.PositiveIntegerField(help_text="Start of the evidence span in the article body.")
    end = models.PositiveIntegerField(help_text="End of the evidence span in the article body.")
    quantities = models.JSONField(default=list, blank=True)
    years = models.JSONField(default=list, blank=True)
    checkworthiness = models.FloatField()
    state = models.CharField(
        max_length=20, choices=ClaimState.choices, default=ClaimState.EXTRACTED, editable=False
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_claims",
    )
    repeats = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="repetitions",
        help_text="An earlier claim this one repeats.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["article_id", "position"]
        constraints = [
            # Backs the rule that processing an article twice never duplicates its claims.
            models.UniqueConstraint(fields=["article", "position"], name="claim_position_unique"),
            models.CheckConstraint(
                condition=Q(checkworthiness__gte=0) & Q(checkworthiness__lte=1),
                name="claim_checkworthiness_0_1",
            ),
            models.CheckConstraint(condition=Q(start__lte=models.F("end")), name="claim_span_ordered"),
        ]
        indexes = [
            models.Index(fields=["state", "-checkworthiness"], name="claim_queue_idx"),
        ]

    def __str__(self) -> str:
        return self.text[:80]


class Match(models.Model):
    class Numeric(models.TextChoices):
        AGREES = "agrees", "Numbers agree"
        CONFLICTS = "conflicts", "Numbers conflict"
        NONE = "none", "Nothing to compare"

    class Decision(models.TextChoices):
        NONE = "none", "Not reviewed"
        ACCEPTED = "accepted", "Accepted as evidence"
        REJECTED = "rejected", "Rejected"

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="matches")
    # PROTECT: a passage cited by a match is only removed through the service that
    # first checks no reviewer accepted it as evidence.
    passage = models.ForeignKey("sources.Passage", on_delete=models.PROTECT, related_name="matches")
    score = models.FloatField()
    rank = models.PositiveIntegerField(default=0)
    numeric = models.CharField(max_length=10, choices=Numeric.choices, default=Numeric.NONE)
    numeric_detail = models.JSONField(default=dict, blank=True)
    decision = models.CharField(max_length=10, choices=Decision.choices, default=Decision.NONE)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["claim_id", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["claim", "passage"], name="match_claim_passage_unique"),
            models.CheckConstraint(
                condition=Q(score__gte=0) & Q(score__lte=100), name="match_score_0_100"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.claim_id} ~ {self.passage_id} ({self.score:.1f})"
