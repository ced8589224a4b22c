"""Business rules of the source library: importing, updating and removing passages."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from pathlib import Path

from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from . import files, importers, signals
from .bulk import ImportSummary, insert_passages, passage_fields, upsert_sources
from .models import ImportJob, Passage, Source
from .records import SourceRecord
from .search import update_term_statistics

logger = logging.getLogger(__name__)


def check_limits(records: Iterable[SourceRecord], filename: str) -> None:
    """Refuse (ImportFormatError) a source with too many passages or a passage too long."""
    most = settings.FACTCHECK_MAX_PASSAGES_PER_SOURCE
    longest = settings.FACTCHECK_MAX_PASSAGE_CHARS
    for record in records:
        if len(record.passages) > most:
            raise importers.ImportFormatError(
                filename,
                None,
                f"source {record.key} has {len(record.passages):,} passages; "
                f"the limit is {most:,} per source",
            )
        for item in record.passages:
            if len(item.text) > longest:
                raise importers.ImportFormatError(
                    filename,
                    None,
                    f"passage {item.key} of source {record.key} is {len(item.text):,} "
                    f"characters long; the longest accepted is {longest:,}",
                )


def _remove_passages(doomed: list[Passage], summary: ImportSummary) -> list[str]:
    """Remove passages that left their source, unless one is in use (accepted as evidence).

    Returns the texts removed (for the term statistics).
    """
    if not doomed:
        return []
    kept = signals.passages_kept([p.pk for p in doomed])
    removable = [p for p in doomed if p.pk not in kept]
    summary.passages_kept_as_evidence += [str(p) for p in doomed if p.pk in kept]
    _delete(removable)
    summary.passages_removed += len(removable)
    return [p.text for p in removable]


def _delete(passages: list[Passage]) -> None:
    """Delete passages, letting the receivers of `passages_removing` drop their hold first."""
    if not passages:
        return
    passage_ids = [p.pk for p in passages]
    signals.passages_removing.send(sender=Passage, passage_ids=passage_ids)
    Passage.objects.filter(pk__in=passage_ids).delete()


def import_records(
    records: list[SourceRecord],
    *,
    user=None,
    progress: Callable[[int], None] | None = None,
) -> ImportSummary:
    """Import parsed records all-or-nothing: one transaction for the whole file.

    Sources and passages are matched by key: new ones are created, changed ones updated
    in place, and passages that left a source are removed unless accepted as evidence.
    """
    check_limits(records, "the import")
    summary = ImportSummary()
    with transaction.atomic():
        sources = upsert_sources(records, user, summary)
        existing: dict[int, dict[str, Passage]] = {}
        for passage in Passage.objects.filter(source__in=list(sources.values())):
            existing.setdefault(passage.source_id, {})[passage.key] = passage
        to_create, to_update, doomed = [], [], []
        added_texts, removed_texts = [], []
        for record in records:
            source = sources[record.key]
            current_passages = existing.pop(source.pk, {})
            for position, item in enumerate(record.passages):
                current = current_passages.pop(item.key, None)
                if current is None:
                    to_create.append(
                        Passage(
                            source=source,
                            key=item.key,
                            position=position,
                            locator=item.locator,
                            text=item.text,
                            **passage_fields(item.text),
                        )
                    )
                    added_texts.append(item.text)
                elif (current.text, current.locator, current.position) != (
                    item.text,
                    item.locator,
                    position,
                ):
                    if current.text != item.text:
                        removed_texts.append(current.text)
                        added_texts.append(item.text)
                        for name, value in passage_fields(item.text).items():
                            setattr(current, name, value)
                        summary.changed_passage_ids.append(current.pk)
                    current.text, current.locator, current.position = (
                        item.text,
                        item.locator,
                        position,
                    )
                    to_update.append(current)
            doomed += current_passages.values()
            if progress:
                progress(len(record.passages))
        insert_passages(to_create)
        Passage.objects.bulk_update(
            to_update,
            ["text", "locator", "position", "normalized_text", "quantities"],
            batch_size=1000,
        )
        removed_texts += _remove_passages(doomed, summary)
        update_term_statistics(added_texts, removed_texts)
        summary.passages_created += len(to_create)
        summary.passages_updated += len(to_update)
        if summary.changed_passage_ids:
            signals.passages_changed.send(
                sender=Passage, passage_ids=summary.changed_passage_ids, reason=""
            )
        for source in summary.new_editions:
            signals.source_edition_changed.send(
                sender=Source,
                source=source,
                reason=f"A new edition of “{source.title}” ({source.published}) was imported.",
            )
        if summary.library_changed:
            signals.library_changed.send(sender=Source)
    return summary


def save_source(source: Source, *, user) -> Source:
    """Save a source edited by hand, recording who added and who last changed it."""
    previous = (
        Source.objects.filter(pk=source.pk).values_list("published", flat=True).first()
        if source.pk
        else None
    )
    if source.pk is None:
        source.added_by = user
    source.changed_by = user
    with transaction.atomic():
        source.save()
        if previous is not None and source.published != previous:
            signals.source_edition_changed.send(
                sender=Source,
                source=source,
                reason=f"A new edition of “{source.title}” ({source.published}) was recorded.",
            )
    return source


def save_passage(passage: Passage) -> Passage:
    """Save a passage edited by hand, keeping its search fields in step with its text."""
    old_text = (
        Passage.objects.filter(pk=passage.pk).values_list("text", flat=True).first()
        if passage.pk
        else None
    )
    for name, value in passage_fields(passage.text).items():
        setattr(passage, name, value)
    with transaction.atomic():
        passage.save()
        if old_text != passage.text:
            update_term_statistics([passage.text], [old_text] if old_text is not None else [])
            if old_text is not None:
                signals.passages_changed.send(sender=Passage, passage_ids=[passage.pk], reason="")
    return passage


def delete_passages(passages: Iterable[Passage]) -> int:
    """Delete passages nobody accepted as evidence; raises ValidationError for the others."""
    passages = list(passages)
    kept = signals.passages_kept([p.pk for p in passages])
    cited = [p for p in passages if p.pk in kept]
    if cited:
        raise ValidationError(
            "These passages are accepted evidence and cannot be deleted: "
            + ", ".join(str(p) for p in cited)
        )
    with transaction.atomic():
        _delete(passages)
        update_term_statistics([], [p.text for p in passages])
    return len(passages)


def delete_source(source: Source) -> None:
    """Delete a source and its passages, unless one of them is accepted evidence."""
    with transaction.atomic():
        delete_passages(source.passages.all())
        source.delete()


# --- Background imports ----------------------------------------------------------------------


def _progress_key(job_id: int) -> str:
    return f"import-progress:{job_id}"


def queue_import(*, name: str, content: bytes, user=None) -> ImportJob:
    """Store an uploaded library file and queue its import; raises ValidationError if unusable."""
    suffix = Path(name).suffix.lower()
    if suffix not in files.LIBRARY_SUFFIXES:
        raise ValidationError(
            {"file": f"Unknown file type {suffix or '(none)'}: use .jsonl or .csv."}
        )
    if not content.strip():
        raise ValidationError({"file": "The file is empty."})
    job = ImportJob(original_name=Path(name).name[:255], created_by=user)
    job.file.save(Path(name).name, ContentFile(content), save=False)
    job.save()
    from .tasks import run_import_task

    transaction.on_commit(lambda: run_import_task.delay(job.pk))
    return job


def run_import(job_id: int) -> ImportJob | None:
    """Import a queued file all-or-nothing; the job records progress, result or the reason."""
    with transaction.atomic():
        job = ImportJob.objects.select_for_update().filter(pk=job_id).first()
        if job is None or job.status in (ImportJob.Status.DONE, ImportJob.Status.FAILED):
            return job
        if job.attempts >= settings.FACTCHECK_MAX_ATTEMPTS:
            job.status = ImportJob.Status.FAILED
            job.error = (
                f"Gave up after {job.attempts} attempts: the import stopped before it "
                "finished each time (nothing of this file was imported)."
            )
            job.finished_at = timezone.now()
            job.save(update_fields=["status", "error", "finished_at"])
            return job
        job.status = ImportJob.Status.RUNNING
        job.attempts += 1
        job.save(update_fields=["status", "attempts"])
    try:
        with job.file.open("rb") as handle:
            records = files.parse_library_bytes(handle.read(), job.original_name)
        check_limits(records, job.original_name)
        total = sum(len(r.passages) for r in records)
        ImportJob.objects.filter(pk=job.pk).update(passages_total=total)
        done = 0

        def progress(count: int) -> None:
            # The import is one transaction, so progress goes through the cache to be seen.
            nonlocal done
            done += count
            cache.set(_progress_key(job.pk), done, timeout=3600)

        summary = import_records(records, user=job.created_by, progress=progress)
    except importers.ImportFormatError as exc:
        _finish(job, ImportJob.Status.FAILED, error=f"{exc} (nothing of this file was imported)")
    except SoftTimeLimitExceeded:
        limit = settings.FACTCHECK_IMPORT_TIME_LIMIT
        _finish(
            job,
            ImportJob.Status.FAILED,
            error=f"The import took longer than {limit:,} seconds and was stopped "
            "(nothing of this file was imported).",
        )
    except Exception as exc:
        logger.exception("Import %s failed", job.pk)
        _finish(job, ImportJob.Status.FAILED, error=f"{type(exc).__name__}: {exc}")
    else:
        _finish(job, ImportJob.Status.DONE, summary=summary)
    job.refresh_from_db()
    return job


def _finish(job: ImportJob, status: str, *, error: str = "", summary=None) -> None:
    fields = {"status": status, "error": error, "finished_at": timezone.now()}
    if summary is not None:
        fields["summary"] = {
            "sources_created": summary.sources_created,
            "sources_updated": summary.sources_updated,
            "passages_created": summary.passages_created,
            "passages_updated": summary.passages_updated,
            "passages_removed": summary.passages_removed,
            "passages_kept_as_evidence": summary.passages_kept_as_evidence,
        }
        fields["passages_done"] = summary.passages_created + summary.passages_updated
    ImportJob.objects.filter(pk=job.pk).update(**fields)
    cache.delete(_progress_key(job.pk))


def import_progress(job: ImportJob) -> int:
    """Passages imported so far (live while the job runs)."""
    if job.status == ImportJob.Status.RUNNING:
        return cache.get(_progress_key(job.pk), 0)
    return job.passages_done
