"""Claim extraction: turn a news article into atomic, check-worthy claims with quantities.

Pure Python, no Django. The flow for `extract_claims(text)`:

    segment(text)                 sentences with exact offsets (segment.py)
    -> is_noise(sentence)         ad markers, bylines, navigation are skipped (text.py)
    -> atomize(sentence)          one draft per fact: clauses, roles, appositives (atomize.py)
    -> parse_quantities(...)      value, unit, dimension, qualifier (quantities.py)
    -> checkworthiness_model      learned score of the claim text, 0.5 and above check-worthy
                                  (checkworthiness_model.py, weights in models/*.json)

Pronouns are named conservatively (`_Referents`): "He"/"She" by the person of the sentence
before; "it" opening a later clause by the subject of the same sentence's first clause
("Hornsea 1 opened in 2020, and it was the largest" -> "Hornsea 1 was the largest"), and
opening a sentence by the subject noun phrase of the sentence before, when that is a name or
a definite singular noun phrase and not a speaker. Expletive "it" ("it is unclear whether",
"it was the busiest winter") is left alone. A role built from a possessive pronoun ("Its
developer, Orsted") names the owner the same way ("Orsted is Hornsea 2's developer") or is
dropped.

Offsets always refer to the text passed in: for plain text that is the article as stored;
for HTML, store `html_to_text(html)` and extract from that.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from . import checkworthiness
from .atomize import Draft, atomize
from .atomize.grammar import find_subject, looks_plural
from .atomize.words import ROLE_HEADS
from .checkworthiness_model import CheckworthinessModel, load_model
from .quantities import Quantity, parse_quantities, parse_years
from .segment import Sentence, segment
from .text import dateline_length, html_to_text, is_noise, normalize_claim_text

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
        text = sentence.text[dateline_length(sentence.text) :]
        words = text.split()
        capitalised = _CAPITALISED_RE.findall(text)
        if len(words) > 2 and len(capitalised) > 0.6 * (len(words) - 1):
            continue  # a headline in title case says nothing about which words are names
        for word in capitalised:
            names.add(re.sub(r"['’]s$", "", word.strip(",.;:!?\"'“”‘’()")))
    return frozenset(names)


_INTRO_RE = re.compile(r"^(?:[A-Z][\w'’-]*)(?:\s+[\w'’-]+){0,6},\s+")
_PRONOUN_RE = re.compile(r"^(?P<pronoun>(?i:he|she|it))(?P<verb>['’]s)?\s+(?=[a-z])")
# "Its latest model ...", "His party ...": the owner named ("Apple's latest model ...")
_POSSESSIVE_OPENING_RE = re.compile(r"^(?P<pronoun>(?i:its|his|her))\s+(?=[a-z])")
# "it is unclear whether", "it was announced that", "it is time to": "it" points at nothing
_COPULA = r"(?:['’]s|\s+(?:is|was|has been|had been|will be|would be|remains|remained|became))"
_EXPLETIVE_RE = re.compile(
    # "it is not clear whether", "it was announced on Monday that"
    rf"^it{_COPULA}\s+(?:(?:not|also|still|now|yet)\s+)*(?!(?:the|a|an|its|one|this)\b)"
    r"(?:\S+\s+){1,3}?(?:that|whether|if|how|why|what|when|who)\b|"
    # "it is hard to say", "it is likely that"
    rf"^it{_COPULA}\s+(?:not\s+)?(?:too\s+|very\s+|so\s+)?(?:hard|easy|difficult|impossible|"
    r"possible|important|necessary|vital|essential|crucial|better|best|worth|wise|unwise|early|"
    r"soon|safe|fair|unfair|right|wrong|unclear|clear|likely|unlikely|time|high time)\b|"
    r"^it\s+(?:takes|took|rains|rained|seems|seemed|appears|appeared|looks|looked|emerged|"
    r"remains to be seen|follows|matters|is understood|is thought|is believed|is reported|"
    r"was reported)\b|"
    # "it was the busiest winter", "it was the third rise": a time or an event, not the subject
    rf"^it{_COPULA}\s+(?:the|a|an|its)\s+(?:\S+\s+){{0,3}}?(?:time|year|month|week|day|night|"
    r"weekend|winter|summer|spring|autumn|season|quarter|decade|period|rise|increase|fall|drop|"
    r"decline|jump|gain|loss|cut|surge|slump|climb|hike|change|decision|result|outcome|event|"
    r"incident|attack|accident|move|step)s?\b|"
    # "It was her third title": a thing would not have "her"
    r"^it\b.*\b(?:her|his|him)\b",
    re.IGNORECASE,
)
# "Orsted is its developer": a role generated from an appositive with a possessive pronoun
_POSSESSIVE_ROLE_RE = re.compile(
    r"^(?P<name>.+?) is (?P<pronoun>(?i:its|his|her|their)) (?P<rest>.+)$"
)
_SPEAKER_RE = re.compile(
    r"^(?:\w+ly\s+)?(?:said|says|say|told|tells|added|adds|argued|argues|stated|states|"
    r"insisted|insists|warned|warns|believes|believed|thinks|thought|emphasi[sz]ed|noted)\b"
)
_NAME_WORD_RE = re.compile(r"^(?:[A-Z][\w'’.&-]*|\d{1,4}[A-Za-z]?|of|de|the|and|for)$")
_NOT_SUBJECTS = {
    "this", "that", "these", "those", "there", "such", "some", "many", "most", "all", "both",
    "each", "another", "other", "one", "none", "nobody", "no", "any", "what", "which", "who",
}  # fmt: skip


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
    if first == "The" and len(words) > 1 and words[1] in names:
        return True  # "The Scottish Executive ...": a definite article before a name
    # "Jensen Huang questioned ...": two capitalised words open the claim
    return len(words) > 1 and first[:1].isupper() and words[1][:1].isupper() and first != "The"


def _subject_phrase(text: str, names: frozenset[str]) -> str:
    """The clause's subject when "it" can stand for it: a name ("Hornsea 2", "the European
    Commission") or a definite singular noun phrase ("the report"); otherwise ""."""
    span = find_subject(text)
    if span is None:
        return ""
    phrase = text[span[0] : span[1]].strip(" ,")
    words = phrase.split()
    if not words or len(words) > 5 or words[0].lower() in _NOT_SUBJECTS:
        return ""
    if words[0].lower() in {"he", "she", "it", "they", "we", "i", "you"}:
        return ""
    if " and " in f" {phrase} " or "," in phrase:
        return ""  # two things: "it" cannot be both
    capitalised = [w for w in words if w[:1].isupper() or w[:1].isdigit()]
    if all(_NAME_WORD_RE.match(w) for w in words) and (
        words[-1][:1].isupper() or words[-1][:1].isdigit()
    ):
        # a name: seen as one inside a sentence, or several words ("Hornsea 2", "The Arlen
        # Tunnel"); a lone capitalised word opening the sentence may be any noun ("Trains")
        known = any(re.sub(r"['’]s$", "", w) in names for w in words)
        return phrase if known or len(capitalised) >= 2 else ""
    if (
        words[0] in ("The", "the")
        and 2 <= len(words) <= 4
        and all(re.fullmatch(r"[a-z][a-z-]*|[A-Z][\w'’-]*", w) for w in words[1:])
        and not looks_plural(phrase)
    ):
        return phrase
    return ""


# People: "Mr McConnell", "Mrs Hassan" (the form of address gives the gender), and full names
# ("Jack McConnell") whose surname the article also uses with a form of address, or who speak.
_FORMS_OF_ADDRESS = {
    "mr": "m", "sir": "m", "lord": "m", "mrs": "f", "ms": "f", "miss": "f", "lady": "f",
    "dame": "f", "dr": "", "prof": "", "professor": "",
}  # fmt: skip
_NAME_WORD = r"(?:[A-Z][a-z]?['’])?[A-Z][a-z][A-Za-z-]*(?!['’]?\w)"
_TITLED_RE = re.compile(
    r"\b(?P<title>Mr|Mrs|Ms|Miss|Dr|Sir|Lord|Lady|Dame|Prof|Professor)\.?\s+"
    rf"(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD})?)"
)
_FULL_NAME_RE = re.compile(rf"\b{_NAME_WORD}(?:\s+(?:[A-Z]\.\s+)?{_NAME_WORD}){{1,2}}\b")
_SPEECH = (
    r"said|says|told|tells|added|adds|insisted|insists|claimed|claims|argued|argues|warned|"
    r"warns|explained|declared|denied|denies|stated|states|asked|asks|admitted|confirmed|"
    r"announced|urged|believes|believed|thinks|thought|questioned|welcomed|joked|promised|"
    r"opposed|rejected|accepted|wrote|writes|noted|replied"
)
_SPEAKER_AFTER_RE = re.compile(
    rf"^(?:,[^,;]{{1,90}},)?\s+(?:has\s+|had\s+|have\s+)?(?:also\s+|later\s+|then\s+)?"
    rf"(?:{_SPEECH})\b"
)
_SPEAKER_BEFORE_RE = re.compile(r"\b(?:said|says|added|adds|according to)\s+$")
# Capitalised phrases that name organisations or places, not people ("Downing Street said")
_ORGANISATION_HEADS = {
    "street", "radio", "news", "party", "council", "ministry", "department", "office",
    "commission", "bank", "group", "association", "union", "committee", "agency", "service",
    "services", "government", "house", "court", "police", "times", "post", "journal",
    "institute", "university", "college", "school", "hospital", "trust", "fund", "board",
    "authority", "federation", "league", "club", "company", "corporation", "foundation",
    "parliament", "assembly", "executive", "coalition", "campaign", "network", "television",
    "channel", "programme", "program", "centre", "center", "unit", "force", "army", "navy",
    "airlines", "airways", "motors", "industries", "holdings", "partners", "capital",
    "securities", "research", "international", "world", "states", "kingdom", "republic",
}  # fmt: skip


@dataclass
class _People:
    """The people an article names: full names by surname, and genders by form of address."""

    full: dict[str, str]
    gender: dict[str, str]

    @classmethod
    def of(cls, sentences: list[Sentence]) -> _People:
        gender: dict[str, str] = {}
        for sentence in sentences:
            for match in _TITLED_RE.finditer(sentence.text):
                surname = match.group("name").split()[-1]
                gender.setdefault(surname, _FORMS_OF_ADDRESS[match.group("title").lower()])
        full: dict[str, str] = {}
        for sentence in sentences:
            for match in _FULL_NAME_RE.finditer(sentence.text):
                words = match.group(0).split()
                if words[0] in _NOT_SUBJECT_WORDS or words[0].lower() in _FORMS_OF_ADDRESS:
                    continue
                if words[-1] in gender:
                    full.setdefault(words[-1], match.group(0))
        return cls(full, gender)

    def canonical(self, name: str) -> str:
        """The fullest form the article gives the person ("Mr McConnell" -> "Jack McConnell")."""
        surname = name.split()[-1]
        return self.full.get(surname, name)

    def gender_of(self, name: str) -> str:
        titled = _TITLED_RE.match(name)
        if titled:
            return _FORMS_OF_ADDRESS[titled.group("title").lower()]
        return self.gender.get(name.split()[-1], "")

    def is_person(self, name: str) -> bool:
        words = name.split()
        if not words or words[0] in _NOT_SUBJECT_WORDS:
            return False
        if _TITLED_RE.fullmatch(name) or words[-1] in self.gender:
            return True
        # an untitled name speaking: two or three capitalised words, not an organisation
        if {w.lower() for w in words} & (_ORGANISATION_HEADS | ROLE_HEADS):
            return False
        return 2 <= len(words) <= 3 and all(
            re.fullmatch(_NAME_WORD, w) or re.fullmatch(r"[A-Z]\.", w) for w in words
        )


_NOT_SUBJECT_WORDS = {
    "The", "A", "An", "This", "That", "These", "Those", "It", "He", "She", "They", "We", "In",
    "On", "At", "But", "And", "However", "Meanwhile", "After", "Before", "When", "While", "If",
    "As", "For", "From", "With", "By", "To", "Last", "Next", "Since", "During", "Despite",
}  # fmt: skip


def _speakers(sentence: str, people: _People) -> list[str]:
    """People the sentence names as speakers or subjects, the most prominent last."""
    found: list[tuple[int, int, str]] = []
    for pattern in (_TITLED_RE, _FULL_NAME_RE):
        for match in pattern.finditer(sentence):
            name = match.group(0)
            if not people.is_person(name):
                continue
            before = sentence[max(0, match.start() - 20) : match.start()]
            after = sentence[match.end() : match.end() + 120]
            if re.search(r"\b(?:told|tells|to|by|with|of|for|and|on)\s+$", before):
                rank = 0  # a listener or an object: "told Mr Blair", "joined by John Prescott"
            elif _SPEAKER_AFTER_RE.match(after) or _SPEAKER_BEFORE_RE.search(before):
                rank = 3
            elif re.match(r"\s+(?:has|had|was|is|were|also|later)?\s*[a-z]+", after):
                rank = 2  # the subject of a clause
            else:
                rank = 1
            found.append((rank, match.start(), name))
    found.sort()
    return [name for rank, _, name in found if rank > 0]


@dataclass
class _Referents:
    """Who "he"/"she"/"it" most likely point to, from the sentences just before."""

    people: _People = field(default_factory=lambda: _People({}, {}))
    person: str = ""
    thing: str = ""
    age: int = 99  # sentences since the person was seen
    thing_age: int = 99  # sentences since the thing was seen
    recent: list[tuple[str, str, int]] = field(default_factory=list)  # (name, gender, age)

    def _person_for(self, pronoun: str) -> str:
        wanted = {"he": "m", "his": "m", "she": "f", "her": "f"}.get(pronoun, "")
        for name, gender, age in self.recent:
            if gender and wanted and gender != wanted:
                continue
            if age <= 1 or (age <= 2 and gender == wanted and gender):
                return self.people.canonical(name)
            break
        return ""

    def resolve(self, text: str, kind: str = "clause", local: str = "") -> str | None:
        """The claim text with an opening pronoun named; None when a role cannot be named.

        `local` is the subject of the sentence's first clause: "it" in a later clause of the
        same sentence ("..., and it was the largest") stands for it.
        """
        if kind in ("role", "apposition"):
            possessive = _POSSESSIVE_ROLE_RE.match(text)
            if not possessive:
                return text
            pronoun = possessive.group("pronoun").lower()
            owner = ""
            if pronoun == "its" and self.thing_age <= 1:
                owner = self.thing
            elif pronoun in ("his", "her"):
                owner = self._person_for(pronoun)
            if not owner or owner == possessive.group("name"):
                return None  # "Orsted is its developer" says nothing on its own
            owner = "the" + owner[3:] if owner.startswith("The ") else owner
            return f"{possessive.group('name')} is {owner}'s {possessive.group('rest')}"
        possessive = _POSSESSIVE_OPENING_RE.match(text)
        if possessive:
            pronoun = possessive.group("pronoun").lower()
            if pronoun == "its":
                owner = self.thing if self.thing_age <= 1 else ""
            else:
                owner = self._person_for(pronoun)
            if not owner:
                return text
            owner = "the" + owner[3:] if owner.startswith("The ") else owner
            return f"{owner}'s {text[possessive.end() :]}"
        match = _PRONOUN_RE.match(text)
        if not match or _EXPLETIVE_RE.match(text):
            return text
        pronoun = match.group("pronoun").lower()
        if pronoun == "it" and local and local != self.person:
            referent = local
        elif pronoun == "it":
            referent = self.thing if self.thing_age <= 1 else ""
        else:
            referent = self._person_for(pronoun)
        if not referent or (pronoun == "it" and referent == self.person):
            return text
        verb = " is" if match.group("verb") else ""
        return f"{referent}{verb} {text[match.end() :]}"

    def _saw_person(self, name: str) -> None:
        name = name.strip(" ,.;:")
        gender = self.people.gender_of(name)
        key = self.people.canonical(name)
        self.recent = [p for p in self.recent if self.people.canonical(p[0]) != key]
        self.recent.insert(0, (name, gender, 0))
        self.person, self.age = name, 0

    def update(self, drafts: list[Draft], sentence: str, names: frozenset[str]) -> None:
        self.age += 1
        self.thing_age += 1
        self.recent = [(n, g, a + 1) for n, g, a in self.recent][:6]
        for draft in drafts:
            if draft.kind == "role" and " is " in draft.text:
                self._saw_person(draft.text.split(" is ")[0])
        for name in _speakers(sentence, self.people):
            self._saw_person(name)
        clauses = [d for d in drafts if d.kind in ("clause", "headline")]
        subject = clauses[0].render().split() if clauses else []
        first = re.sub(r"['’]s$", "", subject[0]) if subject else ""
        if (
            first in names
            and first not in ("The", "A", "An", "This", "That", "It")
            and len(subject) > 1
            and subject[1][:1].islower()
            and not set(self.person.split()) & {first}
        ):
            self.thing, self.thing_age = first, 0
        elif clauses and clauses[0].kind == "clause":
            # "Hornsea 2 has ...", "The report found ...": the subject noun phrase
            # (not a speaker or a titled person: "Mr Cartagena said ...")
            rendered = clauses[0].render()
            phrase = _subject_phrase(rendered, names)
            after = rendered[len(phrase) :].split()[:2] if phrase else []
            if (
                phrase
                and not set(phrase.split()) & set(self.person.split())
                and not _SPEAKER_RE.match(" ".join(after))
                and phrase.split()[0].rstrip(".").lower() not in {"mr", "mrs", "ms", "dr", "sir"}
            ):
                self.thing, self.thing_age = phrase, 0


def _claim_from_draft(
    draft: Draft,
    sentence: Sentence,
    quantities: list[Quantity],
    names: frozenset[str],
    referents: _Referents,
    local: str = "",
    common: frozenset[str] = frozenset(),
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
    text = normalize_claim_text(resolved)
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


def extract_claims(text: str, *, model: CheckworthinessModel | None = None) -> list[ExtractedClaim]:
    """Atomic, check-worthy claims of an article, ordered by position in `text`, each scored
    by the check-worthiness `model` (default: the one shipped with textcore)."""
    if not isinstance(text, str) or not text.strip():
        return []
    model = model or load_model()
    sentences = [s for s in segment(text) if not is_noise(s.text)]
    names = _proper_names(sentences)
    # words the article also writes in lower case: common nouns, not names
    common = frozenset(re.findall(r"(?<![\w'’.-])[a-z][a-z-]+", text))
    claims: list[ExtractedClaim] = []
    referents = _Referents(people=_People.of(sentences))
    for sentence in sentences:
        quantities = parse_quantities(sentence.text, offset=sentence.start)
        seen: set[str] = set()
        drafts = _drafts(text, sentence, quantities)
        first = next((d for d in drafts if d.kind == "clause"), None)
        local = _subject_phrase(first.render(), names) if first is not None else ""
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
            )
            if claim is None or claim.text.lower() in seen:
                continue
            seen.add(claim.text.lower())
            claims.append(claim)
        referents.update(drafts, sentence.text, names)
    # stable: claims of one sentence keep the order the rules produced them in
    claims.sort(key=lambda c: (c.sentence_start, c.start))
    return [replace(c, checkworthiness=model.score(c.text)) for c in claims]
