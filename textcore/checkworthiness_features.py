"""The features of the learned check-worthiness model (`textcore.checkworthiness_model`) and
how they are put in words for a fact-checker. The trainer computes them with the same
functions, so a sentence has the same features at training time and at run time.

Features (all binary; a feature's group is the letter before the colon):
    w:WORD          a word, lower-cased; numbers become "#"; a capitalised "May" inside the
                    sentence (the month or a name, not the modal) stays "May" when asked
    b:WORD WORD     two words in a row; "<s>" and "</s>" mark the sentence's ends
    c:PART          2 to 5 letters of a word (the range is the model's), "<" and ">" marking
                    its edges: "<fe", "ell>", "<fell>"
    f:NAME          a linguistic feature (see `LINGUISTIC`), computed from the text alone
    s:SUPERSENSE    the WordNet supersense of a word's most frequent sense
                    (`textcore.supersenses`: "s:verb.communication" for "said"), when asked
    p:PART PART     the parts of speech of two words in a row, as their supersenses give them
                    ("noun", "verb", "adj", "adv"; "num" a number; "x" a word without one: a
                    function word, a name), "<s>" and "</s>" marking the ends, when asked
"""

from __future__ import annotations

import re
from collections.abc import Callable

from . import checkworthiness
from .lexicon import MONTH_NAME_RE
from .quantities import parse_quantities, parse_years
from .supersenses import supersense
from .text import subject_opening

__all__ = [
    "LINGUISTIC",
    "MAX_SCORED_CHARS",
    "NUMBER_TOKEN",
    "SUPERSENSES",
    "describe",
    "extract_features",
    "linguistic_features",
    "part_pairs",
    "supersense_features",
    "tokens",
    "word_parts",
]

# Only the start of a very long "sentence" (a table, a pasted document) is read: past this the
# text is no longer one sentence and reading all of it would only cost time.
MAX_SCORED_CHARS = 5000

# The linguistic features, in the words value to a fact-checker.
LINGUISTIC: dict[str, str] = {
    "quantity": "states a figure",
    "number": "contains a number",
    "role": "names a role or title",
    "ranking": "ranking or record word",
    "causal": "states a cause",
    "named_subject": "subject is a name",
    "definite": "plain statement (finite verb, no hedge)",
    "date": "names a date",
    "attributed": "attributed to a source",
    "prediction": "prediction word",
    "attributed_forecast": "figure forecast by a named body",
    "future": "plan stated in the future tense",
    "opinion": "opinion word",
    "conditional": "conditional clause",
    "question": "is a question",
    "first_person": "speaks in the first or second person",
    "vague": "vague word",
    "evaluative": "evaluative word",
    "negation": "negation",
    "pronoun": "subject is a pronoun",
    "short": "very short",
    "intention": "states an intention",
    "participle": "participle clause",
    "reported_view": "reports a view, not a fact",
    "headline": "headline",
    "evaluative_predicate": "judges rather than states",
    "promise": "a promise in the first person",
}

# WordNet's supersenses in a fact-checker's words: "word of saying: 'said'".
SUPERSENSES: dict[str, str] = {
    "adj.all": "describing word",
    "adj.pert": "word of relation ('economic')",
    "adj.ppl": "participle as adjective",
    "adv.all": "adverb",
    "noun.Tops": "general noun",
    "noun.act": "word of an act",
    "noun.animal": "word of an animal",
    "noun.artifact": "word of a made thing",
    "noun.attribute": "word of a property",
    "noun.body": "word of the body",
    "noun.cognition": "word of thought or knowledge",
    "noun.communication": "word of communication",
    "noun.event": "word of an event",
    "noun.feeling": "word of a feeling",
    "noun.food": "word of food",
    "noun.group": "word of a group or body of people",
    "noun.location": "word of a place",
    "noun.motive": "word of a motive",
    "noun.object": "word of a natural object",
    "noun.person": "word of a person or role",
    "noun.phenomenon": "word of a phenomenon",
    "noun.plant": "word of a plant",
    "noun.possession": "word of money or property",
    "noun.process": "word of a process",
    "noun.quantity": "word of quantity or measure",
    "noun.relation": "word of a relation or proportion",
    "noun.shape": "word of a shape",
    "noun.state": "word of a state or condition",
    "noun.substance": "word of a substance",
    "noun.time": "word of time",
    "verb.body": "verb of the body",
    "verb.change": "verb of change",
    "verb.cognition": "verb of thinking",
    "verb.communication": "word of saying",
    "verb.competition": "verb of competing or fighting",
    "verb.consumption": "verb of consuming",
    "verb.contact": "verb of contact",
    "verb.creation": "verb of making",
    "verb.emotion": "verb of feeling",
    "verb.motion": "verb of motion",
    "verb.perception": "verb of perceiving",
    "verb.possession": "verb of having or giving",
    "verb.social": "verb of social life",
    "verb.stative": "verb of being",
    "verb.weather": "verb of weather",
}

# "the figures were worrying", "is deeply unfair", "seemed very encouraging": a copula whose
# predicate is a judgement (an adjective of `checkworthiness.EVALUATIVE_ADJECTIVES`); the
# thing judged may be a fact, the sentence is a view of it. Read from the sentence's words
# (`tokens`), not by a pattern over the text.
_COPULAS = frozenset(
    """is are was were remain remains remained seem seems seemed look looks looked sound
    sounds sounded feel feels felt be been being appear appears appeared became become
    becomes becoming getting got it's that's what's he's she's they're we're you're""".split()
)
_DEGREE_WORDS = frozenset(
    """not very so too more most less least pretty rather fairly even still quite""".split()
)
# "critical of", "good at", "responsible for" name a stance or a duty, not a verdict
_RELATION_AFTER = frozenset("of in at by on from for to with about".split())
# "I will cut taxes", "we're going to build", "I promise": the speaker's own undertaking
_PROMISE_OPENERS = {
    ("i'll",): 1,
    ("we'll",): 1,
    ("i", "will"): 2,
    ("we", "will"): 2,
    ("i", "shall"): 2,
    ("we", "shall"): 2,
    ("i", "promise"): 2,
    ("we", "promise"): 2,
    ("i", "pledge"): 2,
    ("we", "pledge"): 2,
    ("i", "intend"): 2,
    ("we", "intend"): 2,
    ("i'm", "going", "to"): 3,
    ("we're", "going", "to"): 3,
    ("i", "am", "going", "to"): 4,
    ("we", "are", "going", "to"): 4,
}
_PROMISE_SPEAKERS = frozenset(opener[0] for opener in _PROMISE_OPENERS)


def evaluative_predicate(words: list[str]) -> str:
    """The words of a judgement as predicate ("were worrying", "is not fair") in the
    sentence's words (`tokens`), or ""."""
    if _COPULAS.isdisjoint(words):
        return ""
    for i, word in enumerate(words):
        if word not in _COPULAS:
            continue
        j = i + 1
        while (
            j < len(words)
            and j <= i + 2
            and (words[j] in _DEGREE_WORDS or (words[j].endswith("ly") and len(words[j]) > 4))
        ):
            j += 1
        if j < len(words) and words[j] in checkworthiness.EVALUATIVE_ADJECTIVES:
            if j + 1 == len(words) or words[j + 1] not in _RELATION_AFTER:
                return " ".join(words[i : j + 1])
    return ""


def promise(words: list[str]) -> str:
    """The words of a promise in the first person ("i will", "we're going to") in the
    sentence's words (`tokens`), or ""."""
    if _PROMISE_SPEAKERS.isdisjoint(words):
        return ""
    for i, word in enumerate(words):
        if word in _PROMISE_SPEAKERS:
            for size in (1, 2, 3, 4):
                if tuple(words[i : i + size]) in _PROMISE_OPENERS:
                    return " ".join(words[i : i + size])
    return ""


# Linguistic features read from the words, with the function that finds their words.
_WORD_FEATURES = {"evaluative_predicate": evaluative_predicate, "promise": promise}

# Which words triggered a word-list feature, so the explanation can quote it: a pattern, or
# a function that returns the words.
_TRIGGERS: dict[str, re.Pattern[str] | Callable[[str], str]] = {
    "ranking": checkworthiness.ranking_word,
    "causal": checkworthiness._CAUSAL,
    "attributed": checkworthiness._ATTRIBUTED,
    "prediction": checkworthiness._PREDICTION,
    "future": checkworthiness._PREDICTION,
    "opinion": checkworthiness._OPINION,
    "vague": checkworthiness._VAGUE,
    "evaluative": checkworthiness.evaluative_word,
    "intention": checkworthiness._INTENTION,
    "negation": checkworthiness._NEGATION,
}

NUMBER_TOKEN = "#"
_TOKEN_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\d+(?:[.,:/]\d+)*|[$£€%?]")


def _named_subject(text: str) -> bool:
    """Whether the sentence opens (after a short phrase such as "In 2004,") with a name: an
    acronym ("NATO") or two capitalised words ("Maria Lopez", "Bank of England" aside)."""
    words = subject_opening(text)
    if not words or not words[0]:
        return False
    first = words[0]
    if len(first) > 1 and first.isupper():
        return True
    return len(words) > 1 and first[:1].isupper() and words[1][:1].isupper() and first != "The"


def tokens(text: str, *, capitalised_may: bool = False) -> list[str]:
    """Lower-cased words of `text`; every number is `NUMBER_TOKEN`; with `capitalised_may`,
    "May" after the first word (a month or a name, not the modal) stays "May"."""
    found = _TOKEN_RE.findall(text.lower())
    if capitalised_may and "May" in text:
        cased = _TOKEN_RE.findall(text)
        if len(cased) == len(found):  # lower-casing changed no word's bounds
            found = [
                "May" if i and token == "May" else lower
                for i, (token, lower) in enumerate(zip(cased, found, strict=True))
            ]
    return [NUMBER_TOKEN if token[0].isdigit() else token.replace("’", "'") for token in found]


def word_parts(word: str, low: int, high: int) -> list[str]:
    """The `c:` features of one word: its parts of `low` to `high` letters, "<" and ">"
    marking its edges (a capitalised "May" gives the parts of "may")."""
    marked = f"<{word.lower()}>"
    return [
        "c:" + marked[i : i + size]
        for size in range(low, high + 1)
        for i in range(len(marked) - size + 1)
    ]


def linguistic_features(
    text: str, *, has_quantity: bool | None = None, words: list[str] | None = None
) -> list[str]:
    """Names of the linguistic features the sentence shows (keys of `LINGUISTIC`).
    `has_quantity` is whether it states a figure, when the caller has read its quantities
    already (the extractor has); None reads them here. `words` are the text's `tokens`, when
    the caller has them."""
    if has_quantity is None:
        has_quantity = bool(parse_quantities(text))
    has_date = bool(parse_years(text)) or bool(MONTH_NAME_RE.search(text))
    fired = checkworthiness.explain(
        text,
        has_quantity=has_quantity,
        has_date=has_date,
        named_subject=_named_subject(text),
    )
    names = sorted(fired)
    if any(map(str.isdigit, text)):
        names.append("number")
    if words is None:
        words = tokens(text)
    found = [name for name, find in _WORD_FEATURES.items() if find(words)]
    if "evaluative_predicate" in found and "definite" in names:
        names.remove("definite")  # a judgement is not a plain statement of fact
    return names + found


def supersense_features(words: list[str]) -> list[str]:
    """The `s:` features of the sentence's words (`tokens`), in the order they first occur."""
    found: dict[str, None] = {}
    for word in words:
        sense = supersense(word)
        if sense:
            found["s:" + sense] = None
    return list(found)


def _part(word: str) -> str:
    if word == NUMBER_TOKEN:
        return "num"
    return supersense(word).partition(".")[0] or "x"


def part_pairs(words: list[str]) -> list[str]:
    """The `p:` features of the sentence's words (`tokens`), in the order they first occur."""
    sequence = ["<s>", *map(_part, words), "</s>"]
    pairs = [f"p:{a} {b}" for a, b in zip(sequence, sequence[1:], strict=False)]
    return list(dict.fromkeys(pairs))


def extract_features(
    text: str,
    *,
    bigrams: bool = True,
    char_ngrams: tuple[int, int] | None = (2, 5),
    capitalised_may: bool = True,
    supersenses: bool = False,
    part_of_speech_pairs: bool = False,
    has_quantity: bool | None = None,
) -> list[str]:
    """The names of the features a sentence shows, without duplicates, in a fixed order
    (`has_quantity` as for `linguistic_features`; the `s:` features with `supersenses`, the
    `p:` features with `part_of_speech_pairs`)."""
    text = text[:MAX_SCORED_CHARS]
    words = tokens(text, capitalised_may=capitalised_may)
    found: dict[str, None] = {}
    for word in words:
        found["w:" + word] = None
    if bigrams:
        sequence = ["<s>", *words, "</s>"]
        for first, second in zip(sequence, sequence[1:], strict=False):
            found[f"b:{first} {second}"] = None
    if char_ngrams:
        for word in dict.fromkeys(words):
            if word != NUMBER_TOKEN:
                found.update(dict.fromkeys(word_parts(word, *char_ngrams)))
    for name in linguistic_features(text, has_quantity=has_quantity, words=words):
        found["f:" + name] = None
    if supersenses:
        found.update(dict.fromkeys(supersense_features(words)))
    if part_of_speech_pairs:
        found.update(dict.fromkeys(part_pairs(words)))
    return list(found)


def describe(feature: str, text: str = "") -> str:
    """A feature in a fact-checker's words ("states a figure", "n-gram: 'percent of'")."""
    group, _, value = feature.partition(":")
    if group == "f":
        description = LINGUISTIC.get(value, value.replace("_", " "))
        if value in _WORD_FEATURES:
            words = _WORD_FEATURES[value](tokens(text))
            return f"{description}: '{_as_written(words, text)}'" if words else description
        trigger = _TRIGGERS.get(value)
        found = ""
        if trigger and text:
            if isinstance(trigger, re.Pattern):
                match = trigger.search(text)
                found = match.group(0) if match else ""
            else:
                found = trigger(text)
        return f"{description}: '{found}'" if found else description
    if group == "s":
        description = SUPERSENSES.get(value, value)
        word = next((w for w in tokens(text) if supersense(w) == value), "")
        return f"{description}: '{_as_written(word, text)}'" if word else description
    if group == "p":
        return _describe_parts(value, text)
    if group == "w":
        if value == NUMBER_TOKEN:
            return LINGUISTIC["number"]
        return "word: 'May' (a month or a name)" if value == "May" else f"word: '{value}'"
    if group == "b":
        first, _, second = value.partition(" ")
        if NUMBER_TOKEN in (first, second):
            return _number_pair(first, second)
        if first == "<s>":
            return f"opens with '{second}'"
        if second == "</s>":
            return f"ends with '{first}'"
        return f"n-gram: '{value}'"
    if group == "c":
        part = value.strip("<>")
        if value.startswith("<") and value.endswith(">"):
            return f"word: '{part}'"
        if value.startswith("<"):
            return f"word starting '{part}'"
        if value.endswith(">"):
            return f"word ending '{part}'"
        return f"word part: '{part}'"
    return feature


_PART_NAMES = {
    "noun": "a noun",
    "verb": "a verb",
    "adj": "an adjective",
    "adv": "an adverb",
    "num": "a number",
    "x": "a function word or name",
}


def _describe_parts(value: str, text: str) -> str:
    """A `p:` feature in words, quoting the first two words of the text that show it:
    "a noun then a verb: 'unemployment fell'"."""
    first, _, second = value.partition(" ")
    if first == "<s>":
        description = f"opens with {_PART_NAMES.get(second, second)}"
    elif second == "</s>":
        description = f"ends with {_PART_NAMES.get(first, first)}"
    else:
        description = f"{_PART_NAMES.get(first, first)} then {_PART_NAMES.get(second, second)}"
    words = tokens(text)
    sequence = ["<s>", *map(_part, words), "</s>"]
    for i in range(len(sequence) - 1):
        if sequence[i] == first and sequence[i + 1] == second:
            shown = [w for w in words[max(0, i - 1) : i + 1] if w != NUMBER_TOKEN]
            if len(shown) == (first != "<s>") + (second != "</s>"):
                return f"{description}: '{_as_written(' '.join(shown), text)}'"
            break
    return description


def _as_written(words: str, text: str) -> str:
    """Lower-cased words as the text writes them ("i will" -> "I will")."""
    apostrophe = "['’]"
    pattern = r"\s+".join(re.escape(w).replace("'", apostrophe) for w in words.split())
    match = re.search(rf"(?<!\w){pattern}(?!\w)", text, re.IGNORECASE)
    return match.group(0) if match else words


def _number_pair(first: str, second: str) -> str:
    """Two words in a row of which one or both are a number, in words."""
    if first == second == NUMBER_TOKEN:
        return "two numbers in a row"
    if first == "<s>":
        return "opens with a number"
    if second == "</s>":
        return "ends with a number"
    if first == NUMBER_TOKEN:
        return f"'{second}' after a number"
    return f"'{first}' before a number"
