"""Just enough grammar to split a sentence, judged from words and their neighbours (no
tagger): finite verbs, the subject of a clause, the noun phrase before a point, the tense
and number a generated verb needs.
"""

from __future__ import annotations

import re
from itertools import islice

from .verbs import BASE_FORMS, FINITE_FORMS, PAST_OF_PARTICIPLE, PRESENT_FORMS, PRESENT_NOUN_FORMS
from .words import (
    ADVERBS,
    AUX,
    BASE_VERBS,
    DETERMINERS,
    ED_ADJECTIVES,
    INVARIANT_VERBS,
    NOT_NAMES,
    PARTICIPLE_SKIP,
    PREPOSITIONS,
    PRONOUNS,
)

TOKEN_RE = re.compile(r"\S+")


def clean_word(token: str) -> str:
    return token.strip(",.;:!?\"'“”‘’()[]").lower()


def is_pronoun(token: str) -> bool:
    """A personal pronoun; "US" in capitals is the country, not "us"."""
    raw = token.strip(",.;:!?\"'“”‘’()[]")
    return clean_word(raw) in PRONOUNS and not (len(raw) > 1 and raw.isupper())


def is_verb(token: str, next_token: str = "") -> bool:
    """A finite verb, judged from the word alone and the word after it (no tagger)."""
    word = clean_word(token)
    return _is_verb(word, _next_word(token, next_token), _written_lower(token, word))


def _next_word(token: str, next_token: str) -> str:
    """The word after `token`, unless punctuation ends the phrase ("peers: ...")."""
    return "" if token.endswith((",", ".", ";", ":", "!", "?")) else next_token


def _written_lower(token: str, word: str) -> bool:
    return word == token.strip(",.;:!?\"'“”‘’()[]")


def _is_verb(word: str, next_token: str, lower: bool = True) -> bool:
    """`is_verb` of a word already cleaned; `lower`: the word was written in lower case."""
    if not word:
        return False
    if word in _CLOSED_VERBS:
        return True
    if word.endswith("n't") or word.endswith("n’t"):
        return True
    if (
        len(word) > 4
        and word.endswith("ed")
        and word not in ED_ADJECTIVES
        and "-" not in word
        and lower  # "the United States", "Sheikh Mohammed": a capital marks a name
    ):
        after = clean_word(next_token)
        # "imported cars" is an adjective; "ended without", "initiated this call" are verbs
        if after in DETERMINERS or after in PREPOSITIONS or after in PRONOUNS:
            return True
        if after and after.endswith("s") and not after.endswith("ss") and len(after) > 3:
            return next_token[:1].isupper()
        return True
    # a verb of the lexicon, written in lower case (a capital marks a name: "Rose", "Marks");
    # an -s form right before an auxiliary is a plural noun ("tax cuts will", "talks are")
    if lower and word in FINITE_FORMS:
        return word not in PRESENT_FORMS or clean_word(next_token) not in AUX
    # one that is also a plural noun ("plans", "talks") when an object, a name or a figure
    # follows: "plans to", "reports that", "leads the", "rises 5%"
    if lower and word in PRESENT_NOUN_FORMS:
        after = clean_word(next_token)
        return (
            after in DETERMINERS
            or after in PRONOUNS
            or after in _OBJECT_OPENERS
            or next_token[:1].isdigit()
            or next_token[:1].isupper()  # "claims Mr Prescott hosted"
            or (next_token[:1] != "" and next_token[:1] in "$£€")
        )
    return False


# words after which a verb that is also a noun is a verb ("plans to", "falls by")
_OBJECT_OPENERS = {
    "to", "that", "by", "more", "less", "about", "nearly", "almost", "around", "some",
    "most", "much", "up", "down",
}  # fmt: skip


def first_verb(
    text: str, start: int = 0, limit: int = 10, fallback: bool = False
) -> re.Match[str] | None:
    """The first token of `text[start:]` that looks like a finite verb (within `limit` tokens).
    With `fallback`, a clause that has no other verb takes its first verb that is also a
    noun ("booming growth drives demand"): a clause has a verb."""
    # `candidate` is that verb; `settled`: it is one even without `fallback`
    tokens = TOKEN_RE.finditer(text, start)
    token = next(tokens, None)
    previous = previous_raw = ""
    candidate, settled = None, False
    for index in range(limit):
        if token is None:
            return candidate if fallback or settled else None
        following = next(tokens, None)
        raw = token.group(0)
        word = clean_word(raw)
        lower = _written_lower(raw, word)
        # the first word counts only as an auxiliary or a verb of the lexicon written in
        # lower case (not an -ed word: "Founded in 1990, ..."), and a word after a
        # determiner or a possessive ("China's exports") only as an auxiliary
        skipped = (
            index == 0 and word not in _CLOSED_VERBS and not (lower and word in _LEXICON_VERBS)
        ) or ((previous in DETERMINERS or _is_possessive(previous)) and word not in AUX)
        # a verb that is also a noun is a noun after a preposition or a verb ("of deposits",
        # "held talks")
        skipped = skipped or (
            word in PRESENT_NOUN_FORMS
            and (previous in _AFTER_NOUN_ONLY or previous in AUX or previous in FINITE_FORMS)
        )
        if not skipped:
            after = _next_word(raw, following.group(0) if following is not None else "")
            shared = word in PRESENT_NOUN_FORMS and lower
            found = _is_verb(word, after, lower) or (
                shared
                and previous_raw[:1].isupper()
                and after[:1].isalnum()
                and clean_word(after) not in AUX
                and not _is_verb(clean_word(after), "")
            )  # ... or after a name, unless a verb follows: "Cochilco forecasts export
            # earnings", not "Nestle shares fell"
            # after a capitalised first word, a verb that is also a noun may head the subject
            # ("Oil exports to China rose"): it is the verb only when no other verb follows
            # ("Acme plans to hire")
            deferred = shared and index == 1 and previous_raw[:1].isupper()
            if (
                found
                and shared
                and clean_word(after) in _PLACE_PREPOSITIONS
                and not is_pronoun(previous_raw)
                and _verb_after_phrase(text, token.end()) is not None
            ):
                found = False  # "crude oil exports to Asia rose": the noun heads the phrase
            if found and not deferred:
                return token
            if (
                candidate is None
                and (fallback or (deferred and found))
                and shared
                and after[:1].isalnum()
                and clean_word(after) not in AUX
            ):
                candidate, settled = token, deferred and found
            if (
                index > 1
                and previous in _PRE_VERB_ADVERBS
                and raw.isalpha()
                and raw.islower()
                and not word.endswith(("ly", "ing"))
                and word not in _FUNCTION_WORDS
            ):
                return token  # "The Lib Dems also oppose ...": a verb after a sentence adverb
        previous = word
        previous_raw = raw
        token = following
    return candidate if fallback or settled else None


_CLOSED_VERBS = AUX | INVARIANT_VERBS
_LEXICON_VERBS = FINITE_FORMS | PRESENT_NOUN_FORMS
_AFTER_NOUN_ONLY = PREPOSITIONS | {"of"}
# "it's", "that's": 's after these is "is" or "has", not a possessive
_CONTRACTED = PRONOUNS | {"that", "there", "here", "what", "who", "where", "let"}


def _is_possessive(word: str) -> bool:
    """'China's', 'the firm's': a possessive, which opens a noun phrase."""
    return word.endswith(("'s", "’s")) and word[-3:-2].isalnum() and word[:-2] not in _CONTRACTED


_FUNCTION_WORDS = DETERMINERS | PREPOSITIONS | PRONOUNS | ADVERBS


# Adverbs that sit between a subject and its verb ("also oppose", "never signed")
_PRE_VERB_ADVERBS = {
    "also", "still", "already", "never", "often", "always", "usually", "recently",
    "previously", "jointly", "unanimously", "repeatedly", "subsequently", "reportedly",
}  # fmt: skip
_NAME_THEN_S_VERB_RE = re.compile(
    r"(?:[A-Z][\w'’.&-]*\s+){1,4}(?P<verb>[a-z]{3,}[^s\W]s)\s+(?P<next>[\w$£€]+)"
)

_NOUN_ENDING_RE = re.compile(r"(?:ions|ments|ness|ities|ships|ances|ences|isms|ists|ers|ors)$")
_TOKEN_RE_MATCH = TOKEN_RE.match


def proper_name_verb(text: str, start: int) -> re.Match[str] | None:
    """'Norway exports most of its gas': a present-tense verb right after a proper name (or,
    when that word is also a plural noun, the verb after the phrase it heads)."""
    match = _NAME_THEN_S_VERB_RE.match(text, start)
    if not match:
        return None
    following = match.group("next").lower()
    if _NOUN_ENDING_RE.search(match.group("verb")):
        return None  # "High-level negotiations between ...": a plural noun, not a verb
    if following in _PLACE_PREPOSITIONS and match.group("verb") not in PRESENT_FORMS:
        # a plural noun that is also a verb, before a preposition, heads the subject when a
        # verb follows the phrase: "Oil exports to Asia rose", "Trade talks in Geneva ended"
        later = _verb_after_phrase(text, match.end("verb"))
        if later is not None:
            return later
    if (
        following in DETERMINERS
        or following in PREPOSITIONS
        or following in {"most", "more", "less", "much", "about", "nearly", "almost", "over"}
        or following[:1].isdigit()
        or following[:1] in "$£€"
    ):
        return _TOKEN_RE_MATCH(text, match.start("verb"))
    return None


# prepositions that open a phrase inside a noun phrase ("exports to Asia", "talks in
# Geneva"), not the conjunctions and complementisers PREPOSITIONS also holds
_PLACE_PREPOSITIONS = PREPOSITIONS - {
    "that", "while", "when", "if", "and", "or", "but", "because", "as", "than", "like",
}  # fmt: skip
# words that open another clause: a verb after them is not the verb of this one
_CLAUSE_OPENERS = {"that", "which", "who", "whom", "whose", "where", "when", "while", "as",
                   "if", "because", "and", "or", "but", "since", "after", "before", "until"}  # fmt: skip


def _verb_after_phrase(text: str, end: int, limit: int = 8) -> re.Match[str] | None:
    """A verb among the next `limit` words after `end` (a finite form, or a base form that is
    seldom anything else), in the same clause: not after punctuation, a clause opener
    ("that", "which", "and") or as the infinitive after "to" ("plans to cut")."""
    tokens = list(islice(TOKEN_RE.finditer(text, end), limit + 1))
    for index in range(1, min(limit, len(tokens))):
        before, raw = tokens[index - 1].group(0), tokens[index].group(0)
        previous = clean_word(before)
        if before.endswith((",", ";", ":", ".", "!", "?")) or previous in _CLAUSE_OPENERS:
            return None
        word = clean_word(raw)
        if previous == "to" or previous in DETERMINERS or _is_possessive(previous):
            continue
        following = tokens[index + 1].group(0) if index + 1 < len(tokens) else ""
        # the verb of a plural subject has its base form: "Coal plants in Poland produce"
        if is_verb(raw, following) or (word in BASE_FORMS and _written_lower(raw, word)):
            return tokens[index]
    return None


_OPENING_ADVERBS = {
    "Earlier", "Later", "Yesterday", "Today", "Tomorrow", "Previously", "Meanwhile", "Now",
    "Then", "Instead", "Overall", "Elsewhere", "Afterwards", "Recently", "Separately", "Again",
}  # fmt: skip
_CLOSING_TIME_ADVERBS = {"now", "then", "far", "ago", "later", "earlier", "today", "yesterday"}
_OPENING_COMMA_RE = re.compile(r",(?!\d)")
# "\b[A-Z]" written capital first, so the engine jumps from capital to capital
_PLACE_COMMA_RE = re.compile(r"[A-Z](?<!\w[A-Z])[a-z]+,\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?(?=,)")


# find_subject is asked about the same clause by several rules of one sentence; atomize()
# empties this memo before each sentence, so nothing carries over between sentences
_SUBJECTS: dict[tuple[str, int], tuple[int, int] | None] = {}


def forget_subjects() -> None:
    _SUBJECTS.clear()


def find_subject(text: str, start: int = 0) -> tuple[int, int] | None:
    """Offsets of the subject of the clause starting at `start` (text before its first verb)."""
    key = (text, start)
    if key in _SUBJECTS:
        return _SUBJECTS[key]
    found = _find_subject(text, start)
    _SUBJECTS[key] = found
    return found


def _find_subject(text: str, start: int) -> tuple[int, int] | None:
    segment_end = len(text)
    original = text
    # "A man from Camberley, Surrey, was arrested": a place and its region are one phrase
    text = _PLACE_COMMA_RE.sub(lambda m: m.group(0).replace(",", "\x00", 1), text)
    # skip an opening phrase such as "For all of 2004," or "During an interview with CNBC,"
    # (a comma inside a number, "40,000", opens nothing)
    opening = _OPENING_COMMA_RE.search(text, start, min(segment_end, start + 60))
    comma = opening.start() if opening else -1
    if comma > 0 and first_verb(text[:comma], start) is None:
        head = text[start:comma].split()
        after = text[comma + 1 :].split(None, 1)[:1]
        if (
            head
            and not (after and clean_word(after[0]) in AUX)
            and (
                head[0].lower() in PREPOSITIONS
                or head[0] in NOT_NAMES
                # "Earlier, the board ...", "Separately, ...": one adverb opening the sentence
                or (len(head) == 1 and (head[0].endswith("ly") or head[0] in _OPENING_ADVERBS))
                # "Right now,", "So far,", "Two years ago,": a time phrase ending in an adverb
                or (len(head) <= 4 and clean_word(head[-1]) in _CLOSING_TIME_ADVERBS)
            )
        ):
            start = comma + 1
    while start < segment_end and text[start].isspace():
        start += 1
    verb = proper_name_verb(text, start) or first_verb(text, start, limit=9, fallback=True)
    if verb is None:
        return None
    subject = text[start : verb.start()].rstrip()
    if "\x00" in subject:
        subject = subject.rstrip(",")  # the comma closing "from Camberley, Surrey,"
    if not subject or "," in subject or len(subject.split()) > 10:
        return None
    subject = original[start : start + len(subject)]
    if clean_word(subject.split()[-1]) in PREPOSITIONS:
        return None
    return start, start + len(subject)


def noun_phrase_before(text: str, end: int) -> str:
    """The noun phrase ending at `end`: back to its determiner, at most six words."""
    tokens = list(TOKEN_RE.finditer(text[:end]))
    words: list[str] = []
    for token in reversed(tokens[-6:]):
        raw = token.group(0)
        if raw.endswith((",", ";", ":")) and words:
            break
        word = clean_word(raw)
        if word in PREPOSITIONS or is_pronoun(raw) or word in BASE_VERBS:
            break
        if words and (is_verb(raw) or (word.endswith("ing") and word not in PARTICIPLE_SKIP)):
            break  # "operating Shadowcrew.com": the gerund is not part of the noun phrase
        words.insert(0, raw.strip(",;:"))
        if word in DETERMINERS:
            break
    return " ".join(words)


def third_person(participle: str, plural: bool) -> str:
    """'refining' -> 'refines' (or 'refine' after a plural subject)."""
    stem = participle[:-3]
    if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "ls":
        stem = stem[:-1]  # "spurring" -> "spur"
        base = stem
    elif re.search(r"(?:[iu]at|creat)$", stem):
        base = stem + "e"  # "negotiating" -> "negotiate", "creating" -> "create"
    elif re.search(
        r"(?:[^aeiou][aeiou][bcdfgkmnprtvz]|[cvsz]|[^aeiou]r)$", stem
    ) and not stem.endswith(("en", "er", "on", "it", "et")):
        base = stem + "e"  # "refining" -> "refine", "sensing" -> "sense"
    else:
        base = stem
    if plural:
        return base
    if base.endswith(("s", "x", "z", "ch", "sh")):
        return base + "es"
    if base.endswith("y") and len(base) > 2 and base[-2] not in "aeiou":
        return base[:-1] + "ies"
    return base + "s"


PAST_AUX = {"was", "were", "had", "did"}
# the simple pasts that the -ed rule does not see: "made", "rose", and "cut", "put"
IRREGULAR_PASTS = frozenset(PAST_OF_PARTICIPLE.values()) | INVARIANT_VERBS
# adverbs that may sit between a subject and its verb ("also", "still"), auxiliaries aside
ADVERBS_NOT_AUX = ADVERBS - AUX


def past_tense(participle: str) -> str:
    """'announcing' -> 'announced', 'spurring' -> 'spurred', 'making' -> 'made'."""
    if participle in PAST_OF_PARTICIPLE:
        return PAST_OF_PARTICIPLE[participle]
    base = third_person(participle, plural=True)
    if base in INVARIANT_VERBS:
        return base  # "cutting" -> "cut"
    if base.endswith("e"):
        return base + "d"
    if base.endswith("y") and len(base) > 2 and base[-2] not in "aeiou":
        return base[:-1] + "ied"
    if participle[-4:-3] == participle[-5:-4] and participle[-4:-3] not in "ls":
        return base + base[-1] + "ed"  # "spurring" -> "spurred"
    return base + "ed"


def main_verb_is_past(work: str, subject_span: tuple[int, int] | None) -> bool:
    """Whether the first clause's verb is in the past tense ("concluded", "rose", "was")."""
    if subject_span is None:
        return False
    tokens = work[subject_span[1] :].split(None, 3)[:3]
    words = [clean_word(t) for t in tokens if clean_word(t) not in ADVERBS_NOT_AUX]
    if not words:
        return False
    word = words[0]
    return (
        word in PAST_AUX
        or (word.endswith("ed") and word not in ED_ADJECTIVES)
        or word in IRREGULAR_PASTS
    )


def looks_plural(noun_phrase: str) -> bool:
    words = noun_phrase.split()
    if not words:
        return False
    last = words[-1].lower()
    return (last.endswith("s") and not last.endswith("ss") and not words[-1][:1].isupper()) or (
        " and " in f" {noun_phrase} "
    )
