from django.contrib import admin, messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.core.exceptions import ValidationError

from . import services
from .models import ImportJob, Passage, Source


class PublishedYearFilter(admin.SimpleListFilter):
    title = "year published"
    parameter_name = "year"

    def lookups(self, request, model_admin):
        years = Source.objects.dates("published", "year", order="DESC")
        return [(str(d.year), str(d.year)) for d in years]

    def has_output(self):
        # A year asked for is checked even when no source has a date yet.
        return super().has_output() or self.value() is not None

    def queryset(self, request, queryset):
        value = self.value()
        if not value:
            return queryset
        # Years a date can hold; anything else is the address's error (a 400 page).
        if not (
            value.isascii() and value.isdigit() and len(value) <= 4 and 1 <= int(value) <= 9999
        ):
            raise IncorrectLookupParameters(
                f"“{value[:40]}” is not a year: give one from 1 to 9999."
            )
        return queryset.filter(published__year=int(value))


class PassageInline(admin.TabularInline):
    model = Passage
    fields = ("key", "locator", "text")
    extra = 0


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ("title", "publisher", "kind", "published", "updated_at", "changed_by")
    list_filter = ("kind", PublishedYearFilter, "publisher")
    list_select_related = ("changed_by",)
    search_fields = ("key", "title", "publisher", "passages__text")
    readonly_fields = ("added_by", "changed_by", "created_at", "updated_at")
    inlines = [PassageInline]

    def save_model(self, request, obj, form, change):
        services.save_source(obj, user=request.user)

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


@admin.register(ImportJob)
class ImportJobAdmin(admin.ModelAdmin):
    list_display = ("original_name", "status", "passages_total", "created_by", "created_at")
    list_filter = ("status",)
    readonly_fields = [f.name for f in ImportJob._meta.fields]

    def has_add_permission(self, request):
        return False
