"""Public pages: published fact-checks only; reads through selectors, writes through services."""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from factcheck.security import client_ip

from . import fact_checks, selectors
from .cache import cached_public_page
from .claim_review import claim_review
from .forms import FactCheckFilterForm, SuggestionForm
from .models import Page
from .services import SuggestionRefused, suggest_claim


@cached_public_page
def fact_check_list(request):
    """The latest published fact-checks, with search, filters and pagination."""
    form = FactCheckFilterForm(request.GET or None, outlets=selectors.outlets())
    filters = form.filters()
    page = selectors.fact_check_page(filters, request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "public/fact_check_list.html",
        {
            "form": form,
            "filters": filters,
            "page": page,
            "query": query.urlencode(),
            "canonical": fact_checks.absolute_url(request, request.path),
        },
    )


@cached_public_page
def fact_check_detail(request, pk: int, slug: str = ""):
    """One claim as checked, its evidence, appearances and correction history."""
    check = selectors.fact_check(pk)
    if check is None:
        raise Http404("No published fact-check has this number.")
    if slug != check.slug:
        return redirect(check.path, permanent=True)
    url = fact_checks.absolute_url(request, check.path)
    return render(
        request,
        "public/fact_check_detail.html",
        {
            "check": check,
            "canonical": url,
            "claim_review": claim_review(check, url=url),
            "scale": selectors.SCALE,
        },
    )


@cached_public_page
def article_detail(request, pk: int):
    """An article's published fact-checks, each claim highlighted in its sentence."""
    found = selectors.article_fact_checks(pk)
    if found is None:
        raise Http404("No published fact-checks for this article.")
    article, checks = found
    return render(
        request,
        "public/article_detail.html",
        {
            "article": article,
            "checks": checks,
            "canonical": fact_checks.absolute_url(request, request.path),
        },
    )


@cached_public_page
def corrections(request):
    """The public corrections log: every correction with its date and note."""
    page = selectors.corrections_page(request.GET.get("page"))
    return render(
        request,
        "public/corrections.html",
        {"page": page, "canonical": fact_checks.absolute_url(request, request.path)},
    )


@cached_public_page
def editorial_page(request, slug: str):
    """A page editors maintain in the admin (methodology, corrections policy)."""
    page = get_object_or_404(Page, slug=slug)
    return render(
        request,
        "public/page.html",
        {"page": page, "canonical": fact_checks.absolute_url(request, request.path)},
    )


@require_http_methods(["GET", "POST"])
def suggest(request):
    """Readers suggest a claim to check; it lands in the fact-checkers' queue."""
    form = SuggestionForm(request.POST or None)
    refused = ""
    if request.method == "POST":
        if form.is_valid():
            if form.is_bot:
                # Said thank you like to anyone, so the bot learns nothing; nothing is stored.
                return redirect("public:suggest-thanks")
            try:
                suggest_claim(
                    claim_text=form.cleaned_data["claim_text"],
                    seen_at=form.cleaned_data["seen_at"],
                    note=form.cleaned_data["note"],
                    email=form.cleaned_data["email"],
                    ip=client_ip(request),
                )
            except SuggestionRefused as error:
                refused = error.message
            else:
                return redirect("public:suggest-thanks")
        form.renew()
    return render(
        request,
        "public/suggest.html",
        {
            "form": form,
            "refused": refused,
            "canonical": fact_checks.absolute_url(request, request.path),
        },
        status=429 if refused else (400 if request.method == "POST" else 200),
    )


@cached_public_page
def suggest_thanks(request):
    return render(request, "public/suggest_thanks.html")


@require_GET
def robots_txt(request):
    """Crawlers may read the public site; the newsroom's admin and the API are not for them."""
    sitemap = fact_checks.absolute_url(request, reverse("django.contrib.sitemaps.views.sitemap"))
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /api/",
        "Allow: /",
        "",
        f"Sitemap: {sitemap}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
