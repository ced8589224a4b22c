"""Noun phrases of a sentence, read for taking over as the antecedent of a reference.

The tokens that end a noun phrase (`_heads`), the phrase a head ends with the
prepositional phrase that identifies it, made definite (`_noun_phrase`: "a phone call
between A and B" -> "the phone call between A and B"), and the tests `textcore.antecedents`
reads them with (`_is_boundary`, `_not_a_noun`, `_lemma`).

Pure Python, deterministic, no Django.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .atomize.grammar import TOKEN_RE, clean_word, is_verb, looks_plural
from .atomize.words import AUX, DETERMINERS, ED_ADJECTIVES, PREPOSITIONS, PRONOUNS
from .lexicon import NUMBER_WORDS, TENS_WORDS

# Determiners after which a noun phrase cannot be taken over as it stands
_UNUSABLE_OPENINGS = (DETERMINERS - {"the", "a", "an"}) | {
    "various", "several", "many", "few", "more", "most", "other", "such", "same", "which",
    "what", "whose", "one",
}  # fmt: skip
# a prepositional phrase of time ("on Tuesday") says when, not which: it is not taken along
_TIME_RE = re.compile(
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|"
    r"April|May|June|July|August|September|October|November|December|yesterday|today|"
    r"tomorrow|last|next|this|year|month|week|morning|evening|night|\d{4}s?)"
)
_FIGURE_WORDS = [*NUMBER_WORDS, *TENS_WORDS, "hundred", "thousand", "million", "billion"]
_FIGURE_RE = re.compile(
    r"\d|^(?:" + "|".join([*_FIGURE_WORDS, "dozen", "half", "quarter"]) + r")(?:-|$)",
    re.IGNORECASE,
)
_FUNCTION_WORDS = PREPOSITIONS | DETERMINERS | {"of", "to", "and", "or"}
_POSSESSIVES = {"its", "their", "his", "her", "our", "my", "your"}
_PREPOSITION_LINKS = {"between", "with", "on", "over", "about", "in", "of", "from", "against"}


def _lemma(word: str) -> str:
    word = word.lower()
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


def _is_boundary(token: str) -> bool:
    """Whether a token ends the noun phrase before it: punctuation, a function word, a verb."""
    if not token:
        return True
    word = clean_word(token)
    return (
        not word
        or token[:1] in ",.;:!?)\"”’'–—-"
        or word in PREPOSITIONS
        or word in AUX
        or word in DETERMINERS
        or word in {"and", "or", "which", "who", "that", "to", "of"}
        or is_verb(token)
        or (word.endswith("ed") and word not in ED_ADJECTIVES and not token[:1].isupper())
    )


@dataclass(frozen=True)
class _Phrase:
    text: str
    plural: bool


def _noun_phrase(text: str, head: re.Match[str], names: frozenset[str]) -> _Phrase | None:
    """The noun phrase whose head is `head`, with a prepositional phrase that follows it
    ("a phone call between A and B"), made definite; None when it cannot stand as it is."""
    tokens = list(TOKEN_RE.finditer(text[: head.start()]))
    words: list[str] = []
    for token in reversed(tokens[-5:]):
        raw = token.group(0)
        word = clean_word(raw)
        if raw.endswith((",", ";", ":")) or raw[:1] in "\"“‘'(":
            break
        if word in PREPOSITIONS or word == "of" or word in PRONOUNS:
            break
        if word not in DETERMINERS and (is_verb(raw) or word.endswith("ing")):
            break
        if re.fullmatch(r"[a-z-]+[^s'’]s", raw):
            break  # "the internet offers huge benefits": a modifier is not plural, a verb is
        words.insert(0, raw)
        if word in DETERMINERS or word in _UNUSABLE_OPENINGS:
            break
    # a figure belongs to the sentence that states it: "a ninety-minute call" is named "the
    # call" elsewhere, so a claim carries only the figures of its own span
    words = [w for w in words if not _FIGURE_RE.search(w)]
    head_word = head.group(0).rstrip(",.;:!?")
    words.append(head_word)
    opening = clean_word(words[0])
    if opening in _UNUSABLE_OPENINGS:
        return None
    after = text[head.start() + len(head_word) :]
    link = re.match(r"\s+(?P<prep>[a-z]+)\s+", after)
    if link and link.group("prep") in _PREPOSITION_LINKS:
        phrase_tokens: list[str] = []
        for token in TOKEN_RE.finditer(after, link.end()):
            raw = token.group(0)
            word = clean_word(raw)
            if word in {"which", "who", "that", "where", "when", "while"} or (
                phrase_tokens and is_verb(raw)
            ):
                break
            phrase_tokens.append(raw)
            if raw.endswith((",", ";", ":", ".", "!", "?")) or len(phrase_tokens) > 8:
                break
        ended = bool(phrase_tokens) and (
            phrase_tokens[-1].endswith((",", ";", ":", ".", "!", "?")) or len(phrase_tokens) <= 8
        )
        timed = any(
            _TIME_RE.fullmatch(t.strip(",;:.!?")) or _FIGURE_RE.search(t) for t in phrase_tokens
        )
        # "in its attempt to": a phrase cut short, or one pointing back itself, names nothing
        dangling = bool(phrase_tokens) and (
            clean_word(phrase_tokens[-1]) in _FUNCTION_WORDS
            or clean_word(phrase_tokens[0]) in _POSSESSIVES
        )
        if phrase_tokens and ended and len(phrase_tokens) <= 8 and not timed and not dangling:
            words += [link.group("prep")] + [t.rstrip(",;:.!?") for t in phrase_tokens]
    plural = looks_plural(head_word)
    if opening in {"a", "an"}:
        words[0] = "the"
    elif opening != "the":
        first = words[0]
        bare = re.sub(r"['’]s$", "", first)
        if first[:1].isupper() and (bare in names or first.isupper() or first != bare):
            pass  # "China's new rules", "EU tariffs": a name opens the phrase
        elif first[:1].isdigit():
            words.insert(0, "the")
        else:
            if first[:1].isupper() and bare not in names and first[1:2].islower():
                words[0] = first[0].lower() + first[1:]
            words.insert(0, "the")
    return _Phrase(" ".join(words), plural)


def _not_a_noun(word: str, raw: str) -> bool:
    return (
        word in AUX
        or word in DETERMINERS
        or word in PREPOSITIONS
        or word in PRONOUNS
        or word.endswith(("ly", "ing"))
        or is_verb(raw)
        or (word.endswith("ed") and word not in ED_ADJECTIVES and not raw[:1].isupper())
    )


def _heads(text: str) -> list[re.Match[str]]:
    """Tokens that end a noun phrase (the next token is a boundary), lower-case words only."""
    tokens = list(TOKEN_RE.finditer(text))
    found = []
    for index, token in enumerate(tokens):
        word = token.group(0).rstrip(",.;:!?")
        if not re.fullmatch(r"[a-z][a-z-]{2,}", word) or _not_a_noun(word, token.group(0)):
            continue
        following = tokens[index + 1].group(0) if index + 1 < len(tokens) else ""
        if word != token.group(0) or _is_boundary(following):
            found.append(token)
    return found
