"""How many matches an export shows per claim, and how many share a single word with it.

Reads an export (`manage.py export_claims`, see the exchange formats) and the library it
was matched against (`sources.jsonl` in the import format). A match "shares a single
word" when exactly one distinct search key (stemmed word or number, stop words left out,
`textcore.retrieval.query.index_terms`) of the claim appears in the passage and its
source's title together (what the desk shows of a suggestion), or, counted apart, in the
passage text alone.

    .venv/bin/python bench/shown_matches.py EXPORT.json SOURCES.jsonl [--top K] [-v]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from textcore.retrieval.query import clean_query, index_terms  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("export", type=Path)
    parser.add_argument("sources", type=Path)
    parser.add_argument("--top", type=int, default=0, help="count only the top K (0: all)")
    parser.add_argument("-v", "--verbose", action="store_true", help="list single-word matches")
    args = parser.parse_args(argv)
    keys: dict[tuple[str, str], tuple[set[str], set[str]]] = {}
    for line in args.sources.read_text(encoding="utf-8").splitlines():
        if line.strip():
            source = json.loads(line)
            title = set(index_terms(source.get("title") or ""))
            for passage in source.get("passages", []):
                keys[source["key"], passage["key"]] = (set(index_terms(passage["text"])), title)
    claims = shown = single = single_text = 0
    per_claim: Counter[int] = Counter()
    words: Counter[str] = Counter()
    for article in json.loads(args.export.read_text(encoding="utf-8"))["articles"]:
        for claim in article["claims"]:
            claims += 1
            matches = claim["matches"][: args.top] if args.top else claim["matches"]
            per_claim[len(matches)] += 1
            claim_keys = set(index_terms(clean_query(claim["text"])))
            for match in matches:
                shown += 1
                text, title = keys.get((match["source_key"], match["passage_key"]), (set(), set()))
                single_text += len(claim_keys & text) == 1
                shared = claim_keys & (text | title)
                if len(shared) == 1:
                    single += 1
                    words.update(shared)
                    if args.verbose:
                        print(f"  {match['score']:6.2f} {sorted(shared)} {claim['text'][:90]!r}")
    print(f"claims {claims}, matches shown {shown} ({shown / max(claims, 1):.2f} per claim)")
    print(
        f"claims with no match {per_claim[0]}; single-word matches {single} "
        f"(passage text alone: {single_text})"
    )
    print("matches per claim: " + ", ".join(f"{k}: {v}" for k, v in sorted(per_claim.items())))
    if words:
        print("single shared words: " + ", ".join(f"{w} {n}" for w, n in words.most_common(12)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
