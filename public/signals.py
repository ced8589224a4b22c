"""Cache invalidation: what the public sees changed, so cached public pages are stale.

Plumbing only (no business logic in signals): the workflow services stay the place where publishing happens.
Changes nobody outside the newsroom can see (drafts, approvals, articles and sources no
published verdict uses) leave the cache alone, so the review desk's work does not empty it.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from claims.models import Article, Verdict
from sources.models import Passage, Source

from .cache import bump_generation
from .models import Page

published = Verdict.objects.filter(published_at__isnull=False)


@receiver(post_save, sender=Verdict, dispatch_uid="public_verdict_saved")
@receiver(post_delete, sender=Verdict, dispatch_uid="public_verdict_deleted")
def verdict_saved(sender, instance: Verdict, **kwargs):
    # Publication of a first verdict or of a correction.
    if instance.published_at is not None:
        bump_generation()


@receiver(post_save, sender=Page, dispatch_uid="public_page_saved")
@receiver(post_delete, sender=Page, dispatch_uid="public_page_deleted")
def page_changed(sender, **kwargs):
    bump_generation()


@receiver(post_save, sender=Article, dispatch_uid="public_article_saved")
def article_changed(sender, instance: Article, created=False, **kwargs):
    # Title, outlet, date and link appear next to the article's published claims.
    if not created and published.filter(claim__article_id=instance.pk).exists():
        bump_generation()


@receiver(post_delete, sender=Article, dispatch_uid="public_article_deleted")
@receiver(post_delete, sender=Source, dispatch_uid="public_source_deleted")
def shown_data_deleted(sender, **kwargs):
    # Rare; by now the rows that would tell whether it was public are gone too.
    bump_generation()


@receiver(post_save, sender=Source, dispatch_uid="public_source_saved")
def source_changed(sender, instance: Source, created=False, **kwargs):
    if not created and published.filter(evidence__passage__source_id=instance.pk).exists():
        bump_generation()


@receiver(post_save, sender=Passage, dispatch_uid="public_passage_saved")
def passage_changed(sender, instance: Passage, created=False, **kwargs):
    if not created and published.filter(evidence__passage_id=instance.pk).exists():
        bump_generation()
