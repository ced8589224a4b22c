"""Claim extraction: turn a news article into atomic, check-worthy claims with quantities.

Pure Python, no Django. The flow for `extract_claims(text)`:

    segment(text)                 sentences with exact offsets (segment.py)
    -> is_noise(sentence)         ad markers, bylines, navigation are skipped (text.py)
    -> atomize(sentence)          one draft per fact: clauses, roles, appositives (atomize.py)
    -> parse_quantities(...)      value, unit, dimension, qualifier (quantities.py)
    -> checkworthiness.score      transparent sum of feature weights (checkworthiness.py)

Offsets always refer to the text passed in: for plain text that is the article as stored;
for HTML, store `html_to_text(html)` and extract from that.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import checkworthiness
from .atomize import Draft, atomize
from .quantities import Quantity, parse_quantities, parse_years
from .segment import Sentence, segment
from .text import html_to_text, is_noise, normalize_claim_text

__all__ = [
    "ExtractedClaim",
    "Quantity",
    "Sentence",
    "extract_claims",
    "html_to_text",
    "parse_quantities",
    "segment",
]

# Longer "sentences" are usually run-on junk (tables, binary); they are kept whole.
MAX_ATOMIZED_SENTENCE = 1000
MIN_CLAIM_WORDS = 3
_MONTH_RE = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)\b"
)
_CAPITALISED_RE = re.compile(r"(?<=\s)[A-Z][\w'’.&-]*")


@dataclass(frozen=True)
class ExtractedClaim:
    """One atomic claim with its sentence, evidence span, quantities and check-worthiness."""

    text: str
    sentence: str
    sentence_start: int
    sentence_end: int
    start: int
    end: int
    quantities: tuple[Quantity, ...]
    checkworthiness: float
    years: tuple[int, ...] = ()


def _proper_names(sentences: list[Sentence]) -> frozenset[str]:
    """Words written with a capital inside sentences (so not just because they open one)."""
    names: set[str] = set()
    for sentence in sentences:
        words = sentence.text.split()
        capitalised = _CAPITALISED_RE.findall(sentence.text)
        if len(words) > 2 and len(capitalised) > 0.6 * (len(words) - 1):
            continue  # a headline in title case says nothing about which words are names
        for word in capitalised:
            names.add(re.sub(r"['’]s$", "", word.strip(",.;:!?\"'“”‘’()")))
    return frozenset(names)


_INTRO_RE = re.compile(r"^(?:[A-Z][\w'’-]*)(?:\s+[\w'’-]+){0,6},\s+")
_PRONOUN_RE = re.compile(r"^(?P<pronoun>He|She|It)(?P<verb>['’]s)?\s+(?=[a-z])")
_PERSON_RE = re.compile(
    r"\b(?:said|says|told|added|according to)\s+(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?"
    r"(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})"
)


def _is_named(text: str, names: frozenset[str]) -> bool:
    """Whether the claim's subject is a proper name (after an opening phrase such as "In 2004,")."""
    intro = _INTRO_RE.match(text)
    if intro and len(text[: intro.end()].split()) <= 7:
        text = text[intro.end() :]
    words = [re.sub(r"['’]s$", "", w.strip(",.;:'\"")) for w in text.split()[:2]]
    if not words or not words[0]:
        return False
    first = words[0]
    if first in names or (len(first) > 1 and first.isupper()):
        return True
    # "Jensen Huang questioned ...": two capitalised words open the claim
    return len(words) > 1 and first[:1].isupper() and words[1][:1].isupper() and first != "The"


@dataclass
class _Referents:
    """Who "he"/"she"/"it" most likely point to, from the sentences just before."""

    person: str = ""
    thing: str = ""
    age: int = 99

    def resolve(self, text: str) -> str:
        match = _PRONOUN_RE.match(text)
        if not match or self.age > 1:
            return text
        referent = self.person if match.group("pronoun") in ("He", "She") else self.thing
        if not referent:
            return text
        verb = " is" if match.group("verb") else ""
        return f"{referent}{verb} {text[match.end() :]}"

    def update(self, drafts: list[Draft], sentence: str, names: frozenset[str]) -> None:
        self.age += 1
        for draft in drafts:
            if draft.kind == "role" and " is " in draft.text:
                self.person, self.age = draft.text.split(" is ")[0], 0
        person = _PERSON_RE.search(sentence)
        if person and self.age > 0:
            self.person, self.age = person.group("name"), 0
        clauses = [d for d in drafts if d.kind in ("clause", "headline")]
        subject = clauses[0].render().split() if clauses else []
        first = re.sub(r"['’]s$", "", subject[0]) if subject else ""
        if first in names and len(subject) > 1 and subject[1][:1].islower():
            self.thing = first
            self.age = 0
            if subject[1] in ("said", "told", "says", "stated", "added") and not self.person:
                self.person = first


def _claim_from_draft(
    draft: Draft,
    sentence: Sentence,
    quantities: list[Quantity],
    names: frozenset[str],
    referents: _Referents,
) -> ExtractedClaim | None:
    span = draft.span()
    if span is None:
        return None
    text = normalize_claim_text(referents.resolve(draft.render()))
    if len(text.split()) < MIN_CLAIM_WORDS:
        return None
    if not text.endswith((".", "!", "?", '"', "'")):
        text += "."
    start, end = sentence.start + span[0], sentence.start + span[1]
    kept = draft.kept
    claim_quantities = tuple(
        q
        for q in quantities
        if start <= q.start
        and q.end <= end
        and kept[q.start - sentence.start : q.end - sentence.start].strip() == q.text.strip()
    )
    kept_text = " ".join(kept.split()) if not draft.text else sentence.text[span[0] : span[1]]
    years = parse_years(kept_text)
    named = draft.kind in ("role", "apposition") or _is_named(text, names)
    score = checkworthiness.score(
        text,
        kind=draft.kind,
        has_quantity=bool(claim_quantities),
        has_date=bool(years) or bool(_MONTH_RE.search(kept_text)),
        sentence=sentence.text,
        named_subject=named,
    )
    return ExtractedClaim(
        text=text,
        sentence=sentence.text,
        sentence_start=sentence.start,
        sentence_end=sentence.end,
        start=start,
        end=end,
        quantities=claim_quantities,
        checkworthiness=score,
        years=years,
    )


def _is_headline(text: str, sentence: Sentence) -> bool:
    """A line of its own near the top, without closing punctuation: the article's headline."""
    line_start = text.rfind("\n", 0, sentence.start) + 1
    line_end = text.find("\n", sentence.end)
    line = text[line_start : line_end if line_end >= 0 else len(text)].strip()
    return (
        line == sentence.text
        and sentence.start < 400
        and not sentence.text.endswith((".", "!", "?", ":", '"', "”"))
        and len(sentence.text.split()) >= 4
    )


def _drafts(text: str, sentence: Sentence, quantities: list[Quantity]) -> list[Draft]:
    """Atomic drafts of a sentence; the whole sentence when it cannot be taken apart."""
    if _is_headline(text, sentence):
        return [Draft("headline", sentence.text)]
    whole = Draft("clause", sentence.text)
    if len(sentence.text) > MAX_ATOMIZED_SENTENCE:
        return [whole]
    spans = [(q.start - sentence.start, q.end - sentence.start, q.dimension) for q in quantities]
    try:
        drafts = atomize(sentence.text, spans)
    except Exception:  # a rule that trips over odd input must not lose the sentence
        return [whole]
    return drafts or [whole]


def extract_claims(text: str) -> list[ExtractedClaim]:
    """Atomic, check-worthy claims of an article, ordered by position in `text`."""
    if not isinstance(text, str) or not text.strip():
        return []
    sentences = [s for s in segment(text) if not is_noise(s.text)]
    names = _proper_names(sentences)
    claims: list[ExtractedClaim] = []
    referents = _Referents()
    for sentence in sentences:
        quantities = parse_quantities(sentence.text, offset=sentence.start)
        seen: set[str] = set()
        drafts = _drafts(text, sentence, quantities)
        for draft in drafts:
            claim = _claim_from_draft(draft, sentence, quantities, names, referents)
            if claim is None or claim.text.lower() in seen:
                continue
            seen.add(claim.text.lower())
            claims.append(claim)
        referents.update(drafts, sentence.text, names)
    # stable: claims of one sentence keep the order the rules produced them in
    claims.sort(key=lambda c: (c.sentence_start, c.start))
    return claims
