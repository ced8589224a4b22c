"""Admin for the public site's own data: editable pages and the readers' suggestion queue."""

from django.contrib import admin, messages

from .models import Page, Suggestion
from .services import SuggestionRefused, accept_suggestion, reject_suggestion


@admin.register(Page)
class PageAdmin(admin.ModelAdmin):
    list_display = ("title", "slug", "updated_at")
    search_fields = ("title", "body")
    # The slug is the page's address on the public site, which links point to.
    readonly_fields = ("updated_at",)

    def get_readonly_fields(self, request, obj=None):
        return ("slug", "updated_at") if obj else ("updated_at",)


@admin.register(Suggestion)
class SuggestionAdmin(admin.ModelAdmin):
    """The readers' suggestions, newest first; fact-checkers accept or reject them."""

    list_display = ("claim_text", "status", "seen_at", "created_at", "decided_by")
    list_filter = ("status", "created_at")
    search_fields = ("claim_text", "note", "seen_at")
    readonly_fields = (
        "claim_text",
        "seen_at",
        "note",
        "email",
        "status",
        "decided_by",
        "decided_at",
        "created_at",
    )
    fields = (
        "claim_text",
        "seen_at",
        "note",
        "email",
        "status",
        "status_note",
        "decided_by",
        "decided_at",
        "created_at",
    )
    actions = ["accept", "reject"]
    date_hierarchy = "created_at"

    def has_add_permission(self, request):
        # Suggestions come from readers; the desk's own claims go in as articles.
        return False

    def _decide(self, request, queryset, action, verb):
        done = 0
        for suggestion in queryset:
            try:
                action(suggestion=suggestion, user=request.user)
            except SuggestionRefused as error:
                self.message_user(request, error.message, messages.ERROR)
                return
            done += 1
        self.message_user(request, f"{done} suggestion(s) {verb}.", messages.SUCCESS)

    @admin.action(description="Accept: we will check these claims", permissions=["change"])
    def accept(self, request, queryset):
        self._decide(request, queryset, accept_suggestion, "accepted")

    @admin.action(description="Reject these suggestions", permissions=["change"])
    def reject(self, request, queryset):
        self._decide(request, queryset, reject_suggestion, "rejected")
