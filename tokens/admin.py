"""Administrators see every token and the audit trail; each person manages theirs on
the API tokens page (tokens/views.py)."""

from django.contrib import admin, messages

from factcheck.read_only_admin import ReadOnlyAdminMixin

from . import services
from .models import ApiToken, TokenEvent


class TokenEventInline(admin.TabularInline):
    model = TokenEvent
    extra = 0
    can_delete = False
    fields = readonly_fields = ("action", "actor", "at")

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ("name", "user", "prefix", "created_at", "last_used_at", "revoked_at")
    list_filter = (("revoked_at", admin.EmptyFieldListFilter),)
    search_fields = ("name", "user__username", "prefix")
    fields = readonly_fields = (
        "user",
        "name",
        "prefix",
        "created_at",
        "last_used_at",
        "revoked_at",
    )
    inlines = [TokenEventInline]
    actions = ["revoke"]

    def has_add_permission(self, request):
        # Keys are made by their owners on the API tokens page, and shown only to them.
        return False

    def has_delete_permission(self, request, obj=None):
        # Tokens are revoked, never deleted: the audit trail keeps pointing at them.
        return False

    @admin.action(description="Revoke the selected tokens", permissions=["change"])
    def revoke(self, request, queryset):
        for token in queryset:
            services.revoke_token(token=token, user=request.user)
        messages.success(request, f"{queryset.count()} token(s) revoked.")


@admin.register(TokenEvent)
class TokenEventAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("at", "action", "token", "owner", "actor")
    list_filter = ("action",)
    search_fields = ("token__name", "token__user__username", "actor__username")
    list_select_related = ("token__user", "actor")
    fields = readonly_fields = ("token", "action", "actor", "at")

    @admin.display(description="Owner")
    def owner(self, event):
        return event.token.user
