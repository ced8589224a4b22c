"""Distributive lists: "Britain has the lowest inflation since 1960, lowest unemployment for 29
years and the lowest mortgage rates for 40 years" gives one claim per item, each item keeping
the rest of the clause (items of two words or more, or names of two words or more joined by
"and"; never after "between" or with a reciprocal predicate).

Every rule works on the draft's kept text (blanking only), so spans stay exact.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..lexicon import by_first_letter
from .draft import Draft, blank
from .grammar import (
    TOKEN_RE,
    clean_word,
    find_subject,
    first_verb,
    is_pronoun,
    is_verb,
)
from .verbs import BASE_FORMS
from .words import DETERMINERS, PARTICIPLE_SKIP, PREPOSITIONS, PRONOUNS

_RECIPROCAL_RE = re.compile(
    r"\b(?:"
    + by_first_letter(
        r"each\s+other|one\s+another|together|jointly|between|merge[ds]?|merging|met|meet|"
        r"meets|agreed|agree|signed|sign|shared|share|versus|vs|both|rivals?|partners?|allies|"
        r"neighbours|neighbors|similar|different|equal|same|compared|respectively"
    )
    + r")\b",
    re.IGNORECASE,
)

# nouns that gather the items of the list after their "of" into one thing
_COLLECTIVE_OF_RE = re.compile(
    r"\b(?:combination|mix|mixture|blend|range|series|variety|host|set|group|number|list|"
    r"package|total|sum|array|raft|string|pair|trio)\s+of\s",
    re.IGNORECASE,
)
_ITEM_TOKEN_RE = re.compile(r"[^\s,;:()\"“”]+")


def _item_start(kept: str, end: int, floor: int) -> int:
    """Where the list's first item starts: back from `end` to a verb, "that" or the clause
    start, at most eight words."""
    tokens = [t for t in TOKEN_RE.finditer(kept, floor, end)]
    start = end
    count = 0
    for token in reversed(tokens):
        raw = token.group(0)
        word = clean_word(raw)
        if raw.endswith((",", ";", ":")) and start != end:
            break
        if is_verb(raw) or word in {"that", "including", "as", "like", "than"}:
            break
        if word.endswith("ing") and len(word) > 5 and count:
            break  # "is enjoying the lowest inflation": the item begins after the verb
        if count >= 10:
            return -1
        start = token.start()
        count += 1
    return start if start != end else -1


def distribute_lists(draft: Draft) -> list[Draft]:
    """One draft per item of a distributive list in the draft's kept text."""
    if draft.text:
        return [draft]
    kept = draft.kept
    lists = _find_lists(kept)
    if not lists:
        return [draft]
    items = lists[0]
    out: list[Draft] = []
    for index in range(len(items)):
        text = kept
        for other, (o_start, o_end) in enumerate(items):
            if other == index:
                continue
            # blank the other item with the separator that joins it to its neighbour
            if other < index:
                text = blank(text, o_start, items[other + 1][0])
            else:
                text = blank(text, items[other - 1][1], o_end)
        if index < len(items) - 1:
            # "by A and B, the man in charge of X": the appositive describes the last item
            trailing = re.match(r",\s+(?:the|a|an)\s[^,;]*,?", text[items[-1][1] :])
            if trailing:
                text = blank(text, items[-1][1], items[-1][1] + trailing.end())
        # "A, B and C all dented sales": "all"/"both" refer to the whole list
        after = re.match(r"\s+(?:all|both)\b", text[items[-1][1] :])
        if after:
            text = blank(text, items[-1][1], items[-1][1] + after.end())
        out.append(replace(draft, kept=text))
    return out


_NAME_PAIR_RE = re.compile(
    r"(?<![\w'’-])(?P<a>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3})\s+and\s+"
    r"(?P<b>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3})(?![\w'’-])"
)


_QUOTE_OR_BRACKET_RE = re.compile(r"[\"“”()]")
# the lookahead passes over places that cannot open ", and" / " or " at once
_AND_OR_RE = re.compile(r"(?=,|\s+(?:and|or)\s),?\s+(?:and|or)\s+")
_COMMA_RE = re.compile(r",\s+")


def _find_lists(kept: str) -> list[list[tuple[int, int]]]:
    """Item spans of the first distributive list in `kept`."""
    found: list[list[tuple[int, int]]] = []
    body = kept.strip()
    if not body or _QUOTE_OR_BRACKET_RE.search(body) or _RECIPROCAL_RE.search(body):
        return found
    floor = len(kept) - len(kept.lstrip())
    # "A, B and C": at least three items
    for match in _AND_OR_RE.finditer(kept):
        commas = list(_COMMA_RE.finditer(kept[: match.start()]))
        commas = [c for c in commas if c.start() >= floor]
        if not commas:
            continue
        items: list[tuple[int, int]] = []
        end = match.start()
        first_cut = None
        for comma in reversed(commas):
            if not _plain_item(kept[comma.end() : end]):
                break
            items.insert(0, (comma.end(), end))
            first_cut = comma.start()
            end = comma.start()
        if first_cut is None:
            continue
        first_start = _item_start(kept, first_cut, floor)
        if first_start < 0 or not _plain_item(kept[first_start:first_cut]):
            continue
        if _COLLECTIVE_OF_RE.search(kept[first_start:first_cut]):
            continue  # "a combination of A, B and C": one subject made of the items

        items.insert(0, (first_start, first_cut))
        last = _last_item(kept, match.end())
        if last is None or not _plain_item(kept[last[0] : last[1]]):
            continue
        items.append(last)
        if len(items) >= 3:
            found.append(items)
            return found
    # "Curfews and community orders were options": two subjects of a copula
    span = find_subject(kept, floor)
    if span is not None and span[0] == floor:
        subject = kept[span[0] : span[1]]
        joint = re.search(r"\s+and\s+", subject)
        verb = kept[span[1] :].split()[:1]
        if (
            joint
            and verb
            and verb[0] in {"are", "were", "have", "will", "remain", "remained"}
            and subject.count(" and ") == 1
            and not re.match(r"(?:both|between)\b", subject, re.IGNORECASE)
        ):
            first = (span[0], span[0] + joint.start())
            second = (span[0] + joint.end(), span[1])
            if all(
                1 <= len(kept[a:b].split()) <= 5
                and not is_pronoun(kept[a:b].split()[0])
                # each a plural itself, so the verb agrees with it alone
                and re.search(r"[^s]s$", kept[a:b].lower())
                for a, b in (first, second)
            ):
                found.append([first, second])
                return found
    pair = _NAME_PAIR_RE.search(kept)
    if pair:
        before = kept[: pair.start()].split()
        previous = clean_word(before[-1]) if before else ""
        if previous in {"by", "with", "including", "from", "to"} and first_verb(
            kept[floor : pair.start()], limit=40
        ):
            found.append([pair.span("a"), pair.span("b")])
    return found


def _plain_item(text: str) -> bool:
    """A list item worth its own claim: two to eight words, no verb, no nested list."""
    words = text.split()
    if not 2 <= len(words) <= 10 or "," in text:
        return False
    if clean_word(words[0]) in PRONOUNS or clean_word(words[0]) in PREPOSITIONS - {"the"}:
        return False
    if clean_word(words[0]) in PARTICIPLE_SKIP:
        return False  # "according to X": an attribution, not an item
    if any(is_pronoun(w) for w in words[1:]):
        return False  # "fortifies them overseas": a verb and its object, not a noun phrase
    if (
        words[0].islower()
        and words[0].endswith("s")
        and (clean_word(words[1]) in DETERMINERS | {"more", "less"} or is_pronoun(words[1]))
    ):
        return False  # "weakens the dollar"
    if words[0].islower() and clean_word(words[0]) in BASE_FORMS:
        return False  # "raise costs for builders": a verb and its object
    return not any(is_verb(w) for w in words[1:]) and not is_verb(words[0])


def _last_item(kept: str, start: int) -> tuple[int, int] | None:
    """The item after "and": up to punctuation, a verb or "all"/"both"."""
    tokens = list(_ITEM_TOKEN_RE.finditer(kept, start))
    end = start
    count = 0
    for index, token in enumerate(tokens):
        if kept[end : token.start()].strip(" ") and count:
            break  # punctuation between tokens
        raw = token.group(0)
        word = clean_word(raw)
        following = tokens[index + 1].group(0) if index + 1 < len(tokens) else ""
        if count and (word in {"all", "both"} or is_verb(raw, following)):
            break
        end = token.end()
        count += 1
        if count > 8:
            return None
    if not count:
        return None
    return start, end
