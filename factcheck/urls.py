from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from factcheck.health import healthz
from public import views as public_views
from public.cache import cached_public_page
from public.feeds import fact_check_feed
from public.sitemaps import SITEMAPS
from tokens.views import my_tokens

urlpatterns = [
    # Each desk user's own API tokens, inside the admin (its login and header).
    path("admin/api-tokens/", admin.site.admin_view(my_tokens), name="api-tokens"),
    path("admin/", admin.site.urls),
    path("api/", include("factcheck.api_urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    # The split view keeps Swagger UI's script out of the page and its files are ours
    # (drf-spectacular-sidecar), so the page works offline under the site-wide CSP.
    path(
        "api/docs/",
        SpectacularSwaggerSplitView.as_view(url_name="api-schema"),
        name="api-docs",
    ),
    path("healthz", healthz, name="healthz"),
    # The public site: fact-check pages, search, sitemap, feed, suggestions.
    path(
        "sitemap.xml",
        cached_public_page(sitemap),
        {"sitemaps": SITEMAPS},
        name="django.contrib.sitemaps.views.sitemap",
    ),
    path("feed.atom", fact_check_feed, name="public-feed"),
    path("robots.txt", public_views.robots_txt, name="robots-txt"),
    path("", include("public.urls")),
]

handler404 = "factcheck.api.api_not_found"
