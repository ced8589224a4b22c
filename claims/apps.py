from django.apps import AppConfig
from django.db.models.signals import m2m_changed, pre_delete


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
        from .models import Match, Verdict

        m2m_changed.connect(
            integrity.refuse_published_evidence_change,
            sender=Verdict.evidence.through,
            dispatch_uid="claims.refuse_published_evidence_change",
        )
        pre_delete.connect(
            integrity.refuse_deleting_published_verdict,
            sender=Verdict,
            dispatch_uid="claims.refuse_deleting_published_verdict",
        )
        pre_delete.connect(
            integrity.refuse_deleting_cited_match,
            sender=Match,
            dispatch_uid="claims.refuse_deleting_cited_match",
        )
        # A missing or broken check-worthiness model stops the process here, not at the
        # first article.
        check_model()
