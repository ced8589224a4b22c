"""Celery tasks of the source library: load ids, call a service."""

from celery import shared_task
from django.conf import settings
from django.db import InterfaceError, OperationalError

from . import services


@shared_task(
    name="sources.run_import",
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(OperationalError, InterfaceError),
    retry_backoff=True,
    max_retries=settings.FACTCHECK_MAX_ATTEMPTS,
    soft_time_limit=settings.FACTCHECK_IMPORT_TIME_LIMIT,
    time_limit=settings.FACTCHECK_IMPORT_TIME_LIMIT + 30,
)
def run_import_task(job_id: int) -> str:
    job = services.run_import(job_id)
    return job.status if job else "missing"
