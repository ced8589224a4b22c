"""Articles as submitted, and the revisions of their stored text."""

from django.conf import settings
from django.db import models


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
