from django.apps import AppConfig


class ClaimsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "claims"
    verbose_name = "Claims and fact-checks"

    def ready(self):
        # Claims follow the source library through its signals (see claims/library.py).
        from . import integrity, library
        from .checkworthiness import check_model

        library.connect()
        # Guards that keep a published verdict's evidence as it was published.
        integrity.connect()
        # A missing or broken check-worthiness model stops the process here, not at the
        # first article.
        check_model()
