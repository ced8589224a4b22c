"""What a public fact-check shows, as plain data for templates, feeds and the API.

Built from a published verdict's stored snapshot (the checked text, the quote and the
evidence as they were published), never from the live claim; no queries of its own.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.conf import settings
from django.urls import reverse
from django.utils.text import slugify

from claims.models import Article, Claim, Match, Verdict
from claims.numbers import FigurePair, figure_pairs
from sources.models import SourceKind

SLUG_LENGTH = 80


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


def fact_check_summary(verdict: Verdict, *, with_quote: bool = False) -> FactCheckSummary:
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
    numbers: list[FigurePair] = field(default_factory=list)


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
            numbers=figure_pairs(item.get("numbers") or []),
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


def absolute_url(request, path: str) -> str:
    """An absolute URL on the public site (PUBLIC_BASE_URL, else the request's host)."""
    if settings.PUBLIC_BASE_URL:
        return settings.PUBLIC_BASE_URL + path
    return request.build_absolute_uri(path)
