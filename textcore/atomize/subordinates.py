"""Facts stated beside the main clause: subordinate clauses with a subject of their own ("X
happened after MPs criticised the plan"), "as is Y" comparisons, "such as" examples and
gerunds joined by "as well as".

Every rule works on the draft's kept text (blanking only), so spans stay exact.
"""

from __future__ import annotations

import re

from ..lexicon import MONTH_NAME_RE
from .adjuncts import _END
from .draft import Draft, blank, keep_only
from .grammar import (
    clean_word,
    find_subject,
    first_verb,
    is_pronoun,
    is_verb,
    third_person,
)
from .words import DETERMINERS, PARTICIPLE_SKIP, PREPOSITIONS

# "since December 2001 was freed", "after last week": a time, not a clause's subject
_TIME_WORDS = {"last", "next", "this", "then", "now", "today", "yesterday", "tomorrow", "midnight"}
_SUBORDINATE_RE = re.compile(r"\s(?P<conj>after|when|where|because|since|before)\s+(?=\S)")
_AS_IS_RE = re.compile(
    r",\s+as\s+(?P<aux>is|are|was|were|does|do|did|has|have)\s+"
    r"(?P<np>(?:[\w'’.&-]+\s+){0,5}?[A-Z][\w'’.&-]*)" + _END
)


def subordinate_claims(work: str) -> list[Draft]:
    """Facts stated in a subordinate clause with its own subject and verb: 'X happened after
    MPs criticised the plan' -> 'MPs criticised the plan'; 'a dinner where the minister told
    him ...' -> 'the minister told him ...'. A reporting frame opening the sentence ("The book
    claims") stays with the clause. The main clause is left as it is."""
    from .clauses import _FRAME_RE  # the frame words live with the clause splitter

    drafts: list[Draft] = []
    body_start = len(work) - len(work.lstrip())
    span = find_subject(work, body_start)
    frame = ""
    if span is not None:
        frame_match = _FRAME_RE.match(work, span[1])
        if frame_match:
            frame = " ".join(work[span[0] : frame_match.end()].split())
    for match in _SUBORDINATE_RE.finditer(work):
        if (
            match.start() < (span[1] if span else body_start)
            or len(work[body_start : match.start()].split()) < 3
        ):
            continue  # "After talks, the firm ...": an opening phrase, not a subordinate
        start = match.end()
        inner = find_subject(work, start)
        if inner is None or inner[0] != start:
            continue
        subject_words = work[inner[0] : inner[1]].split()
        if (
            clean_word(subject_words[0]) in {"it", "there", "this", "that"} | _TIME_WORDS
            or MONTH_NAME_RE.match(subject_words[0])
            or subject_words[0][:1].isdigit()
            or is_pronoun(subject_words[0])
            or len(subject_words) > 5
            or any(
                clean_word(w) in PREPOSITIONS - {"of", "for", "from", "in"} for w in subject_words
            )
        ):
            continue  # "before the next election because he ...": no subject of its own
        end_match = re.compile(r"[;:!?]|,(?!\d)|\.(?!\d)|$").search(work, inner[1])
        end = end_match.start() if end_match else len(work)
        clause = work[start:end]
        if len(clause.split()) < len(subject_words) + 3:
            continue
        if frame and frame_match is not None and match.start() > frame_match.end():
            text = f"{frame} {' '.join(clause.split())}"
        elif not frame:
            text = " ".join(clause.split())
        else:
            continue
        drafts.append(Draft("clause", keep_only(work, start, end), text=text))
    match = _AS_IS_RE.search(work)
    if match and span is not None:
        # "X is also in the top 10, as is Y" -> "Y is in the top 10"
        verb = first_verb(work, span[1], limit=3) or None
        if verb is not None and verb.start() >= span[1] - 1:
            predicate = work[verb.start() : match.start()]
            predicate = re.sub(r"\b(?:also|too)\s+", "", " ".join(predicate.split()))
            np = " ".join(match.group("np").split())
            kept = keep_only(work, verb.start(), match.end("np"))
            kept = blank(kept, match.start(), match.start("np"))
            drafts.append(Draft("clause", kept, text=f"{np} {predicate}"))
    return drafts


_NAME_ITEM = r"(?:[A-Z][\w.&-]*['’]s\s+)?[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3}"
_SUCH_AS_RE = re.compile(
    rf"(?P<head>(?:[A-Z][a-z]+\s+)?(?:[a-z-]+\s+)?[a-z-]{{3,}}s)\s+such\s+as\s+"
    rf"(?P<items>{_NAME_ITEM}(?:,\s+{_NAME_ITEM})*(?:,?\s+(?:and|or)\s+{_NAME_ITEM})?)"
)


def _singular(noun: str) -> str:
    if noun.endswith("ies") and len(noun) > 4:
        return noun[:-3] + "y"
    if noun.endswith(("ches", "shes", "sses", "xes")):
        return noun[:-2]
    return noun[:-1] if noun.endswith("s") and not noun.endswith("ss") else noun


def examples(sentence: str) -> list[Draft]:
    """'Western firms such as Dell and Compaq' -> 'Dell is a Western firm', 'Compaq is ...';
    'artists such as Argentina's Ana Ruiz' -> 'Ana Ruiz is an artist'."""
    drafts: list[Draft] = []
    for match in _SUCH_AS_RE.finditer(sentence) if "such" in sentence else ():
        words = match.group("head").split()
        if clean_word(words[0]) in DETERMINERS | PREPOSITIONS or is_verb(words[0]):
            words = words[1:]
        if not words or any(is_verb(w) or w.endswith("ing") for w in words):
            continue  # "spanning areas such as AI": a verb's object, not a class
        head = " ".join(words[:-1] + [_singular(words[-1])])
        article = "an" if head[:1].lower() in "aeiou" else "a"
        items_start = match.start("items")
        for item in re.finditer(_NAME_ITEM, match.group("items")):
            name = re.sub(r"^[A-Z][\w.&-]*['’]s\s+", "", item.group(0))
            if name.split()[0] in {"The", "A", "An", "This", "That"}:
                continue
            kept = keep_only(sentence, items_start + item.start(), items_start + item.end())
            drafts.append(Draft("apposition", kept, text=f"{name} is {article} {head}"))
    return drafts


_AS_WELL_AS_RE = re.compile(
    r",?\s+as\s+well\s+as\s+(?P<verb>[a-z]{3,}ing)\s+(?P<rest>(?:[^,;:()]|,(?=\d))+?)" + _END
)
_MODAL_VERB_RE = re.compile(
    r"^(?P<pre>.*\b(?:will|would|could|can|may|might|should|must|to))\s+(?:also\s+)?[a-z]+\b"
)


def coordinated_gerunds(work: str) -> list[Draft]:
    """'X would bring reform, as well as enforcing mediation' -> 'X would enforce
    mediation': the gerund takes the modal and subject of the clause it joins."""
    drafts: list[Draft] = []
    match = _AS_WELL_AS_RE.search(work)
    if not match:
        return drafts
    before = " ".join(work[: match.start()].split())
    modal = _MODAL_VERB_RE.match(before)
    if not modal or match.group("verb") in PARTICIPLE_SKIP:
        return drafts
    verb = third_person(match.group("verb"), plural=True)
    text = f"{modal.group('pre')} {verb} {' '.join(match.group('rest').split())}"
    drafts.append(
        Draft("clause", keep_only(work, match.start("verb"), match.end("rest")), text=text)
    )
    return drafts
