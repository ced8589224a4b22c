"""Articles in the admin: submitting them (paste or upload), the article reader where a
claim is added from a selection, revising the text, processing again.

Views here hold no rules: each form posts to one action in `desk.actions`, whose
errors are shown as messages or form errors.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.text import Truncator

from claims.models import Article, Claim
from desk import articles as article_services
from desk import workflow
from desk.actions import articles as article_actions
from desk.actions import claims as claim_actions
from desk.selectors import earlier_duplicates

from .common import KeepsPublishedFactChecks
from .forms import show_errors, to_int

# How much of a claim's text lists show (the claim page has all of it).
PREVIEW_CHARS = 300


# --- Articles ---------------------------------------------------------------------------------


class ArticleSubmitForm(forms.Form):
    title = forms.CharField(max_length=500)
    body = forms.CharField(
        label="Text",
        required=False,
        widget=forms.Textarea(attrs={"rows": 14, "cols": 100}),
        help_text="Paste the article as plain text or HTML, or upload a file below.",
        strip=False,
    )
    original_format = forms.ChoiceField(
        label="Pasted as", choices=Article.Format.choices, initial=Article.Format.TEXT
    )
    upload = forms.FileField(
        label="Or upload", required=False, help_text="A .txt, .html or .pdf file."
    )
    url = forms.CharField(label="Address (URL)", required=False, max_length=1000)
    outlet = forms.CharField(required=False, max_length=300)
    published = forms.DateField(required=False, help_text="YYYY-MM-DD")

    def clean_body(self):
        # Browsers send a textarea's line breaks as CRLF; the text as typed has LF.
        return self.cleaned_data["body"].replace("\r\n", "\n")


class ArticleReviseForm(forms.Form):
    body = forms.CharField(
        label="Text",
        widget=forms.Textarea(attrs={"rows": 24, "cols": 100}),
        strip=False,
        help_text="The article's stored plain text as it should read now.",
    )
    # Required by the action, which says why in the newsroom's words.
    reason = forms.CharField(
        label="Reason",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "cols": 100}),
        help_text="Why the text changed (e.g. “The outlet corrected the figure on 3 May”).",
    )


class ClaimInline(admin.TabularInline):
    model = Claim
    fields = ("position", "text_preview", "checkworthiness", "state")
    readonly_fields = fields
    extra = 0
    show_change_link = True
    can_delete = False

    @admin.display(description="Text")
    def text_preview(self, claim):
        return Truncator(claim.text).chars(PREVIEW_CHARS)


class ArticleAdmin(KeepsPublishedFactChecks, admin.ModelAdmin):
    """Articles: submitted through the same service as the API, then read and annotated."""

    list_display = ("title", "outlet", "published", "status", "submitted_by", "created_at")
    list_filter = ("status", "outlet")
    search_fields = ("title", "url", "outlet")
    readonly_fields = (
        "status_line",
        "duplicates",
        "submitted_by",
        "original_format",
        "attempts",
        "created_at",
        "processed_at",
        "body",
    )
    fields = ("title", "url", "outlet", "published", *readonly_fields)
    inlines = [ClaimInline]
    actions = ["process_again_action"]
    change_form_template = "admin/claims/article/change_form.html"
    add_template = "admin/claims/article/submit.html"
    reader_template = "admin/claims/article/read.html"
    revise_template = "admin/claims/article/revise.html"

    @admin.display(description="Processing")
    def status_line(self, article: Article):
        text = article.get_status_display()
        if article.status == Article.Status.FAILED and article.error:
            return format_html(
                '<span id="article-status" class="wf-failed">{}</span>: {}', text, article.error
            )
        return format_html('<span id="article-status">{}</span>', text)

    @admin.display(description="Possible duplicate of")
    def duplicates(self, article: Article):
        earlier = earlier_duplicates(article)
        if not earlier:
            return "–"
        return format_html_join(
            ", ",
            '<a class="duplicate-link" href="{}">{}</a> ({})',
            (
                (
                    reverse("admin:claims_article_change", args=[a.pk]),
                    a.title,
                    a.created_at.strftime("%d %b %Y"),
                )
                for a in earlier
            ),
        )

    def get_urls(self):
        urls = super().get_urls()
        view = self.admin_site.admin_view
        return [
            path("<int:pk>/read/", view(self.reader_view), name="claims_article_read"),
            path(
                "<int:pk>/process-again/",
                view(self.process_again_view),
                name="claims_article_process_again",
            ),
            path("<int:pk>/add-claim/", view(self.add_claim_view), name="claims_article_add_claim"),
            path("<int:pk>/revise/", view(self.revise_view), name="claims_article_revise"),
            *urls,
        ]

    def add_view(self, request, form_url="", extra_context=None):
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = ArticleSubmitForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            upload = data.pop("upload")
            try:
                article = article_actions.submit_article(
                    user=request.user,
                    upload_name=upload.name if upload else "",
                    upload_content=upload.read() if upload else None,
                    **data,
                )
            except ValidationError as exc:
                for field, errors in exc.message_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                messages.success(
                    request,
                    f"“{article.title}” was submitted; its claims appear here when processing ends.",
                )
                return HttpResponseRedirect(
                    reverse("admin:claims_article_change", args=[article.pk])
                )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": "Submit an article",
            "form": form,
        }
        return TemplateResponse(request, self.add_template, context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        article = self.get_object(request, object_id)
        extra = {
            **(extra_context or {}),
            "refresh": article is not None
            and article.status in (Article.Status.QUEUED, Article.Status.PROCESSING),
            "can_process_again": article is not None
            and article.status != Article.Status.DONE
            and request.user.has_perm("claims.add_article"),
        }
        return super().change_view(request, object_id, form_url, extra)

    @admin.action(description="Process again (failed or stuck articles)")
    def process_again_action(self, request, queryset):
        done = 0
        for article in queryset:
            try:
                article_actions.process_again(article=article, user=request.user)
                done += 1
            except (ValidationError, workflow.TransitionError) as exc:
                show_errors(request, exc)
        if done:
            messages.success(request, f"{done} article(s) queued for processing again.")

    def process_again_view(self, request, pk):
        article = get_object_or_404(Article, pk=pk)
        if request.method == "POST":
            try:
                article_actions.process_again(article=article, user=request.user)
            except (ValidationError, workflow.TransitionError) as exc:
                show_errors(request, exc)
            else:
                messages.success(request, "The article is queued for processing again.")
        return HttpResponseRedirect(reverse("admin:claims_article_change", args=[pk]))

    def reader_view(self, request, pk):
        article = get_object_or_404(Article, pk=pk)
        if not self.has_view_permission(request, article):
            raise PermissionDenied
        claims = list(article.claims.order_by("start", "position"))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": article.title,
            "article": article,
            "lines": _lines(article.body),
            "claims": claims,
            "can_add": request.user.has_perm(workflow.REVIEW)
            and article.status == Article.Status.DONE,
        }
        return TemplateResponse(request, self.reader_template, context)

    def revise_view(self, request, pk):
        """Revise the article's text through claims.articles.revise_article."""
        article = get_object_or_404(Article, pk=pk)
        if not request.user.has_perm(workflow.REVIEW):
            raise PermissionDenied
        form = ArticleReviseForm(request.POST or None, initial={"body": article.body})
        if request.method == "POST" and form.is_valid():
            try:
                revision = article_actions.revise_text(
                    article=article,
                    user=request.user,
                    body=form.cleaned_data["body"],
                    reason=form.cleaned_data["reason"],
                )
            except ValidationError as exc:
                if hasattr(exc, "message_dict"):
                    for field, errors in exc.message_dict.items():
                        form.add_error(field if field in form.fields else None, errors)
                else:
                    form.add_error(None, exc.messages)
            except workflow.TransitionError as exc:
                raise PermissionDenied(exc.message) from None
            else:
                if revision is None:
                    messages.info(request, "The text is unchanged; nothing was saved.")
                else:
                    messages.success(
                        request,
                        f"Saved as revision {revision.number}; published fact-checks of this "
                        "article are flagged for re-review.",
                    )
                return HttpResponseRedirect(reverse("admin:claims_article_change", args=[pk]))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": f"Revise the text of “{article.title}”",
            "article": article,
            "form": form,
            "revisions": article.revisions.select_related("edited_by").order_by("-number"),
            "published_count": len(
                {v.claim_id for v in article_services.published_fact_checks(articles=[article])}
            ),
        }
        return TemplateResponse(request, self.revise_template, context)

    def add_claim_view(self, request, pk):
        article = get_object_or_404(Article, pk=pk)
        back = HttpResponseRedirect(reverse("admin:claims_article_read", args=[pk]))
        if request.method != "POST":
            return back
        try:
            claim = claim_actions.add_claim(
                article=article,
                user=request.user,
                start=to_int(request.POST.get("start")),
                end=to_int(request.POST.get("end")),
                text=request.POST.get("text", ""),
            )
        except (ValidationError, workflow.TransitionError) as exc:
            show_errors(request, exc)
            return back
        messages.success(request, "Claim added; it is yours to review.")
        return HttpResponseRedirect(reverse("admin:claims_claim_change", args=[claim.pk]))


def _lines(body: str) -> list[tuple[int, str]]:
    """The body as (offset, line) pairs, line ends left out, so the page keeps exact offsets."""
    lines, offset = [], 0
    for line in body.splitlines(keepends=True):
        text = line.rstrip("\r\n")
        lines.append((offset, text))
        offset += len(line)
    return lines
