from django.apps import AppConfig


class ClaimsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "claims"
    verbose_name = "Claims and fact-checks"

    def ready(self):
        # Claims follow the source library through its signals (see claims/library.py).
        from . import library

        library.connect()
