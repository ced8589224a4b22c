"""Build the claim splitter's English verb lexicon from WordNet 3.0.

    .venv/bin/python scripts/build_verb_lexicon.py WORDNET_DIR [--output FILE] [--check]

WORDNET_DIR is WordNet's database folder (Debian's wordnet-base installs it at
/usr/share/wordnet; the files read are listed below). The output (default
`textcore/atomize/verbs.json`) lists word forms, not lemmas, so the text core only looks
words up:

- `present`: third-person singular present forms ("refines", "goes", "carries", "has") of
  every one-word verb whose verb reading is the more frequent one: the lemma's verb
  senses are tagged more often in WordNet's sense-tagged corpus (cntlist.rev) than its
  noun senses and the form's own noun senses together ("forms", "costs" stay nouns,
  "refines" is a verb). Where neither reading is tagged, the one with more senses wins.
  Forms that are also nouns in at least one tagged use in 20 (untagged: that WordNet
  lists as nouns at all) are listed apart, in `present_nouns` ("plans", "talks", "shows"):
  the splitter takes them for verbs only where the words around them say so.
- `base`: base forms of verbs that are nouns or adjectives in fewer than one tagged use
  in 20 ("weaken", "raise"; not "open", "plan"): a lower-case one opens a verb phrase.
- `past`: simple past forms, regular ("produced", "carried", "stopped") and irregular
  (verb.exc: "rose", "took"), whose verb reading wins in the same way over the form read
  as a noun or an adjective ("ground", "detailed" are not listed). A verb with an
  irregular past also gets its regular one ("learnt" and "learned"; never written ones
  such as "rised" cost nothing) unless that is a noun in tagged text ("see" makes no
  "seed").
  Irregular forms that only serve as past participles are left out: those ending in -en,
  -wn or -rn ("taken", "shown", "sworn"), those ending in -n or -ne beside a form that
  does not ("done" beside "did", "lain" beside "lay"), and the -u- form beside an -a- one
  ("begun" beside "began").
- `past_irregular`: the irregular ones among them ("rose", "led", "fled"), which the
  splitter's -ed rule does not see.
- `participles`: those past-participle-only forms.
- `participles_also_past`: the irregular pasts of verbs that have no such form, which
  serve as the past participle too ("made", "sold", "held"; not "took", "rose", nor "ran"
  and "came", whose participle is the lemma; never a present form verb.exc lists).
- `adjectives`: -ed words that are adjectives, nouns or past forms whose other reading wins
  ("limited", "unprecedented", "hundred"): words that look like a past tense and are not.
- `past_of_participle`: the simple past a claim is written in, by the -ing form, for verbs
  whose past is irregular ("making": "made", "beginning": "began"): the first irregular
  form verb.exc lists, unless the regular one is written more often in WordNet's glosses
  and example sentences (the one corpus of running text WordNet has: "worked", not
  "wrought"; "learned", not "learnt").
- `not_participles`: words in -ing that are no verb's -ing form ("thing", "bring",
  "morning", "outstanding"), from all four index files.
- `nominalisations`: nouns that name the act or event of a verb ("consumption",
  "payment"), with that verb's third-person present and simple past: a sense among the
  noun's first three is in noun.act or noun.event and is linked to a one-word verb as a
  derivationally related form.

The files read are index.verb, index.noun, index.adj, index.adv, data.noun, data.verb (and
the glosses of data.adj and data.adv), verb.exc and cntlist.rev.

`--check` rebuilds the lexicon in memory and fails when the file differs from it.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from wordnet import ENCODING, LICENCE, gloss_words, read_synsets  # noqa: E402
from wordnet import read_index as read_index_file  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "textcore" / "atomize" / "verbs.json"
VERSION = 3
WORD_RE = re.compile(r"[a-z]+(?:-[a-z]+)*")
# WordNet's synset types in sense keys: 1 noun, 2 verb, 3 adjective, 4 adverb, 5 satellite
POS_OF_TYPE = {"1": "n", "2": "v", "3": "a", "4": "r", "5": "a"}
IRREGULAR_PRESENT = {"be": "is", "have": "has"}
# lexicographer files of nouns that name an act or an event: noun.act, noun.event
EVENT_NOUN_FILES = {4, 11}
NOMINAL_SENSES = 3  # a noun's senses, most frequent first, that may name the verb's act


def read_index(folder: Path, part: str) -> dict[str, int]:
    """One-word lemmas of an index file with their number of senses."""
    index = read_index_file(folder, part)
    return {lemma: len(synsets) for lemma, synsets in index.items() if WORD_RE.fullmatch(lemma)}


def read_counts(folder: Path) -> dict[tuple[str, str], int]:
    """How often each lemma is tagged in each part of speech (cntlist.rev)."""
    counts: dict[tuple[str, str], int] = defaultdict(int)
    for line in (folder / "cntlist.rev").read_text(encoding=ENCODING).splitlines():
        key, _number, count = line.split()
        lemma, _, rest = key.partition("%")
        counts[(lemma.lower(), POS_OF_TYPE[rest[0]])] += int(count)
    return counts


def read_exceptions(folder: Path) -> dict[str, list[str]]:
    """verb.exc: each lemma's inflected forms that the regular rules do not make."""
    forms: dict[str, list[str]] = defaultdict(list)
    for line in (folder / "verb.exc").read_text(encoding=ENCODING).splitlines():
        form, *lemmas = line.split()
        for lemma in lemmas:
            if WORD_RE.fullmatch(form) and WORD_RE.fullmatch(lemma):
                forms[lemma].append(form)
    return forms


def third_person(lemma: str) -> str:
    if lemma in IRREGULAR_PRESENT:
        return IRREGULAR_PRESENT[lemma]
    if lemma.endswith(("s", "x", "z", "ch", "sh")) or re.search(r"[^aeiou]o$", lemma):
        return lemma + "es"
    if re.search(r"[^aeiou]y$", lemma):
        return lemma[:-1] + "ies"
    return lemma + "s"


def regular_past(lemma: str, exceptions: list[str]) -> str:
    doubled = [f for f in exceptions if f.endswith("ed")]
    if doubled:
        return doubled[0]  # "stopped", "referred": verb.exc spells the doubled consonant
    if lemma.endswith("e"):
        return lemma + "d"
    if re.search(r"[^aeiou]y$", lemma):
        return lemma[:-1] + "ied"
    return lemma + "ed"


def irregular_forms(lemma: str, exceptions: list[str]) -> tuple[list[str], list[str]]:
    """The lemma's irregular past forms and its past-participle-only forms."""
    present = {third_person(lemma), "am", "are", "is"}
    forms = [f for f in exceptions if not _regular(lemma, f) and f not in present]
    # spelling variants of the lemma itself are no past: "co-ordinate" for "coordinate"
    forms = [f for f in forms if f.replace("-", "") not in (lemma, third_person(lemma))]
    participles = [
        f
        for f in forms
        if f.endswith(("en", "wn", "rn"))
        or (f.endswith(("n", "ne")) and any(not o.endswith(("n", "ne")) for o in forms))
        or any(_u_of(f, other) for other in forms if other != f)
    ]
    return [f for f in forms if f not in participles], participles


def _regular(lemma: str, form: str) -> bool:
    """An -ing form, or an -ed form that the regular rules make ("stopped", "carried",
    "co-ordinated"), not an irregular one ending in -ed ("led", "fled")."""
    plain, stem = form.replace("-", ""), lemma.replace("-", "")
    return form.endswith("ing") or (
        form.endswith("ed") and (plain.startswith(stem) or plain == stem[:-1] + "ied")
    )


def _u_of(form: str, other: str) -> bool:
    """'begun' is the participle of 'began': the same word with u for a."""
    return len(form) == len(other) and any(
        a == "u" and b == "a" and form[:i] + form[i + 1 :] == other[:i] + other[i + 1 :]
        for i, (a, b) in enumerate(zip(form, other, strict=True))
    )


def _vowel_of(past: str, lemma: str) -> bool:
    """'ran' beside 'run', 'came' beside 'come': the past with a for the lemma's u or o,
    whose participle is the lemma itself."""
    return len(past) == len(lemma) and any(
        a == "a" and b in "uo" and past[:i] + past[i + 1 :] == lemma[:i] + lemma[i + 1 :]
        for i, (a, b) in enumerate(zip(past, lemma, strict=True))
    )


def present_participle(lemma: str, exceptions: list[str]) -> str:
    """'make' -> 'making', 'die' -> 'dying', 'see' -> 'seeing'; verb.exc spells the doubled
    consonant ("running", "beginning")."""
    listed = [f for f in exceptions if f.endswith("ing")]
    if listed:
        return listed[0]
    if lemma.endswith("ie"):
        return lemma[:-2] + "ying"
    if lemma.endswith("e") and len(lemma) > 2 and not lemma.endswith(("ee", "ye", "oe")):
        return lemma[:-1] + "ing"
    return lemma + "ing"


def lemmas_of_participle(word: str, verbs: dict, exception_lemmas: dict) -> list[str]:
    """The verbs whose -ing form `word` may be: 'making' -> make, 'lying' -> lie,
    'planning' -> plan."""
    if not word.endswith("ing") or len(word) < 5:
        return []
    stem = word[:-3]
    found = list(exception_lemmas.get(word, ()))
    candidates = [stem, stem + "e"] + ([stem[:-1] + "ie"] if stem.endswith("y") else [])
    if len(stem) > 2 and stem[-1] == stem[-2]:
        candidates.append(stem[:-1])  # "planning": verb.exc spells most, not every one
    found += [c for c in candidates if c in verbs and c not in found]
    return found


def nominalisations(folder: Path, verbs: dict) -> dict[str, str]:
    """Nouns that name the act or event of a verb, with the verb: a sense among the noun's
    first `NOMINAL_SENSES` is an act or an event (noun.act, noun.event) and WordNet links
    the noun in that sense to a one-word verb as a derivationally related form
    ("consumption" -> consume, "payment" -> pay). The first such sense decides."""
    nouns, verb_synsets = read_synsets(folder, "noun"), read_synsets(folder, "verb")
    found = {}
    for noun, offsets in read_index_file(folder, "noun").items():
        if not WORD_RE.fullmatch(noun) or "-" in noun:
            continue
        for offset in offsets[:NOMINAL_SENSES]:
            synset = nouns[offset]
            if synset.lexfile not in EVENT_NOUN_FILES or noun not in synset.lemmas:
                continue
            number = synset.lemmas.index(noun) + 1
            related = [
                verb_synsets[target].lemmas[target_word - 1]
                for symbol, part, target, source_word, target_word in synset.pointers
                if symbol == "+" and part == "v" and source_word == number and target_word
            ]
            related = [verb for verb in related if verb in verbs and "-" not in verb]
            if related:
                found[noun] = related[0]
                break
    return found


def build(folder: Path) -> dict:
    verbs = read_index(folder, "verb")
    nouns = read_index(folder, "noun")
    adjectives = read_index(folder, "adj")
    counts = read_counts(folder)
    exceptions = read_exceptions(folder)
    glosses = gloss_words(folder)

    def rare_other(lemma: str, others: list[tuple[str, str]], share: int) -> bool:
        """The other readings are fewer than one tagged use in `share` (0: never tagged);
        untagged words: none is listed."""
        verb = counts.get((lemma, "v"), 0)
        other = sum(counts.get(key, 0) for key in others)
        if verb or other:
            return other == 0 if share == 0 else other * share < verb + other
        listed = {"n": nouns, "a": adjectives}
        return not any(word in listed[pos] for word, pos in others)

    def verb_wins(lemma: str, other_words: list[tuple[str, str]]) -> bool:
        """The lemma's verb reading is more frequent than the other readings listed."""
        verb = counts.get((lemma, "v"), 0)
        other = sum(counts.get(key, 0) for key in other_words)
        if verb or other:
            return verb > other
        senses = {"n": nouns, "a": adjectives}
        other_senses = sum(senses[pos].get(word, 0) for word, pos in other_words)
        return verbs[lemma] > other_senses

    present: set[str] = set()
    shared: set[str] = set()
    base: set[str] = set()
    past_readings: dict[str, list[bool]] = defaultdict(list)
    participles: set[str] = set()
    irregular_pasts: set[str] = set()
    also_participles: set[str] = set()
    past_of_participle: dict[str, str] = {}
    simple_past: dict[str, str] = {}
    for lemma in verbs:
        form = third_person(lemma)
        if verb_wins(lemma, [(lemma, "n"), (form, "n")]):
            (present if rare_other(lemma, [(lemma, "n"), (form, "n")], 20) else shared).add(form)
        if rare_other(lemma, [(lemma, "n"), (lemma, "a")], 20):
            base.add(lemma)
        irregular, only_participles = irregular_forms(lemma, exceptions.get(lemma, []))
        participles.update(only_participles)
        irregular_pasts.update(irregular)
        if not only_participles:
            also_participles.update(
                f for f in irregular if not f.endswith("s") and not _vowel_of(f, lemma)
            )
        regular = regular_past(lemma, exceptions.get(lemma, []))
        # "learned" beside "learnt", but "see" makes no "seed" (a noun in tagged text) and
        # "be" no "bed"
        regular_too = not counts.get((regular, "n")) and lemma not in {"be", "have", "do"}
        # the past a claim is written in: the irregular one (the first verb.exc lists: "was"
        # for "be"; never a spelling of the present: "gasses"), unless the regular one is
        # written more often in WordNet's glosses ("worked", not "wrought")
        written = [f for f in irregular if not f.endswith("es")]
        chosen = written[0] if written else regular
        if written and regular_too and glosses[regular] > glosses[chosen]:
            chosen = regular
        simple_past[lemma] = chosen
        if chosen != regular:
            participle = present_participle(lemma, exceptions.get(lemma, []))
            past_of_participle.setdefault(participle, chosen)
        if not irregular or regular_too:
            irregular = [*irregular, regular]
        for past in irregular:
            past_readings[past].append(verb_wins(lemma, [(past, "n"), (past, "a")]))
    past_forms = {form for form, wins in past_readings.items() if any(wins)}
    irregular_pasts &= past_forms
    not_past = {form for form, wins in past_readings.items() if not any(wins)}
    not_past |= {
        word
        for word in (*nouns, *adjectives)
        if len(word) > 2 and word.endswith("ed") and word not in past_readings
    }
    exception_lemmas: dict[str, list[str]] = defaultdict(list)
    for lemma, forms in exceptions.items():
        for form in forms:
            exception_lemmas[form].append(lemma)

    adverbs = read_index(folder, "adv")
    not_participles = {
        word
        for word in (*verbs, *nouns, *adjectives, *adverbs)
        if word.endswith("ing") and not lemmas_of_participle(word, verbs, exception_lemmas)
    }
    nominal = {
        noun: [third_person(verb), simple_past[verb]]
        for noun, verb in sorted(nominalisations(folder, verbs).items())
    }
    return {
        "about": "English verb forms for the claim splitter, derived from WordNet 3.0 by "
        "scripts/build_verb_lexicon.py (see its docstring for the rules).",
        "version": VERSION,
        "licence": LICENCE,
        "present": sorted(present),
        "present_nouns": sorted(shared),
        "base": sorted(base),
        "past": sorted(past_forms),
        "past_irregular": sorted(irregular_pasts),
        "participles": sorted(participles - past_forms),
        "participles_also_past": sorted(also_participles & irregular_pasts),
        "adjectives": sorted(not_past),
        "past_of_participle": dict(sorted(past_of_participle.items())),
        "not_participles": sorted(not_participles),
        "nominalisations": nominal,
    }


def dump(lexicon: dict) -> str:
    lines = ["{"]
    items = list(lexicon.items())
    for index, (key, value) in enumerate(items):
        comma = "," if index < len(items) - 1 else ""
        lines.append(f"  {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}{comma}")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("wordnet", type=Path, help="WordNet's database folder")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    parser.add_argument("--check", action="store_true", help="fail when the file is stale")
    args = parser.parse_args(argv)
    text = dump(build(args.wordnet))
    if args.check:
        current = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
        if current != text:
            print(f"{args.output} is not what {args.wordnet} builds", file=sys.stderr)
            return 1
        print(f"{args.output} is up to date")
        return 0
    args.output.write_text(text, encoding="utf-8")
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
