"""Derive the claim ranker's related words from WordNet and write them as JSON.

    .venv/bin/python scripts/build_related_words.py WORDNET_DIR [--output FILE] [--check]

WORDNET_DIR is a WordNet 3.x database folder (`index.noun`, `data.noun`, ... for nouns,
verbs, adjectives and adverbs; Debian's `wordnet-base` installs it in /usr/share/wordnet).
Two words are related when a fact-check may say one where a post says the other:

- synonyms: both are lemmas of one synset that is among the first `SENSES` senses of
  each (WordNet orders a word's senses by how often they were found in tagged text, so
  a rare sense, "murder" for "off", does not relate them);
- derivationally related forms ("vaccinate" and "vaccine", "die" and "death") and
  pertainyms ("Finnish" and "Finland") of a lemma in one of its first `SENSES` senses.

Only one-word lemmas of letters count. Each word becomes its search key
(`textcore.analysis.term_key`, the lookup's analyser: "vaccinated" and "vaccine" meet
through their keys), stop words are left out and pairs whose keys are equal say
nothing. The file lists each pair once, under the key that sorts first (the reader adds
the other direction), keys sorted; it records the
WordNet files' SHA-256 and the settings; the same folder gives the same bytes. The keys
depend on the analyser: rebuild the file when `term_key` changes. WordNet's licence is
copied into the file (it asks to appear on every copy of the database, modified or not).

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

from wordnet import LICENCE, read_index, read_synsets  # noqa: E402

from textcore.analysis import term_key  # noqa: E402
from textcore.lexicon import STOP_WORDS  # noqa: E402
from textcore.retrieval.related import RELATED_FORMAT, RELATED_PATH, RELATED_VERSION  # noqa: E402

SENSES = 3  # senses of a word, most frequent first, whose relatives count (see above)
PARTS = {"noun": "n", "verb": "v", "adj": "a", "adv": "r"}
_WORD = re.compile(r"[a-z]+")


def related_words(folder: Path) -> dict[str, list[str]]:
    """Each search key's related keys that sort after it (sorted), from the WordNet
    database in `folder`: every related pair once."""
    synsets = {part: read_synsets(folder, name) for name, part in PARTS.items()}
    senses = {part: read_index(folder, name) for name, part in PARTS.items()}
    related: dict[str, set[str]] = defaultdict(set)

    def relate(a: str, b: str) -> None:
        if not (_WORD.fullmatch(a) and _WORD.fullmatch(b)) or {a, b} & STOP_WORDS:
            return
        key_a, key_b = term_key(a), term_key(b)
        if key_a != key_b and len(key_a) > 1 and len(key_b) > 1:
            related[min(key_a, key_b)].add(max(key_a, key_b))

    for part, lemmas in senses.items():
        for lemma, offsets in lemmas.items():
            if not _WORD.fullmatch(lemma):
                continue
            for offset in offsets[:SENSES]:
                _lexfile, words, pointers = synsets[part][offset]
                for word in words:
                    if word != lemma and offset in senses[part].get(word, ())[:SENSES]:
                        relate(lemma, word)
                if lemma not in words:
                    continue
                number = words.index(lemma) + 1
                for symbol, target_part, target, source_word, target_word in pointers:
                    # "+": derivationally related form, "\": pertainym (lexical pointers)
                    if symbol in ("+", "\\") and source_word == number and target_word:
                        relate(lemma, synsets[target_part][target].lemmas[target_word - 1])
    return {key: sorted(keys) for key, keys in sorted(related.items())}


def dump(wordnet_dir: Path) -> str:
    """The file's text for the WordNet database in `wordnet_dir`."""
    related = related_words(wordnet_dir)
    files = sorted(f"{kind}.{name}" for kind in ("index", "data") for name in PARTS)
    data = {
        "format": RELATED_FORMAT,
        "version": RELATED_VERSION,
        "licence": LICENCE,
        "source": {
            "script": "scripts/build_related_words.py",
            "wordnet": {
                name: hashlib.sha256((wordnet_dir / name).read_bytes()).hexdigest()
                for name in files
            },
            "senses": SENSES,
            "relations": "synonyms, derivationally related forms, pertainyms",
        },
        # per key, the related keys that sort after it, separated by spaces
        "related": {key: " ".join(keys) for key, keys in related.items()},
    }
    return json.dumps(data, indent=0, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("wordnet_dir", type=Path)
    parser.add_argument("--output", type=Path, default=RELATED_PATH)
    parser.add_argument("--check", action="store_true", help="fail when the file is stale")
    args = parser.parse_args(argv)
    text = dump(args.wordnet_dir)
    if args.check:
        current = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
        if current != text:
            print(f"{args.output} is not what {args.wordnet_dir} builds", file=sys.stderr)
            return 1
        print(f"{args.output} is up to date", file=sys.stderr)
        return 0
    args.output.write_text(text, encoding="utf-8")
    print(f"wrote {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
