"""Articles, the atomic claims extracted from them, and their matches to source passages."""

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from simple_history.models import HistoricalRecords

from .integrity import (
    StateChangeForbidden,
    WorkflowGuardedQuerySet,
    refuse_silent_workflow_change,
)

__all__ = ["StateChangeForbidden"]


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


class ArticleRevision(models.Model):
    """One version of an article's text: the first as submitted, then each edit."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField()
    title = models.CharField(max_length=500)
    body = models.TextField()
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    reason = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["article_id", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "number"], name="article_revision_number_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.article_id} revision {self.number}"


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
    def current_verdict(self) -> "Verdict | None":
        """The latest verdict of the claim (drafts included); earlier ones stay in verdicts."""
        return self.verdicts.order_by("-created_at", "-pk").first()

    @property
    def published_verdict(self) -> "Verdict | None":
        """The verdict the public sees: the latest published one."""
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


class Rating(models.TextChoices):
    """The verdict scale; each rating maps to a schema.org ClaimReview Rating."""

    TRUE = "true", "True"
    MOSTLY_TRUE = "mostly_true", "Mostly true"
    HALF_TRUE = "half_true", "Half true"
    MISLEADING = "misleading", "Misleading"
    MOSTLY_FALSE = "mostly_false", "Mostly false"
    FALSE = "false", "False"
    UNVERIFIABLE = "unverifiable", "Unverifiable"


# ratingValue on a 1 (worst) .. 7 (best) scale. Half true sits at the midpoint 4; 5 is
# deliberately unused so "mostly true" stays clearly above "half true". Unverifiable has
# no place on a truth scale: its ClaimReview Rating carries no ratingValue, only the
# textual name/alternateName, which ClaimReview consumers accept.
RATING_VALUES: dict[str, int | None] = {
    Rating.TRUE: 7,
    Rating.MOSTLY_TRUE: 6,
    Rating.HALF_TRUE: 4,
    Rating.MISLEADING: 3,
    Rating.MOSTLY_FALSE: 2,
    Rating.FALSE: 1,
    Rating.UNVERIFIABLE: None,
}
BEST_RATING = 7
WORST_RATING = 1


class VerdictQuerySet(WorkflowGuardedQuerySet):
    """The one answer to "what is public": published() and current() (see public.selectors)."""

    def published(self) -> "VerdictQuerySet":
        """Every verdict ever published, corrected ones included."""
        return self.filter(published_at__isnull=False)

    def current(self) -> "VerdictQuerySet":
        """The verdict the public sees for each public claim: its latest published one."""
        later = Verdict.objects.filter(claim=OuterRef("claim"), published_at__isnull=False).filter(
            Q(published_at__gt=OuterRef("published_at"))
            | Q(published_at=OuterRef("published_at"), pk__gt=OuterRef("pk"))
        )
        return self.published().filter(~Exists(later))


class Verdict(models.Model):
    """A fact-checker's finding on a claim; a correction is a new verdict, the old stays.

    Once published a verdict never changes (a correction is a new verdict).
    """

    WORKFLOW_FIELDS = (
        "author",
        "proposed_at",
        "approver",
        "approved_at",
        "publisher",
        "published_at",
        "checked_text",
        "quote_sentence",
        "quote_start",
        "quote_end",
        "published_evidence",
    )
    FROZEN_ONCE_PUBLISHED = True

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="verdicts")
    rating = models.CharField(max_length=20, choices=Rating.choices)
    summary = models.TextField()
    explanation = models.TextField(blank=True)
    no_source_explanation = models.TextField(
        blank=True, help_text="Why no source could settle the claim (when there is no evidence)."
    )
    evidence = models.ManyToManyField(Match, blank=True, related_name="cited_by")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="verdicts_written"
    )
    approver = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="verdicts_approved",
    )
    publisher = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="verdicts_published",
    )
    corrects = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="corrections",
        help_text="The published verdict this one corrects.",
    )
    correction_note = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    proposed_at = models.DateTimeField(null=True, blank=True)
    approved_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    # What was checked and quoted, stored with the verdict so that a later edit of the
    # claim or the article never changes what was published.
    checked_text = models.TextField(
        blank=True, help_text="The claim text as proposed for this verdict."
    )
    quote_sentence = models.TextField(
        blank=True, help_text="The article's sentence as it read when the verdict was published."
    )
    quote_start = models.PositiveIntegerField(
        default=0, help_text="Start of the claim within the quoted sentence."
    )
    quote_end = models.PositiveIntegerField(
        default=0, help_text="End of the claim within the quoted sentence."
    )
    # What the verdict cited, as the sources read at publication (passage text, source
    # title, publisher, address, locator, numbers compared): the library may change later.
    published_evidence = models.JSONField(
        default=list,
        blank=True,
        help_text="The evidence as cited when the verdict was published, best first.",
    )
    history = HistoricalRecords(m2m_fields=[evidence], excluded_fields=["updated_at"])

    objects = VerdictQuerySet.as_manager()

    class Meta:
        ordering = ["claim_id", "-created_at", "-pk"]
        get_latest_by = "created_at"
        constraints = [
            models.CheckConstraint(
                condition=Q(rating__in=Rating.values), name="verdict_rating_known"
            ),
            # Four eyes: nobody approves or publishes what they wrote.
            models.CheckConstraint(
                condition=Q(approver__isnull=True) | ~Q(approver=models.F("author")),
                name="verdict_approver_not_author",
            ),
            models.CheckConstraint(
                condition=Q(publisher__isnull=True) | ~Q(publisher=models.F("author")),
                name="verdict_publisher_not_author",
            ),
            models.CheckConstraint(
                condition=Q(published_at__isnull=True) | Q(approved_at__isnull=False),
                name="verdict_published_after_approval",
            ),
            # Approval and publication always say who and when, and follow a proposal.
            models.CheckConstraint(
                condition=Q(approver__isnull=True, approved_at__isnull=True)
                | Q(approver__isnull=False, approved_at__isnull=False),
                name="verdict_approval_has_approver",
            ),
            models.CheckConstraint(
                condition=Q(publisher__isnull=True, published_at__isnull=True)
                | Q(publisher__isnull=False, published_at__isnull=False),
                name="verdict_publication_has_publisher",
            ),
            models.CheckConstraint(
                condition=Q(approved_at__isnull=True) | Q(proposed_at__isnull=False),
                name="verdict_approved_after_proposal",
            ),
            models.CheckConstraint(
                condition=Q(quote_start__lte=models.F("quote_end")),
                name="verdict_quote_span_ordered",
            ),
            models.CheckConstraint(
                condition=~Q(correction_note="") | Q(corrects__isnull=True),
                name="verdict_correction_has_note",
            ),
            # A claim has at most one verdict on its way to publication at a time.
            models.UniqueConstraint(
                fields=["claim"],
                condition=Q(published_at__isnull=True),
                name="verdict_one_unpublished_per_claim",
            ),
        ]
        indexes = [
            models.Index(fields=["published_at", "rating"], name="verdict_published_rating_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.get_rating_display()}: {self.summary[:60]}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            refuse_silent_workflow_change(self, kwargs.get("update_fields"))
        super().save(*args, **kwargs)

    @property
    def quote(self) -> tuple[str, str, str]:
        """The quoted sentence split around the claim: (before, claim, after)."""
        s, a, b = self.quote_sentence, self.quote_start, self.quote_end
        return s[:a], s[a:b], s[b:]

    @property
    def rating_value(self) -> int | None:
        return RATING_VALUES[self.rating]

    def review_rating(self) -> dict:
        """The schema.org Rating of this verdict, ready for ClaimReview JSON-LD."""
        label = self.get_rating_display()
        rating = {
            "@type": "Rating",
            "name": label,
            "alternateName": label,
            "bestRating": BEST_RATING,
            "worstRating": WORST_RATING,
        }
        if self.rating_value is not None:
            rating["ratingValue"] = self.rating_value
        return rating


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

    @property
    def action_label(self) -> str:
        return self.action.replace("_", " ").capitalize()


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
