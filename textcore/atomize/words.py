"""Word lists of the claim splitter: auxiliaries, irregular verbs, determiners, prepositions,
role words and the words that never open a name.

They serve the splitter's rules (the speaker tracker, `textcore.referents`, also reads the
role words to tell a person from an office); lists shared across the text core live in
`textcore.lexicon`.
"""

from __future__ import annotations

import re

LOWERED_AFTER_PREFIX = {
    "The", "A", "An", "This", "That", "These", "Those", "Its", "Their", "His", "Her", "Our",
    "Some", "Many", "Most", "Several", "Few", "All", "Both", "Each", "Every", "No", "Any",
    "Such", "Other", "Another", "There",
}  # fmt: skip

AUX = {
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "may",
    "might", "must", "should", "shall", "does", "do", "did", "am", "'s",
}  # fmt: skip
IRREGULAR = {
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
ED_ADJECTIVES = {
    "advanced", "limited", "detailed", "united", "red", "bed", "need", "speed", "seed", "feed",
    "hundred", "based", "related", "skilled", "interested", "concerned", "expected",
    "supposed", "alleged", "so-called", "named", "listed", "imported", "refined", "renewed",
    "sophisticated", "complicated", "dedicated", "experienced", "armed", "aged", "biased",
    "shared", "mixed", "fixed", "varied", "unprecedented", "unexpected", "reported",
}  # fmt: skip
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
PARTICIPLE_SKIP = {
    "including", "according", "following", "excluding", "regarding", "concerning", "during",
    "notwithstanding", "pending", "considering", "bring", "thing", "spring", "king", "nothing",
    "something", "anything", "everything", "morning", "evening", "beijing", "ring", "wing",
    "sting", "string", "ceiling", "building", "funding", "meeting", "spending", "earning",
    "saying", "using", "stating", "claiming", "adding", "noting", "arguing", "insisting",
    "warning", "suggesting", "telling", "explaining", "describing", "calling", "asking",
    "citing", "referring", "acknowledging", "admitting",
}  # fmt: skip
REPORTING = re.compile(
    r"\b(?:claims?|claimed|says?|said|believes?|believed|argues?|argued|estimates?|estimated|"
    r"thinks?|thought|reckons?|alleges?|alleged|insists?|insisted)\b"
)
PARTICIPLE_START = re.compile(
    r"^(?:[a-z]+ed|used|made|built|known|led|held|run|owned|set|sold|paid|found|seen|given|"
    r"taken|written|shown|grown|brought|bought|kept|left|put|cut|spent|won|lost)\b"
)
# Nouns made from verbs, with the verb's present (third person) and past forms: "a
# consumption of 50 pounds by Acme" states that Acme consumes 50 pounds
NOMINALISATIONS = {
    "consumption": ("consumes", "consumed"), "use": ("uses", "used"),
    "usage": ("uses", "used"), "production": ("produces", "produced"),
    "purchase": ("purchases", "purchased"), "sale": ("sells", "sold"),
    "investment": ("invests", "invested"), "payment": ("pays", "paid"),
    "export": ("exports", "exported"), "import": ("imports", "imported"),
    "supply": ("supplies", "supplied"), "delivery": ("delivers", "delivered"),
    "acquisition": ("acquires", "acquired"), "donation": ("donates", "donated"),
    "contribution": ("contributes", "contributed"), "spending": ("spends", "spent"),
}  # fmt: skip
# Hedging adjectives before such a noun and the adverb that keeps the hedge on the verb
HEDGE_ADVERBS = {"reported": "reportedly", "alleged": "allegedly", "estimated": "an estimated"}
