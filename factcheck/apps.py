"""The project package as an app (no models): connects the security plumbing."""

from django.apps import AppConfig


class SecurityConfig(AppConfig):
    name = "factcheck"
    label = "factcheck_security"
    verbose_name = "Security"

    def ready(self) -> None:
        from django.contrib.auth import get_user_model
        from django.db.models.signals import post_save, pre_save

        from . import checks, security  # noqa: F401 - checks registers itself

        user_model = get_user_model()
        # Deactivating an account ends its sessions at once, not at its next request.
        pre_save.connect(security.remember_active_flag, sender=user_model, dispatch_uid="fc-sec")
        post_save.connect(
            security.end_sessions_on_deactivation, sender=user_model, dispatch_uid="fc-sec"
        )
