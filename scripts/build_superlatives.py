"""Build the list of English superlative adjectives ("largest", "busiest", "best") from WordNet 3.0.

    .venv/bin/python scripts/build_superlatives.py WORDNET_DIR [--output FILE] [--check]

WORDNET_DIR is WordNet's database folder (Debian's wordnet-base installs it at
/usr/share/wordnet); the files read are index.adj, index.noun, index.verb,
adj.exc and cntlist.rev. The output (default `textcore/superlatives.json`) lists word forms, so the text core
only looks words up. The rules are the grammar books' and WordNet's own (morphy's):

- the irregular superlatives of adj.exc ("best", "worst", "biggest", "busiest");
- the regular -est form of every one-word adjective that takes one: adjectives of one
  syllable ("large" -> "largest", "high" -> "highest", "hot" -> "hottest" with the
  consonant doubled after a single short vowel), and adjectives of two syllables ending in
  -y, -ow, -le or -er ("early" -> "earliest", "narrow" -> "narrowest", "simple" ->
  "simplest", "clever" -> "cleverest");
- a form that adj.exc lists as its own lemma ("modest modest") is left out, and one that
  WordNet also lists as a noun, verb or adjective of its own ("modest" beside
  "mod", "dearest", "interest") is kept only when the adjective it would come from is
  tagged more often in WordNet's sense-tagged corpus (cntlist.rev) than the form's own
  readings together ("greatest", "lowest" stay).

`--check` rebuilds the list in memory and fails when the file differs from it.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "textcore" / "superlatives.json"
VERSION = 1
sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_verb_lexicon import dump, read_counts  # noqa: E402
from wordnet import LICENCE, lines, read_index  # noqa: E402

WORD_RE = re.compile(r"[a-z]+")
_VOWELS = "aeiouy"


def read_lemmas(folder: Path, part: str) -> set[str]:
    """One-word lemmas of index.PART (letters only)."""
    return {lemma for lemma in read_index(folder, part) if WORD_RE.fullmatch(lemma)}


def read_exceptions(folder: Path) -> tuple[set[str], set[str]]:
    """adj.exc: the irregular superlatives (the forms ending in -st: "biggest", "worst"),
    and the words it lists as their own lemma ("modest modest"), which keeps morphy from
    reading them as a superlative."""
    forms: set[str] = set()
    blocked: set[str] = set()
    for line in lines(folder, "adj.exc"):
        form, *lemmas = line.split()
        if WORD_RE.fullmatch(form) and form.endswith("st"):
            (blocked if form in lemmas else forms).add(form)
    return forms, blocked


def syllables(word: str) -> int:
    """Vowel groups, a silent final "e" aside ("large" 1, "simple" 2, "narrow" 2)."""
    groups = len(re.findall(r"[aeiouy]+", word))
    if word.endswith("e") and not word.endswith(("le", "ee")) and groups > 1:
        groups -= 1
    return groups


def takes_est(adjective: str) -> bool:
    """One syllable, or two ending in -y, -ow, -le or -er."""
    count = syllables(adjective)
    return len(adjective) > 1 and (
        count == 1 or (count == 2 and adjective.endswith(("y", "ow", "le", "er")))
    )


def superlative(adjective: str) -> str:
    """The regular -est form: "large" -> "largest", "early" -> "earliest", "hot" -> "hottest"."""
    if adjective.endswith("e"):
        return adjective + "st"
    if re.search(r"[^aeiou]y$", adjective):
        return adjective[:-1] + "iest"
    # a single short vowel before a single final consonant doubles it: "big", "hot", "sad"
    if (
        syllables(adjective) == 1
        and re.search(r"(?:^|[^aeiou])[aeiou][^aeiouwxy]$", adjective)
        and not adjective.endswith(("er",))
    ):
        return adjective + adjective[-1] + "est"
    return adjective + "est"


def build(folder: Path) -> dict:
    adjectives = read_lemmas(folder, "adj")
    words = adjectives | read_lemmas(folder, "noun") | read_lemmas(folder, "verb")
    counts = read_counts(folder)
    irregular, blocked = read_exceptions(folder)

    def own_word(form: str, adjective: str) -> bool:
        """The form is a word of its own more often than the adjective's superlative."""
        own = sum(counts.get((form, pos), 0) for pos in "nva")
        return form in words and counts.get((adjective, "a"), 0) <= own

    regular = {
        superlative(a) for a in adjectives if takes_est(a) and not own_word(superlative(a), a)
    }
    return {
        "about": "English superlative adjectives, derived from WordNet 3.0 by "
        "scripts/build_superlatives.py (see its docstring for the rules).",
        "version": VERSION,
        "licence": LICENCE,
        "superlatives": sorted((regular - blocked) | irregular),
    }


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
