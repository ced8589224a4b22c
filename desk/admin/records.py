"""What the workflow leaves behind, read-only in the admin: verdicts, the transition log,
and each person's own notifications."""

from __future__ import annotations

from django.contrib import admin, messages

from claims.models import Notification, TransitionLog, Verdict
from factcheck.history_admin import ReadOnlyHistoryAdmin
from factcheck.read_only_admin import ReadOnlyAdminMixin

from .. import notifications
from .common import claim_link


@admin.register(Verdict)
class VerdictAdmin(ReadOnlyAdminMixin, ReadOnlyHistoryAdmin):
    """Verdicts change only through the workflow."""

    list_display = ("claim", "rating", "author", "approver", "published_at", "corrects")
    list_filter = ("rating", ("published_at", admin.EmptyFieldListFilter))
    search_fields = ("summary", "claim__text")
    list_select_related = ("claim", "author", "approver", "corrects")


@admin.register(TransitionLog)
class TransitionLogAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("created_at", "claim", "action", "from_state", "to_state", "user", "comment")
    list_filter = ("action", "to_state", "user")
    search_fields = ("claim__text", "comment")
    list_select_related = ("claim", "user")
    date_hierarchy = "created_at"


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ("unread", "message", "claim_link", "created_at")
    list_display_links = None
    list_filter = (("read_at", admin.EmptyFieldListFilter), "kind")
    actions = ["mark_read"]

    def get_queryset(self, request):
        # Everyone sees their own notifications only.
        return super().get_queryset(request).filter(recipient=request.user).select_related("claim")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description="", boolean=False)
    def unread(self, notification):
        return "●" if notification.read_at is None else ""

    @admin.display(description="Claim")
    def claim_link(self, notification):
        return claim_link(notification.claim_id, "Open claim")

    @admin.action(description="Mark as read")
    def mark_read(self, request, queryset):
        count = notifications.mark_read(user=request.user, notifications=queryset)
        messages.success(request, f"{count} notification(s) marked as read.")

    def has_view_permission(self, request, obj=None):
        # Every staff member reads their own notifications, whatever their role.
        return request.user.is_active and request.user.is_staff

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_staff
