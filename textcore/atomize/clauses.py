"""The main text split at coordination points (";", ", while", ", and" + verb or new
subject, participles, reasons), with the shared subject repeated and a reporting frame or
closing attribution carried to every clause it covers.
"""

from __future__ import annotations

import re

from ..lexicon import SPEECH_VERBS, alternation
from .draft import Draft, blank, keep_only
from .grammar import (
    ADVERBS_NOT_AUX,
    clean_word,
    find_subject,
    first_verb,
    is_pronoun,
    is_verb,
    looks_plural,
    main_verb_is_past,
    past_tense,
    proper_name_verb,
    third_person,
)
from .verbs import PRESENT_FORMS, PRESENT_NOUN_FORMS
from .words import (
    ADVERBS,
    DETERMINERS,
    LOWERED_AFTER_PREFIX,
    NOT_NAMES,
    PARTICIPLE_SKIP,
    PREPOSITIONS,
    PRONOUNS,
    REPORTING,
)

# every cut opens with ";", "," or spaces before "and", "but", "as" or "because": the
# lookahead passes over other places at once
_SPLIT_RE = re.compile(
    r"(?=[;,]|\s+(?:and|but|as|because)\s)(?:(?P<semi>;\s+)|(?P<contrast>,\s+(?:while|whereas|but|although|though|yet)\s+)|"
    r"(?P<and>,?\s+(?:and|but)\s+)|(?P<participle>,\s+(?:thus\s+|thereby\s+|so\s+|also\s+|further\s+)?(?=[a-z]+ing\b))|"
    # "Revenue fell 1.4% as sales of ice cream were dampened": a reason with its own subject
    r"(?P<reason>(?<!\bsuch)(?<!\bsame),?\s+(?:as|because)\s+(?!(?:well|part|much|many|soon|long|far|good|such|usual|"
    r"expected|planned|a|an|if|though|of|to|for|in|with|it|he|she|they|this|that)\b)))"
)
_THAT_RE = re.compile(r"\sthat\s+(\S+)")
_FRAME_RE = re.compile(
    r"\s*(?:has\s+|had\s+|have\s+)?(?:also\s+|later\s+|previously\s+)?"
    r"(?:said|says|say|told\s+[^,;:\"“]{1,60}?\s+that|tells\s+[^,;:\"“]{1,60}?\s+that|added|adds|"
    r"claimed|claims|argued|argues|insisted|insists|warned|warns|explained|stated|states|"
    r"announced|announces|confirmed|confirms|reported|reports|revealed|reveals|noted|notes)"
    r"\s+(?:that\s+)?(?=\S)"
)
_FRAME_WORDS = {
    "believes", "thinks", "promised", "pledged", "vowed", "denied", "confirmed", "announced",
    "urged", "admitted", "stressed", "declared", "acknowledged", "suggested", "rejected",
    "refused", "questioned", "asked",
}  # fmt: skip
# a verb showing that the text before it reports what someone said, promised or denied
_REPORTING_FRAME_WORD = re.compile(rf"\b(?:{alternation(SPEECH_VERBS | _FRAME_WORDS)})\b")
_SUBORDINATORS = {
    "as", "because", "while", "when", "if", "that", "which", "who", "where", "since",
    "although", "though", "after", "before", "until", "unless", "whether", "whereas",
    "between",  # "between the United States and China": two nouns
}  # fmt: skip


# participles that state a result of the whole clause before them
_RESULT_PARTICIPLES = {
    "making", "leaving", "causing", "rendering", "prompting", "forcing", "allowing",
    "enabling", "helping", "sending", "pushing", "driving", "keeping", "putting",
}  # fmt: skip


_BRACKETED_RE = re.compile(r"\([^()]*\)")


def _bracketed(text: str) -> list[tuple[int, int]]:
    """Spans inside round brackets: "($74.6bn; £39.1bn)" is never cut."""
    return [m.span() for m in _BRACKETED_RE.finditer(text)]


def _reporting_frame(work: str, subject_span: tuple[int, int] | None) -> str:
    """'He said (that)' opening the sentence: a reported clause after it keeps the speaker."""
    if subject_span is None:
        return ""
    match = _FRAME_RE.match(work, subject_span[1])
    if not match:
        return ""
    subject = " ".join(work[subject_span[0] : subject_span[1]].split())
    return f"{subject} {' '.join(work[subject_span[1] : match.end()].split())}"


def _noun_coordination(left: str) -> bool:
    """'as sales of ice cream and ...': the last subordinate clause has no verb yet, so the
    "and" joins two nouns of its subject, not two clauses."""
    tokens = left.split()
    for index in range(len(tokens) - 1, -1, -1):
        if clean_word(tokens[index]) in _SUBORDINATORS:
            rest = " ".join(tokens[index + 1 :])
            following = tokens[index + 1] if index + 1 < len(tokens) else ""
            if (
                clean_word(tokens[index]) in {"who", "which"}
                and re.fullmatch(r"[a-z]{3,}", following)
                and following not in DETERMINERS
            ):
                return False  # "parents who breach orders": "breach" is the clause's verb
            return bool(rest) and first_verb(" " + rest, limit=40) is None
    return False


_ATTRIBUTION_VERBS = alternation(
    SPEECH_VERBS | {"believes", "believed", "reported", "reports", "confirmed", "announced"}
)
_TRAILING_ATTRIBUTION_RE = re.compile(
    r"[\"”’']?,[\"”’']?\s+(?:"
    rf"(?P<who>(?:[\w'’.&-]+\s+){{0,5}}?[\w'’.&-]+)\s+(?P<verb>{_ATTRIBUTION_VERBS})"
    rf"|(?P<verb2>{_ATTRIBUTION_VERBS})\s+(?P<who2>(?:[\w'’.&-]+\s+){{0,5}}?[\w'’.&-]+)"
    r"|according\s+to\s+(?P<source>[^,;]{2,80}?)"
    r")(?P<when>\s+(?:on|in|last|this|earlier|later)\b[\w ]{0,20})?[\s.!;:…]*$"
)


def _trailing_attribution(work: str) -> tuple[str, str, str] | None:
    """'..., she said.' / '..., said Mr Lee.' / '..., according to X.' closing the sentence:
    (text without it, a prefix "she said", a suffix ", according to X")."""
    match = _TRAILING_ATTRIBUTION_RE.search(work)
    if not match:
        return None
    who = match.group("who") or match.group("who2") or ""
    if who:
        words = who.split()
        if any(is_verb(w) for w in words) or clean_word(words[0]) in PREPOSITIONS - {"the"}:
            return None
        if who[:1].isupper() and words[0] in NOT_NAMES and words[0] not in LOWERED_AFTER_PREFIX:
            return None
    before = work[: match.start()]
    if first_verb(before, limit=60) is None and proper_name_verb(before, 0) is None:
        return None
    rest = blank(work, match.start(), len(work))
    if match.group("source"):
        return rest, "", f", according to {match.group('source').strip()}"
    verb = match.group("verb") or match.group("verb2")
    speaker = who[0].lower() + who[1:] if words[0] in LOWERED_AFTER_PREFIX else who
    if speaker.split()[0].lower() in PRONOUNS:
        speaker = speaker.lower()
    return rest, f"{speaker} {verb}", ""


def attributed_clauses(work: str) -> list[Draft]:
    """Clauses of the main text; a closing attribution goes with each clause it covers."""
    drafts = _clauses(work)
    trailing = _trailing_attribution(work)
    if trailing is None:
        return drafts
    rest, prefix, suffix = trailing
    split = _clauses(rest)
    if len(split) < 2:
        return drafts
    for draft in split:
        if prefix:
            draft.prefix = f"{prefix} {draft.prefix}" if draft.prefix else prefix
        draft.suffix = suffix
    return split


_RESULT_RE = re.compile(
    rf",\s+(?:{'|'.join(sorted(_RESULT_PARTICIPLES))})\s+(?:them|it|him|her|us)\b[^,;:]*"
)


def _clauses(work: str) -> list[Draft]:
    """Split the main text at coordination points; repeat the subject where it is shared."""
    # "..., making them crucial": a result of the whole event, with no subject of its own to
    # give it (the sentence's subject would be wrong), is left out
    for result in list(_RESULT_RE.finditer(work)):
        work = blank(work, result.start(), result.end())
    body_start = len(work) - len(work.lstrip())
    subject_span = find_subject(work, body_start)
    subject = " ".join(work[subject_span[0] : subject_span[1]].split()) if subject_span else ""
    frame = _reporting_frame(work, subject_span)
    # the subject of the reported clause: "said the investigators went ... and discovered"
    inner_subject = ""
    if frame and subject_span is not None:
        frame_end = _FRAME_RE.match(work, subject_span[1])
        inner = find_subject(work, frame_end.end()) if frame_end else None
        if inner is not None:
            inner_subject = " ".join(work[inner[0] : inner[1]].split())
    inner_shared: set[int] = set()
    brackets = _bracketed(work)
    cuts: list[tuple[int, int, bool]] = []  # (cut start, next clause start, shares subject)
    participles: set[int] = set()
    framed: set[int] = set()  # clause starts that continue a reported statement
    for match in _SPLIT_RE.finditer(work, body_start):
        if any(start < match.start() < end for start, end in brackets):
            continue
        left_start = cuts[-1][1] if cuts else body_start
        left = work[left_start : match.start()]
        right = work[match.end() :]
        right_tokens = right.split()
        left_verb = first_verb(left, limit=40)
        has_verb = (
            left_verb is not None or proper_name_verb(work[: match.start()], left_start) is not None
        )
        if match.group("contrast") and not has_verb and len(left.split()) >= 4:
            # ", although ...", ", whereas ...": a subordinator always opens a clause, so the
            # text before it is one even when its verb is not recognised ("couples go to court")
            has_verb = True
        if not right_tokens or (not has_verb and not cuts):
            continue
        if match.group("semi"):
            cuts.append((match.start(), match.end(), False))
        elif match.group("contrast"):
            shared = is_verb(right_tokens[0], (right_tokens + [""])[1])
            cuts.append((match.start(), match.end(), shared))
        elif match.group("reason"):
            reason_subject = find_subject(work, match.end())
            if reason_subject is None or reason_subject[0] != match.end():
                continue
            if _REPORTING_FRAME_WORD.search(left):
                continue  # "added that ... as the clock ticked": part of what was said
            after_verb = work[reason_subject[1] :].split()
            if len(after_verb) < 3 or REPORTING.match(after_verb[0]):
                continue  # "as the company said": an attribution, not a reason
            cuts.append((match.start(), match.end(), False))
        elif match.group("participle"):
            word = right_tokens[0].lower().strip(",.")
            if word in PARTICIPLE_SKIP or not subject:
                continue
            if frame and inner_subject and not is_pronoun(inner_subject.split()[0]):
                # "X argues that growth is faster, spurring demand": the participle goes with
                # what was reported, not with the speaker ("Nestle said it had ..., beating
                # rivals" is about the speaker itself)
                continue
            cuts.append((match.start(), match.end(), True))
            participles.add(match.end())
        else:
            # ", and has even introduced": the verb comes first, the subject is shared
            index = 0
            while (
                index < len(right_tokens) - 1 and clean_word(right_tokens[index]) in ADVERBS_NOT_AUX
            ):
                index += 1
            head = right_tokens[index]
            following = right_tokens[index + 1] if index + 1 < len(right_tokens) else ""
            if (is_verb(head, following) or _parallel_present(head, left_verb)) and subject:
                if not inner_subject and _that_clause(left) and match.group(0)[:1] != ",":
                    # "claiming that preventing X fortifies them and weakens Y": the verb goes
                    # with the clause after "that", whose subject is not known
                    continue
                cuts.append((match.start(), match.end(), True))
                if inner_subject and not _REPORTING_FRAME_WORD.match(clean_word(head)):
                    inner_shared.add(match.end())
                continue
            # ", and the figures are likely ...": a new subject and its verb
            new_subject = find_subject(work, match.end())
            if new_subject and len(work[new_subject[0] : new_subject[1]].split()) <= 5:
                words = work[new_subject[0] : new_subject[1]].split()
                first = clean_word(words[0])
                if len(words) > 1 and is_pronoun(words[-1]):
                    continue  # "tools they needed": a relative clause without "that"
                if _noun_coordination(left) or not has_verb or _gerund_object(left, match):
                    continue
                if first not in ADVERBS and not is_verb(first):
                    cuts.append((match.start(), match.end(), False))
                    if frame:
                        framed.add(match.end())
    drafts: list[Draft] = []
    starts = [(body_start, False)] + [(cut[1], cut[2]) for cut in cuts]
    ends = [cut[0] for cut in cuts] + [len(work)]
    for (start, shared), end in zip(starts, ends, strict=True):
        kept = keep_only(work, start, end)
        if not kept.strip():
            continue
        prefix = ""
        if start in framed:
            prefix = frame
        if shared and start in inner_shared:
            prefix = f"{frame} {inner_subject}"
        elif shared and subject:
            prefix = subject
            first = kept.split()[0]
            if first.lower().endswith("ing") and first.lower() not in PARTICIPLE_SKIP:
                # "China ..., thus refining X" -> "China refines X"
                position = kept.index(first)
                who = _bare_subject(subject)
                verb = _finite(first.lower(), who, main_verb_is_past(work, subject_span))
                kept = blank(kept, position, position + len(first))
                prefix = f"{who} {verb}"
        drafts.append(
            Draft("participle" if start in participles else "clause", kept, prefix=prefix)
        )
    return drafts


# a pronoun and its contracted auxiliary: "We've", "they're", "I'm", "it's", "she'd"
_CONTRACTED_RE = re.compile(r"(?P<pronoun>[A-Za-z]+)['’](?:ve|re|m|s|d|ll)\b")
_BE = {"was": "were", "is": "are", "has": "have"}


def _bare_subject(subject: str) -> str:
    """'We've' (or "We've been") -> 'We': a new finite verb goes with the pronoun, not with
    its contracted auxiliary ("We were forced", never "We've was forced")."""
    match = _CONTRACTED_RE.match(subject)
    if match is not None and is_pronoun(match.group("pronoun")):
        return match.group("pronoun")
    return subject


def _finite(participle: str, subject: str, past: bool) -> str:
    """The verb a participle clause states after `subject`: 'refining' -> 'refined',
    'refines' or 'refine'; 'being' -> 'was', 'were', 'is' or 'are'."""
    plural = looks_plural(subject) or clean_word(subject) in {"we", "they", "you"}
    if past:
        verb = past_tense(participle)
    elif participle in ("being", "having"):
        verb = {"being": "is", "having": "has"}[participle]
    else:
        return third_person(participle, plural or clean_word(subject) == "i")
    if clean_word(subject) == "i" and verb in ("is", "has"):
        return {"is": "am", "has": "have"}[verb]
    return _BE.get(verb, verb) if plural else verb


def _parallel_present(head: str, left_verb: re.Match[str] | None) -> bool:
    """'expects a fall and forecasts lower earnings': after "and", a verb that is also a noun
    is a verb when the clause before it has a present verb of the same form."""
    left = clean_word(left_verb.group(0)) if left_verb is not None else ""
    return (
        head.islower()
        and clean_word(head) in PRESENT_NOUN_FORMS
        and (left in PRESENT_FORMS or left in PRESENT_NOUN_FORMS)
    )


def _that_clause(text: str) -> bool:
    """'that' opens a clause in `text`: before a determiner, a pronoun, a name or a gerund
    ("that the plans", "that preventing"), not "that idea"."""
    for match in _THAT_RE.finditer(text):
        after = match.group(1)
        word = clean_word(after)
        if word in DETERMINERS or word in PRONOUNS or after[:1].isupper() or word.endswith("ing"):
            return True
    return False


def _gerund_object(left: str, match: re.Match[str]) -> bool:
    """'for keeping UK and foreign suspects': an "and" without a comma a few words after a
    gerund joins the gerund's objects, not two clauses."""
    if match.group(0)[:1] == ",":
        return False
    tokens = left.split()[-4:]
    for index in range(len(tokens) - 1, -1, -1):
        word = clean_word(tokens[index])
        if word.endswith("ing") and len(word) > 5 and word not in PARTICIPLE_SKIP:
            return tokens[index].islower() and first_verb(" ".join(tokens[index + 1 :])) is None
    return False
