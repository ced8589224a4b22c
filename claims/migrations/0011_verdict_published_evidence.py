"""A published verdict's evidence is frozen: what it cited is stored with it
(published_evidence, filled here for verdicts published before), and PostgreSQL refuses
any change to its rows of the verdict<->match relation and the deletion of a published
verdict, raw SQL included (same style as migration 0010)."""

from django.db import migrations, models

EVIDENCE_GUARD = """
CREATE OR REPLACE FUNCTION claims_verdict_evidence_guard() RETURNS trigger AS $$
BEGIN
    IF (TG_OP IN ('UPDATE', 'DELETE') AND EXISTS (
            SELECT 1 FROM claims_verdict WHERE id = OLD.verdict_id AND published_at IS NOT NULL))
       OR (TG_OP IN ('INSERT', 'UPDATE') AND EXISTS (
            SELECT 1 FROM claims_verdict WHERE id = NEW.verdict_id AND published_at IS NOT NULL))
    THEN
        RAISE EXCEPTION 'verdict %: the evidence of a published verdict never changes',
            CASE WHEN TG_OP = 'INSERT' THEN NEW.verdict_id ELSE OLD.verdict_id END
            USING ERRCODE = 'check_violation';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER claims_verdict_evidence_guard
    BEFORE INSERT OR UPDATE OR DELETE ON claims_verdict_evidence
    FOR EACH ROW EXECUTE FUNCTION claims_verdict_evidence_guard();

CREATE OR REPLACE FUNCTION claims_verdict_delete_guard() RETURNS trigger AS $$
BEGIN
    IF OLD.published_at IS NOT NULL THEN
        RAISE EXCEPTION 'verdict %: a published verdict is never deleted', OLD.id
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN OLD;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER claims_verdict_delete_guard BEFORE DELETE ON claims_verdict
    FOR EACH ROW EXECUTE FUNCTION claims_verdict_delete_guard();
"""

DROP = """
DROP TRIGGER IF EXISTS claims_verdict_evidence_guard ON claims_verdict_evidence;
DROP FUNCTION IF EXISTS claims_verdict_evidence_guard();
DROP TRIGGER IF EXISTS claims_verdict_delete_guard ON claims_verdict;
DROP FUNCTION IF EXISTS claims_verdict_delete_guard();
"""


def _numbers(detail) -> list[dict]:
    numeric = detail.get("numeric", detail) if isinstance(detail, dict) else {}
    checks = []
    for pair in numeric.get("pairs", []) if isinstance(numeric, dict) else []:
        if not isinstance(pair, dict) or pair.get("relation") not in ("agrees", "conflicts"):
            continue
        texts = []
        for side in (pair.get("claim"), pair.get("passage")):
            if isinstance(side, dict):
                texts.append(str(side.get("text") or side.get("value") or ""))
            else:
                texts.append(str(side or ""))
        checks.append({"claim": texts[0], "passage": texts[1], "relation": pair["relation"]})
    return checks


def store_published_evidence(apps, schema_editor):
    """Verdicts published before: their evidence as the library reads it now."""
    Verdict = apps.get_model("claims", "Verdict")
    postgres = schema_editor.connection.vendor == "postgresql"
    if postgres:
        # Migration 0010 refuses any change to a published verdict; this one fills a new
        # column once, inside this migration's transaction.
        schema_editor.execute(
            "ALTER TABLE claims_verdict DISABLE TRIGGER claims_verdict_workflow_guard"
        )
    for verdict in Verdict.objects.filter(published_at__isnull=False).iterator(chunk_size=200):
        matches = verdict.evidence.select_related("passage__source").order_by(
            "-score", "rank", "pk"
        )
        cited = []
        for m in matches:
            source = m.passage.source
            cited.append(
                {
                    "source_key": source.key,
                    "passage_key": m.passage.key,
                    "source_title": source.title,
                    "publisher": source.publisher,
                    "published": source.published.isoformat() if source.published else None,
                    "url": source.url,
                    "kind": source.kind,
                    "locator": m.passage.locator,
                    "passage": m.passage.text,
                    "numeric": m.numeric,
                    "numbers": _numbers(m.numeric_detail),
                }
            )
        Verdict.objects.filter(pk=verdict.pk).update(published_evidence=cited)
    if postgres:
        schema_editor.execute(
            "ALTER TABLE claims_verdict ENABLE TRIGGER claims_verdict_workflow_guard"
        )


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(EVIDENCE_GUARD, params=None)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP, params=None)


class Migration(migrations.Migration):
    dependencies = [("claims", "0010_workflow_guard_triggers")]

    operations = [
        migrations.AddField(
            model_name="historicalverdict",
            name="published_evidence",
            field=models.JSONField(
                blank=True,
                default=list,
                help_text="The evidence as cited when the verdict was published, best first.",
            ),
        ),
        migrations.AddField(
            model_name="verdict",
            name="published_evidence",
            field=models.JSONField(
                blank=True,
                default=list,
                help_text="The evidence as cited when the verdict was published, best first.",
            ),
        ),
        migrations.RunPython(store_published_evidence, migrations.RunPython.noop),
        migrations.RunPython(create, drop),
    ]
