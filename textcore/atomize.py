"""Split one sentence into atomic claims: one fact per claim, each naming its subject.

A claim is a *draft* over the sentence: the sentence with everything that is not part of the
claim blanked out (replaced by spaces, so offsets never move), plus words the sentence implies
but that lie elsewhere (the shared subject of a coordinated verb), or a generated text for
facts the sentence states by its structure ("Li Chenggang is China's Deputy Minister of
Commerce" from an appositive).

A dateline ("LONDON (Reuters) - ") and a discourse marker ("However,") opening the sentence
are blanked first. Names may end in a number ("Hornsea 2"), and a comma inside a number
("1,200") never closes an appositive or a relative clause.

The rules, applied in this order, each on general sentence structure rather than wording:

1. roles before names: "Treasury Secretary Scott Bessent" -> "Scott Bessent is Treasury
   Secretary" (a title of two or more words; bare forms of address like "President Trump" are
   left alone);
2. appositives: "China's Deputy Minister, Li Chenggang, said" and "Kevin Hassett, the head of
   X, said" give "NAME is ROLE"; the appositive is then removed from the main clause;
3. relative clauses and dashes: "Nvidia, which is under sanctions," -> "Nvidia is under
   sanctions"; "components - used in motors -" -> "components are used in motors";
   "the previous record - 2003's imbalance" -> "the previous record was 2003's imbalance";
4. modifiers of the subject: "The delegation, led by A and including B," -> "The delegation
   was led by A", "The delegation included B";
5. coordination: "; ", ", while", ", and" + verb (the subject is repeated), ", and" + a new
   subject and verb, ", thus refining" (participle; the subject is repeated);
6. quantities: "rose 12.3% to $1.15 trillion" states a change and a level, so it gives two
   claims; "hit an all-time high of $X" gives the record and the figure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .text import dateline_length

__all__ = ["Draft", "atomize"]


@dataclass
class Draft:
    """One atomic claim over a sentence, before scoring."""

    kind: str  # clause, role, apposition, relative
    kept: str  # the sentence with everything outside the claim blanked by spaces
    prefix: str = ""  # the subject, when it lies outside the kept text
    text: str = ""  # generated text (roles and appositions); empty means prefix + kept
    suffix: str = ""  # an attribution the claim keeps: ", according to the ministry"

    def span(self) -> tuple[int, int] | None:
        """First and last kept character (end exclusive) in sentence offsets."""
        stripped = self.kept.strip()
        if not stripped:
            return None
        start = len(self.kept) - len(self.kept.lstrip())
        return start, start + len(stripped)

    def render(self) -> str:
        """The claim text before normalisation."""
        if self.text:
            return self.text
        body = " ".join(self.kept.split())
        if self.suffix:
            body = f"{body.rstrip(' ,.;:')}{self.suffix}"
        if not self.prefix:
            return body
        first = body.split(" ", 1)[0]
        if first in _LOWERED_AFTER_PREFIX:
            # "He said" + "The figures rose": the clause goes on in lower case
            body = first.lower() + body[len(first) :]
        return f"{self.prefix} {body}"


# ----------------------------------------------------------------------------- word lists

_LOWERED_AFTER_PREFIX = {
    "The", "A", "An", "This", "That", "These", "Those", "Its", "Their", "His", "Her", "Our",
    "Some", "Many", "Most", "Several", "Few", "All", "Both", "Each", "Every", "No", "Any",
    "Such", "Other", "Another", "There",
}  # fmt: skip

_AUX = {
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "may",
    "might", "must", "should", "shall", "does", "do", "did", "am", "'s",
}  # fmt: skip
_IRREGULAR = {
    "said", "says", "rose", "rises", "fell", "falls", "grew", "grows", "hit", "hits", "made",
    "makes", "took", "takes", "held", "holds", "led", "leads", "met", "meets", "won", "wins",
    "lost", "loses", "spent", "spends", "sold", "sells", "paid", "pays", "built", "builds",
    "became", "becomes", "began", "begins", "went", "goes", "came", "comes", "gave", "gives",
    "saw", "sees", "found", "finds", "kept", "keeps", "told", "tells", "ran", "runs", "brought",
    "brings", "bought", "buys", "thought", "thinks", "knew", "knows", "got", "gets", "left",
    "forms", "uses", "involves", "operates", "produces", "refines", "monopolizes",
    "monopolises", "withstands", "includes", "employs", "owns", "controls", "accounts",
    "remains", "reaches", "expects", "forecasts", "plans", "shows", "show", "reports",
    "estimates", "believes", "argues", "claims", "warns", "suggests", "dominates", "seems", "appears", "stands", "lies", "lay", "sits", "sat", "wrote", "writes",
    "spoke", "speaks", "chose", "drove", "drives", "sent", "sends", "fought", "taught", "struck",
    "stood", "set", "cut", "put", "let", "shut", "quit", "bet", "cost", "costs", "needs",
}  # fmt: skip
# Words ending in -ed that are usually adjectives in news prose.
_ED_ADJECTIVES = {
    "advanced", "limited", "detailed", "united", "red", "bed", "need", "speed", "seed", "feed",
    "hundred", "based", "related", "skilled", "interested", "concerned", "expected",
    "supposed", "alleged", "so-called", "named", "listed", "imported", "refined", "renewed",
    "sophisticated", "complicated", "dedicated", "experienced", "armed", "aged", "biased",
    "shared", "mixed", "fixed", "varied", "unprecedented", "unexpected", "reported",
}  # fmt: skip
_DETERMINERS = {
    "the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our",
    "some", "any", "every", "each", "both", "all", "no", "another",
}  # fmt: skip
_PRONOUNS = {"he", "she", "it", "they", "we", "i", "you", "him", "them", "us", "me"}
_BASE_VERBS = {
    "believe", "think", "say", "claim", "argue", "know", "expect", "see", "fear", "hope",
    "want", "need", "estimate", "suggest", "warn", "insist", "reckon", "feel", "agree",
}  # fmt: skip
_PREPOSITIONS = {
    "in", "on", "at", "for", "from", "with", "by", "to", "into", "over", "under", "after",
    "before", "during", "between", "about", "against", "among", "across", "through", "since",
    "until", "without", "within", "upon", "towards", "toward", "despite", "than", "as", "via",
    "like", "that", "while", "when", "if", "and", "or", "but", "because",
}  # fmt: skip
_ADVERBS = {
    "also", "even", "then", "later", "now", "still", "thus", "further", "subsequently", "only",
    "already", "again", "recently", "previously", "eventually", "finally", "quickly", "soon",
    "nearly", "almost", "just", "not", "never", "has", "have", "had", "was", "were", "is", "are",
    "will", "would",
}  # fmt: skip
_ROLE_HEADS = {
    "secretary", "minister", "president", "representative", "director", "chairman",
    "chairwoman", "chair", "chief", "ceo", "cfo", "coo", "cto", "officer", "governor",
    "ambassador", "commissioner", "spokesman", "spokeswoman", "spokesperson", "adviser",
    "advisor", "head", "leader", "senator", "mayor", "premier", "chancellor", "founder",
    "co-founder", "editor", "economist", "analyst", "strategist", "manager", "treasurer",
    "general", "admiral", "judge", "envoy", "negotiator", "deputy", "executive", "professor",
    "researcher", "fellow", "partner", "vice-president", "vice-chairman", "official",
    "correspondent", "commander", "attorney", "prosecutor", "lawmaker", "mp", "congressman",
    "congresswoman", "speaker", "owner", "boss", "referee", "journalist", "reporter", "author",
    "writer", "lawyer", "coach", "captain", "striker", "goalkeeper", "midfielder", "defender",
    "activist", "campaigner", "presenter", "scientist", "novelist", "columnist", "historian",
}  # fmt: skip
_ROLE_MODIFIERS = {
    "vice", "deputy", "chief", "executive", "senior", "former", "acting", "assistant", "general",
    "foreign", "finance", "trade", "defence", "defense", "interior", "economy", "prime", "press",
    "managing", "junior", "principal", "lead", "national", "state", "federal",
    "commerce", "treasury", "energy", "health", "home", "shadow", "interim", "associate",
    "operating", "financial", "technology", "security", "us", "u.s.", "uk",
}  # fmt: skip
_HONORIFICS = {"mr", "mrs", "ms", "dr", "sir", "dame", "lord", "lady", "mr.", "mrs.", "ms.", "dr."}
_NOT_NAMES = {
    "The", "A", "An", "However", "Meanwhile", "Still", "Lastly", "Moreover", "Also", "And", "But",
    "In", "On", "At", "For", "From", "With", "By", "To", "As", "If", "When", "While", "After",
    "Before", "During", "Despite", "Upon", "Yesterday", "Today", "Tomorrow", "Last", "Next",
    "This", "That", "These", "Those", "It", "He", "She", "They", "We", "I", "There", "Here",
    "Some", "Many", "Most", "Other", "Another", "Such", "Both", "All", "Any", "Each", "Every",
    "So", "Yet", "Or", "Nor", "Since", "Until", "Although", "Though", "Because", "Why", "What",
    "How", "Who", "Where", "Which", "Regardless", "Should", "Overall", "Finally", "Indeed",
}  # fmt: skip
_PARTICIPLE_SKIP = {
    "including", "according", "following", "excluding", "regarding", "concerning", "during",
    "notwithstanding", "pending", "considering", "bring", "thing", "spring", "king", "nothing",
    "something", "anything", "everything", "morning", "evening", "beijing", "ring", "wing",
    "sting", "string", "ceiling", "building", "funding", "meeting", "spending", "earning",
    "saying", "using", "stating", "claiming", "adding", "noting", "arguing", "insisting",
    "warning", "suggesting", "telling", "explaining", "describing", "calling", "asking",
    "citing", "referring", "acknowledging", "admitting",
}  # fmt: skip
_REPORTING = re.compile(
    r"\b(?:claims?|claimed|says?|said|believes?|believed|argues?|argued|estimates?|estimated|"
    r"thinks?|thought|reckons?|alleges?|alleged|insists?|insisted)\b"
)
_PARTICIPLE_START = re.compile(
    r"^(?:[a-z]+ed|used|made|built|known|led|held|run|owned|set|sold|paid|found|seen|given|"
    r"taken|written|shown|grown|brought|bought|kept|left|put|cut|spent|won|lost)\b"
)

_DISCOURSE_RE = re.compile(
    r"^(?:However|Meanwhile|Still|Lastly|Moreover|Also|And|But|In addition|Furthermore|Yet|So|"
    r"Indeed|Besides|Nevertheless|Nonetheless|Instead|Overall|Finally|Separately|Similarly|"
    r"Likewise|Additionally|For example|For instance|In fact|Notably|Crucially|Importantly|"
    r"Thus|Therefore|Hence|Consequently|Then|Now|Again|Elsewhere|Further|First|Second|Third)"
    r"\b,?\s+"
)
_TRAILING_RE = re.compile(r"[\s.!;:…]+$")  # a question mark stays: it marks a question
_NAME_TOKEN = r"[A-Z][\w'’.&-]*"
# a name may end in a number: "Hornsea 2", "Apollo 11"
_NAME = (
    rf"{_NAME_TOKEN}(?:\s+(?:(?:of|de|la|del|van|von|bin|al|da|the)\s+)?{_NAME_TOKEN}){{0,4}}"
    r"(?:\s+\d{1,4}[A-Za-z]?\b(?![.,]\d))?"
)
# Heads of an appositive written without an article: "X, home of the city's rugby club,"
_APPOSITION_HEADS = {
    "ceo", "from", "of", "home", "part", "site", "host", "maker", "operator", "member",
    "capital", "birthplace", "winner", "producer", "supplier", "owner", "subsidiary", "unit",
}  # fmt: skip
_APPOSITIVE_RE = re.compile(
    rf"(?P<name>{_NAME}),\s+(?P<app>(?:(?i:the|a|an|one of the|{'|'.join(sorted(_ROLE_HEADS | _APPOSITION_HEADS, key=len, reverse=True))})\b"
    # or a possessive: "Volkswagen, Europe's largest carmaker,"
    r"|[A-Z][\w.&-]*['’]s\s"
    # or a title without an article: "Monica Chadha, BBC Delhi reporter,"
    rf"|(?:(?:[A-Z][\w'’.&-]*|{'|'.join(sorted(_ROLE_MODIFIERS, key=len, reverse=True))})\s+){{1,4}}"
    rf"(?i:{'|'.join(sorted(_ROLE_HEADS, key=len, reverse=True))})\b"
    r")(?:[^,;()]|,(?=\d))*?)"
    r"(?P<close>,(?!\d)|\s[-–—]\s|(?=[.!?;]?[\"'”’]?\s*$))",
)
# "Mrs Hassan, 59, who led ...": the person's age
_AGE_RE = re.compile(rf"(?P<name>{_NAME}),\s+(?P<age>\d{{1,3}}),(?!\d)")
# "ROLE, NAME, verb"; a lower-case word after the name, but not "and"/"or" (then it is a list)
_LEAD_APPOSITIVE_RE = re.compile(
    rf"^(?P<role>[^,;]{{3,90}}?),\s+(?P<name>{_NAME}),\s+(?=[a-z])(?!and\b|or\b|nor\b)"
)
_DASH_RE = re.compile(r"\s[-–—]\s|\s?—\s?")
_RELATIVE_RE = re.compile(
    r",\s+(?P<rel>which|who)\s+(?P<rest>(?:[^,;]|,(?=\d))+?)(?P<close>,(?!\d)|(?=[.!?;]?\s*$))"
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
_OWNERSHIP_RE = re.compile(
    rf"\b(?P<adj>[A-Za-z]+-(?:owned|run|controlled|backed|funded|listed|based))\s+(?:firm\s+|company\s+|group\s+)?(?P<name>{_NAME})"
)
_ACRONYM_RE = re.compile(
    r"\b(?:the\s+)?(?P<desc>(?:[a-z][\w-]+\s+)+)(?P<full>(?:[A-Z][\w'’-]*\s+){1,5})\((?P<acr>[A-Z][A-Za-z]{1,9})\)"
)
_TOKEN_RE = re.compile(r"\S+")
_SPLIT_RE = re.compile(
    r"(?P<semi>;\s+)|(?P<contrast>,\s+(?:while|whereas|but|although|though|yet)\s+)|"
    r"(?P<and>,?\s+(?:and|but)\s+)|(?P<participle>,\s+(?:thus\s+|thereby\s+|so\s+|also\s+|further\s+)?(?=[a-z]+ing\b))|"
    # "Revenue fell 1.4% as sales of ice cream were dampened": a reason with its own subject
    r"(?P<reason>,?\s+(?:as|because)\s+(?!(?:well|part|much|many|soon|long|far|good|such|usual|"
    r"expected|planned|a|an|if|though|of|to|for|in|with|it|he|she|they|this|that)\b))"
)
_RECORD_RE = re.compile(
    r"(?P<record>(?:an?\s+)?(?:new\s+)?(?:all-time|record|[\w]+-year|multi-year|[\w]+-month)\s+(?:high|low))\s+of\s+$",
    re.IGNORECASE,
)
_CHANGE_TO_LEVEL_RE = re.compile(
    r"^\s*(?:(?:in|on|during|for|over)\s+[\w ]{1,25}?\s+)?(?P<conn>to|at)\s+(?:an?\s+)?(?:new\s+)?"
    r"(?:record(?:\s+high)?|all-time\s+high)?(?:\s+of)?\s*$",
    re.IGNORECASE,
)


def _blank(text: str, start: int, end: int) -> str:
    """Replace text[start:end] by spaces (offsets stay put)."""
    start, end = max(0, start), min(len(text), end)
    if end <= start:
        return text
    return text[:start] + " " * (end - start) + text[end:]


def _keep_only(text: str, start: int, end: int) -> str:
    """Blank everything outside [start, end)."""
    return " " * start + text[start:end] + " " * (len(text) - end)


def _clean_word(token: str) -> str:
    return token.strip(",.;:!?\"'“”‘’()[]").lower()


def is_verb(token: str, next_token: str = "") -> bool:
    """A finite verb, judged from the word alone and the word after it (no tagger)."""
    word = _clean_word(token)
    if not word:
        return False
    if word in _AUX or word in _IRREGULAR:
        return True
    if word.endswith("n't") or word.endswith("n’t"):
        return True
    if len(word) > 4 and word.endswith("ed") and word not in _ED_ADJECTIVES and "-" not in word:
        after = _clean_word(next_token)
        # "imported cars" is an adjective; "ended without", "initiated this call" are verbs
        if after in _DETERMINERS or after in _PREPOSITIONS or after in _PRONOUNS:
            return True
        if after and after.endswith("s") and not after.endswith("ss") and len(after) > 3:
            return next_token[:1].isupper()
        return True
    return False


def _first_verb(text: str, start: int = 0, limit: int = 10) -> re.Match[str] | None:
    """The first token of `text[start:]` that looks like a finite verb (within `limit` tokens)."""
    tokens = list(_TOKEN_RE.finditer(text, start))[: limit + 1]
    for index, token in enumerate(tokens[:limit]):
        following = tokens[index + 1].group(0) if index + 1 < len(tokens) else ""
        previous = _clean_word(tokens[index - 1].group(0)) if index else ""
        if index == 0 and _clean_word(token.group(0)) not in _AUX | _IRREGULAR:
            continue
        if previous in _DETERMINERS and _clean_word(token.group(0)) not in _AUX:
            continue
        if is_verb(token.group(0), following):
            return token
        word = _clean_word(token.group(0))
        if (
            index > 1
            and previous in _PRE_VERB_ADVERBS
            and token.group(0).isalpha()
            and token.group(0).islower()
            and not word.endswith(("ly", "ing"))
            and word not in _DETERMINERS | _PREPOSITIONS | _PRONOUNS | _ADVERBS
        ):
            return token  # "The Lib Dems also oppose ...": a verb after a sentence adverb
    return None


# Adverbs that sit between a subject and its verb ("also oppose", "never signed")
_PRE_VERB_ADVERBS = {
    "also", "still", "already", "never", "often", "always", "usually", "recently",
    "previously", "jointly", "unanimously", "repeatedly", "subsequently", "reportedly",
}  # fmt: skip
_NAME_THEN_S_VERB_RE = re.compile(
    r"(?:[A-Z][\w'’.&-]*\s+){1,4}(?P<verb>[a-z]{3,}[^s\W]s)\s+(?P<next>[\w$£€]+)"
)


def _proper_name_verb(text: str, start: int) -> re.Match[str] | None:
    """'Norway exports most of its gas': a present-tense verb right after a proper name."""
    match = _NAME_THEN_S_VERB_RE.match(text, start)
    if not match:
        return None
    following = match.group("next").lower()
    if re.search(
        r"(?:ions|ments|ness|ities|ships|ances|ences|isms|ists|ers|ors)$", match.group("verb")
    ):
        return None  # "High-level negotiations between ...": a plural noun, not a verb
    if (
        following in _DETERMINERS
        or following in _PREPOSITIONS
        or following in {"most", "more", "less", "much", "about", "nearly", "almost", "over"}
        or following[:1].isdigit()
        or following[:1] in "$£€"
    ):
        return re.compile(r"\S+").match(text, match.start("verb"))
    return None


_OPENING_ADVERBS = {
    "Earlier", "Later", "Yesterday", "Today", "Tomorrow", "Previously", "Meanwhile", "Now",
    "Then", "Instead", "Overall", "Elsewhere", "Afterwards", "Recently", "Separately", "Again",
}  # fmt: skip
_OPENING_COMMA_RE = re.compile(r",(?!\d)")


def find_subject(text: str, start: int = 0) -> tuple[int, int] | None:
    """Offsets of the subject of the clause starting at `start` (text before its first verb)."""
    segment_end = len(text)
    # skip an opening phrase such as "For all of 2004," or "During an interview with CNBC,"
    # (a comma inside a number, "40,000", opens nothing)
    opening = _OPENING_COMMA_RE.search(text, start, min(segment_end, start + 60))
    comma = opening.start() if opening else -1
    if comma > 0 and _first_verb(text[:comma], start) is None:
        head = text[start:comma].split()
        if head and (
            head[0].lower() in _PREPOSITIONS
            or head[0] in _NOT_NAMES
            # "Earlier, the board ...", "Separately, ...": one adverb opening the sentence
            or (len(head) == 1 and (head[0].endswith("ly") or head[0] in _OPENING_ADVERBS))
        ):
            start = comma + 1
    while start < segment_end and text[start].isspace():
        start += 1
    verb = _proper_name_verb(text, start) or _first_verb(text, start, limit=9)
    if verb is None:
        return None
    subject = text[start : verb.start()].rstrip()
    if not subject or "," in subject or len(subject.split()) > 8:
        return None
    if _clean_word(subject.split()[-1]) in _PREPOSITIONS:
        return None
    return start, start + len(subject)


def _noun_phrase_before(text: str, end: int) -> str:
    """The noun phrase ending at `end`: back to its determiner, at most six words."""
    tokens = list(_TOKEN_RE.finditer(text[:end]))
    words: list[str] = []
    for token in reversed(tokens[-6:]):
        raw = token.group(0)
        if raw.endswith((",", ";", ":")) and words:
            break
        word = _clean_word(raw)
        if word in _PREPOSITIONS or word in _PRONOUNS or word in _BASE_VERBS:
            break
        if words and (is_verb(raw) or (word.endswith("ing") and word not in _PARTICIPLE_SKIP)):
            break  # "operating Shadowcrew.com": the gerund is not part of the noun phrase
        words.insert(0, raw.strip(",;:"))
        if word in _DETERMINERS:
            break
    return " ".join(words)


def _third_person(participle: str, plural: bool) -> str:
    """'refining' -> 'refines' (or 'refine' after a plural subject)."""
    stem = participle[:-3]
    if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "ls":
        stem = stem[:-1]  # "spurring" -> "spur"
        base = stem
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


_IRREGULAR_PAST = {
    "making": "made", "taking": "took", "giving": "gave", "leaving": "left", "bringing": "brought",
    "holding": "held", "sending": "sent", "keeping": "kept", "selling": "sold", "paying": "paid",
    "building": "built", "meeting": "met", "leading": "led", "putting": "put", "setting": "set",
    "cutting": "cut", "hitting": "hit", "becoming": "became", "saying": "said", "telling": "told",
    "finding": "found", "getting": "got", "going": "went", "coming": "came", "running": "ran",
    "winning": "won", "losing": "lost", "spending": "spent", "seeing": "saw", "rising": "rose",
    "falling": "fell", "growing": "grew", "writing": "wrote", "driving": "drove",
    "beginning": "began", "standing": "stood", "bearing": "bore", "drawing": "drew",
}  # fmt: skip
_PAST_AUX = {"was", "were", "had", "did"}


def _past_tense(participle: str) -> str:
    """'announcing' -> 'announced', 'spurring' -> 'spurred', 'making' -> 'made'."""
    if participle in _IRREGULAR_PAST:
        return _IRREGULAR_PAST[participle]
    base = _third_person(participle, plural=True)
    if base.endswith("e"):
        return base + "d"
    if base.endswith("y") and len(base) > 2 and base[-2] not in "aeiou":
        return base[:-1] + "ied"
    if participle[-4:-3] == participle[-5:-4] and participle[-4:-3] not in "ls":
        return base + base[-1] + "ed"  # "spurring" -> "spurred"
    return base + "ed"


def _main_verb_is_past(work: str, subject_span: tuple[int, int] | None) -> bool:
    """Whether the first clause's verb is in the past tense ("concluded", "rose", "was")."""
    if subject_span is None:
        return False
    tokens = work[subject_span[1] :].split()[:3]
    words = [_clean_word(t) for t in tokens if _clean_word(t) not in _ADVERBS - _AUX]
    if not words:
        return False
    word = words[0]
    return (
        word in _PAST_AUX
        or (word.endswith("ed") and word not in _ED_ADJECTIVES)
        or word in set(_IRREGULAR_PAST.values())
    )


def _looks_plural(noun_phrase: str) -> bool:
    words = noun_phrase.split()
    if not words:
        return False
    last = words[-1].lower()
    return (last.endswith("s") and not last.endswith("ss") and not words[-1][:1].isupper()) or (
        " and " in f" {noun_phrase} "
    )


# ----------------------------------------------------------------------------- rules


def _roles_before_names(sentence: str) -> list[Draft]:
    """'Treasury Secretary Scott Bessent' -> 'Scott Bessent is Treasury Secretary'."""
    drafts: list[Draft] = []
    tokens = list(_TOKEN_RE.finditer(sentence))
    for index, token in enumerate(tokens[:-1]):
        raw = token.group(0)
        if raw[-1:] in ",;:." or _clean_word(raw) not in _ROLE_HEADS:
            continue
        # the name: capitalised words right after the title ("Mr Prescott" too)
        name_tokens = []
        for position, follower in enumerate(tokens[index + 1 : index + 4]):
            word = follower.group(0)
            clean = word.strip(",.;:!?\"'“”‘’()")
            if not clean or not clean[0].isupper() or clean.lower() in _ROLE_HEADS:
                break
            if clean in _NOT_NAMES or (clean.lower() in _HONORIFICS and position > 0):
                break
            name_tokens.append(follower)
            if word != clean or word.endswith(("'s", "’s")):
                break
        if name_tokens and name_tokens[0].group(0).strip(".").lower() in _HONORIFICS:
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
            if word in _NOT_NAMES or lowered in _DETERMINERS or lowered in _PREPOSITIONS - {"of"}:
                break
            if word[0].isupper() or lowered in _ROLE_MODIFIERS or lowered in _ROLE_HEADS:
                role_tokens.insert(0, previous)
                continue
            # "home affairs spokesman": nouns before a lower-case title
            if lowercase_head and word.isalpha() and word.islower() and not is_verb(word):
                if lowered in _ADVERBS or lowered in _PRONOUNS or lowered in _BASE_VERBS:
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
        drafts.append(Draft("role", _keep_only(sentence, start, end), text=f"{name} is {role}"))
    return drafts


def _is_role_phrase(phrase: str) -> bool:
    words = {_clean_word(w) for w in phrase.split()}
    return bool(words & _ROLE_HEADS)


def _appositives(sentence: str, work: str) -> tuple[list[Draft], str]:
    """'NAME, the head of X,' and 'ROLE, NAME, verb' -> 'NAME is ROLE'; removes them from work."""
    drafts: list[Draft] = []
    lead = _LEAD_APPOSITIVE_RE.match(work)
    if lead:
        role = lead.group("role").strip()
        first = role.split()[0] if role.split() else ""
        if (
            (
                first not in _NOT_NAMES
                or first in ("Another", "Other")
                or (first == "The" and _is_role_phrase(role))
            )
            and first.lower() not in _PREPOSITIONS
            and _first_verb(role) is None
        ):
            name = lead.group("name")
            kind = "role" if _is_role_phrase(role) else "apposition"
            start = len(work) - len(work.lstrip())
            # "Another rare earth, Samarium, is ...": the description leans on the text before
            if first.lower() not in {"another", "other", "such", "this", "that", "these", "those"}:
                drafts.append(
                    Draft(
                        kind,
                        _keep_only(sentence, start, lead.end("name")),
                        text=f"{name} is {'the' + role[3:] if first == 'The' else role}",
                    )
                )
            work = _blank(work, start, lead.start("name"))
            work = _blank(work, lead.end("name"), lead.end("name") + 1)

    for match in _AGE_RE.finditer(work):
        name = match.group("name")
        if name.split()[0] in _NOT_NAMES:
            continue
        kept = _keep_only(sentence, match.start("name"), match.end("age"))
        drafts.append(Draft("apposition", kept, text=f"{name} is {match.group('age')} years old"))
        work = _blank(work, match.end("name"), match.end("age"))
    for match in _APPOSITIVE_RE.finditer(work):
        name, app = match.group("name"), match.group("app").strip()
        words = [w for w in name.split() if not w[:1].isdigit()]
        if words[0] in _NOT_NAMES and len(words) == 1:
            continue  # "However, the ...", "In 2020, the ..."
        after_close = work[match.end() : match.end() + 6].lstrip().lower()
        if match.group("close") == "," and after_close.startswith(("and ", "or ")):
            continue  # a list: "A, the B, and C"
        if app.split()[0].lower() in {"another", "other", "such", "this", "his", "her", "their"}:
            continue
        before_name = work[max(0, match.start("name") - 12) : match.start("name")]
        if app[:1].isupper() and re.search(r"\b(?:the|of|in|at|for|from|by)\s+$", before_name):
            continue  # "the head of the NHTCU, Acting Chief ...": the title is not the unit's
        role, relative = app, ""
        relative_match = re.search(r"\s(?:which|who)\s", app)
        if relative_match:
            role, relative = app[: relative_match.start()], app[relative_match.end() :]
        if not role.strip() or _first_verb(role) is not None:
            continue  # a clause, not a description: "In London, the talks ended"
        # "Dexter Roberts, from the X Hub," reads as "Dexter Roberts is from the X Hub"
        text = f"{name} is {role.strip()}"
        kind = "role" if _is_role_phrase(role) else "apposition"
        role_end = match.start("app") + len(role)
        drafts.append(Draft(kind, _keep_only(sentence, match.start("name"), role_end), text=text))
        if relative:
            antecedent = re.findall(r"[A-Z][\w'’.&-]*(?:\s+[A-Z][\w'’.&-]*)*", role)
            subject = antecedent[-1] if antecedent else _noun_phrase_before(role, len(role))
            rel_start = match.start("app") + relative_match.end()
            drafts.append(
                Draft(
                    "relative",
                    _keep_only(sentence, rel_start, match.start("app") + len(app)),
                    prefix=subject,
                )
            )
        close_end = match.end() if match.group("close") == "," else match.start("close")
        work = _blank(work, match.start("app") - 2, close_end)
    return drafts, work


def _dashes(sentence: str, work: str) -> tuple[list[Draft], str]:
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
    subject = _noun_phrase_before(work, first.start())
    if not subject or not inner.strip():
        return drafts, work
    stripped = inner.strip()
    relative = re.match(r"(?:which|who)\s+", stripped)
    if relative:
        rest_start = inner_start + (len(inner) - len(inner.lstrip())) + relative.end()
        rest = work[rest_start:second_start]
        reporting = _REPORTING.search(rest)
        if reporting and not is_verb(rest.split()[0]):
            # "which US manufacturers claim has undervalued ..." -> "... claim POLICY has ..."
            kept = _keep_only(work, rest_start, second_start)
            insert_at = rest_start + reporting.end()
            text = f"{work[rest_start:insert_at]} {subject} {work[insert_at:second_start]}"
            drafts.append(Draft("relative", kept, text=" ".join(text.split())))
        else:
            drafts.append(
                Draft("relative", _keep_only(work, rest_start, second_start), prefix=subject)
            )
    elif _PARTICIPLE_START.match(stripped):
        copula = "are" if _looks_plural(subject) else "is"
        drafts.append(
            Draft(
                "relative",
                _keep_only(work, inner_start, second_start),
                prefix=f"{subject} {copula}",
            )
        )
    elif len(dashes) == 1 and _first_verb(stripped, limit=12) is None:
        copula = "was" if re.search(r"\b(?:was|were|had)\b", work) else "is"
        drafts.append(
            Draft(
                "relative",
                _keep_only(work, inner_start, second_start),
                prefix=f"{subject} {copula}",
            )
        )
    else:
        return drafts, work
    work = _blank(work, first.start(), second_end if len(dashes) > 1 else body_end)
    return drafts, work


def _antecedent(work: str, end: int) -> str:
    """What a ", which ..." clause at `end` describes.

    Usually the noun phrase just before it; but when the sentence so far is one subject noun
    phrase whose last part hangs on a preposition other than "of" ("The line between Lyon and
    Turin, which runs ..."), the relative describes the whole subject.
    """
    phrase = _noun_phrase_before(work, end)
    start = len(work) - len(work.lstrip())
    whole = " ".join(work[start:end].split())
    if not phrase or whole == phrase or "," in whole or len(whole.split()) > 10:
        return phrase
    words = whole.split()
    head = words[0].lower()
    if head not in _DETERMINERS and not words[0][:1].isupper():
        return phrase
    if _first_verb(whole, limit=12) is not None or _proper_name_verb(whole, 0) is not None:
        return phrase
    before = whole[: len(whole) - len(phrase)].split()
    joint = _clean_word(before[-1]) if before else ""
    if joint in _PREPOSITIONS - {"of", "that", "while", "when", "if", "because"}:
        return whole
    return phrase


def _relatives(work: str) -> tuple[list[Draft], str]:
    """', which is under sanctions,' -> 'ANTECEDENT is under sanctions'."""
    drafts: list[Draft] = []
    for match in list(_RELATIVE_RE.finditer(work)):
        rest = match.group("rest")
        words = rest.split()
        # right after "who"/"which" a word in -s is a verb: "who faces an election"
        if not words or not (
            is_verb(words[0], (words + [""])[1]) or re.fullmatch(r"[a-z]+[^s\W]s", words[0])
        ):
            continue
        subject = _antecedent(work, match.start())
        if not subject:
            continue
        reporting = _REPORTING.match(words[1]) if len(words) > 2 else None
        if reporting and not is_verb(words[0]) and is_verb(words[2]):
            # "Shadowcrew.com, which investigators claim was ..." -> "investigators claim
            # Shadowcrew.com was ..."
            text = f"{words[0]} {words[1]} {subject} {' '.join(words[2:])}"
            kept = _keep_only(work, match.start("rest"), match.end("rest"))
            drafts.append(Draft("relative", kept, text=text))
        else:
            drafts.append(
                Draft(
                    "relative",
                    _keep_only(work, match.start("rest"), match.end("rest")),
                    prefix=subject,
                )
            )
        end = match.end() if match.group("close") == "," else match.end("rest")
        work = _blank(work, match.start(), end)
    return drafts, work


def _subject_modifiers(work: str) -> tuple[list[Draft], str]:
    """'The delegation, led by A and including B and C, is ...' -> three claims."""
    match = _SUBJECT_MODIFIER_RE.match(work)
    if not match:
        return [], work
    subject = " ".join(match.group("subject").split())
    if _first_verb(subject) is not None:
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
                if not text or not text[0].isupper():
                    continue
                item_start = (
                    items_start + item.start() + (len(item.group(0)) - len(item.group(0).lstrip()))
                )
                kept = _keep_only(work, item_start, items_start + item.end())
                drafts.append(Draft("apposition", kept, text=f"{subject} included {text}"))
        elif piece.split()[0].endswith("ing"):
            participle = piece.split()[0]
            if participle in _PARTICIPLE_SKIP:
                return [], work
            following = work[match.end() :].split()[:1]
            main = _clean_word(following[0]) if following else ""
            past = main in _PAST_AUX or main.endswith("ed") or main in set(_IRREGULAR_PAST.values())
            if past:
                verb = _past_tense(participle)
            else:
                verb = _third_person(participle, _looks_plural(subject))
            kept = _keep_only(work, mod_start + start + len(participle), mod_start + end)
            drafts.append(Draft("clause", kept, prefix=f"{subject} {verb}"))
        else:
            kept = _keep_only(work, mod_start + start, mod_start + end)
            drafts.append(Draft("clause", kept, prefix=f"{subject} was"))
    work = _blank(work, match.end("subject"), match.end() - 1)
    return drafts, work


def _ownership(sentence: str) -> list[Draft]:
    """'state-owned Codelco' -> 'Codelco is state-owned'."""
    drafts: list[Draft] = []
    for match in _OWNERSHIP_RE.finditer(sentence):
        name = match.group("name")
        if name.split()[0] in _NOT_NAMES:
            continue
        kept = _keep_only(sentence, match.start(), match.end())
        drafts.append(Draft("apposition", kept, text=f"{name} is {match.group('adj')}"))
    for match in _ACRONYM_RE.finditer(sentence):
        description = match.group("desc").split()
        if not description or description[-1].lower() in _PREPOSITIONS | _DETERMINERS:
            continue
        # only descriptive modifiers make this a fact ("the governmental X (Y)")
        words = " ".join(description[-2:])
        kept = _keep_only(sentence, match.start("desc"), match.end())
        text = f"{match.group('acr')} is the {words} {match.group('full').strip()}"
        drafts.append(Draft("apposition", kept, text=text))
    return drafts


_FRAME_RE = re.compile(
    r"\s*(?:has\s+|had\s+|have\s+)?(?:also\s+|later\s+|previously\s+)?"
    r"(?:said|says|say|told\s+[^,;:\"“]{1,60}?\s+that|tells\s+[^,;:\"“]{1,60}?\s+that|added|adds|"
    r"claimed|claims|argued|argues|insisted|insists|warned|warns|explained|stated|states|"
    r"announced|announces|confirmed|confirms|reported|reports|revealed|reveals|noted|notes)"
    r"\s+(?:that\s+)?(?=\S)"
)
_REPORTING_FRAME_WORD = re.compile(
    r"\b(?:said|says|told|added|adds|claimed|argued|insisted|warned|stated|believes|thinks|"
    r"promised|pledged|vowed|denied|confirmed|announced|urged|admitted|noted|stressed|"
    r"explained|declared|acknowledged|suggested|rejected|refused|questioned|asked)\b"
)
_SUBORDINATORS = {
    "as", "because", "while", "when", "if", "that", "which", "who", "where", "since",
    "although", "though", "after", "before", "until", "unless", "whether", "whereas",
    "between",  # "between the United States and China": two nouns
}  # fmt: skip


def _bracketed(text: str) -> list[tuple[int, int]]:
    """Spans inside round brackets: "($74.6bn; £39.1bn)" is never cut."""
    return [m.span() for m in re.finditer(r"\([^()]*\)", text)]


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
        if _clean_word(tokens[index]) in _SUBORDINATORS:
            rest = " ".join(tokens[index + 1 :])
            return bool(rest) and _first_verb(" " + rest, limit=40) is None
    return False


_ATTRIBUTION_VERBS = (
    r"said|says|added|adds|claimed|claims|insisted|insists|argued|argues|warned|warns|"
    r"explained|stated|states|believes|believed|reported|reports|confirmed|announced"
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
        if any(is_verb(w) for w in words) or _clean_word(words[0]) in _PREPOSITIONS - {"the"}:
            return None
        if who[:1].isupper() and words[0] in _NOT_NAMES and words[0] not in _LOWERED_AFTER_PREFIX:
            return None
    before = work[: match.start()]
    if _first_verb(before, limit=60) is None and _proper_name_verb(before, 0) is None:
        return None
    rest = _blank(work, match.start(), len(work))
    if match.group("source"):
        return rest, "", f", according to {match.group('source').strip()}"
    verb = match.group("verb") or match.group("verb2")
    speaker = who[0].lower() + who[1:] if words[0] in _LOWERED_AFTER_PREFIX else who
    if speaker.split()[0].lower() in _PRONOUNS:
        speaker = speaker.lower()
    return rest, f"{speaker} {verb}", ""


def _attributed_clauses(work: str) -> list[Draft]:
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


def _clauses(work: str) -> list[Draft]:
    """Split the main text at coordination points; repeat the subject where it is shared."""
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
        has_verb = (
            _first_verb(left, limit=40) is not None
            or _proper_name_verb(work[: match.start()], left_start) is not None
        )
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
            if len(after_verb) < 3 or _REPORTING.match(after_verb[0]):
                continue  # "as the company said": an attribution, not a reason
            cuts.append((match.start(), match.end(), False))
        elif match.group("participle"):
            word = right_tokens[0].lower().strip(",.")
            if word in _PARTICIPLE_SKIP or not subject:
                continue
            cuts.append((match.start(), match.end(), True))
            participles.add(match.end())
        else:
            # ", and has even introduced": the verb comes first, the subject is shared
            index = 0
            while (
                index < len(right_tokens) - 1
                and _clean_word(right_tokens[index]) in _ADVERBS - _AUX
            ):
                index += 1
            head = right_tokens[index]
            following = right_tokens[index + 1] if index + 1 < len(right_tokens) else ""
            if is_verb(head, following) and subject:
                cuts.append((match.start(), match.end(), True))
                if inner_subject and not _REPORTING_FRAME_WORD.match(_clean_word(head)):
                    inner_shared.add(match.end())
                continue
            # ", and the figures are likely ...": a new subject and its verb
            new_subject = find_subject(work, match.end())
            if new_subject and len(work[new_subject[0] : new_subject[1]].split()) <= 5:
                words = work[new_subject[0] : new_subject[1]].split()
                first = _clean_word(words[0])
                if len(words) > 1 and _clean_word(words[-1]) in _PRONOUNS:
                    continue  # "tools they needed": a relative clause without "that"
                if _noun_coordination(left) or not has_verb:
                    continue
                if first not in _ADVERBS and not is_verb(first):
                    cuts.append((match.start(), match.end(), False))
                    if frame:
                        framed.add(match.end())
    drafts: list[Draft] = []
    starts = [(body_start, False)] + [(cut[1], cut[2]) for cut in cuts]
    ends = [cut[0] for cut in cuts] + [len(work)]
    for (start, shared), end in zip(starts, ends, strict=True):
        kept = _keep_only(work, start, end)
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
            if first.lower().endswith("ing") and first.lower() not in _PARTICIPLE_SKIP:
                # "China ..., thus refining X" -> "China refines X"
                position = kept.index(first)
                if _main_verb_is_past(work, subject_span):
                    verb = _past_tense(first.lower())
                else:
                    verb = _third_person(first.lower(), _looks_plural(subject))
                kept = _blank(kept, position, position + len(first))
                prefix = f"{subject} {verb}"
        drafts.append(
            Draft("participle" if start in participles else "clause", kept, prefix=prefix)
        )
    return drafts


_PLACE = r"\s+(?:in|for|at|on|among)\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}"
_PLACE_AND_RE = re.compile(rf"{_PLACE}(?P<and>,?\s+and\s+)")
_PLACE_RE = re.compile(_PLACE)


def _split_quantities(draft: Draft, quantity_spans: list[tuple[int, int, str]]) -> list[Draft]:
    """'rose 12.3% to $1.15 trillion' -> a claim for the change and one for the level."""
    inside = [
        q
        for q in quantity_spans
        if draft.kept[q[0] : q[1]].strip() and " " * (q[1] - q[0]) != draft.kept[q[0] : q[1]]
    ]
    for first, second in zip(inside, inside[1:], strict=False):
        between = draft.kept[first[1] : second[0]]
        change = _CHANGE_TO_LEVEL_RE.match(between)
        if first[2] == "ratio" and second[2] != "ratio" and change:
            level_end = second[1]
            # keep a parenthetical conversion with its figure: "$671.7bn (£484bn)", also after
            # a currency the figure's parser does not know ("86.7bn Swiss francs ($74.6bn)")
            paren = re.match(r"(?:\s+[A-Za-z]+){0,3}\s*\([^)]*\)", draft.kept[level_end:])
            if paren:
                level_end += paren.end()
            change_only = _blank(draft.kept, first[1] + change.start("conn"), level_end)
            by = re.search(r"(?:\bby\s+)?$", draft.kept[: first[0]])
            by_start = by.start() if by else first[0]
            level_only = _blank(draft.kept, by_start, first[1])
            return [
                replace(draft, kept=change_only),
                replace(draft, kept=level_only),
            ]
    for first, second in zip(inside, inside[1:], strict=False):
        # "sales fell 13% in New York and 16% in Ireland": one figure per place
        between = _PLACE_AND_RE.fullmatch(draft.kept[first[1] : second[0]])
        place = _PLACE_RE.match(draft.kept, second[1])
        if between and place and first[2] == second[2]:
            and_at = first[1] + between.start("and")
            return [
                replace(draft, kept=_blank(draft.kept, and_at, place.end())),
                replace(draft, kept=_blank(draft.kept, first[0], second[0])),
            ]
    for quantity in inside:
        record = _RECORD_RE.search(draft.kept[: quantity[0]])
        if record:
            level_end = quantity[1]
            paren = re.match(r"\s*\([^)]*\)", draft.kept[level_end:])
            if paren:
                level_end += paren.end()
            record_only = _blank(draft.kept, record.end("record"), level_end)
            figure_only = _blank(draft.kept, record.start("record"), quantity[0])
            return [
                replace(draft, kept=record_only),
                replace(draft, kept=figure_only),
            ]
    return [draft]


def atomize(sentence: str, quantity_spans: list[tuple[int, int, str]] | None = None) -> list[Draft]:
    """Atomic claim drafts of one sentence; `quantity_spans` are (start, end, dimension)."""
    quantity_spans = quantity_spans or []
    work = sentence
    dateline = dateline_length(work)
    if dateline:
        work = _blank(work, 0, dateline)
    marker = _DISCOURSE_RE.match(work[dateline:])
    if marker:
        work = _blank(work, 0, dateline + marker.end())
    trailing = _TRAILING_RE.search(work)
    if trailing:
        work = _blank(work, trailing.start(), len(work))

    drafts: list[Draft] = []
    drafts += _roles_before_names(sentence)
    drafts += _ownership(sentence)
    found, work = _appositives(sentence, work)
    drafts += found
    found, work = _dashes(sentence, work)
    drafts += found
    found, work = _relatives(work)
    drafts += found
    found, work = _subject_modifiers(work)
    drafts += found
    drafts += _attributed_clauses(work)
    atomic: list[Draft] = []
    for draft in drafts:
        atomic += [draft] if draft.text else _split_quantities(draft, quantity_spans)
    return atomic
