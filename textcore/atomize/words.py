"""Word lists of the claim splitter: auxiliaries, invariant verbs, determiners, prepositions,
role words and the words that never open a name.

They serve the splitter's rules (the speaker tracker, `textcore.referents`, also reads the
role words to tell a person from an office); lists shared across the text core live in
`textcore.lexicon`.
"""

from __future__ import annotations

import re

from .verbs import NOMINALISED_VERBS, NOT_PARTICIPLES, NOT_PAST_ED

LOWERED_AFTER_PREFIX = {
    "The", "A", "An", "This", "That", "These", "Those", "Its", "Their", "His", "Her", "Our",
    "Some", "Many", "Most", "Several", "Few", "All", "Both", "Each", "Every", "No", "Any",
    "Such", "Other", "Another", "There",
}  # fmt: skip

AUX = {
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "may",
    "might", "must", "should", "shall", "does", "do", "did", "am", "'s",
}  # fmt: skip
# Verbs whose past tense is spelled like their base form, which the verb lexicon
# (`verbs.py`, from WordNet) cannot tell from the base: "The plant cost $1bn"
INVARIANT_VERBS = {"hit", "set", "cut", "put", "let", "shut", "quit", "bet", "cost"}
# Words ending in -ed that are no past tense: adjectives and nouns ("detailed", "need")
ED_ADJECTIVES = NOT_PAST_ED
DETERMINERS = {
    "the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our",
    "some", "any", "every", "each", "both", "all", "no", "another",
}  # fmt: skip
PRONOUNS = {"he", "she", "it", "they", "we", "i", "you", "him", "them", "us", "me"}
BASE_VERBS = {
    "believe", "think", "say", "claim", "argue", "know", "expect", "see", "fear", "hope",
    "want", "need", "estimate", "suggest", "warn", "insist", "reckon", "feel", "agree",
}  # fmt: skip
PREPOSITIONS = {
    "in", "on", "at", "for", "from", "with", "by", "to", "into", "over", "under", "after",
    "before", "during", "between", "about", "against", "among", "across", "through", "since",
    "until", "without", "within", "upon", "towards", "toward", "despite", "than", "as", "via",
    "like", "that", "while", "when", "if", "and", "or", "but", "because",
}  # fmt: skip
ADVERBS = {
    "also", "even", "then", "later", "now", "still", "thus", "further", "subsequently", "only",
    "already", "again", "recently", "previously", "eventually", "finally", "quickly", "soon",
    "nearly", "almost", "just", "not", "never", "has", "have", "had", "was", "were", "is", "are",
    "will", "would",
}  # fmt: skip
ROLE_HEADS = {
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
ROLE_MODIFIERS = {
    "vice", "deputy", "chief", "executive", "senior", "former", "acting", "assistant", "general",
    "foreign", "finance", "trade", "defence", "defense", "interior", "economy", "prime", "press",
    "managing", "junior", "principal", "lead", "national", "state", "federal",
    "commerce", "treasury", "energy", "health", "home", "shadow", "interim", "associate",
    "operating", "financial", "technology", "security", "us", "u.s.", "uk",
}  # fmt: skip
NOT_NAMES = {
    "The", "A", "An", "However", "Meanwhile", "Still", "Lastly", "Moreover", "Also", "And", "But",
    "In", "On", "At", "For", "From", "With", "By", "To", "As", "If", "When", "While", "After",
    "Before", "During", "Despite", "Upon", "Yesterday", "Today", "Tomorrow", "Last", "Next",
    "This", "That", "These", "Those", "It", "He", "She", "They", "We", "I", "There", "Here",
    "Some", "Many", "Most", "Other", "Another", "Such", "Both", "All", "Any", "Each", "Every",
    "So", "Yet", "Or", "Nor", "Since", "Until", "Although", "Though", "Because", "Why", "What",
    "How", "Who", "Where", "Which", "Regardless", "Should", "Overall", "Finally", "Indeed",
}  # fmt: skip
# Words in -ing that open no participle clause of the subject's: prepositions made from
# participles (a closed class that WordNet, which has no prepositions, does not list) ...
PARTICIPIAL_PREPOSITIONS = {
    "including", "according", "following", "excluding", "regarding", "concerning", "during",
    "notwithstanding", "pending", "considering",
}  # fmt: skip
# ... verbs of saying, whose clause reports what was said ("..., adding that ..."): a
# closed set of attribution verbs; WordNet's verbs of communication are fifteen hundred,
# "announcing" and "promising" among them, whose clauses are claims about the subject ...
REPORTING_PARTICIPLES = {
    "saying", "using", "stating", "claiming", "adding", "noting", "arguing", "insisting",
    "warning", "suggesting", "telling", "explaining", "describing", "calling", "asking",
    "citing", "referring", "acknowledging", "admitting",
}  # fmt: skip
# ... -ing forms that news prose mostly uses as nouns (WordNet's tagged text is no guide:
# it tags the verb "account" less than the noun "accounting", which news uses as a verb
# too: "..., accounting for 70% of sales"), and compound pronouns WordNet does not list ...
NOUN_PARTICIPLES = {
    "building", "funding", "meeting", "spending", "earning", "evening", "something",
    "anything", "everything",
}  # fmt: skip
# ... and, from WordNet (the verb lexicon), words in -ing that are no verb's -ing form
# ("thing", "bring", "morning", "Beijing")
PARTICIPLE_SKIP = (
    PARTICIPIAL_PREPOSITIONS | REPORTING_PARTICIPLES | NOUN_PARTICIPLES | NOT_PARTICIPLES
)
REPORTING = re.compile(
    r"\b(?:claims?|claimed|says?|said|believes?|believed|argues?|argued|estimates?|estimated|"
    r"thinks?|thought|reckons?|alleges?|alleged|insists?|insisted)\b"
)
# Verbs whose past participle is spelled like their base form: "run by the state"
BASE_PARTICIPLES = {"run", "come", "become", "overcome"}
# Nouns made from verbs, with the verb's present (third person) and past forms: "a
# consumption of 50 pounds by Acme" states that Acme consumes 50 pounds. WordNet (the verb
# lexicon) gives the nouns of acts and events linked to their verb; it has no such link
# for "sale" (sell) and lists "export" and "import" only as the goods.
NOMINALISATIONS = {
    **NOMINALISED_VERBS,
    "sale": ("sells", "sold"), "export": ("exports", "exported"),
    "import": ("imports", "imported"),
}  # fmt: skip
# Hedging adjectives before such a noun and the adverb that keeps the hedge on the verb
HEDGE_ADVERBS = {"reported": "reportedly", "alleged": "allegedly", "estimated": "an estimated"}
