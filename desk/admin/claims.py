"""The newsroom's workbench: the review queue and the claim page, and the dashboard.

The admin holds no rules: the claim page renders the workbench selector's dataclass
(desk.workbench), every button takes one action of the table by its name
(desk.actions.take), and the errors actions raise are shown as messages.
"""

from __future__ import annotations

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.text import Truncator

from claims import selectors
from claims.models import Article, Claim, Match
from factcheck.history_admin import ReadOnlyHistoryAdmin

from .. import action_warnings, dashboard, notifications, queue, workflow
from ..actions.take import PERFORMERS, take
from ..workbench import workbench
from . import articles as articles_admin
from . import hand_work
from . import queue as queue_admin
from .common import KeepsPublishedFactChecks
from .forms import CheckworthinessFilter, NumericConflictFilter, VerdictForm, to_int

# The longest claim text a list shows.
LIST_TEXT_CHARS = 300
# The names the claim page's evidence buttons post, and the actions they take.
EVIDENCE_BUTTONS = {
    "accept": "evidence_accepted",
    "reject": "evidence_rejected",
    "reset": "evidence_none",
}
# Once taken, these leave the claim out of the person's hands: back to their queue.
BACK_TO_QUEUE = ("dismiss", "request_changes")
# Not refusals: what was still open when the person went ahead.
WARN_AFTER = ("propose_verdict", "approve_verdict")

# Articles are submitted through the same service as the API (desk.admin.articles).
admin.site.register(Article, articles_admin.ArticleAdmin)


def _version(request) -> int | None:
    value = request.POST.get("version", "")
    return int(value) if value.isdigit() else None


@admin.register(Claim)
class ClaimAdmin(KeepsPublishedFactChecks, ReadOnlyHistoryAdmin):
    """The review queue (changelist) and the claim workbench (change view)."""

    published_fact_checks_of = "claims"

    list_display = (
        "claim_text",
        "article_title",
        "state_badge",
        "worth",
        "assignee",
        "conflicts",
        "evidence",
    )
    list_display_links = ("claim_text",)
    list_filter = (
        queue_admin.QueueTabFilter,
        "state",
        CheckworthinessFilter,
        NumericConflictFilter,
        ("article", admin.RelatedOnlyFieldListFilter),
    )
    search_fields = ("text", "sentence", "article__title")
    list_per_page = 50
    actions = queue_admin.ACTIONS
    action_form = queue_admin.QueueActionForm
    review_template = "admin/claims/claim/review.html"
    dashboard_template = "admin/claims/claim/dashboard.html"

    def get_queryset(self, request):
        return selectors.review_queue()

    def get_ordering(self, request):
        return list(selectors.QUEUE_ORDERING)

    def has_add_permission(self, request):
        return False  # claims come from articles

    def add_view(self, request, form_url="", extra_context=None):
        # A claim is added from a selection of its article's text (the article reader).
        messages.info(request, "To add a claim, open its article and select the claim's words.")
        return HttpResponseRedirect(reverse("admin:claims_article_changelist"))

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_review_permission(self, request):
        return request.user.has_perm(workflow.REVIEW)

    def has_assign_permission(self, request):
        return request.user.has_perm(workflow.APPROVE)

    @admin.display(description="Claim")
    def claim_text(self, claim):
        # The queue shows the start of an over-long claim; the claim page has all of it.
        text = Truncator(claim.text).chars(LIST_TEXT_CHARS)
        if claim.needs_rereview:
            return format_html("⚠ {}", text)
        return text

    @admin.display(description="Article", ordering="article__title")
    def article_title(self, claim):
        return claim.article.title

    @admin.display(description="State", ordering="state")
    def state_badge(self, claim):
        return format_html(
            '<span class="wf-badge wf-{}">{}</span>', claim.state, claim.get_state_display()
        )

    @admin.display(description="Worth", ordering="checkworthiness")
    def worth(self, claim):
        return f"{claim.checkworthiness:.2f}"

    @admin.display(description="Conflicts", ordering="conflict_count")
    def conflicts(self, claim):
        if claim.conflict_count:
            return format_html('<span class="wf-conflict">{} ✗</span>', claim.conflict_count)
        return "–"

    @admin.display(description="Evidence", ordering="accepted_count")
    def evidence(self, claim):
        return claim.accepted_count or "–"

    def changelist_view(self, request, extra_context=None):
        user = request.user
        extra_context = {
            **(extra_context or {}),
            "title": "Review queue",
            "queue_tabs": queue.tabs_with_counts(user=user),
            "queue_tab": queue_admin.current_tab(request),
            "can_see_dashboard": user.has_perm(workflow.APPROVE),
        }
        response = super().changelist_view(request, extra_context)
        changelist = getattr(response, "context_data", {}).get("cl")
        if changelist is not None:
            queue_admin.remember_list(request, changelist)
        return response

    def get_urls(self):
        urls = super().get_urls()
        custom = [
            path(
                "dashboard/",
                self.admin_site.admin_view(self.dashboard_view),
                name="claims_claim_dashboard",
            ),
            *hand_work.claim_urls(self),
        ]
        return custom + urls

    # --- The claim page ------------------------------------------------------------------

    def change_view(self, request, object_id, form_url="", extra_context=None):
        claim = get_object_or_404(Claim.objects.select_related("article", "assignee"), pk=object_id)
        if not self.has_view_permission(request, claim):
            raise PermissionDenied
        if request.method == "POST":
            return self.take_action(request, claim)
        bench = workbench(
            claim=claim,
            user=request.user,
            query=request.GET.get("q", ""),
            draft=request.session.pop(f"verdict-draft-{claim.pk}", None),
        )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": f"Claim {claim.pk}",
            # For the browser tab only; the page shows the whole claim, wrapped.
            "subtitle": Truncator(claim.text).words(10),
            **bench.as_context(),
            "verdict_form": VerdictForm(initial=bench.initial_verdict),
            "history_url": reverse("admin:claims_claim_history", args=[claim.pk]),
            "reader_url": reverse("admin:claims_article_read", args=[claim.article_id]),
            **queue_admin.workbench_context(request, claim),
        }
        return TemplateResponse(request, self.review_template, context)

    def _inputs(self, request, claim: Claim, name: str) -> dict:
        """The action's inputs from the posted form: texts as typed, people and matches
        looked up (a match of this claim only)."""
        inputs = {}
        for field in PERFORMERS[name].inputs:
            if field == "assignee":
                chosen = to_int(request.POST.get("assignee"))
                inputs[field] = notifications.reviewers().filter(pk=chosen).first()
            elif field == "match":
                inputs[field] = get_object_or_404(Match, pk=request.POST.get("match"), claim=claim)
            else:
                inputs[field] = request.POST.get(field, "")
        return inputs

    def take_action(self, request, claim: Claim):
        """Take the posted action through desk.actions.take and say how it went."""
        name = request.POST.get("action", "")
        name = EVIDENCE_BUTTONS.get(name, name)
        here = HttpResponseRedirect(request.get_full_path())
        draft_key = f"verdict-draft-{claim.pk}"
        if name not in PERFORMERS:
            messages.error(request, "Unknown action; reload the page and try again.")
            return here
        if name == "propose_verdict":
            form = VerdictForm(request.POST)
            if not form.is_valid():
                for field, errors in form.errors.items():
                    messages.error(request, f"{form[field].label}: {errors[0]}")
                request.session[draft_key] = request.POST.dict()
                return here
            inputs = form.cleaned_data
        else:
            inputs = self._inputs(request, claim, name)
        try:
            take(name, claim=claim, user=request.user, expected_version=_version(request), **inputs)
        except workflow.TransitionError as exc:
            if name == "propose_verdict":
                request.session[draft_key] = request.POST.dict()
            messages.error(request, exc.message)
            return here
        request.session.pop(draft_key, None)
        done = workflow.ACTIONS[name].done
        if name == "publish":
            public = reverse("public:claim-short", args=[claim.pk])
            done = format_html('{} <a href="{}" id="view-on-site">View on site</a>', done, public)
        messages.success(request, done)
        if name in WARN_AFTER:
            for warning in action_warnings.unreviewed_conflicts(claim):
                messages.warning(request, warning.message)
        if name in BACK_TO_QUEUE:
            return HttpResponseRedirect(queue_admin.workbench_context(request, claim)["queue_url"])
        return here

    # --- The desk dashboard ----------------------------------------------------------------

    def dashboard_view(self, request):
        if not request.user.has_perm(workflow.APPROVE):
            raise PermissionDenied
        return TemplateResponse(
            request,
            self.dashboard_template,
            {
                **self.admin_site.each_context(request),
                "opts": self.opts,
                "title": "Desk dashboard",
                **dashboard.build(),
            },
        )
