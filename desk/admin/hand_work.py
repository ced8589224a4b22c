"""The claim page's hand-work panels: split and merge claims, cite a library passage or a
source from outside the library.

Views here hold no rules: each form posts to one action in `desk.actions`, whose
errors are shown as messages.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse

from claims.models import Claim
from sources.models import Passage, SourceKind

from .. import workflow
from ..actions import claims as claim_actions
from ..actions import evidence as evidence_actions
from .forms import show_errors, to_int

# --- The claim page's hand-work panels ---------------------------------------------------------


def claim_urls(model_admin) -> list:
    view = model_admin.admin_site.admin_view
    return [
        path("<int:pk>/hand/<str:name>/", view(hand_work_view), name="claims_claim_hand_work"),
    ]


def hand_work_view(request, pk, name):
    claim = get_object_or_404(Claim.objects.select_related("article"), pk=pk)
    here = reverse("admin:claims_claim_change", args=[pk])
    if request.method != "POST" or name not in HAND_ACTIONS:
        return HttpResponseRedirect(here)
    version = to_int(request.POST.get("version"))
    try:
        message, target = HAND_ACTIONS[name](request, claim, version)
    except (ValidationError, workflow.TransitionError) as exc:
        show_errors(request, exc)
        return HttpResponseRedirect(here)
    messages.success(request, message)
    return HttpResponseRedirect(reverse("admin:claims_claim_change", args=[target.pk]))


def _split(request, claim, version):
    texts = request.POST.get("texts", "").splitlines()
    parts = claim_actions.split_claim(
        claim=claim, user=request.user, texts=texts, expected_version=version
    )
    return f"Claim split into {len(parts)} claims.", parts[0]


def _merge(request, claim, version):
    ids = [i for i in (to_int(v) for v in request.POST.getlist("claims")) if i]
    duplicates = list(Claim.objects.filter(pk__in=ids))
    claim_actions.merge_claims(
        claim=claim, user=request.user, duplicates=duplicates, expected_version=version
    )
    return f"{len(duplicates)} duplicate(s) merged into this claim.", claim


def _attach(request, claim, version):
    passage = Passage.objects.filter(pk=to_int(request.POST.get("passage"))).first()
    if passage is None:
        raise ValidationError("That passage is no longer in the library.")
    evidence_actions.attach_passage(
        claim=claim, user=request.user, passage=passage, expected_version=version
    )
    return "Passage attached as evidence.", claim


def _cite(request, claim, version):
    published = forms.DateField(required=False)
    try:
        date = published.clean(request.POST.get("published", ""))
    except ValidationError:
        raise ValidationError({"published": "Give the date as YYYY-MM-DD."}) from None
    evidence_actions.cite_outside_source(
        claim=claim,
        user=request.user,
        url=request.POST.get("url", ""),
        title=request.POST.get("title", ""),
        publisher=request.POST.get("publisher", ""),
        published=date,
        locator=request.POST.get("locator", ""),
        quoted_text=request.POST.get("quoted_text", ""),
        kind=request.POST.get("kind") or SourceKind.OTHER,
        expected_version=version,
    )
    return "Outside source added to the library and cited as evidence.", claim


HAND_ACTIONS = {"split": _split, "merge": _merge, "attach": _attach, "cite": _cite}
