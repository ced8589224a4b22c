"""How a noun phrase is mentioned, and the entity each kind of noun stands for in an article.

A mention either introduces an entity ("high-level talks between A and B", "a draft
agreement on berths") or only repeats one named before: "the talks", "their deal", "the
second day of talks" (a determiner, possessive or preposition right before the noun and
nothing after it that tells it apart). `Entities` keeps, for each small class of nouns a
writer uses for one another ("negotiations", "talks", "these discussions"), the one entity
the article last introduced, while later mentions only repeat it and it was mentioned within
the last few sentences; two introduced at once, or one that cannot be named ("several
talks"), leave the class without one. A mention set against another ("their previous
meeting", "other talks") introduces nothing, and a word right after a pronoun, "to" or a
modal is a verb ("we talk"), not a mention.

Pure Python, deterministic, no Django.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .atomize.grammar import TOKEN_RE, clean_word, is_verb
from .atomize.words import AUX, BASE_VERBS, DETERMINERS, ED_ADJECTIVES, PREPOSITIONS, PRONOUNS
from .noun_phrases import _is_boundary, _lemma, _not_a_noun, _noun_phrase, _Phrase

# Nouns a writer uses to pick up an earlier noun of the same kind ("negotiations ... these
# discussions"); a demonstrative with one of them may stand for any noun of its class.
CLASSES = (
    frozenset(
        {"talk", "negotiation", "discussion", "dialogue", "meeting", "consultation", "summit",
         "conversation", "deliberation"}
    ),
    frozenset(
        {"measure", "restriction", "control", "curb", "sanction", "tariff", "regulation",
         "ban", "limit", "rule"}
    ),
    frozenset({"plan", "proposal", "scheme"}),
    frozenset({"figure", "statistic", "estimate"}),
    frozenset({"agreement", "deal", "accord", "pact", "treaty"}),
    frozenset({"effort", "attempt", "strategy", "initiative", "campaign", "bid", "endeavour"}),
)  # fmt: skip
# the class a noun belongs to, the key of the entity the article keeps talking about
CLASS_KEY = {noun: str(index) for index, kin in enumerate(CLASSES) for noun in kin}
# a noun of a class, in any number, ending its token (perhaps before punctuation)
_CLASS_WORD_RE = re.compile(
    r"(?<![\w'’-])(?:" + "|".join(sorted(CLASS_KEY)) + r")(?:s|es)?(?=[,.;:!?]*(?:\s|$))"
)
# "their previous meeting": set against the one under way, so never the one "these talks" means
_CONTRASTIVE = frozenset({"previous", "earlier", "prior", "former", "past", "other", "next"})
# "..., the U.S. has implemented": the doer and verb right before an object noun phrase
_DOER_RE = re.compile(
    r"(?:^|[,;:]\s+|\b(?:and|but)\s+)"
    r"(?P<doer>(?:[Tt]he\s+)?(?:[A-Z][\w.'’&-]*\s+){1,4}?|[Tt]he\s+(?:[a-z-]+\s+){1,2}?)"
    r"(?P<verb>(?:(?:has|have|had|also|already|recently|now)\s+){0,2}[a-z]{3,}ed)\s+$"
)
_RECENT = 5  # sentences an entity stays in mind without being mentioned
_BEFORE_VERBS = PRONOUNS | AUX | {"to", "let's", "don't", "didn't", "won't", "cannot", "not"}
_NOT_IN_NAMES = (
    PRONOUNS
    | AUX
    | BASE_VERBS
    | {"be", "been", "being", "my", "your", "our", "what", "not", "let's", "very", "really"}
)
_POSSESSIVE_DETERMINERS = frozenset({"its", "their", "his", "her", "our", "my", "your"})


@dataclass
class Entities:
    """Per class of nouns, the one entity the article last introduced, while still in mind."""

    # class key -> (the entity, or None when unclear; the sentence it was last mentioned in)
    chains: dict[str, tuple[_Phrase | None, int]] = field(default_factory=dict)
    sentences: int = 0  # sentences read

    def update(self, sentence: str, names: frozenset[str]) -> None:
        self.sentences += 1
        introduced: dict[str, set[_Phrase | None]] = {}
        for head in _class_heads(sentence):
            word = _word(head)
            key = CLASS_KEY.get(_lemma(word))
            if key is None or _in_verb_position(sentence, head):
                continue
            if _opens_with_demonstrative(sentence, head) or _contrasted(sentence, head):
                continue
            phrase = _noun_phrase(sentence, head, names)
            if _repeats(phrase, word, sentence, head):
                found, seen = self.chains.get(key, (None, 0))
                if self.sentences - seen <= _RECENT:  # mentioned again while still in mind
                    self.chains[key] = (found, self.sentences)
                continue
            introduced.setdefault(key, set()).add(phrase if _reads_alone(phrase) else None)
        for key, phrases in introduced.items():
            self.chains[key] = (phrases.pop() if len(phrases) == 1 else None, self.sentences)

    def entity(self, noun: str, plural: bool) -> _Phrase | None:
        """The entity of `noun`'s class the article keeps talking about (mentioned within the
        last few sentences), when its number agrees."""
        found, seen = self.chains.get(CLASS_KEY.get(_lemma(noun), ""), (None, 0))
        if found is None or found.plural != plural or self.sentences - seen > _RECENT:
            return None
        return found


def _class_heads(text: str) -> list[re.Match[str]]:
    """`_heads` of the text that are nouns of a class (found by one search, not token by token)."""
    found = []
    for match in _CLASS_WORD_RE.finditer(text):
        token = TOKEN_RE.match(text, match.start())
        if token is None:
            continue
        word = token.group(0).rstrip(",.;:!?")
        if _not_a_noun(word, token.group(0)):
            continue
        following = TOKEN_RE.search(text, token.end())
        if word != token.group(0) or _is_boundary(following.group(0) if following else ""):
            found.append(token)
    return found


def _phrase_start_context(text: str, head: re.Match[str]) -> str:
    """The text before the noun phrase of `head` (its modifiers skipped)."""
    tokens = list(TOKEN_RE.finditer(text[: head.start()]))
    index = len(tokens)
    while index > 0 and len(tokens) - index < 4:
        raw = tokens[index - 1].group(0)
        word = clean_word(raw)
        if not re.fullmatch(r"[a-z][a-z-]*", raw) or word in DETERMINERS:
            if word in DETERMINERS:
                index -= 1
            break
        if is_verb(raw) or word.endswith("ing") or word in PREPOSITIONS:
            break
        index -= 1
    return text[: tokens[index].start()] if index < len(tokens) else text[: head.start()]


def _with_doer(phrase: _Phrase, context: str, head: re.Match[str]) -> _Phrase:
    """'the various strategies' -> 'the various strategies the U.S. has implemented': an
    antecedent with nothing to tell it apart is told apart by its doer, when it is the object
    of a verb whose subject is a name or a definite noun phrase; the article's own words."""
    if not re.fullmatch(r"the(?: [a-z-]+)+", phrase.text) or not phrase.text.endswith(_word(head)):
        return phrase  # a name or a prepositional phrase already tells it apart
    match = _DOER_RE.search(_phrase_start_context(context, head))
    if not match:
        return phrase
    doer, verb = match.group("doer").strip(), match.group("verb")
    last = verb.split()[-1]
    if any(clean_word(w) in PRONOUNS for w in doer.split()) or last in ED_ADJECTIVES:
        return phrase
    if doer.startswith("The ") and not doer.split()[1][:1].isupper():
        doer = "the" + doer[3:]
    return _Phrase(f"{phrase.text} {doer} {verb}", phrase.plural)


def _in_verb_position(text: str, head: re.Match[str]) -> bool:
    """'we talk', 'to deal', 'will plan': after a pronoun, "to" or a modal a word is a verb."""
    before = text[: head.start()].split()[-1:]
    return bool(before) and clean_word(before[0]) in _BEFORE_VERBS


def _reads_alone(phrase: _Phrase | None) -> bool:
    """Whether a phrase can name an entity anywhere: no pronoun, no verb taken for a word."""
    return phrase is not None and not any(
        clean_word(w) in _NOT_IN_NAMES or "'" in w and not w[:1].isupper()
        for w in phrase.text.split()[1:]
    )


def _is_plural(head: re.Match[str]) -> bool:
    return _lemma(_word(head)) != _word(head)


def _word(head: re.Match[str]) -> str:
    return head.group(0).rstrip(",.;:!?")


def _contrasted(text: str, head: re.Match[str]) -> bool:
    """'their previous meeting', 'other talks': a different one of the kind."""
    before = text[: head.start()].split()[-3:]
    return any(clean_word(w) in _CONTRASTIVE for w in before)


def _repeats(phrase: _Phrase | None, word: str, text: str, head: re.Match[str]) -> bool:
    """Whether a mention only repeats an entity named before: "the talks", "their deal", "the
    second day of talks" (nothing between the determiner or preposition and the noun, and
    nothing after it that tells it apart)."""
    before = text[: head.start()].split()[-1:]
    opening = clean_word(before[0]) if before else ""
    if opening not in _POSSESSIVE_DETERMINERS | PREPOSITIONS | {"the", "of"}:
        return False
    return phrase is None or phrase.text.lower() == f"the {word.lower()}"


def _opens_with_demonstrative(text: str, head: re.Match[str]) -> bool:
    before = text[: head.start()].split()[-3:]
    return any(clean_word(w) in {"this", "these", "those"} for w in before)
