"""Claim extraction: turn a news article into atomic, check-worthy claims with quantities.

Pure Python, no Django. The flow for `extract_claims(text)`:

    segment(text)                 sentences with exact offsets (textcore.segment)
    -> is_noise(sentence)         ad markers, bylines, navigation are skipped (textcore.text)
    -> atomize(sentence)          one draft per fact: clauses, roles, appositives (textcore.atomize)
    -> parse_quantities(...)      value, unit, dimension, qualifier (textcore.quantities)
    -> checkworthiness_model      learned score of the claim text, 0.5 and above check-worthy
                                  (textcore.checkworthiness_model, weights in models/*.json)

Pronouns are named conservatively (`textcore.referents`): "He"/"She" by the person of the
sentence before; "it" opening a later clause by the subject of the same sentence's first clause
("Hornsea 1 opened in 2020, and it was the largest" -> "Hornsea 1 was the largest"), and
opening a sentence by the subject noun phrase of the sentence before, when that is a name or
a definite singular noun phrase and not a speaker. Expletive "it" ("it is unclear whether",
"it was the busiest winter") is left alone. A role built from a possessive pronoun ("Its
developer, Orsted") names the owner the same way ("Orsted is Hornsea 2's developer") or is
dropped. Demonstratives ("these discussions", "this call"), "both nations" and a reported or
opening "they", "their" before the stage of an event ("Upon their conclusion") and "achieve
this" are named from the text before them when it gives one clear antecedent
(`textcore.antecedents`, `textcore.possessives`); otherwise they stay as written.

Offsets always refer to the text passed in: for plain text that is the article as stored;
for HTML, store `html_to_text(html)` and extract from that.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .antecedents import Antecedents
from .atomize import Draft, atomize
from .checkworthiness_model import CheckworthinessModel, load_model
from .people import People
from .quantities import Quantity, parse_quantities, parse_years
from .referents import Referents, named_elliptic_head, proper_names, subject_phrase
from .segment import Sentence, segment
from .text import close_quote, is_noise, normalize_claim_text

__all__ = ["ExtractedClaim", "extract_claims"]

# Longer "sentences" are usually run-on junk (tables, binary); they are kept whole.
MAX_ATOMIZED_SENTENCE = 1000
MIN_CLAIM_WORDS = 3


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


def _claim_from_draft(
    draft: Draft,
    sentence: Sentence,
    quantities: list[Quantity],
    names: frozenset[str],
    referents: Referents,
    local: str = "",
    common: frozenset[str] = frozenset(),
    antecedents: Antecedents | None = None,
) -> ExtractedClaim | None:
    span = draft.span()
    if span is None:
        return None
    rendered = draft.render()
    opening = draft.kept.split()[:1] if draft.prefix and not draft.text else []
    if (
        opening
        and draft.kept.strip() == draft.kept[len(draft.kept) - len(draft.kept.lstrip()) :].strip()
        and opening[0][:1].isupper()
        and not opening[0].isupper()
        and opening[0].strip(",.;:'\"").lower() in common
        and sentence.text.lstrip("\"“'‘(").startswith(opening[0])
    ):
        # "Mr Lee said" + "Sales fell": a word capitalised only because it opened the sentence
        at = rendered.find(opening[0], len(draft.prefix))
        if at >= 0:
            rendered = rendered[:at] + opening[0][0].lower() + rendered[at + 1 :]
    resolved = referents.resolve(rendered, draft.kind, local)
    if resolved is None:
        return None
    resolved = named_elliptic_head(resolved, sentence.text[: span[0]])
    if antecedents is not None:
        resolved = antecedents.opening_they(resolved, sentence.text)
        resolved = antecedents.name(resolved, sentence.text[: span[0]])
    text = normalize_claim_text(referents.people.named_in_full(resolved))
    if len(text.split()) < MIN_CLAIM_WORDS:
        return None
    if not text.endswith((".", "!", "?", '"', "'")):
        text += "."
    text = close_quote(text, sentence.text)
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
    return ExtractedClaim(
        text=text,
        sentence=sentence.text,
        sentence_start=sentence.start,
        sentence_end=sentence.end,
        start=start,
        end=end,
        quantities=claim_quantities,
        checkworthiness=0.0,  # scored by the model once every claim is drafted
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


def extract_claims(text: str, *, model: CheckworthinessModel | None = None) -> list[ExtractedClaim]:
    """Atomic, check-worthy claims of an article, ordered by position in `text`, each scored
    by the check-worthiness `model` (default: the one shipped with textcore)."""
    if not isinstance(text, str) or not text.strip():
        return []
    model = model or load_model()
    sentences = [s for s in segment(text) if not is_noise(s.text)]
    names = proper_names(sentences)
    # words the article also writes in lower case: common nouns, not names
    common = frozenset(re.findall(r"(?<![\w'’.-])[a-z][a-z-]+", text))
    claims: list[ExtractedClaim] = []
    referents = Referents(people=People.of(sentences))
    antecedents = Antecedents(names=names)
    for sentence in sentences:
        quantities = parse_quantities(sentence.text, offset=sentence.start)
        seen: set[str] = set()
        drafts = _drafts(text, sentence, quantities)
        first = next((d for d in drafts if d.kind == "clause"), None)
        local = subject_phrase(first.render(), names) if first is not None else ""
        for draft in drafts:
            later_clause = draft.kind in ("clause", "participle") and draft is not first
            claim = _claim_from_draft(
                draft,
                sentence,
                quantities,
                names,
                referents,
                local if later_clause else "",
                common,
                antecedents,
            )
            if claim is None or claim.text.lower() in seen:
                continue
            seen.add(claim.text.lower())
            claims.append(claim)
        referents.update(drafts, sentence.text, names)
        antecedents.update(sentence.text, first.render() if first is not None else "")
    # stable: claims of one sentence keep the order the rules produced them in
    claims.sort(key=lambda c: (c.sentence_start, c.start))
    # a claim whose span holds a quantity states a figure; one without may still name one
    # in its rewritten text, which the model then reads for itself
    return [
        replace(c, checkworthiness=model.score(c.text, has_quantity=True if c.quantities else None))
        for c in claims
    ]
