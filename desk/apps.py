from django.apps import AppConfig


class DeskConfig(AppConfig):
    name = "desk"
    verbose_name = "Editorial desk"

    def ready(self):
        # Verdicts citing what changed in the library go back to review (desk/library.py).
        from . import library

        library.connect()
