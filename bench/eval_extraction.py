"""Run extract_claims on a dataset's articles and write an export in its exchange format.

Usage: python bench/eval_extraction.py DATASET_DIR OUT.json

Then score it without the database, with the scorer that comes with the evaluation data
(not part of this repository):
    python SCORER DATASET_DIR OUT.json --verbose
(matching metrics are 0 there: this export has no matches).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from textcore.extraction import extract_claims  # noqa: E402


def build_export(dataset_dir: Path) -> dict:
    """Export dict for every article listed in DATASET_DIR/gold.json."""
    gold = json.loads((dataset_dir / "gold.json").read_text(encoding="utf-8"))
    articles = []
    claim_id = 0
    for index, article in enumerate(gold["articles"], start=1):
        path = dataset_dir / article["file"]
        text = path.read_bytes().decode("utf-8")
        claims = []
        for claim in extract_claims(text):
            claim_id += 1
            claims.append(
                {
                    "id": claim_id,
                    "text": claim.text,
                    "sentence": claim.sentence,
                    "start": claim.start,
                    "end": claim.end,
                    "checkworthiness": claim.checkworthiness,
                    "quantities": [q.to_dict() for q in claim.quantities],
                    "status": "extracted",
                    "matches": [],
                }
            )
        articles.append(
            {"id": index, "title": article.get("title", ""), "url": path.name, "claims": claims}
        )
    return {"articles": articles}


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print(__doc__)
        return 2
    export = build_export(Path(argv[1]))
    Path(argv[2]).write_text(
        json.dumps(export, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    total = sum(len(a["claims"]) for a in export["articles"])
    print(f"wrote {total} claims from {len(export['articles'])} articles to {argv[2]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
