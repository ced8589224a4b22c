"""The people an article names: full names by surname, genders by form of address ("Mr",
"Mrs"), and the people a sentence names as speakers or subjects.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .atomize.words import NOT_NAMES, ROLE_HEADS
from .lexicon import FORMS_OF_ADDRESS, SPEECH_VERBS, STOP_WORDS, alternation
from .segment import Sentence

# People: "Mr McConnell", "Mrs Hassan" (the form of address gives the gender), and full names
# ("Jack McConnell") whose surname the article also uses with a form of address, or who speak.
_NAME_WORD = r"(?:[A-Z][a-z]?['’])?[A-Z][a-z][A-Za-z-]*(?!['’]?\w)"
_TITLED_RE = re.compile(
    rf"\b(?P<title>{alternation(word.capitalize() for word in FORMS_OF_ADDRESS)})\.?\s+"
    rf"(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD})?)"
)
_FULL_NAME_RE = re.compile(rf"\b{_NAME_WORD}(?:\s+(?:[A-Z]\.\s+)?{_NAME_WORD}){{1,2}}\b")
_NAME_WORD_RE = re.compile(_NAME_WORD)
_INITIAL_RE = re.compile(r"[A-Z]\.")
# a name opening a claim, before a possessive or a lower-case word ("Hassett said")
_OPENING_NAME_RE = re.compile(rf"{_NAME_WORD}(?=['’]s\b|\s+[a-z])")
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
        first = _OPENING_NAME_RE.match(text)
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
            _NAME_WORD_RE.fullmatch(w) or _INITIAL_RE.fullmatch(w) for w in words
        )


_NOT_SUBJECT_WORDS = {
    "The", "A", "An", "This", "That", "These", "Those", "It", "He", "She", "They", "We", "In",
    "On", "At", "But", "And", "However", "Meanwhile", "After", "Before", "When", "While", "If",
    "As", "For", "From", "With", "By", "To", "Last", "Next", "Since", "During", "Despite",
}  # fmt: skip

_LISTENER_BEFORE_RE = re.compile(r"\b(?:told|tells|to|by|with|of|for|and|on)\s+$")
_CLAUSE_AFTER_RE = re.compile(r"\s+(?:has|had|was|is|were|also|later)?\s*[a-z]+")


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
            if _LISTENER_BEFORE_RE.search(before):
                rank = 0  # a listener or an object: "told Mr Blair", "joined by John Prescott"
            elif _SPEAKER_AFTER_RE.match(after) or _SPEAKER_BEFORE_RE.search(before):
                rank = 3
            elif _CLAUSE_AFTER_RE.match(after):
                rank = 2  # the subject of a clause
            else:
                rank = 1
            found.append((rank, match.start(), name))
    found.sort()
    return [name for rank, _, name in found if rank > 0]
