"""Template helpers for the newsroom admin."""

from django import template

from desk.notifications import unread_count

register = template.Library()


@register.simple_tag(takes_context=True)
def unread_notifications(context) -> int:
    """How many unread notifications the signed-in user has (shown in the admin header)."""
    request = context.get("request")
    return unread_count(getattr(request, "user", None))
