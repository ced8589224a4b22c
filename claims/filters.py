"""Filters of the claim and article lists in the API."""

import django_filters
from django.db.models import Exists, OuterRef, Q

from .models import Article, Claim, ClaimState, Match


class ClaimFilter(django_filters.FilterSet):
    article = django_filters.NumberFilter(field_name="article_id")
    state = django_filters.MultipleChoiceFilter(choices=ClaimState.choices)
    assignee = django_filters.NumberFilter(field_name="assignee_id")
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
