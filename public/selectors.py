"""Reads of the public site: published fact-checks only, never drafts or reviewers.

A claim is public once one of its verdicts has been published; what the public sees is
its latest published verdict and the claim text as it was proposed for that verdict (a
correction in progress may already have reworded the claim, and that draft must not
show). Nothing here returns users: reviewers' names never reach a public page.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.contrib.postgres.search import (
    SearchQuery,
    SearchRank,
    SearchVector,
    TrigramWordSimilarity,
)
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import (
    Exists,
    F,
    FloatField,
    Func,
    Max,
    Min,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    TextField,
    Value,
)
from django.db.models.functions import Substr

from claims.models import Article, Claim, Rating, Verdict
from sources.models import SourceKind
from textcore.typos import allowed_edits, near_words, search_terms, words

from .fact_checks import (
    Appearance,
    FactCheck,
    FactCheckSummary,
    evidence_of,
    fact_check_path,
    fact_check_slug,
    fact_check_summary,
    published_quote,
)

# Ratings in scale order, worst first (Unverifiable has no place on the scale).
SCALE = [
    Rating.FALSE,
    Rating.MOSTLY_FALSE,
    Rating.MISLEADING,
    Rating.HALF_TRUE,
    Rating.MOSTLY_TRUE,
    Rating.TRUE,
]


# --- Querysets ---------------------------------------------------------------------------


def _for_public(verdicts: QuerySet[Verdict], *, with_evidence: bool = False) -> QuerySet[Verdict]:
    deferred = ["claim__article__body"]
    if not with_evidence:
        # Lists show no evidence; the cited passages stay in the database.
        deferred.append("published_evidence")
    return verdicts.select_related("claim__article", "corrects").defer(*deferred)


def published_verdicts(*, with_evidence: bool = False) -> QuerySet[Verdict]:
    """Every verdict ever published (corrected ones included), as stored when published."""
    return _for_public(Verdict.objects.published(), with_evidence=with_evidence)


def current_verdicts() -> QuerySet[Verdict]:
    """The verdict the public sees for each public claim: its latest published one."""
    first = (
        Verdict.objects.published()
        .filter(claim=OuterRef("claim"))
        .values("claim")
        .annotate(first=Min("published_at"))
        .values("first")
    )
    return (
        _for_public(Verdict.objects.current())
        .annotate(first_published_at=Subquery(first))
        .order_by("-published_at", "-pk")
    )


def _with_sentence(claims: QuerySet[Claim]) -> QuerySet[Claim]:
    # The sentence cut from the stored body by the database, so long bodies stay there.
    return (
        claims.select_related("article")
        .defer("article__body")
        .annotate(
            sentence_in_body=Substr(
                "article__body", F("sentence_start") + 1, F("sentence_end") - F("sentence_start")
            )
        )
    )


def fact_check(claim_id: int) -> FactCheck | None:
    """The public fact-check of a claim, or None while nothing about it is published."""
    history = list(
        published_verdicts(with_evidence=True)
        .filter(claim_id=claim_id)
        .order_by("-published_at", "-pk")
    )
    if not history:
        return None
    current = history[0]
    claim = _with_sentence(Claim.objects.filter(pk=claim_id)).get()
    return FactCheck(
        claim=claim,
        verdict=current,
        text=current.checked_text,
        slug=fact_check_slug(current.checked_text),
        path=fact_check_path(claim_id, current.checked_text),
        article=claim.article,
        highlight=published_quote(current),
        first_published_at=history[-1].published_at,
        evidence=evidence_of(current),
        history=history,
        other_appearances=other_appearances(claim),
    )


def other_appearances(claim: Claim) -> list[Appearance]:
    """Public claims that repeat this one, that it repeats, or that repeat the same claim."""
    related = Q(repeats_id=claim.pk)
    if claim.repeats_id:
        related |= Q(pk=claim.repeats_id) | Q(repeats_id=claim.repeats_id)
    public = Verdict.objects.filter(claim=OuterRef("pk"), published_at__isnull=False)
    claims = list(
        _with_sentence(Claim.objects.filter(related).exclude(pk=claim.pk).filter(Exists(public)))
    )
    if not claims:
        return []
    verdicts = {
        v.claim_id: v for v in current_verdicts().filter(claim_id__in=[c.pk for c in claims])
    }
    appearances = [
        Appearance(
            article=c.article,
            highlight=published_quote(verdicts[c.pk]),
            path=fact_check_path(c.pk, verdicts[c.pk].checked_text),
            text=verdicts[c.pk].checked_text,
        )
        for c in claims
        if c.pk in verdicts
    ]
    appearances.sort(key=lambda a: (a.article.published or dt.date.max, a.article.pk))
    return appearances


# --- Lists -------------------------------------------------------------------------------


@dataclass
class Filters:
    q: str = ""
    rating: str = ""
    outlet: str = ""
    kind: str = ""
    date_from: dt.date | None = None
    date_to: dt.date | None = None

    @property
    def active(self) -> bool:
        return any([self.q, self.rating, self.outlet, self.kind, self.date_from, self.date_to])


def search_fact_checks(filters: Filters, *, engine: str | None = None) -> QuerySet[Verdict]:
    """Current public verdicts matching the reader's search and filters, best/latest first.

    Searches tolerate typos. `engine` is "trigram" (PostgreSQL's pg_trgm) or "words" (the
    portable path, rapidfuzz); by default the database's own.
    """
    verdicts = current_verdicts()
    if filters.rating:
        verdicts = verdicts.filter(rating=filters.rating)
    if filters.outlet:
        verdicts = verdicts.filter(claim__article__outlet=filters.outlet)
    if filters.kind:
        cited = Verdict.evidence.through.objects.filter(
            verdict_id=OuterRef("pk"), match__passage__source__kind=filters.kind
        )
        verdicts = verdicts.filter(Exists(cited))
    if filters.date_from:
        verdicts = verdicts.filter(published_at__date__gte=filters.date_from)
    if filters.date_to:
        verdicts = verdicts.filter(published_at__date__lte=filters.date_to)
    q = " ".join(filters.q.split())
    if not q:
        return verdicts
    engine = engine or ("trigram" if connection.vendor == "postgresql" else "words")
    if engine == "trigram":
        return _search_trigram(verdicts, q)
    return _search_words(verdicts, q)


# Fields a reader's words are looked for in (the portable path; the full-text vector of the
# PostgreSQL path weighs the same fields).
SEARCH_FIELDS = (
    "checked_text",
    "summary",
    "explanation",
    "claim__article__title",
    "claim__article__outlet",
    "claim__sentence",
)


def _fuzzy_text():
    """The claim as checked and the summary: the expression `verdict_public_search_trgm` indexes."""
    return Func(
        F("checked_text"),
        Value(" "),
        F("summary"),
        template="(%(expressions)s)",
        arg_joiner=" || ",
        output_field=TextField(),
    )


def _search_trigram(verdicts: QuerySet[Verdict], q: str) -> QuerySet[Verdict]:
    """Full-text search, or every meaningful word found within a typo (pg_trgm word
    similarity, its default threshold 0.6) in the claim or the summary; best first."""
    query = SearchQuery(q, search_type="websearch", config="english")
    vector = (
        SearchVector("checked_text", weight="A", config="english")
        + SearchVector("summary", "explanation", weight="B", config="english")
        + SearchVector(
            "claim__article__title",
            "claim__article__outlet",
            "claim__sentence",
            weight="C",
            config="english",
        )
    )
    terms = search_terms(q)
    fuzzy = Q(pk__in=[]) if not terms else Q()
    closeness = Value(0.0, output_field=FloatField())
    for term in terms:
        if allowed_edits(term):
            fuzzy &= Q(fuzzy_text__trigram_word_similar=term)
            closeness = closeness + TrigramWordSimilarity(term, "fuzzy_text")
        else:
            fuzzy &= Q(fuzzy_text__icontains=term)
    return (
        verdicts.annotate(search=vector, fuzzy_text=_fuzzy_text())
        .filter(Q(search=query) | fuzzy)
        .annotate(rank=SearchRank(F("search"), query) + closeness / (len(terms) or 1))
        .order_by("-rank", "-published_at", "-pk")
    )


def _search_words(verdicts: QuerySet[Verdict], q: str) -> QuerySet[Verdict]:
    """The portable search (SQLite): the phrase, or every meaningful word, each one also
    found as any word of the candidates within a typo of it (rapidfuzz)."""
    phrase = Q()
    for name in SEARCH_FIELDS:
        phrase |= Q(**{f"{name}__icontains": q})
    terms = search_terms(q)
    if not terms:
        return verdicts.filter(phrase)
    vocabulary: set[str] = set()
    for row in verdicts.values_list(*SEARCH_FIELDS):
        for value in row:
            vocabulary.update(words(value or ""))
    every_word = Q()
    for term in terms:
        found = Q()
        for word in near_words(term, vocabulary):
            for name in SEARCH_FIELDS:
                found |= Q(**{f"{name}__icontains": word})
        every_word &= found
    return verdicts.filter(phrase | every_word)


def fact_check_page(filters: Filters, page_number) -> PaginatorPage:
    """One page of the public list; its object_list holds FactCheckSummary items."""
    page = Paginator(search_fact_checks(filters), settings.PUBLIC_PAGE_SIZE).get_page(page_number)
    page.object_list = [fact_check_summary(v) for v in page.object_list]
    return page


def outlets() -> list[str]:
    """Outlets with at least one public fact-check, for the filter."""
    return list(
        current_verdicts()
        .exclude(claim__article__outlet="")
        .order_by("claim__article__outlet")
        .values_list("claim__article__outlet", flat=True)
        .distinct()
    )


def source_kinds() -> list[tuple[str, str]]:
    return list(SourceKind.choices)


def article_fact_checks(article_id: int) -> tuple[Article, list[FactCheckSummary]] | None:
    """An article and its public fact-checks in reading order, or None if it has none."""
    verdicts = list(current_verdicts().filter(claim__article_id=article_id))
    if not verdicts:
        return None
    summaries = [fact_check_summary(v, with_quote=True) for v in verdicts]
    summaries.sort(key=lambda s: (s.claim.position, s.claim.pk))
    return summaries[0].article, summaries


def corrections_page(page_number) -> PaginatorPage:
    """Every published correction, newest first (object_list: FactCheckSummary items)."""
    corrections = published_verdicts().filter(corrects__isnull=False).order_by("-published_at")
    page = Paginator(corrections, 50).get_page(page_number)
    page.object_list = [fact_check_summary(v) for v in page.object_list]
    return page


def feed_items(limit: int = 50) -> list[FactCheckSummary]:
    """The latest publications, first verdicts and corrections alike, newest first."""
    latest = published_verdicts(with_evidence=True).order_by("-published_at", "-pk")[:limit]
    return [fact_check_summary(v) for v in latest]


def public_articles() -> QuerySet[Article]:
    """Articles with at least one public fact-check, with the time of the latest."""
    return (
        Article.objects.filter(claims__verdicts__published_at__isnull=False)
        .annotate(last_published_at=Max("claims__verdicts__published_at"))
        .defer("body")
        .order_by("pk")
    )
