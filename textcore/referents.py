"""Who an article's pronouns point to, and who speaks: the people it names (full names,
forms of address and so genders), the speakers of a sentence, the subject a later "it"
can stand for, and `Referents`, which names an opening "he"/"she"/"it"/"its" from the
sentences just before (see `textcore.extraction` for the rules).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .atomize import Draft
from .atomize.grammar import find_subject, looks_plural
from .atomize.words import NOT_NAMES, ROLE_HEADS
from .lexicon import FORMS_OF_ADDRESS, SPEECH_VERBS, STOP_WORDS, alternation
from .segment import Sentence
from .text import dateline_length

_CAPITALISED_RE = re.compile(r"(?<=\s)[A-Z][\w'’.&-]*")


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
_NAME_WORD = r"(?:[A-Z][a-z]?['’])?[A-Z][a-z][A-Za-z-]*(?!['’]?\w)"
_TITLED_RE = re.compile(
    rf"\b(?P<title>{alternation(word.capitalize() for word in FORMS_OF_ADDRESS)})\.?\s+"
    rf"(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD})?)"
)
_FULL_NAME_RE = re.compile(rf"\b{_NAME_WORD}(?:\s+(?:[A-Z]\.\s+)?{_NAME_WORD}){{1,2}}\b")
_SPEECH = alternation(
    SPEECH_VERBS
    | {
        "declared", "denied", "denies", "asked", "asks", "admitted", "confirmed", "announced",
        "urged", "believes", "believed", "thinks", "thought", "questioned", "welcomed", "joked",
        "promised", "opposed", "rejected", "accepted", "wrote", "writes", "replied",
    }
)  # fmt: skip
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


_TITLE_WORDS = {"chief", "deputy", "acting", "former", "senior", "shadow", "vice", "interim"}


@dataclass
class People:
    """The people an article names: full names by surname, and genders by form of address."""

    full: dict[str, str]
    gender: dict[str, str]
    untitled: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, sentences: list[Sentence]) -> People:
        gender: dict[str, str] = {}
        for sentence in sentences:
            for match in _TITLED_RE.finditer(sentence.text):
                surname = match.group("name").split()[-1]
                gender.setdefault(surname, FORMS_OF_ADDRESS[match.group("title").lower()])
        full: dict[str, str] = {}
        for sentence in sentences:
            for match in _FULL_NAME_RE.finditer(sentence.text):
                words = match.group(0).split()
                if words[0] in _NOT_SUBJECT_WORDS or words[0].lower() in FORMS_OF_ADDRESS:
                    continue
                if words[-1] in gender:
                    full.setdefault(words[-1], match.group(0))
        people = cls(full, gender)
        # people named in full without a title ("Kevin Hassett ... Hassett said"): a surname
        # that only one such full name ends in
        untitled: dict[str, set[str]] = {}
        for sentence in sentences:
            for match in _FULL_NAME_RE.finditer(sentence.text):
                words = match.group(0).split()
                while len(words) > 2 and words[0].lower() in ROLE_HEADS | _TITLE_WORDS:
                    words = words[1:]  # "Economist Nadia Brandt"
                if (
                    words[0] in _NOT_SUBJECT_WORDS
                    or words[0] in NOT_NAMES
                    or words[0].lower() in STOP_WORDS
                    or words[-1] in full
                    or len(words) != 2
                ):
                    continue  # "Should China": a capitalised word opening the sentence
                name = " ".join(words)
                if people.is_person(name):
                    untitled.setdefault(words[-1], set()).add(name)
        people.untitled = {k: next(iter(v)) for k, v in untitled.items() if len(v) == 1}
        return people

    def canonical(self, name: str) -> str:
        """The fullest form the article gives the person ("Mr McConnell" -> "Jack McConnell")."""
        surname = name.split()[-1]
        return self.full.get(surname, name)

    def named_in_full(self, text: str) -> str:
        """'Mr Clarke said ...' -> 'Charles Clarke said ...' when the article gives the full
        name (a title that is part of a name, "Lord", "Sir", "Dame", stays); a bare surname
        opening the claim too ("Hassett said" -> "Kevin Hassett said")."""
        if not self.full and not self.untitled:
            return text

        def titled(match: re.Match[str]) -> str:
            title = match.group("title").lower().rstrip(".")
            if title in {"lord", "sir", "dame", "lady"}:
                return match.group(0)
            name = match.group("name")
            full = self._plain_full(name.split()[-1])
            if not full or len(name.split()) > 1:
                return match.group(0)
            return full

        text = _TITLED_RE.sub(titled, text)
        first = re.match(rf"{_NAME_WORD}(?=['’]s\b|\s+[a-z])", text)
        full = ""
        if first:
            full = self._plain_full(first.group(0)) or self.untitled.get(first.group(0), "")
        if first and full and full != first.group(0):
            text = full + text[first.end() :]
        return text

    def _plain_full(self, surname: str) -> str:
        """The full name without a title the article wrote before it ("Attorney Scott
        Christie" -> "Scott Christie")."""
        full = self.full.get(surname, "")
        words = full.split()
        while len(words) > 2 and words[0].lower() in ROLE_HEADS | _TITLE_WORDS:
            words = words[1:]
        return " ".join(words)

    def gender_of(self, name: str) -> str:
        titled = _TITLED_RE.match(name)
        if titled:
            return FORMS_OF_ADDRESS[titled.group("title").lower()]
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


def _speakers(sentence: str, people: People) -> list[str]:
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
_CLASS_BEFORE_RE = re.compile(
    r"\b(?:to|of|in|on|for|about|with|the)\s+(?P<phrase>(?:[a-z-]+\s+){0,3}[a-z-]{3,}s)\b"
)


def named_elliptic_head(text: str, before: str) -> str:
    """'China refines 99% of rarer, heavy types' after '... approach to rare earth minerals,'
    -> '... of rarer, heavy rare earth minerals': a head noun like "types" that only stands
    for the class the same sentence named earlier is replaced by that class."""
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
