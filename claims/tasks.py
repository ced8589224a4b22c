"""Celery tasks: load ids, call a service, nothing else.

Messages are acknowledged after the task finishes (acks_late) and rejected back to the
queue if the worker dies, so no article is lost; the services are idempotent, so a
second delivery does no harm. Transient database errors are retried with backoff.
"""

from celery import shared_task
from django.conf import settings
from django.db import InterfaceError, OperationalError

from . import services

TRANSIENT_ERRORS = (OperationalError, InterfaceError)
# Seconds between the soft limit (the task records why it stopped) and the hard kill.
HARD_LIMIT_GRACE = 30


@shared_task(
    name="claims.process_article",
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=TRANSIENT_ERRORS,
    retry_backoff=True,
    retry_backoff_max=300,
    max_retries=services.MAX_PROCESSING_ATTEMPTS,
    soft_time_limit=settings.FACTCHECK_ARTICLE_TIME_LIMIT,
    time_limit=settings.FACTCHECK_ARTICLE_TIME_LIMIT + HARD_LIMIT_GRACE,
)
def process_article_task(article_id: int) -> str:
    article = services.process_article(article_id)
    return article.status if article else "missing"


@shared_task(
    name="claims.rematch_open_claims",
    acks_late=True,
    autoretry_for=TRANSIENT_ERRORS,
    soft_time_limit=settings.FACTCHECK_REMATCH_TIME_LIMIT,
    time_limit=settings.FACTCHECK_REMATCH_TIME_LIMIT + HARD_LIMIT_GRACE,
)
def rematch_open_claims_task() -> int:
    return services.rematch_open_claims()
