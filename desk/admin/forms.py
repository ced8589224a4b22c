"""The review queue's list filters and the claim page's verdict form (input only: the
actions validate the rules)."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError

from claims import selectors
from claims.models import Rating


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


def show_errors(request, exc: Exception) -> None:
    """An action's refusal or a ValidationError as error messages."""
    if isinstance(exc, ValidationError):
        if hasattr(exc, "message_dict"):
            for field, errors in exc.message_dict.items():
                for error in errors:
                    messages.error(request, error if field == "__all__" else f"{error}")
        else:
            for error in exc.messages:
                messages.error(request, error)
    else:
        messages.error(request, getattr(exc, "message", str(exc)))


def to_int(value) -> int | None:
    """A posted number, or None."""
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
