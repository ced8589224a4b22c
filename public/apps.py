from django.apps import AppConfig


class PublicConfig(AppConfig):
    name = "public"
    verbose_name = "Public site"

    def ready(self):
        # Cache invalidation on publication (the only signals this app uses).
        from . import signals  # noqa: F401
