"""Reads of the public site: published fact-checks only, never drafts or reviewers.

A claim is public once one of its verdicts has been published; what the public sees is
its latest published verdict and the claim text as it was proposed for that verdict (a
correction in progress may already have reworded the claim, and that draft must not
show). Nothing here returns users: reviewers' names never reach a public page.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

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
from django.urls import reverse
from django.utils.text import slugify

from claims.models import Article, Claim, Match, Rating, Verdict
from sources.models import SourceKind
from textcore.typos import allowed_edits, near_words, search_terms, words

# Ratings in scale order, worst first (Unverifiable has no place on the scale).
SCALE = [
    Rating.FALSE,
    Rating.MOSTLY_FALSE,
    Rating.MISLEADING,
    Rating.HALF_TRUE,
    Rating.MOSTLY_TRUE,
    Rating.TRUE,
]
SLUG_LENGTH = 80


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


def is_public_claim(claim_id: int) -> bool:
    return Verdict.objects.filter(claim_id=claim_id, published_at__isnull=False).exists()


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


# --- Plain data for templates --------------------------------------------------------------


@dataclass(frozen=True)
class Highlight:
    """The sentence a claim appeared in, split around the claim (each part escaped on output)."""

    before: str
    claim: str
    after: str


def highlight(claim: Claim) -> Highlight:
    """Split the claim's sentence around its span (start/end offsets into the article body)."""
    sentence = getattr(claim, "sentence_in_body", None)
    if sentence is None:
        sentence = claim.article.body[claim.sentence_start : claim.sentence_end]
    a, b = claim.start - claim.sentence_start, claim.end - claim.sentence_start
    if sentence and 0 <= a <= b <= len(sentence):
        return Highlight(sentence[:a], sentence[a:b], sentence[b:])
    # Offsets that do not fit the stored body (it was edited): the sentence as extracted.
    return Highlight("", claim.sentence, "")


def _wording(text: str) -> str:
    return " ".join(text.split()).strip(" .,;:!?\"'“”‘’").casefold()


def same_wording(stated: str, checked: str) -> bool:
    """Whether a checked claim is the article's words, give or take spacing, case and
    the quotation marks or full stop around them."""
    return _wording(stated) == _wording(checked)


def published_quote(verdict: Verdict) -> Highlight:
    """The quote stored with a published verdict (older verdicts: cut from the claim)."""
    if verdict.quote_sentence:
        return Highlight(*verdict.quote)
    return highlight(verdict.claim)


def fact_check_slug(text: str) -> str:
    return slugify(text)[:SLUG_LENGTH].strip("-") or "claim"


def fact_check_path(claim_id: int, text: str) -> str:
    """The canonical path of a claim's fact-check page."""
    return reverse("public:claim", args=[claim_id, fact_check_slug(text)])


@dataclass
class FactCheckSummary:
    """One published fact-check as lists, feeds and the article page show it."""

    verdict: Verdict
    claim: Claim
    article: Article
    text: str
    path: str
    first_published_at: dt.datetime
    corrected: bool
    highlight: Highlight | None = None

    @property
    def reworded(self) -> bool:
        """Whether the checked wording differs from the article's (then it is not quoted)."""
        if self.highlight is not None:
            stated = self.highlight.claim
        elif self.verdict.quote_sentence:
            stated = self.verdict.quote[1]
        else:
            return False
        return bool(stated.strip()) and not same_wording(stated, self.text)


def _summary(verdict: Verdict, *, with_quote: bool = False) -> FactCheckSummary:
    return FactCheckSummary(
        verdict=verdict,
        claim=verdict.claim,
        article=verdict.claim.article,
        text=verdict.checked_text,
        path=fact_check_path(verdict.claim_id, verdict.checked_text),
        first_published_at=getattr(verdict, "first_published_at", None) or verdict.published_at,
        corrected=verdict.corrects_id is not None,
        highlight=published_quote(verdict) if with_quote else None,
    )


@dataclass(frozen=True)
class NumberCheck:
    claim: str
    passage: str
    relation: str


@dataclass
class Evidence:
    """A cited passage with its source, as the claim page shows it."""

    source_title: str
    publisher: str
    published: dt.date | None
    url: str
    kind: str
    locator: str
    passage: str
    numeric: str
    numeric_label: str
    numbers: list[NumberCheck] = field(default_factory=list)


def _date(value) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except (TypeError, ValueError):
        return None


def _kind_label(kind: str) -> str:
    try:
        return SourceKind(kind).label
    except ValueError:
        return str(kind or "")


def _numeric_label(numeric: str) -> str:
    try:
        return Match.Numeric(numeric).label
    except ValueError:
        return str(numeric or "")


def evidence_of(verdict: Verdict) -> list[Evidence]:
    """The passages a published verdict cites, best match first, as they read when it was
    published (stored with the verdict): a later change to the library changes nothing here."""
    return [
        Evidence(
            source_title=str(item.get("source_title", "")),
            publisher=str(item.get("publisher", "")),
            published=_date(item.get("published")),
            url=str(item.get("url", "")),
            kind=_kind_label(item.get("kind", "")),
            locator=str(item.get("locator", "")),
            passage=str(item.get("passage", "")),
            numeric=str(item.get("numeric", "none")),
            numeric_label=_numeric_label(item.get("numeric", "none")),
            numbers=[
                NumberCheck(
                    claim=str(n.get("claim", "")),
                    passage=str(n.get("passage", "")),
                    relation=str(n.get("relation", "")),
                )
                for n in item.get("numbers", [])
                if isinstance(n, dict)
            ],
        )
        for item in verdict.published_evidence or []
        if isinstance(item, dict)
    ]


@dataclass
class Appearance:
    """Another public claim saying the same thing (linked through `repeats`)."""

    article: Article
    highlight: Highlight
    path: str
    text: str


@dataclass
class FactCheck:
    """Everything the public page of one claim shows."""

    claim: Claim
    verdict: Verdict
    text: str
    slug: str
    path: str
    article: Article
    highlight: Highlight
    first_published_at: dt.datetime
    evidence: list[Evidence]
    # Every published verdict, newest first; more than one means it was corrected.
    history: list[Verdict]
    other_appearances: list[Appearance]

    @property
    def stated(self) -> str:
        """The claim as the article stated it: the quoted span."""
        return self.highlight.claim.strip() if self.highlight else ""

    @property
    def reworded(self) -> bool:
        """Whether the checked wording differs from the article's words (then it is not quoted)."""
        return bool(self.stated) and not same_wording(self.stated, self.text)

    @property
    def earlier_verdicts(self) -> list[Verdict]:
        return self.history[1:]

    @property
    def corrections(self) -> list[Verdict]:
        return [v for v in self.history if v.corrects_id is not None]


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
    page.object_list = [_summary(v) for v in page.object_list]
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
    summaries = [_summary(v, with_quote=True) for v in verdicts]
    summaries.sort(key=lambda s: (s.claim.position, s.claim.pk))
    return summaries[0].article, summaries


def corrections_page(page_number) -> PaginatorPage:
    """Every published correction, newest first (object_list: FactCheckSummary items)."""
    corrections = published_verdicts().filter(corrects__isnull=False).order_by("-published_at")
    page = Paginator(corrections, 50).get_page(page_number)
    page.object_list = [_summary(v) for v in page.object_list]
    return page


def feed_items(limit: int = 50) -> list[FactCheckSummary]:
    """The latest publications, first verdicts and corrections alike, newest first."""
    latest = published_verdicts(with_evidence=True).order_by("-published_at", "-pk")[:limit]
    return [_summary(v) for v in latest]


def public_articles() -> QuerySet[Article]:
    """Articles with at least one public fact-check, with the time of the latest."""
    return (
        Article.objects.filter(claims__verdicts__published_at__isnull=False)
        .annotate(last_published_at=Max("claims__verdicts__published_at"))
        .defer("body")
        .order_by("pk")
    )


def absolute_url(request, path: str) -> str:
    """An absolute URL on the public site (PUBLIC_BASE_URL, else the request's host)."""
    if settings.PUBLIC_BASE_URL:
        return settings.PUBLIC_BASE_URL + path
    return request.build_absolute_uri(path)


# --- schema.org ----------------------------------------------------------------------------


def _organisation() -> dict:
    org = {"@type": "Organization", "name": settings.FACTCHECK_ORGANISATION}
    if settings.FACTCHECK_ORGANISATION_URL:
        org["url"] = settings.FACTCHECK_ORGANISATION_URL
    return org


def _creative_work(article: Article) -> dict:
    work = {"@type": "CreativeWork", "headline": article.title}
    if article.url:
        work["url"] = article.url
    if article.published:
        work["datePublished"] = article.published.isoformat()
    if article.outlet:
        outlet = {"@type": "Organization", "name": article.outlet}
        work["author"] = outlet
        work["publisher"] = outlet
    return work


def _cited_work(evidence: Evidence) -> dict:
    work = {"@type": "CreativeWork", "name": evidence.source_title}
    if evidence.url:
        work["url"] = evidence.url
    if evidence.publisher:
        work["publisher"] = {"@type": "Organization", "name": evidence.publisher}
    if evidence.published:
        work["datePublished"] = evidence.published.isoformat()
    return work


def claim_review(check: FactCheck, *, url: str) -> dict:
    """schema.org ClaimReview of a public fact-check, with every property Google reads."""
    # Everything from the published snapshot: the claim text as checked, never the live claim.
    articles = [check.article, *(a.article for a in check.other_appearances)]
    dated = [a for a in articles if a.published]
    first = min(dated, key=lambda a: a.published) if dated else check.article
    item = {"@type": "Claim"}
    item["appearance"] = [_creative_work(a) for a in articles]
    item["firstAppearance"] = _creative_work(first)
    if first.published:
        item["datePublished"] = first.published.isoformat()
    if first.outlet:
        item["author"] = {"@type": "Organization", "name": first.outlet}
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": url,
        "claimReviewed": check.text,
        "reviewRating": check.verdict.review_rating(),
        "itemReviewed": item,
        "author": _organisation(),
        "publisher": _organisation(),
        "reviewBody": check.verdict.summary,
        # The sources cited, as they read when the verdict was published.
        "citation": [_cited_work(e) for e in check.evidence],
        "datePublished": check.first_published_at.date().isoformat(),
        "dateModified": check.verdict.published_at.date().isoformat(),
    }
