"""The newsroom's workbench: review queue, claim page, approval desk, dashboard, notifications.

The admin holds no rules: every button calls a service in desk.workflow or
desk.review, and errors those services raise are shown as messages.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.text import Truncator

from claims import checkworthiness, selectors
from claims.models import (
    Article,
    Claim,
    ClaimState,
    Match,
    Notification,
    Rating,
    TransitionLog,
    Verdict,
)
from desk import (
    action_warnings,
    articles,
    dashboard,
    notifications,
    queue,
    review,
    verdict_panel,
    workflow,
)
from desk.admin import hand_work
from desk.admin import queue as queue_admin
from desk.workflow import TransitionError
from factcheck.history_admin import ReadOnlyHistoryAdmin

# How much of the article to show on each side of the claim's span.
CONTEXT_CHARS = 400
# The longest claim text a list shows, and the longest span the claim page marks (an
# over-long span, from data stored before the limits, shows its two ends).
LIST_TEXT_CHARS = 300
SPAN_CHARS = 5000


def _capped(text: str) -> str:
    if len(text) <= SPAN_CHARS:
        return text
    half = SPAN_CHARS // 2
    return f"{text[:half]} … [{len(text) - 2 * half:,} characters not shown] … {text[-half:]}"


# Articles are submitted through the same service as the API (claims.hand_work).
admin.site.register(Article, hand_work.ArticleAdmin)


# --- Review queue filters ------------------------------------------------------------------


class CheckworthinessFilter(admin.SimpleListFilter):
    title = "check-worthiness"
    parameter_name = "worth"

    def lookups(self, request, model_admin):
        return [("high", "High (0.7+)"), ("medium", "Medium (0.4-0.7)"), ("low", "Low (<0.4)")]

    def queryset(self, request, queryset):
        high, medium = selectors.HIGH_CHECKWORTHINESS, selectors.MEDIUM_CHECKWORTHINESS
        if self.value() == "high":
            return queryset.filter(checkworthiness__gte=high)
        if self.value() == "medium":
            return queryset.filter(checkworthiness__gte=medium, checkworthiness__lt=high)
        if self.value() == "low":
            return queryset.filter(checkworthiness__lt=medium)
        return queryset


class NumericConflictFilter(admin.SimpleListFilter):
    title = "numeric conflict"
    parameter_name = "conflict"

    def lookups(self, request, model_admin):
        return [("yes", "Numbers conflict with a source"), ("no", "No conflict")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(conflict_count__gt=0)
        if self.value() == "no":
            return queryset.filter(conflict_count=0)
        return queryset


# --- Forms (input only; the services validate the rules) -------------------------------------


class VerdictForm(forms.Form):
    rating = forms.ChoiceField(choices=[("", "---------"), *Rating.choices])
    summary = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}))
    explanation = forms.CharField(widget=forms.Textarea(attrs={"rows": 6}), required=False)
    no_source_explanation = forms.CharField(
        label="No source found (unverifiable only)",
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )
    correction_note = forms.CharField(
        label="Correction note (corrections only)",
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )


def _quantity_text(described) -> str:
    if isinstance(described, dict):
        return str(described.get("text") or described.get("value") or "")
    return str(described or "")


def _converted_text(described) -> str:
    """ "= 900,000,000 USD" for a quantity converted to its base unit, if known."""
    if not isinstance(described, dict) or described.get("converted") is None:
        return ""
    try:
        value = float(described["converted"])
    except (TypeError, ValueError):
        return ""
    for scale, suffix in ((1e12, "tn"), (1e9, "bn"), (1e6, "m")):
        if abs(value) >= scale:
            written = f"{value / scale:,.4g}{suffix}"
            break
    else:
        written = f"{value:,.4g}"
    return f"= {written} {described.get('converted_unit') or ''}".rstrip()


def numeric_pairs(detail: dict) -> tuple[list[dict], str]:
    """The quantity pairs (claim vs passage) of a match's numeric detail, as text.

    Each pair carries the figures as written, their values in one unit and, for the
    match as a whole, the reason of the comparison ("same measure; 24% vs 17%").
    """
    numeric = detail.get("numeric", detail) if isinstance(detail, dict) else {}
    pairs = [
        {
            "claim": _quantity_text(pair.get("claim")),
            "passage": _quantity_text(pair.get("passage")),
            "claim_converted": _converted_text(pair.get("claim")),
            "passage_converted": _converted_text(pair.get("passage")),
            "relation": str(pair.get("relation", "")),
        }
        for pair in numeric.get("pairs", [])
        if isinstance(pair, dict)
    ]
    return pairs, str(numeric.get("ignored", ""))


def numeric_reason(detail: dict) -> str:
    """Why the numbers of a match agree, conflict or were not compared."""
    numeric = detail.get("numeric", detail) if isinstance(detail, dict) else {}
    return str(numeric.get("reason", "")) if isinstance(numeric, dict) else ""


def _text(request, name: str) -> str:
    return request.POST.get(name, "")


def _version(request) -> int | None:
    value = request.POST.get("version", "")
    return int(value) if value.isdigit() else None


@admin.register(Claim)
class ClaimAdmin(ReadOnlyHistoryAdmin):
    """The review queue (changelist) and the claim workbench (change view)."""

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
        return selectors.review_queue(user=request.user)

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

    def get_deleted_objects(self, objs, request):
        # A claim with a published fact-check is never deleted (listed as protected).
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        published = articles.published_fact_checks(claims=objs)
        if not published:
            return deleted, counts, perms_needed, protected
        reasons = [articles.why_not_deletable(v) for v in published]
        return deleted, counts, set(), [*protected, *reasons]

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

    # --- The claim workbench ---------------------------------------------------------------

    def change_view(self, request, object_id, form_url="", extra_context=None):
        claim = get_object_or_404(Claim.objects.select_related("article", "assignee"), pk=object_id)
        if not self.has_view_permission(request, claim):
            raise PermissionDenied
        if request.method == "POST":
            return self._act(request, claim)
        return TemplateResponse(request, self.review_template, self._workbench(request, claim))

    ACTIONS = {
        "start_review": lambda r, c, v: workflow.start_review(
            claim=c, user=r.user, expected_version=v
        ),
        "dismiss": lambda r, c, v: workflow.dismiss(
            claim=c, user=r.user, reason=_text(r, "reason"), expected_version=v
        ),
        "request_changes": lambda r, c, v: workflow.request_changes(
            claim=c, editor=r.user, comment=_text(r, "comment"), expected_version=v
        ),
        "approve_verdict": lambda r, c, v: workflow.approve_verdict(
            claim=c, editor=r.user, expected_version=v
        ),
        "publish": lambda r, c, v: workflow.publish(claim=c, editor=r.user, expected_version=v),
        "correct_verdict": lambda r, c, v: workflow.correct_verdict(
            claim=c, user=r.user, note=_text(r, "note"), expected_version=v
        ),
        "edit_claim_text": lambda r, c, v: review.edit_claim_text(
            claim=c, user=r.user, text=_text(r, "text"), expected_version=v
        ),
        "confirm_after_source_change": lambda r, c, v: review.confirm_after_source_change(
            claim=c, user=r.user, note=_text(r, "note"), expected_version=v
        ),
    }
    DONE = {
        "start_review": "You are now reviewing this claim.",
        "dismiss": "The claim was dismissed.",
        "request_changes": "The verdict went back to its fact-checker with your comment.",
        "approve_verdict": "Verdict approved.",
        "publish": "Verdict published.",
        "correct_verdict": "Correction started: revise the verdict and propose it again.",
        "edit_claim_text": "Claim text saved.",
        "confirm_after_source_change": "Verdict confirmed; the re-review flag is cleared.",
        "propose_verdict": "Verdict proposed; the editors have been notified.",
        "accept": "Evidence accepted.",
        "reject": "Evidence rejected.",
        "reset": "Decision on the evidence taken back.",
        "assign": "Claim reassigned.",
    }

    def _act(self, request, claim: Claim):
        action = request.POST.get("action", "")
        version = _version(request)
        here = HttpResponseRedirect(request.get_full_path())
        try:
            if action in self.ACTIONS:
                self.ACTIONS[action](request, claim, version)
            elif action == "propose_verdict":
                form = VerdictForm(request.POST)
                if not form.is_valid():
                    for field, errors in form.errors.items():
                        messages.error(request, f"{form[field].label}: {errors[0]}")
                    request.session[f"verdict-draft-{claim.pk}"] = request.POST.dict()
                    return here
                workflow.propose_verdict(
                    claim=claim, author=request.user, expected_version=version, **form.cleaned_data
                )
                request.session.pop(f"verdict-draft-{claim.pk}", None)
            elif action == "assign":
                assignee = notifications.reviewers().filter(pk=request.POST.get("assignee")).first()
                review.assign_claim(
                    claim=claim, editor=request.user, assignee=assignee, expected_version=version
                )
            elif action in ("accept", "reject", "reset"):
                match = get_object_or_404(Match, pk=request.POST.get("match"), claim=claim)
                service = {
                    "accept": review.accept_evidence,
                    "reject": review.reject_evidence,
                    "reset": review.reset_evidence,
                }[action]
                service(match=match, user=request.user, expected_version=version)
            else:
                messages.error(request, "Unknown action; reload the page and try again.")
                return here
        except TransitionError as exc:
            if action == "propose_verdict":
                request.session[f"verdict-draft-{claim.pk}"] = request.POST.dict()
            messages.error(request, exc.message)
            return here
        if action == "publish":
            public = reverse("public:claim-short", args=[claim.pk])
            messages.success(
                request,
                format_html(
                    '{} <a href="{}" id="view-on-site">View on site</a>', self.DONE[action], public
                ),
            )
        else:
            messages.success(request, self.DONE[action])
        if action in ("propose_verdict", "approve_verdict"):
            # Not a refusal: what was still open when the person went ahead.
            for warning in action_warnings.unreviewed_conflicts(claim):
                messages.warning(request, warning.message)
        if action in ("dismiss", "request_changes"):
            # The claim has left this person's hands: back to the queue they came from.
            return HttpResponseRedirect(queue_admin.workbench_context(request, claim)["queue_url"])
        return here

    def _workbench(self, request, claim: Claim) -> dict:
        user = request.user
        body = claim.article.body
        start, end = sorted((max(0, claim.start), min(len(body), claim.end)))
        lo, hi = max(0, start - CONTEXT_CHARS), min(len(body), end + CONTEXT_CHARS)
        # One query for every verdict with its evidence prefetched; the open and the
        # published one are picked from it (same order as open_verdict/published_verdict).
        verdicts = selectors.verdicts_of(claim)
        verdict = next((v for v in verdicts if v.published_at is None), None)
        published = max(
            (v for v in verdicts if v.published_at is not None),
            key=lambda v: (v.published_at, v.pk),
            default=None,
        )
        allowed = {t.name for t in workflow.allowed_transitions(claim=claim, user=user)}
        draft = request.session.pop(f"verdict-draft-{claim.pk}", None)
        initial = verdict_panel.initial_verdict(claim=claim, verdict=verdict, draft=draft)
        last_request, diffs = workflow.changes_since_last_request(claim)
        matches = list(
            claim.matches.select_related("passage__source", "decided_by").order_by("-score", "rank")
        )
        for match in matches:
            match.pairs, match.ignored = numeric_pairs(match.numeric_detail)
            match.numeric_reason = numeric_reason(match.numeric_detail)
        return {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": f"Claim {claim.pk}",
            # For the browser tab only; the page shows the whole claim, wrapped.
            "subtitle": Truncator(claim.text).words(10),
            "claim": claim,
            "checkworthiness": checkworthiness.assess_sentence(text=claim.extracted_text, top=5),
            "original": claim,
            "article": claim.article,
            # Plain strings: the template escapes them, the <mark> comes from the template.
            "context_before": ("…" if lo > 0 else "") + body[lo:start],
            "span": _capped(body[start:end]),
            "context_after": body[end:hi] + ("…" if hi < len(body) else ""),
            "matches": matches,
            "verdict": verdict,
            "published": published,
            "verdicts": verdicts,
            "verdict_form": VerdictForm(initial=initial),
            "allowed": allowed,
            "can_work": workflow.can_work_on(claim=claim, user=user),
            "reviewers": (
                notifications.reviewers()
                if user.has_perm(workflow.APPROVE)
                and claim.state in (ClaimState.EXTRACTED, ClaimState.IN_REVIEW)
                else []
            ),
            "last_request": last_request,
            "diffs": diffs,
            "log": claim.transitions.select_related("user").order_by("-created_at", "-pk"),
            "history_url": reverse("admin:claims_claim_history", args=[claim.pk]),
            "more_claims": list(selectors.more_claims(claim=claim)),
            "threshold": selectors.CHECKWORTHY_THRESHOLD,
            **hand_work.workbench_context(request, claim),
            **queue_admin.workbench_context(request, claim),
            **verdict_panel.verdict_context(
                claim=claim, user=user, allowed=allowed, verdict=verdict, published=published
            ),
        }

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


@admin.register(Verdict)
class VerdictAdmin(ReadOnlyHistoryAdmin):
    list_display = ("claim", "rating", "author", "approver", "published_at", "corrects")
    list_filter = ("rating", ("published_at", admin.EmptyFieldListFilter))
    search_fields = ("summary", "claim__text")
    list_select_related = ("claim", "author", "approver", "corrects")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False  # verdicts change only through the workflow

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(TransitionLog)
class TransitionLogAdmin(admin.ModelAdmin):
    list_display = ("created_at", "claim", "action", "from_state", "to_state", "user", "comment")
    list_filter = ("action", "to_state", "user")
    search_fields = ("claim__text", "comment")
    list_select_related = ("claim", "user")
    date_hierarchy = "created_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


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
        if notification.claim_id is None:
            return "–"
        url = reverse("admin:claims_claim_change", args=[notification.claim_id])
        return format_html('<a href="{}">Open claim {}</a>', url, notification.claim_id)

    @admin.action(description="Mark as read")
    def mark_read(self, request, queryset):
        count = notifications.mark_read(user=request.user, notifications=queryset)
        messages.success(request, f"{count} notification(s) marked as read.")

    def has_view_permission(self, request, obj=None):
        # Every staff member reads their own notifications, whatever their role.
        return request.user.is_active and request.user.is_staff

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_staff
