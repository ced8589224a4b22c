"""PostgreSQL search structures for passages, maintained by the database itself.

`search_vector` is a generated tsvector column (so every insert and update keeps it
current without application code) with a GIN index; `normalized_text` gets a pg_trgm
GIN index for trigram similarity. On SQLite (the embedded default) nothing is created
and sources.search uses its simpler path.
"""

from django.db import migrations

FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    """ALTER TABLE sources_passage ADD COLUMN search_vector tsvector
       GENERATED ALWAYS AS (to_tsvector('english'::regconfig, coalesce(text, ''))) STORED""",
    "CREATE INDEX passage_search_vector_gin ON sources_passage USING gin (search_vector)",
    """CREATE INDEX passage_normalized_trgm_gin ON sources_passage
       USING gin (normalized_text gin_trgm_ops)""",
]
BACKWARD = [
    "DROP INDEX IF EXISTS passage_normalized_trgm_gin",
    "DROP INDEX IF EXISTS passage_search_vector_gin",
    "ALTER TABLE sources_passage DROP COLUMN IF EXISTS search_vector",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("sources", "0001_initial")]

    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD))]
