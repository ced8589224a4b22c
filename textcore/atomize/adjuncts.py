"""Facts a sentence states in its adjuncts rather than in its main clause.

- a gerund after "after", "since" or "despite": "Nestle raised its dividend after paying back
  some of its debt" -> "Nestle paid back some of its debt"; "despite the company managing to
  boost margins" -> "the company managed to boost margins";
- an absolute "with" phrase: ", with 200 million songs bought online" -> "200 million songs
  were bought online"; ", with more than a quarter of the market" -> "SUBJECT has more than a
  quarter of the market";
- a "with" phrase whose noun names an action and whose "by" phrase names who does it:
  ", with a reported consumption of 50 pounds per plane by Acme" -> "Acme reportedly consumes
  50 pounds per plane";
- a quantified relative: "25 million players were sold, 10 million of which were iPods" ->
  "10 million of the players were iPods";
- an earlier figure: "rose to 2.4 million barrels a day, compared with 474,000 in 1973" /
  ", up from 474,000" -> "SUBJECT was 474,000 in 1973".

Every rule works on the draft's kept text (blanking only), so spans stay exact.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .draft import Draft, blank, keep_only
from .grammar import (
    ADVERBS_NOT_AUX,
    TOKEN_RE,
    clean_word,
    find_subject,
    first_verb,
    is_verb,
    looks_plural,
    main_verb_is_past,
    past_tense,
    third_person,
)
from .verbs import PAST_PARTICIPLE_FORMS
from .words import (
    DETERMINERS,
    HEDGE_ADVERBS,
    NOMINALISATIONS,
    PREPOSITIONS,
    PRONOUNS,
)

# where a phrase ends: punctuation that is not inside a number ("520,000", "2.4")
_END = r"(?=\s*(?:[,;:.!?](?!\d)|$))"
_NUMBER = (
    r"(?:(?:about|around|some|nearly|almost|over|more\s+than|less\s+than|up\s+to)\s+)?"
    r"(?:[$£€]?\d[\d,.]*(?:\s*(?:%|per\s?cent|m|bn|million|billion|thousand|trillion))?|"
    r"a\s+(?:quarter|third|half|fifth|tenth)|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"half|most|many|some|all|none|several|few)"
)
_GERUND_ADJUNCT_RE = re.compile(
    r"(?P<lead>,?\s+)(?P<conj>after|since|despite)\s+"
    r"(?P<agent>(?:(?:the|its|their|his|her|a|an)\s+)?(?:[\w'’-]+\s+){0,2}?)?"
    r"(?P<verb>[a-z]{3,}ing)\s+(?P<rest>(?:[^,;:()]|,(?=\d)){3,}?)" + _END
)
# an absolute "with" phrase: ", with" and a noun phrase of at most eight words, then a
# participle (the -ed and -ing forms, or an irregular one from the verb lexicon) and the rest
_WITH_HEAD_RE = re.compile(r",\s+with\s+")
_WITH_WORD_RE = re.compile(r"(?P<word>(?:[^,;:()\s]|,(?=\d))+)\s+")  # "40,000"
_WITH_REST_RE = re.compile(r"\s+(?P<rest>(?:[^,;:()]|,(?=\d)){2,}?)" + _END)
_REGULAR_PARTICIPLE_RE = re.compile(r"[a-z]{3,}(?:ed|ing)")
# irregular participles that are auxiliaries in such a phrase ("with the money he had saved")
_AUX_PARTICIPLES = {"had", "been"}


class _WithPhrase(NamedTuple):
    start: int  # the comma
    np_start: int
    np: str
    verb: str
    rest: str
    end: int  # the end of the rest


def _with_participle_phrases(work: str) -> list[_WithPhrase]:
    """', with 200 million songs bought online': each absolute "with" phrase whose noun
    phrase is followed by a participle, the shortest noun phrase first."""
    found: list[_WithPhrase] = []
    end = 0
    for head in _WITH_HEAD_RE.finditer(work):
        if head.start() < end:
            continue
        position = head.end()
        for _ in range(9):
            word = _WITH_WORD_RE.match(work, position)
            if word is None:
                break
            verb = word.group("word")
            if _REGULAR_PARTICIPLE_RE.fullmatch(verb) or (
                verb in PAST_PARTICIPLE_FORMS and verb not in _AUX_PARTICIPLES
            ):
                rest = _WITH_REST_RE.match(work, word.end("word"))
                if rest is not None:
                    np = work[head.end() : word.start()]
                    found.append(
                        _WithPhrase(
                            head.start(), head.end(), np, verb, rest.group("rest"), rest.end()
                        )
                    )
                    end = rest.end()
                    break
            position = word.end()
    return found


# ", with a reported consumption of 50 pounds per plane by Acme": the "by" phrase names who
# does what the noun names ("Acme reportedly consumes 50 pounds per plane")
_WITH_NOMINAL_RE = re.compile(
    rf",\s+with\s+(?P<np>(?:an?\s+)?(?:(?P<hedge>{'|'.join(HEDGE_ADVERBS)})\s+)?"
    r"(?P<noun>[a-z]+)\s+of\s+(?P<theme>(?:[^,;:()]|,(?=\d)){3,}?)\s+by\s+"
    r"(?P<agent>(?:the\s+)?[A-Z][\w'’.&-]*(?:\s+(?:of\s+)?[A-Z][\w'’.&-]*){0,4}))" + _END
)
_WITH_SHARE_RE = re.compile(
    rf",\s+with\s+(?P<np>{_NUMBER}\s+(?:of\s+)?[^,;:()]{{2,60}}?)" + _END,
    re.IGNORECASE,
)
_OF_WHICH_RE = re.compile(
    rf",\s+(?P<q>{_NUMBER})\s+of\s+(?:which|whom|them)\s+(?P<rest>[^,;:()]{{3,}}?)" + _END,
    re.IGNORECASE,
)
_COMPARED_RE = re.compile(
    r",\s+(?:compared\s+(?:with|to)|up\s+from|down\s+from)\s+"
    r"(?P<np>(?:[^,;:()]|,(?=\d))*?\d(?:[^,;:()]|,(?=\d))*?)" + _END
)
_POSSESSED_COUNT_RE = re.compile(
    r"(?<![\w'’-])(?P<owner>(?:the\s+)?(?:[\w.&-]+\s+){0,2}?[\w.&-]+)['’]s\s+"
    r"(?P<count>(?:some\s+|about\s+|nearly\s+|more\s+than\s+)?\d[\d,.]*(?:\s+(?:million|billion|thousand))?)"
    r"\s+(?P<noun>(?:[a-z-]+\s+)?[a-z-]{3,}s)\b"
)
_CHANGE_TAIL_RE = re.compile(
    rf",\s+(?P<np>{_NUMBER}\s+(?:up|down|higher|lower)\s+(?:on|from|than)\s+[^,;:()]{{2,40}}?)"
    + _END,
    re.IGNORECASE,
)


def _subject(work: str) -> tuple[str, tuple[int, int] | None]:
    body_start = len(work) - len(work.lstrip())
    span = find_subject(work, body_start)
    if span is None:
        return "", None
    return " ".join(work[span[0] : span[1]].split()), span


def agree(verb_phrase: str, plural: bool) -> str:
    """'has been arrested' after a singular subject; 'have been' after a plural one."""
    words = verb_phrase.split()
    if not words:
        return verb_phrase
    index = 0
    while index < len(words) - 1 and clean_word(words[index]) in ADVERBS_NOT_AUX:
        index += 1
    pairs = {"has": "have", "is": "are", "was": "were", "does": "do"}
    word = words[index]
    if plural and word in pairs:
        words[index] = pairs[word]
    elif not plural and word in pairs.values():
        words[index] = {v: k for k, v in pairs.items()}[word]
    return " ".join(words)


def adjunct_claims(work: str) -> tuple[list[Draft], str]:
    """Claims from gerund adjuncts, absolute "with" phrases, quantified relatives and earlier
    figures; the adjuncts that became claims are blanked from the main text."""
    subject, span = _subject(work)
    drafts: list[Draft] = []
    past = main_verb_is_past(work, span)
    for match in list(_GERUND_ADJUNCT_RE.finditer(work)):
        if span is None or match.start() < span[1]:
            continue
        verb = match.group("verb")
        agent = (match.group("agent") or "").strip()
        if agent and (
            match.group("conj") != "despite"
            or clean_word(agent.split()[0]) not in DETERMINERS | {"the"}
        ):
            continue
        if verb in {"being", "having", "including", "according", "following", "during"}:
            continue
        who = agent or subject
        plural = looks_plural(who)
        tense_past = match.group("conj") in ("after", "since") or past
        new_verb = past_tense(verb) if tense_past else third_person(verb, plural)
        text = f"{who} {new_verb} {' '.join(match.group('rest').split())}"
        kept = keep_only(work, match.start("conj"), match.end("rest"))
        drafts.append(Draft("clause", kept, text=text))
        work = blank(work, match.start(), match.end("rest"))
    for match in list(_WITH_NOMINAL_RE.finditer(work)):
        if span is None or match.start() < span[1]:
            continue
        if match.group("noun") not in NOMINALISATIONS:
            continue
        present, past_form = NOMINALISATIONS[match.group("noun")]
        verb = past_form if past else present
        if looks_plural(match.group("agent")) and not past:
            verb = re.sub(r"ies$", "y", present) if present.endswith("ies") else present[:-1]
        theme = " ".join(match.group("theme").split())
        hedge = HEDGE_ADVERBS.get(match.group("hedge") or "", "")
        if hedge.startswith("an "):
            theme, hedge = f"{hedge} {theme}", ""  # "an estimated 50 pounds"
        agent = " ".join(match.group("agent").split())
        words = [agent, hedge, verb, theme]
        kept = keep_only(work, match.start("np"), match.end("agent"))
        drafts.append(Draft("clause", kept, text=" ".join(w for w in words if w)))
        work = blank(work, match.start(), match.end("agent"))
    for phrase_match in _with_participle_phrases(work):
        np = " ".join(phrase_match.np.split())
        verb = phrase_match.verb
        if not np or clean_word(np.split()[0]) in PREPOSITIONS | PRONOUNS:
            continue
        last = clean_word(np.split()[-1])
        if last in DETERMINERS or (len(np.split()) < 2 and not last.endswith("s")):
            continue  # "with a reported consumption of": an adjective, not a participle
        if first_verb(" " + np, limit=8) is not None:
            continue
        plural = looks_plural(np) or bool(re.match(r"\d|[a-z]+\s+(?:million|thousand)", np))
        if verb.endswith("ing"):
            modal = re.search(r"\b(will|would|could|may|might)\b", work[: phrase_match.start])
            if modal:
                phrase = f"{modal.group(1)} {third_person(verb, plural=True)}"
            elif past:
                phrase = past_tense(verb)
            else:
                phrase = third_person(verb, plural)
        else:
            phrase = f"{'were' if plural else 'was'} {verb}"
        text = f"{np} {phrase} {' '.join(phrase_match.rest.split())}"
        kept = keep_only(work, phrase_match.np_start, phrase_match.end)
        drafts.append(Draft("clause", kept, text=text))
        work = blank(work, phrase_match.start, phrase_match.end)
    for match in list(_WITH_SHARE_RE.finditer(work)):
        if not subject or span is None:
            continue
        np = " ".join(match.group("np").split())
        if first_verb(" " + np, limit=10) is not None:
            continue
        have = "had" if past else ("have" if looks_plural(subject) else "has")
        kept = keep_only(work, match.start("np"), match.end("np"))
        drafts.append(Draft("clause", kept, text=f"{subject} {have} {np}"))
        work = blank(work, match.start(), match.end("np"))
    for match in list(_OF_WHICH_RE.finditer(work)):
        head = _head_noun_phrase(work, match.start())
        if not head and subject:
            # "25 million players were sold, 10 million of which": the subject's noun
            head = _head_noun_phrase(subject, len(subject))
        if not head:
            continue
        rest = " ".join(match.group("rest").split())
        text = f"{match.group('q')} of the {head} {rest}"
        kept = keep_only(work, match.start("q"), match.end("rest"))
        drafts.append(Draft("relative", kept, text=text))
        work = blank(work, match.start(), match.end("rest"))
    possessive = "'s" in work or "’s" in work
    for match in _POSSESSED_COUNT_RE.finditer(work) if possessive else ():
        # "some of the site's 4,000 members were ..." -> "The site had 4,000 members"
        words = match.group("owner").split()
        while words and (
            clean_word(words[0]) in PREPOSITIONS or words[0] in {"of", "some", "all", "most"}
        ):
            words = words[1:]  # "some of the site's": the owner is "the site"
        if not words:
            continue
        owner = " ".join(words)
        if (
            len(words) > 1
            and words[0].lower() not in {"the", "its", "their"}
            and not all(w[:1].isupper() for w in words)
        ):
            owner = words[-1]  # "discovered some of Acme's": just the name
        if clean_word(owner.split()[0]) in {"its", "their", "his", "her"}:
            continue
        have = "had" if past else ("have" if looks_plural(owner) else "has")
        owner = owner[0].upper() + owner[1:]
        text = f"{owner} {have} {match.group('count')} {match.group('noun')}"
        kept = keep_only(work, match.start("owner"), match.end("noun"))
        drafts.append(Draft("clause", kept, text=text))
    for match in list(_CHANGE_TAIL_RE.finditer(work)):
        # "profit was HK$327m, less than 1% up on the year before" -> "profit was less
        # than 1% up on the year before"
        if not subject or span is None:
            continue
        verb = work[span[1] :].split()[:1]
        copula = verb[0] if verb and verb[0] in {"is", "are", "was", "were"} else ""
        if not copula:
            continue
        np = " ".join(match.group("np").split())
        kept = keep_only(work, match.start("np"), match.end("np"))
        drafts.append(Draft("clause", kept, text=f"{subject} {copula} {np}"))
        work = blank(work, match.start(), match.end("np"))
    for match in list(_COMPARED_RE.finditer(work)):
        if not subject or span is None or first_verb(match.group("np"), limit=12):
            continue
        np = " ".join(match.group("np").split())
        copula = "were" if looks_plural(subject) else "was"
        kept = keep_only(work, match.start("np"), match.end("np"))
        drafts.append(Draft("clause", kept, text=f"{subject} {copula} {np}"))
        work = blank(work, match.start(), match.end("np"))
    return drafts, work


def _head_noun_phrase(work: str, end: int) -> str:
    """'about 25 million portable players' before ', 10 million of which' -> 'portable
    players': the noun phrase just before `end`, without its figure."""
    tokens = list(TOKEN_RE.finditer(work[:end]))
    words: list[str] = []
    for token in reversed(tokens[-6:]):
        raw = token.group(0)
        word = clean_word(raw)
        if not word or word in PREPOSITIONS or word in DETERMINERS or is_verb(raw):
            break
        if re.match(r"[\d$£€]", raw) or word in {"million", "billion", "thousand", "about"}:
            break
        words.insert(0, raw.strip(",;:"))
    return " ".join(words) if words and re.search(r"s$", words[-1]) else ""
