"""PostgreSQL trigram index on claim text, for finding earlier fact-checks a claim repeats."""

from django.db import migrations


def _run(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0004_workflow_permissions"),
        ("sources", "0002_postgres_search_indexes"),
    ]

    operations = [
        migrations.RunPython(
            _run(
                "CREATE INDEX IF NOT EXISTS claim_text_trgm_gin ON claims_claim "
                "USING gin (text gin_trgm_ops)"
            ),
            _run("DROP INDEX IF EXISTS claim_text_trgm_gin"),
        )
    ]
