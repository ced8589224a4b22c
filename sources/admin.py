from django.contrib import admin, messages
from django.core.exceptions import ValidationError

from . import services
from .models import Passage, Source


class PassageInline(admin.TabularInline):
    model = Passage
    fields = ("key", "locator", "text")
    extra = 0


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ("title", "publisher", "kind", "published", "updated_at", "changed_by")
    list_filter = ("kind", "publisher", "published")
    search_fields = ("key", "title", "publisher", "passages__text")
    readonly_fields = ("added_by", "changed_by", "created_at", "updated_at")
    inlines = [PassageInline]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.added_by = request.user
        obj.changed_by = request.user
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        passages = formset.save(commit=False)
        try:
            services.delete_passages(formset.deleted_objects)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        for passage in passages:
            services.save_passage(passage)
        formset.save_m2m()

    def delete_model(self, request, obj):
        services.delete_source(obj)

    def delete_queryset(self, request, queryset):
        for source in queryset:
            services.delete_source(source)
