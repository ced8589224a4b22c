from django.contrib import admin

from .models import Article, Claim, Match


class ClaimInline(admin.TabularInline):
    model = Claim
    fields = ("position", "text", "checkworthiness", "state")
    readonly_fields = fields
    extra = 0
    show_change_link = True
    can_delete = False


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ("title", "outlet", "published", "status", "created_at")
    list_filter = ("status", "outlet")
    search_fields = ("title", "url", "outlet")
    readonly_fields = ("status", "error", "attempts", "processed_at", "created_at")
    inlines = [ClaimInline]


class MatchInline(admin.TabularInline):
    model = Match
    fields = ("passage", "score", "numeric", "decision")
    readonly_fields = ("passage", "score", "numeric")
    extra = 0
    can_delete = False


@admin.register(Claim)
class ClaimAdmin(admin.ModelAdmin):
    list_display = ("text", "article", "checkworthiness", "state", "assignee")
    list_filter = ("state",)
    search_fields = ("text", "sentence", "article__title")
    readonly_fields = (
        "article",
        "extracted_text",
        "sentence",
        "start",
        "end",
        "quantities",
        "years",
        "checkworthiness",
        "state",
        "repeats",
    )
    inlines = [MatchInline]
