"""What the desk's admin pages (and the public app's) share: the guard on deleting what was
published, and the link to a claim's page."""

from __future__ import annotations

from django.urls import reverse
from django.utils.html import format_html

from .. import articles


class KeepsPublishedFactChecks:
    """Admin mixin: what has a published fact-check is never deleted. The delete page and
    "delete selected" list the fact-checks as protected objects, with the reason."""

    # The keyword of `desk.articles.published_fact_checks` the admin's objects go to.
    published_fact_checks_of = "articles"

    def get_deleted_objects(self, objs, request):
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        published = articles.published_fact_checks(**{self.published_fact_checks_of: objs})
        if not published:
            return deleted, counts, perms_needed, protected
        # The reason shown is the published fact-checks (the admin shows either lacking
        # permissions or protected objects, and this one holds whoever asks).
        reasons = [articles.why_not_deletable(v) for v in published]
        return deleted, counts, set(), [*protected, *reasons]


def claim_link(claim_id: int | None, label: str = "Claim") -> str:
    """A link to the claim's page in the admin ("–" for none): "<label> <id>"."""
    if claim_id is None:
        return "–"
    url = reverse("admin:claims_claim_change", args=[claim_id])
    return format_html('<a href="{}">{} {}</a>', url, label, claim_id)
