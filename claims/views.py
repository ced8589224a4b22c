"""Public read-only pages: published fact-checks only."""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render

from .models import Claim, ClaimState


def published_claims(request):
    claims = (
        Claim.objects.filter(state=ClaimState.PUBLISHED)
        .select_related("article")
        .order_by("-updated_at", "-pk")
    )
    page = Paginator(claims, 20).get_page(request.GET.get("page"))
    return render(request, "claims/published_list.html", {"page": page})


def claim_detail(request, pk: int, slug: str = ""):
    claim = get_object_or_404(
        Claim.objects.select_related("article"), pk=pk, state=ClaimState.PUBLISHED
    )
    return render(request, "claims/claim_detail.html", {"claim": claim})
