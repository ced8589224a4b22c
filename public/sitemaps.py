"""Sitemap of the public site: fact-checks, articles and the standing pages."""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from . import fact_checks, selectors
from .models import Page


class PublicSitemap(Sitemap):
    def get_domain(self, site=None):
        # Without django.contrib.sites: PUBLIC_BASE_URL, else the request's host.
        if settings.PUBLIC_BASE_URL:
            return settings.PUBLIC_BASE_URL.split("://", 1)[-1]
        return super().get_domain(site)

    def get_protocol(self, protocol=None):
        if settings.PUBLIC_BASE_URL:
            return settings.PUBLIC_BASE_URL.split("://", 1)[0]
        return super().get_protocol(protocol)


class FactCheckSitemap(PublicSitemap):
    changefreq = "weekly"
    priority = 0.8

    def items(self):
        return list(selectors.current_verdicts().order_by("claim_id"))

    def location(self, verdict):
        return fact_checks.fact_check_path(verdict.claim_id, verdict.checked_text)

    def lastmod(self, verdict):
        return verdict.published_at


class ArticleSitemap(PublicSitemap):
    changefreq = "weekly"
    priority = 0.5

    def items(self):
        return selectors.public_articles()

    def location(self, article):
        return reverse("public:article", args=[article.pk])

    def lastmod(self, article):
        return article.last_published_at


class StandingPagesSitemap(PublicSitemap):
    changefreq = "daily"
    priority = 0.6

    def items(self):
        return ["public:list", "public:corrections", "public:suggest", *self._pages()]

    def _pages(self):
        names = {
            "methodology": "public:methodology",
            "corrections-policy": "public:corrections-policy",
        }
        slugs = set(Page.objects.values_list("slug", flat=True))
        return [name for slug, name in names.items() if slug in slugs]

    def location(self, name):
        return reverse(name)


SITEMAPS = {
    "fact-checks": FactCheckSitemap,
    "articles": ArticleSitemap,
    "pages": StandingPagesSitemap,
}
