from django.apps import AppConfig


class ClaimsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "claims"
    verbose_name = "Claims and fact-checks"

    def ready(self):
        from .checkworthiness import check_model

        check_model()
