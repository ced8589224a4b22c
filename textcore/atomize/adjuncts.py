"""Facts a sentence states in its adjuncts and lists rather than in its main clause.

- a gerund after "after", "since" or "despite": "Nestle raised its dividend after paying back
  some of its debt" -> "Nestle paid back some of its debt"; "despite the company managing to
  boost margins" -> "the company managed to boost margins";
- an absolute "with" phrase: ", with 200 million songs bought online" -> "200 million songs
  were bought online"; ", with more than a quarter of the market" -> "SUBJECT has more than a
  quarter of the market";
- a quantified relative: "25 million players were sold, 10 million of which were iPods" ->
  "10 million of the players were iPods";
- an earlier figure: "rose to 2.4 million barrels a day, compared with 474,000 in 1973" /
  ", up from 474,000" -> "SUBJECT was 474,000 in 1973";
- distributive lists: "Britain has the lowest inflation since 1960, lowest unemployment for 29
  years and the lowest mortgage rates for 40 years" gives one claim per item, each item
  keeping the rest of the clause (items of two words or more, or names of two words or more
  joined by "and"; never after "between" or with a reciprocal predicate).

Every rule works on the draft's kept text (blanking only), so spans stay exact.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..lexicon import MONTH_NAME_RE
from .draft import Draft, blank, keep_only
from .grammar import (
    TOKEN_RE,
    clean_word,
    find_subject,
    first_verb,
    is_pronoun,
    is_verb,
    looks_plural,
    main_verb_is_past,
    past_tense,
    third_person,
)
from .words import ADVERBS, AUX, DETERMINERS, PARTICIPLE_SKIP, PREPOSITIONS, PRONOUNS

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
_WITH_RE = re.compile(
    r",\s+with\s+(?P<np>(?:[^,;:()\s]+\s+){0,8}?)"
    r"(?P<verb>[a-z]{3,}(?:ed|ing)|sold|bought|made|built|held|paid|spent|lost|won|left|kept|"
    r"taken|given|shown|seen|grown|known)\s+(?P<rest>(?:[^,;:()]|,(?=\d)){2,}?)" + _END
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
_RECIPROCAL_RE = re.compile(
    r"\b(?:each\s+other|one\s+another|together|jointly|between|merge[ds]?|merging|met|meet|"
    r"meets|agreed|agree|signed|sign|shared|share|versus|vs|both|rivals?|partners?|allies|"
    r"neighbours|neighbors|similar|different|equal|same|compared|respectively)\b",
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
    while index < len(words) - 1 and clean_word(words[index]) in ADVERBS - AUX:
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
    for match in list(_WITH_RE.finditer(work)):
        np = " ".join(match.group("np").split())
        verb = match.group("verb")
        if not np or clean_word(np.split()[0]) in PREPOSITIONS | PRONOUNS:
            continue
        last = clean_word(np.split()[-1])
        if last in DETERMINERS or (len(np.split()) < 2 and not last.endswith("s")):
            continue  # "with a reported consumption of": an adjective, not a participle
        if first_verb(" " + np, limit=8) is not None:
            continue
        plural = looks_plural(np) or bool(re.match(r"\d|[a-z]+\s+(?:million|thousand)", np))
        if verb.endswith("ing"):
            modal = re.search(r"\b(will|would|could|may|might)\b", work[: match.start()])
            if modal:
                phrase = f"{modal.group(1)} {third_person(verb, plural=True)}"
            elif past:
                phrase = past_tense(verb)
            else:
                phrase = third_person(verb, plural)
        else:
            phrase = f"{'were' if plural else 'was'} {verb}"
        text = f"{np} {phrase} {' '.join(match.group('rest').split())}"
        kept = keep_only(work, match.start("np"), match.end("rest"))
        drafts.append(Draft("clause", kept, text=text))
        work = blank(work, match.start(), match.end("rest"))
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
    for match in _POSSESSED_COUNT_RE.finditer(work):
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


# --- lists --------------------------------------------------------------------------------

_LIST_STOP = DETERMINERS | {"that", "than", "as", "like", "whether"}
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


def _find_lists(kept: str) -> list[list[tuple[int, int]]]:
    """Item spans of the first distributive list in `kept`."""
    found: list[list[tuple[int, int]]] = []
    body = kept.strip()
    if not body or _RECIPROCAL_RE.search(body) or re.search(r"[\"“”()]", body):
        return found
    floor = len(kept) - len(kept.lstrip())
    # "A, B and C": at least three items
    for match in re.finditer(r",?\s+(?:and|or)\s+", kept):
        commas = list(re.finditer(r",\s+", kept[: match.start()]))
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


# --- subordinate clauses and comparative ellipsis ------------------------------------------

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
    for match in _SUCH_AS_RE.finditer(sentence):
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
