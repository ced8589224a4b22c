"""A version stamp of the library, changed by the database on every write to it.

Each process keeps its own in-memory search index of the library (sources.search); before
a lookup it compares the index's stamp with this one and rebuilds when they differ. The
stamp is the writing transaction's id and the statement's clock time, so a rolled-back
write never leaves a stamp that a later, different write could repeat. Statement-level
triggers: one bulk COPY of passages is one update of the stamp.
"""

from django.db import migrations

FORWARD = [
    """CREATE TABLE sources_libraryversion (
           id smallint PRIMARY KEY CHECK (id = 1),
           stamp text NOT NULL
       )""",
    "INSERT INTO sources_libraryversion (id, stamp) VALUES (1, 'initial')",
    """CREATE FUNCTION sources_library_changed() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
           UPDATE sources_libraryversion
           SET stamp = txid_current()::text || '/' || clock_timestamp()::text
           WHERE id = 1;
           RETURN NULL;
       END $$""",
    """CREATE TRIGGER passage_changes_library
       AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON sources_passage
       FOR EACH STATEMENT EXECUTE FUNCTION sources_library_changed()""",
    """CREATE TRIGGER source_fields_change_library
       AFTER UPDATE OF title, publisher, kind, key OR DELETE OR TRUNCATE ON sources_source
       FOR EACH STATEMENT EXECUTE FUNCTION sources_library_changed()""",
]
BACKWARD = [
    "DROP TRIGGER IF EXISTS source_fields_change_library ON sources_source",
    "DROP TRIGGER IF EXISTS passage_changes_library ON sources_passage",
    "DROP FUNCTION IF EXISTS sources_library_changed()",
    "DROP TABLE IF EXISTS sources_libraryversion",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("sources", "0004_import_job")]

    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD))]
