"""The learned check-worthiness model as the apps use it: read once at start-up from the file
named by `FACTCHECK_CHECKWORTHINESS_MODEL` (default: the one shipped in textcore/models/)."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from textcore.checkworthiness_model import (
    Assessment,
    CheckworthinessModel,
    ModelError,
    load_model,
)


def model() -> CheckworthinessModel:
    """The configured model (read on first use, then shared)."""
    return load_model(settings.FACTCHECK_CHECKWORTHINESS_MODEL or None)


def check_model() -> None:
    """Read the model now, so a missing or broken file stops the process at start-up."""
    try:
        model()
    except ModelError as exc:
        raise ImproperlyConfigured(
            f"The check-worthiness model cannot be used: {exc}. Rebuild it with "
            "scripts/train_checkworthiness.py or set FACTCHECK_CHECKWORTHINESS_MODEL."
        ) from None


def assess_sentence(*, text: str, top: int = 6) -> Assessment:
    """Score of one sentence with the features that explain it."""
    return model().assess(text, top=top)
