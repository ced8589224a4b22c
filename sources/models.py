"""The curated source library: sources and the passages they are split into."""

from django.conf import settings
from django.db import models


class SourceKind(models.TextChoices):
    STATISTICS = "statistics", "Statistics"
    REPORT = "report", "Report"
    REFERENCE = "reference", "Reference"
    ACADEMIC = "academic", "Academic"
    GOVERNMENT = "government", "Government"
    NEWS = "news", "News"
    PRIMARY = "primary", "Primary document"
    OTHER = "other", "Other"


class Source(models.Model):
    key = models.CharField(
        max_length=200, unique=True, help_text="Stable identifier of the source."
    )
    title = models.CharField(max_length=500)
    publisher = models.CharField(max_length=300, blank=True)
    url = models.URLField(max_length=1000, blank=True)
    published = models.DateField(null=True, blank=True)
    kind = models.CharField(max_length=20, choices=SourceKind.choices, default=SourceKind.OTHER)
    reliability_note = models.TextField(blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="sources_added",
    )
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="sources_changed",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["key"]
        indexes = [models.Index(fields=["kind", "publisher"], name="source_kind_publisher_idx")]

    def __str__(self) -> str:
        return f"{self.title} ({self.publisher})" if self.publisher else self.title


class Passage(models.Model):
    """One to three sentences of a source, the unit a claim is matched against.

    On PostgreSQL the table also has a generated `search_vector` tsvector column and
    GIN indexes (full text and trigram), created by migration 0002; Django does not
    manage them, so inserts never need to fill them in.
    """

    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="passages")
    key = models.CharField(max_length=100)
    position = models.PositiveIntegerField(default=0, help_text="Order within the source.")
    locator = models.CharField(max_length=200, blank=True, help_text="Page, section or paragraph.")
    text = models.TextField()
    normalized_text = models.TextField(blank=True, editable=False)
    quantities = models.JSONField(default=list, blank=True, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["source_id", "position"]
        constraints = [
            models.UniqueConstraint(fields=["source", "key"], name="passage_key_unique_in_source"),
        ]

    def __str__(self) -> str:
        return f"{self.source.key}#{self.key}"

    @property
    def citation(self) -> str:
        """How people are shown the passage: source title, publisher and locator (no keys)."""
        source = self.source
        return " · ".join(part for part in (source.title, source.publisher, self.locator) if part)


class Term(models.Model):
    """How many passages of the library contain one full-text lexeme (document frequency).

    Candidate retrieval queries only a claim's most selective lexemes, and ranks by their
    rarity; both need these counts without scanning the library. Lexemes are those of the
    passages' PostgreSQL `search_vector` (english configuration). The row with the empty
    lexeme, which no real lexeme can be, holds the number of passages. Maintained by
    `sources.search.update_term_statistics` when passages change and rebuilt by
    `sources.search.refresh_term_statistics`; unused on SQLite.
    """

    PASSAGE_COUNT = ""

    lexeme = models.TextField(primary_key=True)
    # Not PositiveIntegerField: PostgreSQL checks constraints on the row an upsert
    # proposes, before ON CONFLICT turns it into an update, and a removal proposes a
    # negative count. The update clamps at 0 instead.
    df = models.IntegerField(help_text="Passages containing the lexeme.")

    class Meta:
        verbose_name = "term statistic"

    def __str__(self) -> str:
        return f"{self.lexeme or '(passages)'}: {self.df}"


class ImportJob(models.Model):
    """A source library file uploaded for import in the background."""

    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        RUNNING = "running", "Running"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"

    file = models.FileField(upload_to="imports/%Y/%m/")
    original_name = models.CharField(max_length=255)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    error = models.TextField(blank=True)
    passages_total = models.PositiveIntegerField(default=0)
    passages_done = models.PositiveIntegerField(default=0)
    summary = models.JSONField(default=dict, blank=True)
    # Deliveries started; a file that keeps killing the worker is failed after a few.
    attempts = models.PositiveSmallIntegerField(default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.original_name} ({self.get_status_display()})"
