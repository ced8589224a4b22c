"""Document frequencies of passage lexemes, for selective candidate retrieval.

On PostgreSQL the table is filled from the passages already in the library, with the
same statement as `sources.search.refresh_term_statistics`.
"""

from django.db import migrations, models

FILL = """
INSERT INTO sources_term (lexeme, df)
SELECT word, ndoc FROM ts_stat('SELECT search_vector FROM sources_passage')
UNION ALL
SELECT '', count(*) FROM sources_passage
"""


def fill(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FILL)


class Migration(migrations.Migration):
    dependencies = [("sources", "0002_postgres_search_indexes")]

    operations = [
        migrations.CreateModel(
            name="Term",
            fields=[
                ("lexeme", models.TextField(primary_key=True, serialize=False)),
                (
                    "df",
                    models.IntegerField(help_text="Passages containing the lexeme."),
                ),
            ],
            options={"verbose_name": "term statistic"},
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
