"""Bulk writes of a library import: sources upserted by key, passages inserted in bulk.

The rules (what to create, update or remove, and what to announce) are in
`sources.services.import_records`; this module only writes fast.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from django.conf import settings
from django.db import connection
from django.utils import timezone

from textcore.quantities import parse_quantities

from .models import Passage, Source
from .records import SourceRecord
from .search import normalize_for_search


@dataclass
class ImportSummary:
    """What an import did: counts, passages kept as evidence, changed passages, new editions."""

    sources_created: int = 0
    sources_updated: int = 0
    passages_created: int = 0
    passages_updated: int = 0
    passages_removed: int = 0
    passages_kept_as_evidence: list[str] = field(default_factory=list)
    changed_passage_ids: list[int] = field(default_factory=list)
    new_editions: list[Source] = field(default_factory=list)

    @property
    def library_changed(self) -> bool:
        return bool(self.passages_created or self.changed_passage_ids or self.passages_removed)

    @property
    def passages_total(self) -> int:
        return self.passages_created + self.passages_updated


def passage_fields(text: str) -> dict:
    """The fields a passage derives from its text: the search form and its quantities."""
    # Numbers kept per passage are capped: comparing them with a claim's is pairwise.
    quantities = parse_quantities(text)[: settings.FACTCHECK_MAX_QUANTITIES]
    return {
        "normalized_text": normalize_for_search(text),
        "quantities": [q.to_dict() for q in quantities],
    }


def upsert_sources(records: list[SourceRecord], user, summary: ImportSummary) -> dict[str, Source]:
    """Create or update the records' sources by key, in bulk."""
    sources = {s.key: s for s in Source.objects.filter(key__in=[r.key for r in records])}
    to_create, to_update, changed_fields = [], [], set()
    for record in records:
        values = {
            "title": record.title,
            "publisher": record.publisher,
            "url": record.url,
            "published": record.published,
            "kind": record.kind,
        }
        source = sources.get(record.key)
        if source is None:
            to_create.append(Source(key=record.key, added_by=user, changed_by=user, **values))
            continue
        summary.sources_updated += 1
        changed = [name for name, value in values.items() if getattr(source, name) != value]
        if "published" in changed and source.published is not None:
            # Another publication date for the same source is a new edition of it.
            summary.new_editions.append(source)
        if changed:
            for name in changed:
                setattr(source, name, values[name])
            source.changed_by = user
            changed_fields.update(changed)
            to_update.append(source)
    for source in Source.objects.bulk_create(to_create, batch_size=1000):
        sources[source.key] = source
    summary.sources_created += len(to_create)
    if to_update:
        for source in to_update:
            source.updated_at = timezone.now()
        Source.objects.bulk_update(
            to_update, [*sorted(changed_fields), "changed_by", "updated_at"], batch_size=1000
        )
    return sources


def insert_passages(passages: list[Passage]) -> None:
    """Insert new passages: COPY on PostgreSQL (its fastest bulk path), bulk_create elsewhere."""
    if not passages:
        return
    if connection.vendor != "postgresql":
        Passage.objects.bulk_create(passages, batch_size=1000)
        return
    now = timezone.now()
    columns = ("source_id", "key", "position", "locator", "text", "normalized_text", "quantities")
    with connection.cursor() as cursor:
        copy_sql = f"COPY sources_passage ({', '.join(columns)}, updated_at) FROM STDIN"  # nosec B608
        with cursor.cursor.copy(copy_sql) as copy:
            for p in passages:
                copy.write_row(
                    (
                        p.source_id,
                        p.key,
                        p.position,
                        p.locator,
                        p.text,
                        p.normalized_text,
                        json.dumps(p.quantities),
                        now,
                    )
                )
