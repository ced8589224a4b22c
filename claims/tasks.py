"""Celery tasks: load ids, call a service, nothing else."""

from celery import shared_task

from . import services


@shared_task(name="claims.process_article", acks_late=True, reject_on_worker_lost=True)
def process_article_task(article_id: int) -> str:
    article = services.process_article(article_id)
    return article.status


@shared_task(name="claims.rematch_open_claims", acks_late=True)
def rematch_open_claims_task() -> int:
    return services.rematch_open_claims()
