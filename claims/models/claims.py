"""The atomic claims extracted from articles, their workflow states, and their matches to
source passages."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from ..integrity import WorkflowGuardedQuerySet, refuse_silent_workflow_change
from .articles import Article


class ClaimState(models.TextChoices):
    EXTRACTED = "extracted", "Extracted"
    IN_REVIEW = "in_review", "In review"
    AWAITING_APPROVAL = "awaiting_approval", "Awaiting approval"
    APPROVED = "approved", "Approved"
    PUBLISHED = "published", "Published"
    DISMISSED = "dismissed", "Dismissed"
    # Closed by hand: replaced by its parts (split) or by the claim it duplicated (merged).
    SPLIT = "split", "Split"
    MERGED = "merged", "Merged"


class Claim(models.Model):
    # Change only inside a workflow action (desk.workflow / desk.review), never
    # through a form, a history revert, save() or queryset.update().
    WORKFLOW_FIELDS = ("state", "assignee", "version", "needs_rereview")

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
    split_from = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="split_parts",
        editable=False,
        help_text="The claim this one was split from.",
    )
    merged_into = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="merged_claims",
        editable=False,
        help_text="The claim this duplicate was merged into.",
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="claims_added",
        editable=False,
        help_text="Who added the claim by hand (empty when it was extracted).",
    )
    # Bumped by every workflow action, so a form sent from a stale page is refused.
    version = models.PositiveIntegerField(default=0, editable=False)
    needs_rereview = models.BooleanField(
        default=False,
        editable=False,
        help_text="A source cited by the verdict changed since it was approved.",
    )
    rereview_reason = models.TextField(blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    objects = WorkflowGuardedQuerySet.as_manager()

    class Meta:
        ordering = ["article_id", "position"]
        permissions = [
            ("review_claim", "Can take claims, weigh evidence and propose verdicts"),
            ("approve_verdict", "Can approve, send back and publish verdicts"),
        ]
        constraints = [
            # Backs the rule that processing an article twice never duplicates its claims.
            models.UniqueConstraint(fields=["article", "position"], name="claim_position_unique"),
            models.CheckConstraint(
                condition=Q(checkworthiness__gte=0) & Q(checkworthiness__lte=1),
                name="claim_checkworthiness_0_1",
            ),
            models.CheckConstraint(
                condition=Q(start__lte=models.F("end")), name="claim_span_ordered"
            ),
            models.CheckConstraint(
                condition=Q(state__in=ClaimState.values), name="claim_state_known"
            ),
        ]
        indexes = [
            models.Index(fields=["state", "-checkworthiness"], name="claim_queue_idx"),
            models.Index(fields=["assignee", "state"], name="claim_assignee_queue_idx"),
        ]

    def __str__(self) -> str:
        return self.text[:80]

    def save(self, *args, **kwargs):
        if not self._state.adding:
            refuse_silent_workflow_change(self, kwargs.get("update_fields"))
        super().save(*args, **kwargs)

    @property
    def current_verdict(self):
        """The latest Verdict of the claim (drafts included); earlier ones stay in verdicts."""
        return self.verdicts.order_by("-created_at", "-pk").first()

    @property
    def published_verdict(self):
        """The Verdict the public sees: the latest published one (or None)."""
        return (
            self.verdicts.filter(published_at__isnull=False)
            .order_by("-published_at", "-pk")
            .first()
        )


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
    history = HistoricalRecords(excluded_fields=["updated_at", "rank", "score"])

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
