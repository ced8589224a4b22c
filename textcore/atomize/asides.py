"""Asides inside a sentence that state a fact of their own: dash asides, ", which ..."
relative clauses and modifiers of the subject ("The delegation, led by A and including B,").
"""

from __future__ import annotations

import re

from .adjuncts import agree
from .draft import Draft, blank, keep_only
from .grammar import (
    IRREGULAR_PASTS,
    PAST_AUX,
    clean_word,
    first_verb,
    is_verb,
    looks_plural,
    noun_phrase_before,
    past_tense,
    proper_name_verb,
    third_person,
)
from .verbs import PAST_PARTICIPLE_FORMS
from .words import (
    BASE_PARTICIPLES,
    DETERMINERS,
    INVARIANT_VERBS,
    PARTICIPLE_SKIP,
    PREPOSITIONS,
    PRONOUNS,
    REPORTING,
)

# a word in lower case opening a text ("owned", "made" in "made-up")
_LOWER_WORD_RE = re.compile(r"[a-z]+\b")
_DASH_RE = re.compile(r"\s[-–—]\s|\s?—\s?")
_RELATIVE_RE = re.compile(
    r",\s+(?P<rel>which|who)\s+(?P<rest>(?:[^,;]|,(?=\d))+?)(?P<close>,(?!\d)|(?=[.!?;]?\s*$))"
)
# "in Newark, New Jersey,": the comma between a place and its region closes nothing
# "\b[A-Z]" written capital first, so the engine jumps from capital to capital
_PLACE_COMMA_RE = re.compile(
    r"[A-Z](?<!\w[A-Z])[a-z]+(?P<comma>,)\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?,"
)
_SUBJECT_MODIFIER_RE = re.compile(
    r"^(?P<subject>\s*[^,;]{3,60}?),\s+(?P<mod>(?:led|headed|chaired|run|owned|founded|backed|"
    r"including|comprising|up|down|"
    # "Domestic consumption, accounting for 70% of sales, has ...": a participle phrase
    r"(?!(?:according|following|regarding|concerning|excluding|notwithstanding)\b)[a-z]{3,}ing)"
    r"\b[^;]*?),\s+(?=[a-z])"
)
_MODIFIER_SPLIT_RE = re.compile(
    r"\s+and\s+(?=(?:led|headed|chaired|run|owned|founded|backed|including|comprising)\b)"
)


def dash_asides(sentence: str, work: str) -> tuple[list[Draft], str]:
    """Dash asides: relative clauses, participle phrases and trailing noun phrases."""
    drafts: list[Draft] = []
    dashes = list(_DASH_RE.finditer(work))
    if not dashes:
        return drafts, work
    first = dashes[0]
    body_end = len(work.rstrip())
    second_start = dashes[1].start() if len(dashes) > 1 else body_end
    second_end = dashes[1].end() if len(dashes) > 1 else body_end
    inner_start = first.end()
    inner = work[inner_start:second_start]
    subject = noun_phrase_before(work, first.start())
    if not subject or not inner.strip():
        return drafts, work
    stripped = inner.strip()
    relative = re.match(r"(?:which|who)\s+", stripped)
    if relative:
        rest_start = inner_start + (len(inner) - len(inner.lstrip())) + relative.end()
        rest = work[rest_start:second_start]
        reporting = REPORTING.search(rest)
        if reporting and not is_verb(rest.split()[0]):
            # "which US manufacturers claim has undervalued ..." -> "... claim POLICY has ..."
            kept = keep_only(work, rest_start, second_start)
            insert_at = rest_start + reporting.end()
            text = f"{work[rest_start:insert_at]} {subject} {work[insert_at:second_start]}"
            drafts.append(Draft("relative", kept, text=" ".join(text.split())))
        else:
            drafts.append(
                Draft("relative", keep_only(work, rest_start, second_start), prefix=subject)
            )
    elif _starts_with_participle(stripped):
        copula = "are" if looks_plural(subject) else "is"
        drafts.append(
            Draft(
                "relative",
                keep_only(work, inner_start, second_start),
                prefix=f"{subject} {copula}",
            )
        )
    elif len(dashes) == 1 and first_verb(stripped, limit=12) is None:
        copula = "was" if re.search(r"\b(?:was|were|had)\b", work) else "is"
        drafts.append(
            Draft(
                "relative",
                keep_only(work, inner_start, second_start),
                prefix=f"{subject} {copula}",
            )
        )
    elif len(dashes) > 1 and first_verb(" " + stripped, limit=14) is None:
        found = _dash_appositive(work, subject, inner_start, second_start, second_end)
        if not found:
            return drafts, work
        drafts += found
    else:
        return drafts, work
    work = blank(work, first.start(), second_end if len(dashes) > 1 else body_end)
    return drafts, work


_NOUN_PHRASE_START_RE = re.compile(
    r"(?:(?:the|a|an|one\s+of\s+the|one\s+of|its|their|his|her)\s|[A-Z][\w.&-]*['’]s\s)",
    re.IGNORECASE,
)
_NUMBER_START_RE = re.compile(
    r"(?:about\s+|some\s+|nearly\s+|over\s+)?\d[\d,.]*\s*(?:m|bn|million|billion)?\s"
)


def _dash_appositive(
    work: str, subject: str, inner_start: int, inner_end: int, after: int
) -> list[Draft]:
    """'Iran - Opec's second-biggest producer and one of the top gas producers - has ...'
    gives 'Iran is ...' per conjunct; 'One in 10 adults - 22 million people - own ...' gives
    the figure with the predicate."""
    inner = work[inner_start:inner_end]
    lead = len(inner) - len(inner.lstrip())
    body = inner.strip()
    if not body or not subject or re.search(r"[\"“”()]", body):
        return []
    start = inner_start + lead
    predicate = work[after:].strip()
    if _NUMBER_START_RE.match(body + " "):
        # a figure restating the subject: it takes the sentence's predicate
        words = predicate.split()
        if not words or not first_verb(" " + predicate, limit=4):
            return []
        plural = looks_plural(body) or not re.match(r"(?:1|one)\b", body)
        index = 0
        while index < len(words) - 1 and words[index] in {"now", "also", "still", "already"}:
            index += 1
        verb = words[index]
        if plural and re.fullmatch(r"[a-z]+[^s]s", verb):
            words[index] = (
                verb[:-2] if verb.endswith(("ches", "shes", "sses", "xes")) else verb[:-1]
            )
        elif plural and verb in {"has", "is", "was"}:
            words[index] = {"has": "have", "is": "are", "was": "were"}[verb]
        kept = keep_only(work, start, len(work.rstrip()))
        kept = blank(kept, start + len(body), after)
        return [Draft("relative", kept, text=f"{body} {' '.join(words)}")]
    copula = "was" if re.search(r"\b(?:was|were|had)\b", work[after:]) else "is"
    drafts: list[Draft] = []
    # "X and Y": two descriptions of the subject, one claim each
    joint = re.search(r"\s+and\s+(?=(?:the|a|an|one|its|[A-Z]))", body)
    bounds = [(0, joint.start()), (joint.end(), len(body))] if joint else [(0, len(body))]
    for piece_start, piece_end in bounds:
        piece = body[piece_start:piece_end]
        if not _NOUN_PHRASE_START_RE.match(piece + " ") or len(piece.split()) > 12:
            return []
        kept = keep_only(work, start + piece_start, start + piece_end)
        drafts.append(Draft("apposition", kept, text=f"{subject} {copula} {piece}"))
    return drafts


def _antecedent(work: str, end: int) -> str:
    """What a ", which ..." clause at `end` describes.

    Usually the noun phrase just before it; but when the sentence so far is one subject noun
    phrase whose last part hangs on a preposition other than "of" ("The line between Lyon and
    Turin, which runs ..."), the relative describes the whole subject.
    """
    phrase = noun_phrase_before(work, end)
    start = len(work) - len(work.lstrip())
    whole = " ".join(work[start:end].split())
    if not phrase or whole == phrase or "," in whole or len(whole.split()) > 10:
        return phrase
    words = whole.split()
    head = words[0].lower()
    if head not in DETERMINERS and not words[0][:1].isupper():
        return phrase
    if first_verb(whole, limit=12) is not None or proper_name_verb(whole, 0) is not None:
        return phrase
    before = whole[: len(whole) - len(phrase)].split()
    joint = clean_word(before[-1]) if before else ""
    if joint in PREPOSITIONS - {"of", "that", "while", "when", "if", "because"}:
        return whole
    return phrase


def _opens_with_verb(words: list[str]) -> bool:
    """Whether the words after "who"/"which" open with a verb: a verb, a word in -s ("who
    faces an election"), or a lower-case word that is no noun phrase's start ("which make
    up", "who now run")."""
    return bool(
        is_verb(words[0], (words + [""])[1])
        or re.fullmatch(r"[a-z]+[^s\W]s", words[0])
        or (
            re.fullmatch(r"[a-z]{2,}", words[0])
            and words[0] not in DETERMINERS | PREPOSITIONS | PRONOUNS
            and not words[0].endswith("ing")
        )
    )


def relatives(work: str) -> tuple[list[Draft], str]:
    """', which is under sanctions,' -> 'ANTECEDENT is under sanctions'."""
    drafts: list[Draft] = []
    masked = work
    for place in _PLACE_COMMA_RE.finditer(work):
        at = place.start("comma")
        masked = masked[:at] + "\x00" + masked[at + 1 :]
    for match in list(_RELATIVE_RE.finditer(masked)):
        rest = work[match.start("rest") : match.end("rest")]
        words = rest.split()
        if not words or not _opens_with_verb(words):
            continue
        subject = _antecedent(work, match.start())
        if not subject:
            continue
        reporting = REPORTING.match(words[1]) if len(words) > 2 else None
        if reporting and not is_verb(words[0]) and is_verb(words[2]):
            # "Shadowcrew.com, which investigators claim was ..." -> "investigators claim
            # Shadowcrew.com was ..."
            text = f"{words[0]} {words[1]} {subject} {' '.join(words[2:])}"
            kept = keep_only(work, match.start("rest"), match.end("rest"))
            drafts.append(Draft("relative", kept, text=text))
        else:
            drafts.append(
                Draft(
                    "relative",
                    keep_only(work, match.start("rest"), match.end("rest")),
                    prefix=subject,
                )
            )
        end = match.end() if match.group("close") == "," else match.end("rest")
        work = blank(work, match.start(), end)
    return drafts, work


# 'plans for "control orders" which include home detention': a name or a quoted term,
# so the clause describes it rather than picking it out
_NAMED_WHICH_RE = re.compile(
    r"(?P<ante>[\"“][^\"“”]{2,40}[\"”]|(?<![\w'’-])(?:[A-Z][\w.&-]*\s+){0,3}[A-Z][\w.&-]*)"
    r"\s+which\s+(?P<rest>(?:[^,;:()\"“”]|,(?=\d))+?)(?=\s*(?:[,;:!?](?!\d)|\.(?!\d)|$))"
)


def named_which(work: str) -> list[Draft]:
    """'the "control orders" which include home detention' -> 'Control orders include home
    detention' (the main clause keeps the relative)."""
    drafts: list[Draft] = []
    for match in _NAMED_WHICH_RE.finditer(work):
        ante = match.group("ante").strip('"“”')
        words = match.group("rest").split()
        if len(words) < 2 or ante.split()[0] in {"The", "A", "An", "This", "That", "It"}:
            continue
        if not _opens_with_verb(words):
            continue
        text = f"{ante[0].upper()}{ante[1:]} {' '.join(words)}"
        kept = keep_only(work, match.start("ante"), match.end("rest"))
        kept = blank(kept, match.end("ante"), match.start("rest"))
        drafts.append(Draft("relative", kept, text=text))
    return drafts


def subject_modifiers(work: str) -> tuple[list[Draft], str]:
    """'The delegation, led by A and including B and C, is ...' -> three claims."""
    match = _SUBJECT_MODIFIER_RE.match(work)
    if not match:
        return [], work
    subject = " ".join(match.group("subject").split())
    if first_verb(subject) is not None:
        return [], work
    drafts: list[Draft] = []
    mod_start = match.start("mod")
    pieces = []
    cursor = 0
    mod = match.group("mod")
    for split in _MODIFIER_SPLIT_RE.finditer(mod):
        pieces.append((cursor, split.start()))
        cursor = split.end()
    pieces.append((cursor, len(mod)))
    for start, end in pieces:
        piece = mod[start:end]
        if piece.startswith(("including", "comprising")):
            items_start = mod_start + start + len(piece.split()[0]) + 1
            for item in re.finditer(
                r"[^,]+?(?=\s+and\s+|,|$)", work[items_start : mod_start + end]
            ):
                text = item.group(0).strip()
                text = re.sub(r"^(?:and|or)\s+", "", text)
                if text and re.match(r"(?:a|an|one)\s", text):
                    # "Twenty people, including a Briton, were arrested" -> "A Briton was
                    # arrested": one of the group shares its predicate
                    predicate = " ".join(work[match.end() :].split()).rstrip(" .;:!?")
                    if not predicate or first_verb(" " + predicate, limit=4) is None:
                        continue
                    item_start = (
                        items_start
                        + item.start()
                        + (len(item.group(0)) - len(item.group(0).lstrip()))
                    )
                    kept = keep_only(work, item_start, len(work.rstrip()))
                    kept = blank(kept, items_start + item.end(), match.end())
                    claim = f"{text[0].upper()}{text[1:]} {agree(predicate, plural=False)}"
                    drafts.append(Draft("clause", kept, text=claim))
                    continue
                if not text or not text[0].isupper():
                    continue
                item_start = (
                    items_start + item.start() + (len(item.group(0)) - len(item.group(0).lstrip()))
                )
                kept = keep_only(work, item_start, items_start + item.end())
                drafts.append(Draft("apposition", kept, text=f"{subject} included {text}"))
        elif piece.split()[0].endswith("ing"):
            participle = piece.split()[0]
            if participle in PARTICIPLE_SKIP:
                return [], work
            following = work[match.end() :].split()[:1]
            main = clean_word(following[0]) if following else ""
            past = main in PAST_AUX or main.endswith("ed") or main in IRREGULAR_PASTS
            if past:
                verb = past_tense(participle)
            else:
                verb = third_person(participle, looks_plural(subject))
            kept = keep_only(work, mod_start + start + len(participle), mod_start + end)
            drafts.append(Draft("clause", kept, prefix=f"{subject} {verb}"))
        else:
            kept = keep_only(work, mod_start + start, mod_start + end)
            drafts.append(Draft("clause", kept, prefix=f"{subject} was"))
    work = blank(work, match.end("subject"), match.end() - 1)
    return drafts, work


def _starts_with_participle(text: str) -> bool:
    """'owned by the state', 'run by the state', 'taken from ...': an aside opening with a
    past participle (written in lower case)."""
    word = _LOWER_WORD_RE.match(text)
    if word is None:
        return False
    word = word.group(0)
    return (
        word.endswith("ed")
        or word in PAST_PARTICIPLE_FORMS
        or word in INVARIANT_VERBS
        or word in BASE_PARTICIPLES
    )
