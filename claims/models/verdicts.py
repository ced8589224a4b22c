"""Verdicts on claims: the rating scale (ClaimReview's), and the one answer to "what is
public" (VerdictQuerySet.published() and current())."""

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from simple_history.models import HistoricalRecords

from ..integrity import WorkflowGuardedQuerySet, refuse_silent_workflow_change
from .claims import Claim, Match


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
