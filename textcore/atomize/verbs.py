"""The English verb lexicon (`verbs.json`, built from WordNet by
scripts/build_verb_lexicon.py): which words are finite verb forms in news prose.

Read once at import. Lemmas whose noun reading is the more frequent one ("forms",
"costs") are not listed as verbs, those that are also nouns now and then ("talks") are
listed apart, and -ed words whose adjective or noun reading wins
("detailed", "unprecedented", "hundred") are listed apart so the -ed rule skips them.
"""

from __future__ import annotations

import json
from pathlib import Path

_LEXICON = json.loads((Path(__file__).with_name("verbs.json")).read_text(encoding="utf-8"))

# third-person singular present forms: "refines", "employs", "goes"
PRESENT_FORMS = frozenset(_LEXICON["present"])
# the same forms of verbs that are also nouns now and then: "plans", "talks", "reports"
PRESENT_NOUN_FORMS = frozenset(_LEXICON["present_nouns"])
# base forms of verbs that are seldom anything else: "weaken", "raise"
BASE_FORMS = frozenset(_LEXICON["base"])
# simple past forms, regular and irregular: "refined", "rose", "took"
PAST_FORMS = frozenset(_LEXICON["past"])
# irregular past forms, which the -ed rule does not see: "rose", "took", "led"
IRREGULAR_PAST_FORMS = frozenset(_LEXICON["past_irregular"])
# irregular past participles: "rose", "held" (also pasts) and "taken", "shown"
PARTICIPLE_FORMS = IRREGULAR_PAST_FORMS | frozenset(_LEXICON["participles"])
# the irregular forms that are past participles: "taken", "shown" and the pasts that serve
# as participles too, "made", "sold", "held" (not "took", "rose")
PAST_PARTICIPLE_FORMS = frozenset(_LEXICON["participles"]) | frozenset(
    _LEXICON["participles_also_past"]
)
# words that end in -ed and are no past tense: "detailed", "unprecedented", "need"
NOT_PAST_ED = frozenset(_LEXICON["adjectives"])
# a finite verb recognised from its form alone (the -ed rule aside)
FINITE_FORMS = PRESENT_FORMS | IRREGULAR_PAST_FORMS
# the simple past of each verb that has an irregular one, by its -ing form: "making" ->
# "made", "beginning" -> "began"
PAST_OF_PARTICIPLE: dict[str, str] = _LEXICON["past_of_participle"]
# words in -ing that are no verb's -ing form: "thing", "bring", "morning"
NOT_PARTICIPLES = frozenset(_LEXICON["not_participles"])
# nouns that name the act of a verb, with its present and past forms: "consumption" ->
# ("consumes", "consumed")
NOMINALISED_VERBS: dict[str, tuple[str, str]] = {
    noun: (present, past) for noun, (present, past) in _LEXICON["nominalisations"].items()
}
