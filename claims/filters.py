"""Filters of the claim and article lists in the API."""

import django_filters
from django import forms
from django.db.models import Exists, OuterRef, Q

from .models import Article, Claim, ClaimState, Match

# The largest id a bigint column holds: a larger number (or -1.9e204) is a 400, not a 500.
MAX_ID = 2**63 - 1


class IdFilter(django_filters.NumberFilter):
    """A row id: a whole number from 1 to MAX_ID, else the filter answers 400."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        super().__init__(*args, min_value=1, max_value=MAX_ID, **kwargs)


class ClaimFilter(django_filters.FilterSet):
    article = IdFilter(field_name="article_id")
    state = django_filters.MultipleChoiceFilter(choices=ClaimState.choices)
    assignee = IdFilter(field_name="assignee_id")
    min_checkworthiness = django_filters.NumberFilter(
        field_name="checkworthiness", lookup_expr="gte"
    )
    has_conflict = django_filters.BooleanFilter(method="filter_has_conflict")
    search = django_filters.CharFilter(method="filter_search")

    class Meta:
        model = Claim
        fields = ["article", "state", "assignee", "min_checkworthiness", "has_conflict", "search"]

    def filter_has_conflict(self, queryset, name, value):
        conflict = Match.objects.filter(claim=OuterRef("pk"), numeric=Match.Numeric.CONFLICTS)
        return queryset.filter(Exists(conflict)) if value else queryset.exclude(Exists(conflict))

    def filter_search(self, queryset, name, value):
        return queryset.filter(Q(text__icontains=value) | Q(sentence__icontains=value))


class ArticleFilter(django_filters.FilterSet):
    status = django_filters.MultipleChoiceFilter(choices=Article.Status.choices)
    outlet = django_filters.CharFilter(lookup_expr="iexact")

    class Meta:
        model = Article
        fields = ["status", "outlet"]
