"""The review queue in the admin: its tabs and its bulk actions.

The tabs are desk.queue's; each bulk action calls one action of desk.actions.bulk,
which runs the single-claim workflow action on every chosen claim, and shows its summary.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.urls import reverse

from claims import selectors
from claims.models import ClaimState as S
from desk import notifications, queue, workflow
from desk.actions import bulk

# A filter on the state column chooses its claims itself: the default tab does not apply.
STATE_PARAMETERS = ("state__exact", "state")


def current_tab(request) -> str:
    """The tab the queue shows: the one asked for, "all" under a state filter, else open work."""
    key = request.GET.get(QueueTabFilter.parameter_name)
    if key in {tab.key for tab in queue.tabs(user=request.user)}:
        return key
    if any(name in request.GET for name in STATE_PARAMETERS):
        return "all"
    return queue.DEFAULT_TAB


class QueueTabFilter(admin.SimpleListFilter):
    title = "queue"
    parameter_name = "queue"

    def __init__(self, request, params, model, model_admin):
        super().__init__(request, params, model, model_admin)
        self._current = current_tab(request)

    def lookups(self, request, model_admin):
        return [(tab.key, tab.label) for tab in queue.tabs(user=request.user)]

    def choices(self, changelist):
        # Without the parameter the queue shows open work (not everything, as usual).
        for key, label in self.lookup_choices:
            yield {
                "selected": self._current == key,
                "query_string": changelist.get_query_string(
                    {self.parameter_name: key} if key != queue.DEFAULT_TAB else {},
                    [self.parameter_name],
                ),
                "display": label,
            }

    def queryset(self, request, queryset):
        return queue.tab_claims(user=request.user, key=self._current, claims=queryset)


class QueueActionForm(helpers.ActionForm):
    """The action bar: what to do, plus the reason (dismiss) and the person (assign)."""

    reason = forms.CharField(
        label="Reason",
        required=False,
        max_length=2000,
        widget=forms.TextInput(attrs={"placeholder": "Why they are not worth checking"}),
    )
    assignee = forms.ModelChoiceField(
        label="Assign to", queryset=notifications.reviewers(), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = notifications.reviewers()


def _report(request, result: bulk.BulkResult) -> None:
    level = messages.WARNING if result.refused else messages.SUCCESS
    messages.add_message(request, level, result.summary())


def _run(request, act) -> None:
    try:
        result = act()
    except workflow.TransitionError as exc:
        messages.error(request, exc.message)
        return
    _report(request, result)


@admin.action(description="Start review (take them)", permissions=["review"])
def start_review_selected(modeladmin, request, queryset):
    _run(request, lambda: bulk.start_review_each(claims=queryset, user=request.user))


@admin.action(description="Dismiss (give the reason)", permissions=["review"])
def dismiss_selected(modeladmin, request, queryset):
    reason = request.POST.get("reason", "")
    _run(request, lambda: bulk.dismiss_each(claims=queryset, user=request.user, reason=reason))


@admin.action(description="Assign to me", permissions=["assign"])
def assign_to_me_selected(modeladmin, request, queryset):
    _run(
        request,
        lambda: bulk.assign_each(claims=queryset, editor=request.user, assignee=request.user),
    )


@admin.action(description="Assign to… (choose the person)", permissions=["assign"])
def assign_selected(modeladmin, request, queryset):
    chosen = request.POST.get("assignee", "")
    assignee = notifications.reviewers().filter(pk=chosen).first() if chosen.isdigit() else None
    _run(request, lambda: bulk.assign_each(claims=queryset, editor=request.user, assignee=assignee))


ACTIONS = [start_review_selected, assign_to_me_selected, assign_selected, dismiss_selected]


# --- The queue as the claim page walks it ------------------------------------------------

# The claims of the list last shown, in its order, so "next claim" follows what the person
# saw even when a claim leaves the list (taken, dismissed) while they work through it.
SESSION_KEY = "review-queue"
REMEMBERED = 1000


def remember_list(request, changelist) -> None:
    """Keep the order of the queue list just shown (its first REMEMBERED claims)."""
    ids = list(changelist.queryset.values_list("pk", flat=True)[:REMEMBERED])
    request.session[SESSION_KEY] = {"ids": ids, "query": request.GET.urlencode()}


def _remembered(request, claim) -> tuple[list[int], str]:
    kept = request.session.get(SESSION_KEY) or {}
    ids = kept.get("ids") or []
    if claim.pk in ids:
        return ids, kept.get("query", "")
    # Opened from elsewhere (a link, a notification): walk the open work.
    ids = list(
        queue.tab_claims(user=request.user, key=queue.DEFAULT_TAB)
        .order_by(*selectors.QUEUE_ORDERING, "-pk")
        .values_list("pk", flat=True)[:REMEMBERED]
    )
    return ids, ""


def workbench_context(request, claim) -> dict:
    """The claim's place in the queue (previous, next, back) and its public page, if any."""
    ids, query = _remembered(request, claim)
    queue_url = reverse("admin:claims_claim_changelist") + (f"?{query}" if query else "")
    context = {
        "queue_url": queue_url,
        "queue_position": None,
        "previous_claim_url": None,
        "next_claim_url": None,
        "public_url": (
            reverse("public:claim-short", args=[claim.pk])
            if claim.state == S.PUBLISHED or claim.published_verdict is not None
            else None
        ),
    }
    if claim.pk in ids:
        index = ids.index(claim.pk)
        context["queue_position"] = (index + 1, len(ids))
        if index > 0:
            context["previous_claim_url"] = _claim_url(ids[index - 1])
        if index + 1 < len(ids):
            context["next_claim_url"] = _claim_url(ids[index + 1])
    return context


def _claim_url(pk: int) -> str:
    return reverse("admin:claims_claim_change", args=[pk])
