"""System checks of the deployment (manage.py check --deploy)."""

from django.conf import settings
from django.core import checks

PER_PROCESS_CACHES = (
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
)


@checks.register(checks.Tags.caches, deploy=True)
def shared_cache(app_configs, **kwargs):
    """Production needs one cache for every web process: publication generations and
    rate-limit counters live there, so a per-process cache serves stale pages."""
    backend = settings.CACHES["default"]["BACKEND"]
    if backend in PER_PROCESS_CACHES:
        return [
            checks.Error(
                f"The cache is per-process ({backend.rsplit('.', 1)[-1]}): after a "
                "publication other web processes keep serving old pages.",
                hint="Set CACHE_URL to a Redis URL shared by every web process.",
                id="factcheck.E001",
            )
        ]
    return []
