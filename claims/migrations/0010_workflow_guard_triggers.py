"""PostgreSQL refuses what the model layer refuses, for raw SQL too: a claim's state and
assignee, a verdict's approval and publication change only inside a workflow action
(claims.integrity.workflow_action sets factcheck.workflow_action for its transaction),
and a published verdict never changes."""

from django.db import migrations

GUARDS = """
CREATE OR REPLACE FUNCTION claims_claim_workflow_guard() RETURNS trigger AS $$
BEGIN
    IF coalesce(current_setting('factcheck.workflow_action', true), '') <> 'on' AND (
        NEW.state IS DISTINCT FROM OLD.state
        OR NEW.version < OLD.version
        -- Clearing the assignee stays possible: deleting a user sets it to NULL.
        OR (NEW.assignee_id IS DISTINCT FROM OLD.assignee_id AND NEW.assignee_id IS NOT NULL)
    ) THEN
        RAISE EXCEPTION 'claim %: state and assignee change only through a workflow action', OLD.id
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER claims_claim_workflow_guard BEFORE UPDATE ON claims_claim
    FOR EACH ROW EXECUTE FUNCTION claims_claim_workflow_guard();

CREATE OR REPLACE FUNCTION claims_verdict_workflow_guard() RETURNS trigger AS $$
BEGIN
    IF OLD.published_at IS NOT NULL THEN
        RAISE EXCEPTION 'verdict %: a published verdict never changes', OLD.id
            USING ERRCODE = 'check_violation';
    END IF;
    IF coalesce(current_setting('factcheck.workflow_action', true), '') <> 'on' AND (
        NEW.approver_id IS DISTINCT FROM OLD.approver_id
        OR NEW.approved_at IS DISTINCT FROM OLD.approved_at
        OR NEW.publisher_id IS DISTINCT FROM OLD.publisher_id
        OR NEW.published_at IS DISTINCT FROM OLD.published_at
        OR NEW.author_id IS DISTINCT FROM OLD.author_id
    ) THEN
        RAISE EXCEPTION 'verdict %: approval and publication change only through a workflow action', OLD.id
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER claims_verdict_workflow_guard BEFORE UPDATE ON claims_verdict
    FOR EACH ROW EXECUTE FUNCTION claims_verdict_workflow_guard();
"""

DROP = """
DROP TRIGGER IF EXISTS claims_claim_workflow_guard ON claims_claim;
DROP FUNCTION IF EXISTS claims_claim_workflow_guard();
DROP TRIGGER IF EXISTS claims_verdict_workflow_guard ON claims_verdict;
DROP FUNCTION IF EXISTS claims_verdict_workflow_guard();
"""


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(GUARDS, params=None)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP, params=None)


class Migration(migrations.Migration):
    dependencies = [("claims", "0009_article_revisions")]

    operations = [migrations.RunPython(create, drop)]
