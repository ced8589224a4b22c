"""Celery tasks of the source library: load ids, call a service."""

from celery import shared_task
from django.db import InterfaceError, OperationalError

from . import services


@shared_task(
    name="sources.run_import",
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(OperationalError, InterfaceError),
    retry_backoff=True,
    max_retries=3,
)
def run_import_task(job_id: int) -> str:
    job = services.run_import(job_id)
    return job.status if job else "missing"
