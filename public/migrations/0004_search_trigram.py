"""Typo-tolerant public search on PostgreSQL: pg_trgm and a trigram index on what readers
search first (the claim as checked and the verdict's summary).

The index expression is the one `public.selectors.search_fact_checks` compares query words
with (`word_similarity`, the `<%` operator), so the planner can use it. On SQLite nothing is
created: the selector's portable path matches words with rapidfuzz instead.
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

FORWARD = (
    "CREATE INDEX IF NOT EXISTS verdict_public_search_trgm ON claims_verdict "
    "USING gin ((checked_text || ' ' || summary) gin_trgm_ops)"
)
BACKWARD = "DROP INDEX IF EXISTS verdict_public_search_trgm"


def _run(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("public", "0003_role_permissions"),
        ("claims", "0008_verdict_published_snapshot"),
    ]

    operations = [
        TrigramExtension(),
        migrations.RunPython(_run(FORWARD), _run(BACKWARD)),
    ]
