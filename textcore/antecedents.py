"""Noun phrases that point back, named from the text before them so a claim reads alone.

Three references a claim cannot carry on its own, each named only when the text before gives
one clear antecedent (a wrong name is worse than none, so anything doubtful stays as written):

- a demonstrative noun phrase, "this call", "these talks", "these crucial components": the
  one noun phrase, earlier in the same sentence or in the sentence before, whose head is the
  same noun ("a phone call between A and B" for "this call"), a noun of the same small class
  ("negotiations" for "these discussions", "new curbs" for "these measures"), or, for a
  general word for made things ("components", "products"), the one thing the sentence before
  says is produced or made; the number must agree ("this" singular, "these" plural), and
  time words ("this year", "this week") are never resolved. Mentions that only repeat an
  entity ("the talks", "its attempt", "the second day of talks") do not compete: when they
  are all the text before offers, the demonstrative names the entity the article introduced
  and still has in mind (`textcore.mentions`, "high-level talks between A and B"); one set
  against another ("their previous meeting") or a verb ("we talk") is not a candidate; an
  antecedent with nothing to tell it apart keeps its doer ("these efforts" -> "the
  strategies the council has adopted");
- "both nations", "the two countries": the pair of countries the article last coordinated
  ("the United States and China"), as long as no other country has been named since;
- "they" reporting what was said ("Lee praised the talks, saying they went well"), and an
  opening "They": the one plural noun phrase of the claim before the pronoun that is not a
  group of people, or the plural subject of the sentence before.

The result keeps the antecedent's own words: an indefinite article becomes "the" ("a phone
call" -> "the phone call"), a bare plural gains "the", a prepositional phrase that identifies
it comes along ("between A and B", not "on Tuesday"), and its figures stay behind ("a
ninety-minute call" -> "the call": a claim carries only the figures of its own span);
nothing is added that the article does not say. Only the claim text changes, never its span.
The noun phrases themselves are read by `textcore.noun_phrases`; a possessive "their" before
the stage of an event ("Upon their conclusion") and "achieve this" are named by
`textcore.possessives`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .atomize.grammar import TOKEN_RE, clean_word, find_subject, looks_plural
from .atomize.words import BASE_VERBS, PRONOUNS
from .lexicon import COUNTRY_NAMES, SPEECH_VERBS
from .mentions import (
    CLASSES,
    Entities,
    _contrasted,
    _in_verb_position,
    _is_plural,
    _opens_with_demonstrative,
    _phrase_start_context,
    _repeats,
    _with_doer,
    _word,
)
from .noun_phrases import (
    _UNUSABLE_OPENINGS,
    _heads,
    _is_boundary,
    _lemma,
    _not_a_noun,
    _noun_phrase,
    _Phrase,
)
from .possessives import at_start, inside, name_goal, name_possessives

__all__ = ["Antecedents"]

# General words for made things: they stand for what the sentence before says is produced
_ARTEFACT_NOUNS = frozenset({"component", "part", "product", "device", "good", "item"})
_PRODUCTION_VERBS_RE = re.compile(
    r"\b(?:produc|manufactur|mak|build|assembl|fabricat)(?:es|e|ed|ing|s)?\s+$|\b(?:built|made)\s+$"
)
# "this year", "this way", "that point": deictic, never a reference to an earlier noun
_DEICTIC = frozenset(
    {
        "year", "month", "week", "day", "time", "morning", "afternoon", "evening", "night",
        "weekend", "season", "quarter", "spring", "summer", "autumn", "winter", "century",
        "decade", "era", "moment", "point", "stage", "way", "kind", "sort", "type", "case",
        "one", "side", "end", "half", "term", "period", "round", "number", "matter", "issue",
        "reason", "regard", "sense", "respect", "extent", "fact", "idea", "view", "story",
        "article", "report", "question", "problem", "thing", "lot",
    }
)  # fmt: skip
# Groups of people: "they" after a speaker may include the speaker, so they are never chosen
# (a test of the ending, so a few things, "payments", are kept out too)
_PEOPLE_RE = re.compile(
    r"(?:ers|ors|ists|ians|ants|ents|ees|ives|people|men|children|officials|members|staff|"
    r"leaders|police|MPs|parties|families|unions|nations|countries|governments|states|"
    r"sides|teams|groups|firms|companies|banks|clubs|authorities|agencies)$"
)
_RESTRICTIVE = {"who", "whom", "whose", "that", "which", "where"}
_REPORTED_THEY_RE = re.compile(
    r"\b(?:saying|stating|adding|claiming|arguing|warning|noting|insisting|said|says|stated|"
    r"added|claimed|argued|warned|noted|insisted)\s+(?:that\s+)?(?P<they>they)\s+(?=[a-z])"
)
_OPENING_THEY_RE = re.compile(r"^[Tt]hey\s+(?=[a-z])")
# the first or second person: quoted speech ("US" the country is not "us")
_VOICE_RE = re.compile(r"\b(?:[Ww]e|us|[Oo]ur|I|me|[Mm]y|[Yy]ou|[Yy]our)\b")
_BOTH_RE = re.compile(
    r"\b(?P<det>[Bb]oth|[Tt]he\s+two)\s+(?P<noun>nations|countries|governments)\b(?!\s+of\b)"
)
_MULTIWORD_COUNTRIES = (
    "United States", "United Kingdom", "South Korea", "North Korea", "Saudi Arabia",
    "New Zealand", "South Africa", "Soviet Union", "Hong Kong",
)  # fmt: skip
_REGIONS = {"europe", "africa", "european", "african"}
_COUNTRY = (
    r"(?:(?:the\s+)?(?:"
    + "|".join(re.escape(c) for c in _MULTIWORD_COUNTRIES)
    + r"|U\.S\.|U\.K\.|US|UK|USA)|[A-Z][a-z]+)"
)
_PAIR_RE = re.compile(
    rf"(?<![\w'’.-])(?P<first>{_COUNTRY})\s+and\s+(?P<second>{_COUNTRY})(?![\w'’-])"
)
_COUNTRY_MENTION_RE = re.compile(
    r"(?<![\w'’.-])" + _COUNTRY.replace("(?:the\\s+)?", "") + r"(?![\w'’-])"
)
_KEYS = {"united states": "us", "usa": "us", "united kingdom": "uk"}
_KNOWN_COUNTRIES = frozenset(COUNTRY_NAMES.values()) | {c.lower() for c in _MULTIWORD_COUNTRIES}


def _country_key(phrase: str) -> str:
    """'the United States' -> 'us', 'Chinese' -> 'china'; '' when not a country."""
    name = re.sub(r"^the\s+", "", phrase).replace(".", "").lower()
    if name in _REGIONS:
        return ""
    if name in {"us", "uk", "usa"} and not re.sub(r"^the\s+", "", phrase).isupper():
        return ""  # "us" the pronoun
    if name in _KEYS:
        return _KEYS[name]
    if name in COUNTRY_NAMES:
        return COUNTRY_NAMES[name]
    if name in _KNOWN_COUNTRIES:
        return name
    return ""


def _is_country(phrase: str) -> bool:
    return bool(_country_key(phrase))


@dataclass
class Antecedents:
    """What a demonstrative, "both nations" or "they" points back to, sentence by sentence."""

    names: frozenset[str] = frozenset()
    previous: str = ""
    previous_clause: str = ""  # the first clause of the sentence before
    pair: str = ""  # the two countries last coordinated, while no other country is named
    pair_keys: frozenset[str] = frozenset()
    entities: Entities = field(default_factory=Entities)  # what the article keeps talking about
    said: list[str] = field(default_factory=list)  # the claims of the sentence, as named
    previous_said: str = ""  # the claims of the sentence before

    def name(self, text: str, before: str) -> str:
        """The claim text with its pointing phrases named; `before` is the sentence's text
        before the claim."""
        text = self._demonstratives(text, before)
        text = self._both(text, before)
        text = self._reported_they(text)
        text = name_possessives(text, self.previous_said, self.entities.entity, self.names)
        text = name_goal(text, before, self.previous, self.names)
        self.said.append(text)
        return text

    def opening_they(self, text: str, sentence: str) -> str:
        """'They urge voters ...' after 'Labour's new posters say ...': the plural subject
        of the sentence before, when the sentence itself opens with "They"."""
        if not _OPENING_THEY_RE.match(text):
            return text
        subject = _plural_subject(self.previous_clause)
        if not subject:
            return text
        body = re.sub(r"^[\"“‘']?(?:[A-Z][\w ]{0,24},\s+)?", "", sentence)
        if not re.match(r"[Tt]hey\s", body) or _VOICE_RE.search(text):
            return text
        if _VOICE_RE.search(self.previous) or re.match(r"^[\"“‘']", self.previous):
            return text  # quoted speech: "they" may be anything the speaker listed
        verb = clean_word(text.split()[1]) if len(text.split()) > 1 else ""
        if (verb in SPEECH_VERBS or verb in BASE_VERBS) and not _speaks(subject):
            return text  # "Schools will close. They said ...": things do not speak
        return subject + text[len("They") :]

    def update(self, sentence: str, first_clause: str) -> None:
        self.previous = sentence
        self.previous_clause = first_clause  # its subject is found when a "They" needs it
        self.entities.update(sentence, self.names)
        self.previous_said, self.said = " ".join(self.said), []
        for match in _PAIR_RE.finditer(sentence) if " and " in sentence else ():
            keys = frozenset(
                {_country_key(match.group("first")), _country_key(match.group("second"))}
            )
            if "" not in keys and len(keys) == 2:
                self.pair = f"{match.group('first')} and {match.group('second')}"
                self.pair_keys = keys
        for match in _COUNTRY_MENTION_RE.finditer(sentence) if self.pair else ():
            key = _country_key(match.group(0))
            if key and key not in self.pair_keys:
                self.pair, self.pair_keys = "", frozenset()  # a third country: no longer clear

    def _demonstratives(self, text: str, before: str) -> str:
        for match in re.finditer(r"(?<![\w'’-])(?P<det>[Tt]his|[Tt]hese|[Tt]hose|That)\s+", text):
            det = match.group("det").lower()
            if det == "that" and match.start() > 0:
                continue  # "said that ...": a conjunction, not a demonstrative
            tokens = list(TOKEN_RE.finditer(text, match.end()))[:4]
            head = None
            for index, token in enumerate(tokens[:3]):
                word = token.group(0).rstrip(",.;:!?")
                if not re.fullmatch(r"[a-z][a-z-]+", word) or _not_a_noun(word, word):
                    break
                following = tokens[index + 1].group(0) if index + 1 < len(tokens) else ""
                if word != token.group(0) or _is_boundary(following):
                    head = token
                    break
            if head is None and det in ("these", "those"):
                # the plural determiner agrees with its head: "these vital parts wear out"
                head = next(
                    (t for t in tokens[:3] if re.fullmatch(r"[a-z][a-z-]+[^s]s", t.group(0))),
                    None,
                )
            if head is None:
                continue
            word = head.group(0).rstrip(",.;:!?")
            rest = text[head.start() + len(word) :].split()[:1]
            if word == head.group(0) and rest and clean_word(rest[0]) in _RESTRICTIVE:
                continue  # "those firms that fail": a restrictive "those", not a reference
            lemma = _lemma(word)
            plural = det in ("these", "those")
            if lemma in _DEICTIC or plural != (lemma != word):
                continue
            phrase = self._antecedent(lemma, plural, before)
            if phrase is None:
                continue
            replacement = at_start(phrase.text) if match.start() == 0 else inside(phrase.text)
            return text[: match.start()] + replacement + text[head.start() + len(word) :]
        return text

    def _antecedent(self, lemma: str, plural: bool, before: str) -> _Phrase | None:
        kin = next((c for c in CLASSES if lemma in c), frozenset({lemma}))
        for context in (before, self.previous):
            found = [
                h for h in _heads(context) if _lemma(h.group(0).rstrip(",.;:!?")) in kin | {lemma}
            ]
            if lemma in _ARTEFACT_NOUNS and not found:
                found = [
                    h
                    for h in _heads(context)
                    if looks_plural(h.group(0).rstrip(",.;:!?")) == plural
                    and _PRODUCTION_VERBS_RE.search(_phrase_start_context(context, h))
                ]
            # an earlier "these talks" points back too: the antecedent lies before it; so does
            # "the previous meeting", set against the one meant
            found = [
                h
                for h in found
                if not _opens_with_demonstrative(context, h) and not _contrasted(context, h)
            ]
            found = [h for h in found if not _in_verb_position(context, h)]
            pairs = [(h, _noun_phrase(context, h, self.names)) for h in found]
            new = [(h, p) for h, p in pairs if not _repeats(p, _word(h), context, h)]
            if any(_is_plural(h) != plural for h, _ in new):
                return None  # "a campaign and new plans ... these efforts": may be both
            # "these" agrees with a plural, "this" with a singular: a repetition of the
            # other number ("its attempt") is not what is meant
            pairs = [(h, p) for h, p in pairs if _is_plural(h) == plural]
            found = [h for h, _ in pairs]
            if not found:
                continue
            if not new:
                # "the talks" only repeats the talks named before: those, when still in mind
                return self.entities.entity(lemma, plural)
            phrases = {p for _, p in pairs}
            phrases.discard(None)
            if len(found) != 1 or len(phrases) != 1:
                return None  # two candidates, or one that cannot stand alone: leave it
            phrase = phrases.pop()
            if phrase is None or phrase.plural != plural:
                return None
            return _with_doer(phrase, context, found[0])
        return None

    def _both(self, text: str, before: str) -> str:
        match = _BOTH_RE.search(text)
        if not match:
            return text
        here = [
            f"{m.group('first')} and {m.group('second')}"
            for m in _PAIR_RE.finditer(before)
            if _is_country(m.group("first")) and _is_country(m.group("second"))
        ]
        if here:
            pair = here[-1]
        elif self.pair:
            pair = self.pair
        else:
            return text  # no pair, or another country named since: which two is unclear
        both = "both " if match.group("det").lower() == "both" else ""
        replacement = both + pair
        if match.start() == 0:
            replacement = at_start(replacement)
        return text[: match.start()] + replacement + text[match.end() :]

    def _reported_they(self, text: str) -> str:
        match = _REPORTED_THEY_RE.search(text)
        if not match or _VOICE_RE.search(text):
            return text
        head_span = find_subject(text)
        if head_span is None:
            return text
        subject = text[head_span[0] : head_span[1]]
        if looks_plural(subject) or clean_word(subject.split()[0]) in PRONOUNS:
            return text  # "Officials said they ...": the speakers themselves
        between = text[head_span[1] : match.start()]
        found = [
            h
            for h in _heads(between)
            if looks_plural(h.group(0).rstrip(",.;:!?"))
            and not _PEOPLE_RE.search(h.group(0).rstrip(",.;:!?"))
        ]
        if len(found) != 1:
            return text
        phrase = _noun_phrase(between, found[0], self.names)
        if phrase is None:
            return text
        return text[: match.start("they")] + phrase.text + text[match.end("they") :]


def _plural_subject(clause: str) -> str:
    """The plural subject of a clause ("Labour's new posters", "Democrats"), or ""."""
    span = find_subject(clause)
    if span is None:
        return ""
    words = clause[span[0] : span[1]].split()
    verb = clause[span[1] :].split()[:1]
    for index, word in enumerate(words[1:], 1):
        if word in BASE_VERBS and re.search(r"[a-z]s$", words[index - 1]):
            words, verb = words[:index], [word]  # "Democrats claim the ...": the verb
            break
    phrase = " ".join(words).strip(" ,")
    if not words or len(words) > 6 or clean_word(words[0]) in _UNUSABLE_OPENINGS:
        return ""
    if clean_word(words[0]) in PRONOUNS or phrase[:1] in "\"“‘'":
        return ""
    if any(clean_word(w) in {"which", "who", "that", "of"} for w in words):
        return ""  # "Sales of cars": the number is the head's, not easy to read
    # a verb in its plural form: "are", "have", "claim" (not "claims")
    agrees = bool(verb) and clean_word(verb[0]) in {"are", "were", "have", "do"} | BASE_VERBS
    if not agrees and not (looks_plural(phrase) and re.search(r"[a-z]s$", words[-1])):
        return ""
    if verb and clean_word(verb[0]) in {"is", "was", "has", "does"}:
        return ""
    if " and " in f" {phrase} " and not all(w[:1].isupper() or w == "and" for w in words):
        return ""  # "prices and wages": two things; "A and B" of names is one group
    return phrase


def _speaks(subject: str) -> bool:
    """Whether a plural subject can say or believe something: people or a named group."""
    last = subject.split()[-1]
    return bool(_PEOPLE_RE.search(last)) or last[:1].isupper()
