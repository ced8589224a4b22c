"""Derive each English word's supersense from WordNet and write them as JSON
(textcore/supersenses.json, read by `textcore.supersenses`).

    .venv/bin/python scripts/build_supersenses.py WORDNET_DIR [--output FILE] [--check]

WORDNET_DIR is a WordNet 3.x database folder (`index.noun`, `data.noun`, ..., `cntlist.rev`
and the `*.exc` files; Debian's `wordnet-base` installs it in /usr/share/wordnet). A word's
supersense is the lexicographer file of its most frequent sense ("said": verb.communication,
"billion": noun.quantity, "senator": noun.person), a class that says what a word is about
across the topics of the texts it is read in:

- each one-word lemma of letters of each part of speech counts as often as its senses were
  tagged in WordNet's sense-tagged text (`cntlist.rev`), and takes the lexicographer file of
  its sense tagged most often (ties and untagged lemmas: the first sense of the index);
- a written form is its lemma, an irregular form of WordNet's exception lists ("said" of
  "say") or a regular inflection of a tagged lemma ("senators", "voted", "voting",
  "cheaper"), made by the reverse of WordNet's own detachment rules;
- a form that may be several lemmas takes the one tagged most often (then noun, verb,
  adjective, adverb; then the lemma written so before an inflection);
- function words (`textcore.lexicon.STOP_WORDS` but the verbs of saying) are left out:
  WordNet's senses of "i" (iodine) or "in" (inch) are not what the text means.

The file lists the forms under each supersense, sorted, with the WordNet files' SHA-256; the
same folder gives the same bytes. WordNet's licence is copied into the file.
`--check` builds the file in memory and fails when the one at `--output` differs from it.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from wordnet import LICENCE, lines, read_index, read_synsets  # noqa: E402

from textcore.lexicon import STOP_WORDS  # noqa: E402
from textcore.supersenses import SUPERSENSES_FORMAT, SUPERSENSES_PATH, SUPERSENSES_VERSION  # noqa: E402

PARTS = ("noun", "verb", "adj", "adv")
# cntlist.rev's synset type (the number after "%" in a sense key); 5: a satellite adjective
_SS_TYPE = {"1": "noun", "2": "verb", "3": "adj", "4": "adv", "5": "adj"}
# WordNet 3.0's lexicographer files, by number (the `lexnames` file of the distribution)
LEXNAMES = (
    "adj.all adj.pert adv.all noun.Tops noun.act noun.animal noun.artifact noun.attribute "
    "noun.body noun.cognition noun.communication noun.event noun.feeling noun.food noun.group "
    "noun.location noun.motive noun.object noun.person noun.phenomenon noun.plant "
    "noun.possession noun.process noun.quantity noun.relation noun.shape noun.state "
    "noun.substance noun.time verb.body verb.change verb.cognition verb.communication "
    "verb.competition verb.consumption verb.contact verb.creation verb.emotion verb.motion "
    "verb.perception verb.possession verb.social verb.stative verb.weather adj.ppl"
).split()
SAYING = frozenset({"said", "says", "say"})
FUNCTION_WORDS = STOP_WORDS - SAYING
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")
_VOWELS = frozenset("aeiou")


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def lemma_senses(folder: Path) -> dict[tuple[str, str], tuple[int, int]]:
    """(part, lemma) -> (times tagged, lexicographer file of its sense tagged most often)."""
    tagged: dict[tuple[str, str], list[tuple[int, int, int]]] = defaultdict(list)
    for line in (folder / "cntlist.rev").read_text(encoding="utf-8").splitlines():
        key, number, count = line.split()
        lemma, _, rest = key.partition("%")
        ss_type, lexfile = rest.split(":")[:2]
        tagged[(_SS_TYPE[ss_type], lemma)].append((int(count), -int(number), int(lexfile)))
    senses = {}
    for part in PARTS:
        synsets = read_synsets(folder, part)
        for lemma, offsets in read_index(folder, part).items():
            if not _WORD.fullmatch(lemma):
                continue
            counts = tagged.get((part, lemma))
            if counts and max(counts)[0] > 0:
                senses[(part, lemma)] = (sum(c[0] for c in counts), max(counts)[2])
            else:
                senses[(part, lemma)] = (0, synsets[offsets[0]].lexfile)
    return senses


def _doubled(word: str) -> bool:
    """Whether the last consonant doubles before "-ed"/"-ing" ("stop", "plan", not "open")."""
    return (
        len(word) >= 3
        and word[-1] not in _VOWELS | {"w", "x", "y"}
        and word[-2] in _VOWELS
        and word[-3] not in _VOWELS
    )


def inflections(part: str, lemma: str) -> set[str]:
    """Regular inflections of a lemma: the reverse of WordNet's detachment rules."""
    forms = set()
    if part in ("noun", "verb"):
        if lemma.endswith(("s", "x", "z", "ch", "sh")) or (part == "verb" and lemma[-1] == "o"):
            forms.add(lemma + "es")
        elif lemma[-1] == "y" and lemma[-2:-1] not in _VOWELS:
            forms.add(lemma[:-1] + "ies")
        else:
            forms.add(lemma + "s")
        if part == "noun" and lemma.endswith("man"):
            forms.add(lemma[:-3] + "men")
    if part == "verb":
        if lemma[-1] == "e":
            forms.add(lemma + "d")
            forms.add(lemma + "ing" if lemma[-2:] in ("ee", "ye", "oe") else lemma[:-1] + "ing")
        elif lemma[-1] == "y" and lemma[-2:-1] not in _VOWELS:
            forms.update((lemma[:-1] + "ied", lemma + "ing"))
        else:
            forms.update((lemma + "ed", lemma + "ing"))
            if _doubled(lemma):
                forms.update((lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"))
    if part == "adj":
        if lemma[-1] == "e":
            forms.update((lemma + "r", lemma + "st"))
        elif lemma[-1] == "y" and lemma[-2:-1] not in _VOWELS:
            forms.update((lemma[:-1] + "ier", lemma[:-1] + "iest"))
        else:
            forms.update((lemma + "er", lemma + "est"))
            if _doubled(lemma):
                forms.update((lemma + lemma[-1] + "er", lemma + lemma[-1] + "est"))
    return forms


def supersenses(folder: Path) -> dict[str, str]:
    """Each written form's supersense (see the module's description)."""
    senses = lemma_senses(folder)
    best: dict[str, tuple] = {}

    def offer(form: str, part: str, lemma: str, as_written: bool) -> None:
        if form in FUNCTION_WORDS or not _WORD.fullmatch(form):
            return
        count, lexfile = senses[(part, lemma)]
        rank = (count, -PARTS.index(part), as_written, lemma)
        if form not in best or rank > best[form][0]:
            best[form] = (rank, lexfile)

    for (part, lemma), (count, _) in senses.items():
        offer(lemma, part, lemma, True)
        if count and len(lemma) >= 3:
            for form in inflections(part, lemma):
                offer(form, part, lemma, False)
    for part in PARTS:
        for line in lines(folder, f"{part}.exc"):
            form, *bases = line.split()
            for base in bases:
                if (part, base) in senses:
                    offer(form, part, base, False)
    return {form: LEXNAMES[lexfile] for form, (_, lexfile) in best.items()}


def build(folder: Path) -> dict:
    by_sense: dict[str, list[str]] = defaultdict(list)
    for form, sense in supersenses(folder).items():
        by_sense[sense].append(form)
    files = ["cntlist.rev"] + [f"{k}.{p}" for k in ("index", "data") for p in PARTS]
    files += [f"{p}.exc" for p in PARTS]
    return {
        "format": SUPERSENSES_FORMAT,
        "version": SUPERSENSES_VERSION,
        "description": (
            "Each English word form's WordNet supersense (the lexicographer file of its sense "
            "tagged most often), built by scripts/build_supersenses.py; forms are listed under "
            "their supersense, space-separated."
        ),
        "source": {"wordnet": {name: _sha256(folder / name) for name in sorted(files)}},
        "licence": LICENCE,
        "supersenses": {
            sense: " ".join(sorted(forms)) for sense, forms in sorted(by_sense.items())
        },
    }


def dumps(data: dict) -> str:
    return json.dumps(data, sort_keys=True, ensure_ascii=False, indent=0) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("wordnet_dir", type=Path)
    parser.add_argument("--output", type=Path, default=SUPERSENSES_PATH)
    parser.add_argument("--check", action="store_true", help="rebuild and compare, write nothing")
    args = parser.parse_args(argv)
    text = dumps(build(args.wordnet_dir))
    if args.check:
        current = args.output.read_text(encoding="utf-8") if args.output.is_file() else ""
        if current != text:
            print(f"{args.output} differs from the rebuilt file", file=sys.stderr)
            return 1
        print(f"{args.output} is rebuilt exactly")
        return 0
    args.output.write_text(text, encoding="utf-8")
    print(f"wrote {args.output} ({len(text.encode('utf-8'))} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
