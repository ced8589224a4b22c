"""A possessive "their" and an object "this" of a verb of achieving, named from the text
before them so a claim reads alone (see `textcore.antecedents` for the demonstratives).

- "their" before a noun for a stage of an event ("Upon their conclusion", "after their
  collapse"): "the conclusion of" the one plural thing (not people) the claims of the
  sentence before name ("the talks", or the talks the article introduced when that only
  repeats them), when the claim itself names nothing "their" could stand for, before it or
  as the subject of the clause a fronted phrase opens ("Upon their arrival, the delegates");
  with people about, "their conclusion" may be what they concluded, so it stays;
- "achieve this", "to accomplish it": the one goal ("goal", "aim", "objective", ...) named
  earlier in the sentence or in the sentence before.

Anything doubtful stays as written; only the claim text changes, never its span.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .atomize.grammar import clean_word, find_subject, looks_plural
from .noun_phrases import _heads, _lemma, _noun_phrase, _Phrase

__all__ = ["at_start", "inside", "name_goal", "name_possessives"]

Entity = Callable[[str, bool], "_Phrase | None"]

# nouns for a stage of an event: their owner is the event, not a person
_EVENT_STAGES = frozenset(
    {
        "conclusion", "completion", "end", "start", "beginning", "launch", "collapse",
        "breakdown", "resumption", "suspension", "opening", "closure", "expiry", "expiration",
        "cancellation", "postponement",
    }
)  # fmt: skip
_POSSESSIVE_RE = re.compile(r"(?<![\w'’-])[Tt]heir\s+(?P<noun>[a-z][a-z-]{2,})\b(?![-'’])")
# people, or names joined by "and": "their" may be theirs
_PEOPLE_RE = re.compile(
    r"\b(?:[a-z]+(?:ers|ors|ists|ians|ants|ents|ees|ives)|people|men|women|children|"
    r"officials|members|staff|leaders|police|ministers|parties|families|unions|nations|"
    r"countries|governments|states|sides|teams|groups|firms|companies|banks|clubs|"
    r"authorities|agencies|they|them|we|us)\b|"
    r"\b[A-Z][\w.'’-]*,?\s+and\s+(?:the\s+)?[A-Z]"
)
# verbs of attaining a goal ("realise" is left out: "realise that ..." is understanding)
_GOAL_VERB_STEMS = ("achiev", "attain", "accomplish", "fulfil")
_GOAL_VERB_RE = re.compile(
    r"\b(?:achiev|attain|accomplish|fulfil)(?:e|es|ed|ing|s|ls|led|ling|l)?\s+"
    r"(?P<it>this|that|it)(?=\s*(?:[,.;:!?]|$|\s(?:and|but|or|by|through|with|without|in|"
    r"on|at|for|before|after|is|was|has|had|would|will|could|may|might|remains)\b))"
)
_GOALS = frozenset({"goal", "aim", "objective", "target", "ambition", "purpose", "mission"})


def name_possessives(text: str, previous: str, entity: Entity, names: frozenset[str]) -> str:
    """'Upon their conclusion, ...' -> 'Upon the conclusion of the talks, ...'; `previous` is
    the claims of the sentence before."""
    if "heir " not in text:
        return text
    for match in _POSSESSIVE_RE.finditer(text):
        noun = match.group("noun")
        if noun not in _EVENT_STAGES or _has_owner(text[: match.start()]):
            continue
        if _fronted_subject_plural(text[match.start() :]):
            continue  # "Upon their arrival, the delegates ...": theirs, perhaps
        owner = _thing_before(previous, entity, names)
        if owner is None:
            continue
        replacement = f"the {noun} of {owner.text}"
        replacement = at_start(replacement) if match.start() == 0 else inside(replacement)
        return text[: match.start()] + replacement + text[match.end() :]
    return text


def at_start(phrase: str) -> str:
    """A phrase placed at the start of a sentence: its first letter a capital."""
    return phrase[:1].upper() + phrase[1:]


def inside(phrase: str) -> str:
    """A phrase taken from a sentence's opening, placed inside another: "The" -> "the"."""
    return "the" + phrase[3:] if phrase.startswith("The ") else phrase


def _fronted_subject_plural(text: str) -> bool:
    """'their conclusion, the delegates flew home': whether the subject of the clause a
    fronted phrase opens (which a possessive in the phrase may point forward to) may be
    plural; when its verb is not known, whether any of its first words is."""
    comma = text.find(", ")
    if comma < 0:
        return False
    rest = text[comma + 2 :]
    span = find_subject(rest)
    if span:
        return looks_plural(rest[span[0] : span[1]])
    words = [clean_word(w) for w in rest.split()[:3]]
    return any(w and _lemma(w) != w for w in words)


def _has_owner(text: str) -> bool:
    """Whether the text names anything "their" could stand for: people, names joined by
    "and", or any plural noun."""
    return bool(_PEOPLE_RE.search(text)) or any(_number(h) for h in _heads(text))


def _number(head: re.Match[str]) -> bool:
    word = head.group(0).rstrip(",.;:!?")
    return _lemma(word) != word


def _thing_before(previous: str, entity: Entity, names: frozenset[str]) -> _Phrase | None:
    """The one plural thing (not people) that the claims of the sentence before name (their
    pronouns already named: a "they" left there may be anyone)."""
    if _PEOPLE_RE.search(previous):
        return None  # people may own "their"
    phrases: set[_Phrase | None] = set()
    for head in _heads(previous):
        if not _number(head):
            continue
        word = head.group(0).rstrip(",.;:!?")
        phrase = _noun_phrase(previous, head, names)
        if phrase is None or phrase.text.lower() == f"the {word.lower()}":
            phrase = entity(word, True) or phrase  # "the talks" repeats the talks named before
        phrases.add(phrase)
    return phrases.pop() if len(phrases) == 1 else None


def name_goal(text: str, before: str, previous: str, names: frozenset[str]) -> str:
    """'... failed to achieve this' -> '... failed to achieve the goal of cutting costs': the
    one goal named in the claim or sentence before it, or else in the sentence before."""
    if not any(stem in text for stem in _GOAL_VERB_STEMS):
        return text
    match = _GOAL_VERB_RE.search(text)
    if not match:
        return text
    for context in (before + " " + text[: match.start()], previous):
        goals = [h for h in _heads(context) if _lemma(h.group(0).rstrip(",.;:!?")) in _GOALS]
        if not goals:
            continue
        if len(goals) != 1:
            return text
        phrase = _noun_phrase(context, goals[0], names)
        if phrase is None or phrase.plural:
            return text
        return text[: match.start("it")] + inside(phrase.text) + text[match.end("it") :]
    return text
