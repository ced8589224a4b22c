"""Celery task delivering one webhook, retried with exponential backoff."""

from celery import shared_task


@shared_task(bind=True, acks_late=True, max_retries=None)
def deliver_webhook(self, delivery_id: int) -> None:
    from . import services

    # In-process (no broker: the embedded default) there is no worker to come back later,
    # so one attempt is made and recorded.
    retry_in = services.attempt_delivery(
        delivery_id=delivery_id, can_retry=not self.request.is_eager
    )
    if retry_in is not None:
        raise self.retry(countdown=retry_in)
