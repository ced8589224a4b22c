"""Atom feed of published fact-checks: every first publication and every correction."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from . import fact_checks, selectors
from .cache import cached_public_page


class FactCheckFeed(Feed):
    feed_type = Atom1Feed
    subtitle = "New and corrected fact-checks."

    def title(self):
        return f"{settings.FACTCHECK_ORGANISATION}: fact-checks"

    def link(self):
        return reverse("public:list")

    def author_name(self):
        return settings.FACTCHECK_ORGANISATION

    def author_link(self):
        return settings.FACTCHECK_ORGANISATION_URL or None

    def items(self):
        return selectors.feed_items()

    def item_title(self, item):
        prefix = "Corrected: " if item.corrected else ""
        return f"{prefix}{item.verdict.get_rating_display()}: {item.text}"

    def item_description(self, item):
        text = item.verdict.summary
        if item.corrected:
            text += f"\n\nCorrection: {item.verdict.correction_note}"
        # The sources as cited when the verdict was published (its stored evidence).
        cited = [
            " ".join(filter(None, [e.source_title, f"({e.publisher})" if e.publisher else ""]))
            for e in fact_checks.evidence_of(item.verdict)
        ]
        if cited:
            text += "\n\nSources: " + "; ".join(cited)
        return text

    def item_link(self, item):
        return item.path

    def item_guid(self, item):
        # One entry per publication: a correction is news of its own, not an edit.
        return self._absolute(item.path) + f"#verdict-{item.verdict.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.verdict.published_at

    def item_updateddate(self, item):
        return item.verdict.published_at

    def item_author_name(self, item):
        return settings.FACTCHECK_ORGANISATION

    def item_categories(self, item):
        return [item.verdict.get_rating_display()]

    def get_object(self, request, *args, **kwargs):
        self._request = request
        return None

    def _absolute(self, path):
        return fact_checks.absolute_url(self._request, path)


@cached_public_page
def fact_check_feed(request):
    """The Atom feed; a fresh Feed per request, since it keeps the request for absolute ids."""
    return FactCheckFeed()(request)
