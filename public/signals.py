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


@receiver(post_delete, sender=Article, dispatch_uid="public_article_deleted")
@receiver(post_delete, sender=Source, dispatch_uid="public_source_deleted")
def shown_data_deleted(sender, **kwargs):
    # Rare; by now the rows that would tell whether it was public are gone too.
    bump_generation()


# Rows a published page shows beside its verdict, and how a published verdict reaches each:
# an article's title, outlet, date and link; the sources and passages cited as evidence.
SHOWN_WITH_VERDICTS = {
    Article: "claim__article_id",
    Source: "evidence__passage__source_id",
    Passage: "evidence__passage_id",
}


def shown_data_changed(sender, instance, created=False, **kwargs):
    if not created and published.filter(**{SHOWN_WITH_VERDICTS[sender]: instance.pk}).exists():
        bump_generation()


for _model in SHOWN_WITH_VERDICTS:
    post_save.connect(
        shown_data_changed,
        sender=_model,
        dispatch_uid=f"public_{_model._meta.model_name}_saved",
    )
