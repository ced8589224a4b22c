"""Facts stated by how a person or organisation is named: titles before names ("Treasury
Secretary Scott Bessent"), appositives ("Kevin Hassett, the head of X,"), ages,
ownership ("state-owned Codelco") and spelled-out acronyms.
"""

from __future__ import annotations

import re

from ..lexicon import FORMS_OF_ADDRESS
from .draft import Draft, blank, keep_only
from .grammar import TOKEN_RE, clean_word, first_verb, is_verb, noun_phrase_before
from .words import (
    ADVERBS,
    BASE_VERBS,
    DETERMINERS,
    NOT_NAMES,
    PREPOSITIONS,
    PRONOUNS,
    ROLE_HEADS,
    ROLE_MODIFIERS,
)

_NAME_TOKEN = r"[A-Z][\w'’.&-]*"
# a name may end in a number: "Hornsea 2", "Apollo 11"
_NAME = (
    rf"{_NAME_TOKEN}(?:\s+(?:(?:of|de|la|del|van|von|bin|al|da|the)\s+)?{_NAME_TOKEN}){{0,4}}"
    r"(?:\s+\d{1,4}[A-Za-z]?\b(?![.,]\d))?"
)
# Nouns that class a firm, a group or a person named right after them: "Chinese computer
# firm Lenovo", "aid worker Jane Doe", "Cuban artist Ana Ruiz"
CLASSIFIERS = {
    "firm", "company", "group", "giant", "maker", "carmaker", "retailer", "bank", "airline",
    "operator", "producer", "manufacturer", "broadcaster", "insurer", "lender", "chain",
    "conglomerate", "supermarket", "newspaper", "magazine", "charity", "club", "band",
    "artist", "singer", "rapper", "musician", "actor", "actress", "designer", "worker",
    "businessman", "businesswoman", "entrepreneur", "tycoon", "billionaire", "banker",
    "investor", "star", "champion", "athlete", "cyclist", "runner", "boxer", "golfer",
    "player", "driver", "rider", "novelist", "poet", "film-maker", "director",
}  # fmt: skip
# Heads of an appositive written without an article: "X, home of the city's rugby club,"
_APPOSITION_HEADS = {
    "ceo", "from", "of", "home", "part", "site", "host", "maker", "operator", "member",
    "capital", "birthplace", "winner", "producer", "supplier", "owner", "subsidiary", "unit",
}  # fmt: skip
_APPOSITIVE_RE = re.compile(
    rf"(?P<name>{_NAME}),\s+(?P<app>(?:(?i:the|a|an|one of the|{'|'.join(sorted(ROLE_HEADS | _APPOSITION_HEADS, key=len, reverse=True))})\b"
    # or a possessive: "Volkswagen, Europe's largest carmaker,"
    r"|[A-Z][\w.&-]*['’]s\s"
    # or a title without an article: "Monica Chadha, BBC Delhi reporter,"
    rf"|(?:(?:[A-Z][\w'’.&-]*|{'|'.join(sorted(ROLE_MODIFIERS, key=len, reverse=True))})\s+){{1,4}}"
    rf"(?i:{'|'.join(sorted(ROLE_HEADS, key=len, reverse=True))})\b"
    r")(?:[^,;()]|,(?=\d))*?)"
    r"(?P<close>,(?!\d)|\s[-–—]\s|(?=[.!?;]?[\"'”’]?\s*$))",
)
# "Mrs Hassan, 59, who led ...": the person's age
_PARTICIPLE_APPOSITIVE_RE = re.compile(
    rf"(?P<name>{_NAME}),\s+(?P<part>(?:[a-z]+ed|born|held|known|seen|taken|shot|hit|led|"
    r"run|built|sold|left|kept|found|freed|jailed)\s+(?:in|on|at|by|for|from|as|after|last|"
    r"during|over|with)\b(?:[^,;()\"“”]|,(?=\d))*?)(?=,(?!\d)|[.!?;]?[\"'”’]?\s*$)"
)
# "The wine industry, the world's second largest, has ...": a common-noun subject described
_COMMON_APPOSITIVE_RE = re.compile(
    r"^\s*(?P<subj>(?:The|Its|Their|This)\s+\w[^,;()\"“”]{2,50}?),\s+"
    r"(?P<app>(?:the|a|an|one\s+of\s+the|[A-Z][\w.&-]*['’]s)\s[^,;()\"“”]{2,60}?),\s+"
    r"(?=(?:has|have|had|is|are|was|were|will|would|can|could|may|might|also|still|now)\b)"
)
_STATIVE_PARTICIPLES = {"based", "known", "located", "owned", "listed", "headquartered"}
_AGE_RE = re.compile(rf"(?P<name>{_NAME}),\s+(?P<age>\d{{1,3}}),(?!\d)")
# "ROLE, NAME, verb"; a lower-case word after the name, but not "and"/"or" (then it is a list)
_LEAD_APPOSITIVE_RE = re.compile(
    rf"^(?P<role>[^,;]{{3,90}}?),\s+(?P<name>{_NAME}),\s+(?=[a-z])(?!and\b|or\b|nor\b)"
)
_OWNERSHIP_RE = re.compile(
    rf"\b(?P<adj>[A-Za-z]+-(?:owned|run|controlled|backed|funded|listed|based))\s+(?:firm\s+|company\s+|group\s+)?(?P<name>{_NAME})"
)
_ACRONYM_RE = re.compile(
    r"\b(?:the\s+)?(?P<desc>(?:[a-z][\w-]+\s+)+)(?P<full>(?:[A-Z][\w'’-]*\s+){1,5})\((?P<acr>[A-Z][A-Za-z]{1,9})\)"
)


_PREPOSITIONS_BUT_OF = PREPOSITIONS - {"of"}


def roles_before_names(sentence: str) -> list[Draft]:
    """'Treasury Secretary Scott Bessent' -> 'Scott Bessent is Treasury Secretary'."""
    drafts: list[Draft] = []
    tokens = list(TOKEN_RE.finditer(sentence))
    for index, token in enumerate(tokens[:-1]):
        raw = token.group(0)
        head = clean_word(raw)
        classifier = raw.islower() and head in CLASSIFIERS
        if raw[-1:] in ",;:." or (head not in ROLE_HEADS and not classifier):
            continue
        # the name: capitalised words right after the title ("Mr Prescott" too)
        name_tokens = []
        for position, follower in enumerate(tokens[index + 1 : index + 4]):
            word = follower.group(0)
            clean = word.strip(",.;:!?\"'“”‘’()")
            if not clean or not clean[0].isupper() or clean.lower() in ROLE_HEADS:
                break
            if clean in NOT_NAMES or (clean.lower() in FORMS_OF_ADDRESS and position > 0):
                break
            name_tokens.append(follower)
            if word != clean or word.endswith(("'s", "’s")):
                break
        if name_tokens and name_tokens[0].group(0).strip(".").lower() in FORMS_OF_ADDRESS:
            if len(name_tokens) < 2:
                continue
        if not name_tokens:
            continue
        # the title: capitalised words and role words before the head, no determiners
        role_tokens = [token]
        lowercase_head = raw[:1].islower()
        for previous in reversed(tokens[max(0, index - 5) : index]):
            word = previous.group(0)
            if word[-1:] in ',;:."”’)':
                break
            lowered = word.lower()
            if word in NOT_NAMES or lowered in DETERMINERS or lowered in _PREPOSITIONS_BUT_OF:
                break
            if classifier and (lowered == "of" or is_verb(word)):
                break
            if word[0].isupper() or lowered in ROLE_MODIFIERS or lowered in ROLE_HEADS:
                role_tokens.insert(0, previous)
                continue
            # "home affairs spokesman": nouns before a lower-case title
            if lowercase_head and word.isalpha() and word.islower() and not is_verb(word):
                if lowered in ADVERBS or lowered in PRONOUNS or lowered in BASE_VERBS:
                    break
                role_tokens.insert(0, previous)
                continue
            break
        if len(role_tokens) < 2 and not (lowercase_head and index > 0 and len(name_tokens) > 1):
            # "President Trump": a form of address; "analyst Gartner": a firm, not a person
            continue
        role = sentence[role_tokens[0].start() : token.end()]
        name = sentence[name_tokens[0].start() : name_tokens[-1].end()].strip(",.;:!?\"'“”‘’()")
        name = re.sub(r"['’]s$", "", name)
        start, end = role_tokens[0].start(), name_tokens[-1].end()
        if classifier:
            # "Chinese computer firm Lenovo" -> "Lenovo is a Chinese computer firm"
            article = "an" if role[:1].lower() in "aeiou" else "a"
            text = f"{name} is {article} {role}"
            drafts.append(Draft("apposition", keep_only(sentence, start, end), text=text))
            continue
        drafts.append(Draft("role", keep_only(sentence, start, end), text=f"{name} is {role}"))
    return drafts


def _is_role_phrase(phrase: str) -> bool:
    words = {clean_word(w) for w in phrase.split()}
    return bool(words & ROLE_HEADS)


def appositive_claims(sentence: str, work: str) -> tuple[list[Draft], str]:
    """'NAME, the head of X,' and 'ROLE, NAME, verb' -> 'NAME is ROLE'; removes them from work."""
    drafts: list[Draft] = []
    lead = _LEAD_APPOSITIVE_RE.match(work)
    if lead:
        role = lead.group("role").strip()
        first = role.split()[0] if role.split() else ""
        if (
            (
                first not in NOT_NAMES
                or first in ("Another", "Other")
                or (first == "The" and _is_role_phrase(role))
            )
            and first.lower() not in PREPOSITIONS
            and first_verb(role) is None
        ):
            name = lead.group("name")
            kind = "role" if _is_role_phrase(role) else "apposition"
            start = len(work) - len(work.lstrip())
            # "Another rare earth, Samarium, is ...": the description leans on the text before
            if first.lower() not in {"another", "other", "such", "this", "that", "these", "those"}:
                drafts.append(
                    Draft(
                        kind,
                        keep_only(sentence, start, lead.end("name")),
                        text=f"{name} is {'the' + role[3:] if first == 'The' else role}",
                    )
                )
            work = blank(work, start, lead.start("name"))
            work = blank(work, lead.end("name"), lead.end("name") + 1)

    common = _COMMON_APPOSITIVE_RE.match(work)
    if common and first_verb(" " + common.group("subj"), limit=10) is None:
        app = common.group("app")
        if first_verb(" " + app, limit=12) is None and not re.search(r"\s(?:and|or)\s", app):
            # "The French wine industry, the world's second largest, has been hit ..."
            subj = " ".join(common.group("subj").split())
            subj = subj[0].upper() + subj[1:]
            kept = keep_only(sentence, common.start("app"), common.end("app"))
            drafts.append(Draft("apposition", kept, text=f"{subj} is {app.strip()}"))
            work = blank(work, common.end("subj"), common.end("app") + 1)
    for match in _PARTICIPLE_APPOSITIVE_RE.finditer(work):
        # "aid worker Margaret Hassan, kidnapped in Iraq" -> "Margaret Hassan was kidnapped ..."
        name = match.group("name")
        if name.split()[0] in NOT_NAMES or first_verb(" " + match.group("part")[1:], limit=12):
            continue
        copula = "is" if match.group("part").split()[0] in _STATIVE_PARTICIPLES else "was"
        kept = keep_only(sentence, match.start("part"), match.end("part"))
        drafts.append(Draft("apposition", kept, text=f"{name} {copula} {match.group('part')}"))
        end = match.end("part") + (
            1 if work[match.end("part") : match.end("part") + 1] == "," else 0
        )
        work = blank(work, match.start("name") + len(name), end)
    for match in _AGE_RE.finditer(work):
        name = match.group("name")
        if name.split()[0] in NOT_NAMES:
            continue
        kept = keep_only(sentence, match.start("name"), match.end("age"))
        drafts.append(Draft("apposition", kept, text=f"{name} is {match.group('age')} years old"))
        work = blank(work, match.end("name"), match.end("age"))
    for match in _APPOSITIVE_RE.finditer(work):
        name, app = match.group("name"), match.group("app").strip()
        words = [w for w in name.split() if not w[:1].isdigit()]
        if words[0] in NOT_NAMES and len(words) == 1:
            continue  # "However, the ...", "In 2020, the ..."
        after_close = work[match.end() : match.end() + 6].lstrip().lower()
        if match.group("close") == "," and after_close.startswith(("and ", "or ")):
            continue  # a list: "A, the B, and C"
        if app.split()[0].lower() in {"another", "other", "such", "this", "his", "her", "their"}:
            continue
        if re.search(r"\s(?:and|or)\s+(?:the|a|an)\s", app) and not _is_role_phrase(app):
            continue  # "the highest growth in Europe, the lowest X and the biggest Y": a list
        before_name = work[max(0, match.start("name") - 12) : match.start("name")]
        if app[:1].isupper() and re.search(r"\b(?:the|of|in|at|for|from|by)\s+$", before_name):
            continue  # "the head of the NHTCU, Acting Chief ...": the title is not the unit's
        role, relative = app, ""
        relative_match = re.search(r"\s(?:which|who)\s", app)
        if relative_match:
            role, relative = app[: relative_match.start()], app[relative_match.end() :]
        if not role.strip() or first_verb(role) is not None:
            continue  # a clause, not a description: "In London, the talks ended"
        # "Dexter Roberts, from the X Hub," reads as "Dexter Roberts is from the X Hub"
        text = f"{name} is {role.strip()}"
        kind = "role" if _is_role_phrase(role) else "apposition"
        role_end = match.start("app") + len(role)
        drafts.append(Draft(kind, keep_only(sentence, match.start("name"), role_end), text=text))
        if relative:
            antecedent = re.findall(r"[A-Z][\w'’.&-]*(?:\s+[A-Z][\w'’.&-]*)*", role)
            subject = antecedent[-1] if antecedent else noun_phrase_before(role, len(role))
            rel_start = match.start("app") + relative_match.end()
            drafts.append(
                Draft(
                    "relative",
                    keep_only(sentence, rel_start, match.start("app") + len(app)),
                    prefix=subject,
                )
            )
        close_end = match.end() if match.group("close") == "," else match.start("close")
        work = blank(work, match.start("app") - 2, close_end)
    return drafts, work


def ownership(sentence: str) -> list[Draft]:
    """'state-owned Codelco' -> 'Codelco is state-owned'."""
    drafts: list[Draft] = []
    for match in _OWNERSHIP_RE.finditer(sentence):
        name = match.group("name")
        if name.split()[0] in NOT_NAMES:
            continue
        kept = keep_only(sentence, match.start(), match.end())
        drafts.append(Draft("apposition", kept, text=f"{name} is {match.group('adj')}"))
    for match in _ACRONYM_RE.finditer(sentence):
        description = match.group("desc").split()
        if not description or description[-1].lower() in PREPOSITIONS | DETERMINERS:
            continue
        # only descriptive modifiers make this a fact ("the governmental X (Y)")
        words = " ".join(description[-2:])
        kept = keep_only(sentence, match.start("desc"), match.end())
        text = f"{match.group('acr')} is the {words} {match.group('full').strip()}"
        drafts.append(Draft("apposition", kept, text=text))
    return drafts
