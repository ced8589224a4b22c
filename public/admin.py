"""Admin for the public site's own data: editable pages and the readers' suggestion queue."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse

from claims.models import Claim
from desk.admin.common import claim_link

from .models import Page, Suggestion
from .services import (
    SuggestionRefused,
    accept_suggestion,
    accept_suggestion_as_best,
    claim_candidates,
    reject_suggestion,
)


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

    list_display = ("claim_text", "status", "claim_link", "seen_at", "created_at", "decided_by")
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
    change_form_template = "admin/public/suggestion/change_form.html"
    list_select_related = ("claim", "decided_by")

    @admin.display(description="Claim")
    def claim_link(self, suggestion):
        return claim_link(suggestion.claim_id)

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path(
                "<int:pk>/accept/",
                view(self.accept_view),
                name="public_suggestion_accept",
            ),
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        suggestion = self.get_object(request, object_id)
        extra = dict(extra_context or {})
        if suggestion is not None and suggestion.status != Suggestion.Status.ACCEPTED:
            extra["candidates"] = claim_candidates(suggestion)
            extra["can_decide"] = self.has_change_permission(request, suggestion)
        return super().change_view(request, object_id, form_url, extra)

    def accept_view(self, request, pk):
        """Accept one suggestion as a new claim or linked to a claim the look-up offered."""
        suggestion = get_object_or_404(Suggestion, pk=pk)
        back = HttpResponseRedirect(reverse("admin:public_suggestion_change", args=[pk]))
        if request.method != "POST":
            return back
        if not self.has_change_permission(request, suggestion):
            raise PermissionDenied
        claim = None
        if request.POST.get("claim", "new") != "new":
            claim = Claim.objects.filter(pk=_int(request.POST.get("claim"))).first()
            if claim is None:
                self.message_user(request, "That claim no longer exists.", messages.ERROR)
                return back
        try:
            accepted = accept_suggestion(
                suggestion=suggestion,
                user=request.user,
                note=request.POST.get("status_note", ""),
                claim=claim,
            )
        except SuggestionRefused as error:
            self.message_user(request, error.message, messages.ERROR)
            return back
        done = "linked to" if claim else "turned into"
        self.message_user(
            request, f"Suggestion accepted and {done} claim {accepted.claim_id}.", messages.SUCCESS
        )
        return HttpResponseRedirect(reverse("admin:claims_claim_change", args=[accepted.claim_id]))

    def has_add_permission(self, request):
        # Suggestions come from readers; the desk's own claims go in as articles.
        return False

    def _decide(self, request, queryset, action, verb):
        done = 0
        for suggestion in queryset.order_by("created_at", "pk"):
            try:
                action(suggestion=suggestion, user=request.user)
            except SuggestionRefused as error:
                # One refusal does not hold up the others; each is said.
                self.message_user(request, f"“{suggestion}”: {error.message}", messages.ERROR)
                continue
            done += 1
        if done:
            self.message_user(request, f"{done} suggestion(s) {verb}.", messages.SUCCESS)

    @admin.action(
        description="Accept: make claims (or link each to the same claim found)",
        permissions=["change"],
    )
    def accept(self, request, queryset):
        self._decide(request, queryset, accept_suggestion_as_best, "accepted")

    @admin.action(description="Reject these suggestions", permissions=["change"])
    def reject(self, request, queryset):
        self._decide(request, queryset, reject_suggestion, "rejected")


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
