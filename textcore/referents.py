"""Who an article's pronouns point to: the subject a later "it" can stand for, and
`Referents`, which names an opening "he"/"she"/"it"/"its" from the sentences just before
and the people the article names (`textcore.people`); see `textcore.extraction` for the
rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .atomize import Draft
from .atomize.grammar import find_subject, looks_plural
from .lexicon import FORMS_OF_ADDRESS, SPEECH_VERBS, alternation
from .people import People, _speakers
from .segment import Sentence
from .text import dateline_length, subject_opening

_CAPITALISED_RE = re.compile(r"(?<=\s)[A-Z][\w'’.&-]*")

_POSSESSIVE_S_RE = re.compile(r"['’]s$")
_PLAIN_WORD_RE = re.compile(r"[a-z][a-z-]*|[A-Z][\w'’-]*")


def proper_names(sentences: list[Sentence]) -> frozenset[str]:
    """Words written with a capital inside sentences (so not just because they open one)."""
    names: set[str] = set()
    for sentence in sentences:
        text = sentence.text[dateline_length(sentence.text) :]
        words = text.split()
        capitalised = _CAPITALISED_RE.findall(text)
        if len(words) > 2 and len(capitalised) > 0.6 * (len(words) - 1):
            continue  # a headline in title case says nothing about which words are names
        for word in capitalised:
            names.add(_POSSESSIVE_S_RE.sub("", word.strip(",.;:!?\"'“”‘’()")))
    return frozenset(names)


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
    r"^(?:\w+ly\s+)?(?:"
    + alternation(
        SPEECH_VERBS | {"believes", "believed", "thinks", "thought", "emphasised", "emphasized"}
    )
    + r")\b"
)
_NAME_WORD_RE = re.compile(r"^(?:[A-Z][\w'’.&-]*|\d{1,4}[A-Za-z]?|of|de|the|and|for)$")
_NOT_SUBJECTS = {
    "this", "that", "these", "those", "there", "such", "some", "many", "most", "all", "both",
    "each", "another", "other", "one", "none", "nobody", "no", "any", "what", "which", "who",
}  # fmt: skip


def is_named(text: str, names: frozenset[str]) -> bool:
    """Whether the claim's subject is a proper name (after an opening phrase such as "In 2004,")."""
    words = subject_opening(text)
    if not words or not words[0]:
        return False
    first = words[0]
    if first in names or (len(first) > 1 and first.isupper()):
        return True
    if first == "The" and len(words) > 1 and words[1] in names:
        return True  # "The Scottish Executive ...": a definite article before a name
    # "Jensen Huang questioned ...": two capitalised words open the claim
    return len(words) > 1 and first[:1].isupper() and words[1][:1].isupper() and first != "The"


def subject_phrase(text: str, names: frozenset[str]) -> str:
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
        known = any(_POSSESSIVE_S_RE.sub("", w) in names for w in words)
        return phrase if known or len(capitalised) >= 2 else ""
    if (
        words[0] in ("The", "the")
        and 2 <= len(words) <= 4
        and all(_PLAIN_WORD_RE.fullmatch(w) for w in words[1:])
        and not looks_plural(phrase)
    ):
        return phrase
    return ""


@dataclass
class Referents:
    """Who "he"/"she"/"it" most likely point to, from the sentences just before."""

    people: People = field(default_factory=lambda: People({}, {}))
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
        first = _POSSESSIVE_S_RE.sub("", subject[0]) if subject else ""
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
            phrase = subject_phrase(rendered, names)
            after = rendered[len(phrase) :].split()[:2] if phrase else []
            if (
                phrase
                and not set(phrase.split()) & set(self.person.split())
                and not _SPEAKER_RE.match(" ".join(after))
                and phrase.split()[0].rstrip(".").lower() not in FORMS_OF_ADDRESS
            ):
                self.thing, self.thing_age = phrase, 0


# "rarer, heavy types" standing for a class the sentence named before: "rare earth minerals"
_ELLIPTIC_HEAD_RE = re.compile(
    r"\b(?P<mods>(?:[a-z-]+,?\s+){1,3})(?P<head>types|kinds|varieties|grades|sorts)\b(?!\s+of\b)"
)
_ELLIPTIC_HEADS = ("types", "kinds", "varieties", "grades", "sorts")
_CLASS_BEFORE_RE = re.compile(
    r"\b(?:to|of|in|on|for|about|with|the)\s+(?P<phrase>(?:[a-z-]+\s+){0,3}[a-z-]{3,}s)\b"
)


def named_elliptic_head(text: str, before: str) -> str:
    """'China refines 99% of rarer, heavy types' after '... approach to rare earth minerals,'
    -> '... of rarer, heavy rare earth minerals': a head noun like "types" that only stands
    for the class the same sentence named earlier is replaced by that class."""
    if not any(head in text for head in _ELLIPTIC_HEADS):
        return text
    match = _ELLIPTIC_HEAD_RE.search(text)
    if not match:
        return text
    candidates = [
        m.group("phrase")
        for m in _CLASS_BEFORE_RE.finditer(before)
        if not re.search(r"\b(?:types|kinds|varieties|grades|sorts)\b", m.group("phrase"))
    ]
    if not candidates:
        return text
    return text[: match.start("head")] + candidates[-1] + text[match.end("head") :]
