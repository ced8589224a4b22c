"""Default text of the methodology and corrections-policy pages (editors rewrite it)."""

from django.db import migrations

METHODOLOGY = """We break each article we examine into single, checkable claims: one statement of fact each, with its numbers, units and dates. A fact-checker compares every claim with passages from our curated library of sources: official statistics, reports, reference works, academic papers and primary documents. Where the claim gives a number, we compare it with the source's number, converting units where needed, and say whether they agree or conflict.

Every verdict is proposed by a fact-checker and approved by a different editor before it is published. Nobody approves their own work.

Our ratings

True: the claim is accurate and nothing significant is missing.
Mostly true: the claim is accurate but needs clarification or additional information.
Half true: the claim is partly accurate but leaves out important details or takes things out of context.
Misleading: the claim contains accurate elements but gives a wrong impression.
Mostly false: the claim contains an element of truth but ignores facts that would give a different impression.
False: the claim is not accurate.
Unverifiable: no reliable source could settle the claim either way; we explain why.

We cite every source we rely on, with a link, the passage we used and where to find it in the source."""

CORRECTIONS_POLICY = """We correct mistakes quickly and openly. When a published fact-check turns out to be wrong or incomplete, or a source we relied on changes, a fact-checker reviews it again and an editor approves the correction before it is published.

A correction never erases the original: the fact-check page shows the new verdict, a note saying what changed and when, and the earlier verdict. Every correction is also listed in our public corrections log.

If you think we got something wrong, please tell us through the suggestion form, with a link to your evidence."""

PAGES = [
    ("methodology", "Our methodology", METHODOLOGY),
    ("corrections-policy", "Corrections policy", CORRECTIONS_POLICY),
]


def create_pages(apps, schema_editor):
    Page = apps.get_model("public", "Page")
    for slug, title, body in PAGES:
        Page.objects.get_or_create(slug=slug, defaults={"title": title, "body": body})


def remove_pages(apps, schema_editor):
    # Only pages still as created here: an editor's rewrite is not thrown away.
    Page = apps.get_model("public", "Page")
    for slug, title, body in PAGES:
        Page.objects.filter(slug=slug, title=title, body=body).delete()


class Migration(migrations.Migration):
    dependencies = [("public", "0001_initial")]

    operations = [migrations.RunPython(create_pages, remove_pages)]
