"""Check-worthiness: how much a claim is a verifiable statement of fact, in [0, 1].

The score is a transparent sum: `BASE` plus the weight of every feature the claim shows,
clamped to [0, 1] and rounded to 3 decimals. `explain` returns the features that fired, so a
fact-checker (or a test) can see why a claim scored as it did.

Features that raise the score (a fact can be checked against a source):
    quantity       a number with a unit or a counted noun (not a year)       +0.30
    role           "X is Energy Secretary": a title or office                +0.25
    ranking        a superlative (largest, best, the most), record, all-time +0.15
    causal         fuelled, led to, because of, allowed, resulted in, ...    +0.10
    named_subject  the claim opens with a proper name ("Japan", "NATO")      +0.10
    definite       a finite verb (be, have, do, or a verb of the lexicon in  +0.10
                   the present or past), and no prediction, opinion or question
    headline       the article's headline, which states its main fact        +0.10
    date           a year or month pins the fact in time                     +0.05
    attributed     said, according to, reported, figures show                +0.05

Features that lower it (opinion, prediction or vagueness):
    prediction     could, may, might, likely, expected to, forecasts         -0.25
                   (only -0.05 for a figure forecast or planned by a named body)
    future         will, shall, reported "would", is due to: a plan or an     0.00
                   announcement, checkable as one (shown, weighs nothing)
    opinion        believe, argue, characterised, seems, deemed, ...         -0.25
    conditional    if, unless, should prices ..., regardless of              -0.20
    question       the claim or its sentence ends with a question mark       -0.40
    first_person   we, our, I: the speaker's own view                        -0.20
    intention      considering, reviewing, looking into, aims to             -0.15
    vague          some, several, many as the subject; virtually, enough ... -0.10
    evaluative     an adjective that judges: significant, unfair, crucial    -0.10
    negation       not, never, no: denials are rarely the checkable point    -0.10
    pronoun        opens with he/she/it/they/this: the subject is unknown    -0.10
    participle     a ", making ..." add-on clause, often interpretation      -0.05
    reported_view  "Ministers say the goal is within reach": a source's view   -0.20
                   of a state or outlook (is/are/will/can ...) with no figure,
                   date or name to check it by; reported events ("said the
                   plant was closed") are not views
    short          fewer than four words (roles excepted)                    -0.20

`BASE` is 0.40, so a plain statement with a finite verb and nothing hedging it reaches 0.5,
and any hedge pulls it under; claims at 0.5 or more count as check-worthy.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from .atomize.verbs import PAST_FORMS, PRESENT_FORMS, PRESENT_NOUN_FORMS
from .atomize.words import INVARIANT_VERBS
from .lexicon import alternation, by_first_letter

__all__ = [
    "BASE",
    "EVALUATIVE_ADJECTIVES",
    "FINITE_VERBS",
    "SUPERLATIVES",
    "WEIGHTS",
    "evaluative_word",
    "explain",
    "has_finite_verb",
    "ranking_word",
    "score",
]

BASE = 0.40
WEIGHTS: dict[str, float] = {
    "quantity": 0.30,
    "role": 0.25,
    "ranking": 0.15,
    "causal": 0.10,
    "named_subject": 0.10,
    "definite": 0.10,
    "date": 0.05,
    "attributed": 0.05,
    "prediction": -0.25,
    "future": 0.0,
    "attributed_forecast": -0.05,
    "opinion": -0.25,
    "conditional": -0.20,
    "question": -0.40,
    "first_person": -0.20,
    "vague": -0.10,
    "evaluative": -0.10,
    "negation": -0.10,
    "pronoun": -0.10,
    "short": -0.20,
    "intention": -0.15,
    "participle": -0.05,
    "reported_view": -0.20,
    "headline": 0.10,
}


def _words(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?:{by_first_letter(pattern)})(?![\w-])", re.IGNORECASE)


# Superlatives: the -est forms of English adjectives (scripts/build_superlatives.py, from
# WordNet), "the most"/"its least" before anything, and the words news copy ranks with.
SUPERLATIVES = frozenset(
    json.loads((Path(__file__).with_name("superlatives.json")).read_text(encoding="utf-8"))[
        "superlatives"
    ]
)
_RANKING = _words(
    r"record|records|record-\w+|all-time|unprecedented|first|top|sole|"
    r"(?:a|an|the|its|their|his|her|our|\w+['’]s) (?:leading|most|least)|"
    r"dominates|dominated|\d+-year (?:high|low)"
)
_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")
_CAUSAL = _words(
    r"fuell?ed|fuels|caused|causes|led to|leads to|lead to|because|due to|as a result|"
    r"resulted in|results in|driven by|drove|allowed|allows|enabled|prompted|triggered|"
    r"thanks to|owing to|spurred|boosted|hit by"
)
_ATTRIBUTED = _words(
    r"said|says|say|told|reported|reports|according to|figures show|data show|statistics show|"
    r"announced|confirmed|stated|estimates?|estimated|forecasts?|expects|predicted|projected|"
    r"claims?|claimed"
)
# A firm future ("will be introduced", reported "would be levied") states a plan or an
# announcement; it is checkable when a name, a date or a source anchors it.
_FIRM_FUTURE = _words(r"will|shall|'ll|is set to|are set to|is due to|are due to|going to")
# "would" is a firm future only in reported speech ("said fines would be levied"); elsewhere
# it is hypothetical ("a roll-back would be a victory")
_REPORTED_WOULD = re.compile(
    r"\b(?:"
    + by_first_letter(
        "said|told|announced|confirmed|promised|stated|added|declared|revealed|pledged"
    )
    + r")\b(?:(?!\b(?:if|unless|any)\b)[^.;:])*?\bwould\b",
    re.IGNORECASE,
)
# a hypothetical or open-ended future: "any", "as needed", "if necessary"
_OPEN_FUTURE = _words(r"any|as needed|if necessary|if needed|eventually|one day|sooner or later")
_PREDICTION = _words(
    r"will|would|could|may|might|shall|likely|unlikely|expected to|expects?|expecting|"
    r"forecasts?|predicts?|projected to|going to|is set to|are set to|'ll|possibly|potential"
)
# A modal right after "that"/"which" describes a property ("heat that would melt lead").
_RELATIVE_MODAL = re.compile(
    r"\b(?:that|which|who)\s+(?:would|could|can|may|might)\b", re.IGNORECASE
)
_OPINION = _words(
    r"believes?|believed|thinks?|thought|argues?|argued|characteri[sz]ed|described as|"
    r"seems?|seemed|appears? to|apparently|(?:seen|viewed|regarded) as|suggested|suggests|emphasi[sz]ed|"
    r"expressed|optimism|pessimism|hopes?|hoped|fears?|feared|considered|deemed|reckons?|"
    r"insists?|insisted|implies|imply|implied|feels?|felt|"
    r"in (?:my|our) view|clearly|certainly|obviously|arguably|perhaps|maybe|should|must|ought"
)
_CONDITIONAL = re.compile(
    r"(?:^|[,;]\s*)(?:if|unless|should|were|had|regardless|whether|once)\b|\bin case\b",
    re.IGNORECASE,
)
_FIRST_PERSON = re.compile(
    r"(?<![\w-])(?:[Ww]e|[Oo]urs?|us|I|[Mm]y|me|[Ll]et's|[Yy]ou|[Yy]our)(?![\w-])"
)
# A vague quantifier leaves a claim uncheckable when it is the subject ("Some analysts say",
# "Many people"); in the object ("listed several groups") the fact around it still stands.
_VAGUE_SUBJECT = re.compile(
    r"^(?:[^,]{1,40},\s+)?(?:\S+\s+){0,2}?(?:various|several|some|many|numerous|certain|much|"
    r"such|little|few)\b",
    re.IGNORECASE,
)
_VAGUE = _words(
    r"various|limited|virtually|enough|somewhat|considerable|a lot|lots|plenty|sort of|kind of"
)
_INTENTION = _words(
    r"analy[sz]ing|considering|exploring|looking (?:at|for|into)|studying|examining|seeking|"
    r"reviewing|assessing|weighing|evaluating|trying to|aims? to|aiming to|wants? to|"
    r"intends? to"
)
# Adjectives that judge rather than describe: "a significant step", "the talks were
# productive". Both the `evaluative` feature and the learned model's `evaluative_predicate`
# read this one list.
EVALUATIVE_ADJECTIVES = frozenset(
    """good bad great terrible wrong right unacceptable worrying concerning troubling alarming
    disturbing encouraging disappointing promising positive negative welcome unfair fair
    ridiculous absurd shameful outrageous dangerous important crucial essential vital
    significant serious clear unclear wonderful excellent impressive remarkable tremendous
    disastrous catastrophic appalling awful horrible fantastic amazing difficult hard easy
    necessary unnecessary sad tragic worse better strong weak poor dramatic key critical
    wise unwise helpful useful harmful reasonable unreasonable acceptable appropriate
    inappropriate irresponsible responsible successful unsuccessful effective ineffective
    worthwhile disgraceful deplorable regrettable unfortunate fortunate optimistic
    pessimistic confident hopeful concerned worried pleased happy unhappy proud disappointed
    delighted satisfied dissatisfied upset angry surprised shocked""".split()
)
_EVALUATIVE = _words(alternation(EVALUATIVE_ADJECTIVES))
_VIEW_VERBS = (
    r"says?|said|argues?|argued|believes?|believed|thinks?|thought|hopes?|hoped|expects?|"
    r"expected|predicts?|predicted|insists?|insisted|claims?|claimed|maintains?|maintained|"
    r"warns?|warned|reckons?|feels?|felt|acknowledges?|acknowledged|suggests?|suggested|"
    r"contends?|contended|stress(?:es|ed)?|adds?|added|agrees?|agreed|admits?|admitted"
)
# "SOURCE says (that) CONTENT", "CONTENT, SOURCE said", "CONTENT, according to SOURCE"
_REPORTED = re.compile(
    rf"^(?:[\w'’.-]+\s+){{1,5}}?(?:{_VIEW_VERBS})\s+(?:that\s+)?(?P<after>.+)$"
    rf"|^(?P<before>.+?),\s+(?:(?:[\w'’.-]+\s+){{1,5}}?(?:{_VIEW_VERBS})|according to\b).*$",
    re.IGNORECASE,
)
# a state, an outlook or a characterisation rather than a past event
# (not a passive, which reports an event: "said the ward is closed", "had been sold")
_STATE_VERB = re.compile(
    r"(?<![\w-])(?:"
    + by_first_letter(
        r"is|are|was|were|remains?|remained|will|would|can|could|may|might|should|must|"
        r"seems?|seemed|looks?|looked|be|'s|'re|isn't|aren't|wasn't|weren't|won't|can't|cannot"
    )
    + r")\s+"
    r"(?!(?:not\s+)?(?:be\s+|have\s+been\s+)?(?:[a-z]+ed|been|being|done|made|"
    r"built|held|paid|sold|shut|cut|set|taken|given|seen|known|found|won|lost)\b)",
    re.IGNORECASE,
)
_CAPITALISED_WORD = re.compile(r"(?<=\s)[A-Z][\w'’.-]*")
# "The council will spend £410m": a body whose plans are on record (budgets, timetables)
_INSTITUTION_SUBJECT = re.compile(
    r"^the\s+(?:[a-z-]+\s+)?(?:government|council|ministry|department|agency|authority|regulator|"
    r"commission|committee|board|company|firm|bank|central bank|operator|utility|hospital|trust|"
    r"university|school|club|league|federation|union|city|state|province|region|fund|treasury|"
    r"parliament|assembly|court|police|army|navy)\b",
    re.IGNORECASE,
)
_NEGATION = _words(r"not|never|no|none|nor|n't|cannot|without any")
_NEGATION_CONTRACTION = re.compile(r"n['’]t\b", re.IGNORECASE)
# "There is evidence ...", "There were 24 fouls": existential "there" points at nothing
_PRONOUN_START = re.compile(
    r"^(?:he|she|it|it's|its|they|this|that|such|there(?!\s+(?:is|are|was|were|has been|"
    r"have been|had been)\b))\b",
    re.IGNORECASE,
)
# Finite verbs: be, have and do, the third-person present and simple past forms of the
# verbs of the lexicon (built from WordNet by scripts/build_verb_lexicon.py), and the verbs
# whose past is spelled like their base ("cut", "set")
_BE_HAVE_DO = frozenset("is are was were am has have had does do did".split())
FINITE_VERBS = _BE_HAVE_DO | PRESENT_FORMS | PRESENT_NOUN_FORMS | PAST_FORMS | INVARIANT_VERBS
# "it's", "that's": a pronoun's "'s" is "is" or "has" (a noun's may be a possessive)
_S_CONTRACTED = frozenset("it that he she there here what who where".split())
_FINITE_WORD = re.compile(r"[a-z]+(?:['’][a-z]+)?")


def ranking_word(text: str) -> str:
    """The first word or phrase of `text` that ranks or records ("largest", "the most",
    "record", "all-time"), or ""."""
    match = _RANKING.search(text)
    end = match.start() if match else len(text)
    for word in _WORD.finditer(text[:end].lower()):
        if word.group(0) in SUPERLATIVES:
            return text[word.start() : word.end()]
    return match.group(0) if match else ""


def evaluative_word(text: str) -> str:
    """The first evaluative adjective of `text` ("significant", "unfair"), or ""."""
    match = _EVALUATIVE.search(text)
    return match.group(0) if match else ""


def has_finite_verb(text: str) -> bool:
    """Whether `text` has a finite verb: a form of be, have or do (also contracted: "it's",
    "they're", "isn't"), or a present (third person) or past form of a verb of the lexicon."""
    for word in _FINITE_WORD.findall(text.lower()):
        if word in FINITE_VERBS:
            return True
        stem, apostrophe, ending = word.replace("’", "'").partition("'")
        if apostrophe and (
            ending in ("re", "ve", "m", "d")
            or (ending == "s" and stem in _S_CONTRACTED)
            or (ending == "t" and stem.endswith("n") and stem[:-1] in _BE_HAVE_DO)
        ):
            return True
    return False


def explain(
    text: str,
    *,
    kind: str = "clause",
    has_quantity: bool = False,
    has_date: bool = False,
    sentence: str = "",
    named_subject: bool = False,
) -> dict[str, float]:
    """The features that fire for a claim, with their weights."""
    features: dict[str, float] = {}
    words = text.split()

    def fire(name: str, weight: float | None = None) -> None:
        features[name] = WEIGHTS[name] if weight is None else weight

    if has_quantity:
        fire("quantity")
    if kind == "role":
        fire("role")
    if ranking_word(text):
        fire("ranking")
    if _CAUSAL.search(text):
        fire("causal")
    if named_subject and kind != "role":
        fire("named_subject")
    if has_date:
        fire("date")
    attributed = bool(_ATTRIBUTED.search(text))
    if attributed:
        fire("attributed")

    # a capitalised "May" inside the text is the month or a name, not the modal
    without_relative = _RELATIVE_MODAL.sub(" ", re.sub(r"(?<=\S\s)May\b", " ", text))
    if _PREDICTION.search(without_relative):
        # a figure forecast or planned by a named body ("the IMF forecasts ... 2.1%") is a fact
        named_source = (
            named_subject
            or (attributed and re.search(r"\b[A-Z][a-z]+", text[1:]))
            or _INSTITUTION_SUBJECT.match(text)
        )
        firm = _FIRM_FUTURE.sub(" ", _REPORTED_WOULD.sub(" ", without_relative))
        hedged = _PREDICTION.search(firm) or _OPEN_FUTURE.search(text)
        if has_quantity and named_source:
            fire("attributed_forecast")
        elif not hedged:
            fire("future")
        else:
            fire("prediction")
    if _OPINION.search(text):
        fire("opinion")
    if _CONDITIONAL.search(text):
        fire("conditional")
    if text.rstrip().rstrip("\"'”’)").endswith("?") or sentence.rstrip().rstrip("\"'”’)").endswith(
        "?"
    ):
        fire("question")
    if _FIRST_PERSON.search(text):
        fire("first_person")
    if _INTENTION.search(text):
        fire("intention")
    if kind == "participle":
        fire("participle")
    if not has_quantity and not has_date and kind not in ("role", "apposition", "headline"):
        reported = _REPORTED.match(text.rstrip(".!\"'”’ "))
        content = (reported.group("after") or reported.group("before") or "") if reported else ""
        if (
            content
            and _STATE_VERB.search(content)
            and not _CAPITALISED_WORD.search(content)  # a name after the first word
        ):
            fire("reported_view")
            features.pop("ranking", None)  # "the worst cuts" in a view is part of the view
    if kind == "headline":
        fire("headline")
    if _VAGUE.search(text) or _VAGUE_SUBJECT.search(text):
        fire("vague")
    if _EVALUATIVE.search(text):
        fire("evaluative")
    if _NEGATION.search(text) or _NEGATION_CONTRACTION.search(text):
        fire("negation")
    if _PRONOUN_START.match(text):
        fire("pronoun")
    if len(words) < 4 and kind not in ("role", "apposition"):
        fire("short")
    negative = {"prediction", "opinion", "conditional", "question", "first_person"}
    if kind != "role" and not negative & features.keys() and has_finite_verb(text):
        fire("definite")
    return features


def score(text: str, **context) -> float:
    """Check-worthiness of a claim in [0, 1], rounded to 3 decimals (see the module docstring);
    `context` is `explain`'s keywords (kind, has_quantity, has_date, sentence, named_subject)."""
    return _clamp(BASE + sum(explain(text, **context).values()))


def _clamp(value: float) -> float:
    return round(min(1.0, max(0.0, value)), 3)
