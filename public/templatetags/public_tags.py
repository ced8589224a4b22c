"""Template helpers of the public site."""

import json

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from public.selectors import SCALE

register = template.Library()

# As django.utils.html.json_script: no "<", ">" or "&" survives, so text in the data
# (say "</script>") cannot end the script element or open a comment.
_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def json_ld(data) -> str:
    """A <script type="application/ld+json"> element holding `data`, safely escaped."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=1)
    # bandit flags mark_safe: safe here, "<", ">" and "&" are escaped above as in json_script.
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(text.translate(_JSON_ESCAPES)),  # nosec B308 B703
    )


@register.inclusion_tag("public/_rating.html")
def rating(verdict, size="large"):
    """The rating as text and as a position on the true-false scale (not colour alone)."""
    steps = [
        {"value": step, "label": step.label, "current": step == verdict.rating} for step in SCALE
    ]
    return {
        "verdict": verdict,
        "label": verdict.get_rating_display(),
        "on_scale": verdict.rating in SCALE,
        "steps": steps,
        "size": size,
    }


@register.simple_tag
def organisation_name() -> str:
    return settings.FACTCHECK_ORGANISATION


@register.simple_tag
def organisation_url() -> str:
    return settings.FACTCHECK_ORGANISATION_URL
