"""Quality of claim matching on an evaluation dataset: recall@1/@5, false matches, conflicts.

Uses the dataset's claim texts only as queries and its evidence only to measure; nothing
of it is copied anywhere. By default it is pure (no database): every claim is scored by
textcore.matching.score_candidates against every passage of the library, with BM25 weights
computed in Python standing in for `sources.search.term_weights`. With --postgres it
imports the library into a scratch database and runs the real two-stage matcher.

    .venv/bin/python bench/eval_matching.py DATASET_DIR [--gold-quantities] [-v]
        [--postgres postgres://postgres@127.0.0.1:5432/SCRATCH_DB]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from textcore.analysis import claim_terms, term_key  # noqa: E402
from textcore.matching import (  # noqa: E402
    PassageText,
    ScoredMatch,
    bm25_weight,
    iter_terms,
    score_candidates,
)

FALSE_MATCH_SCORE = 80
TOP_K_CONFLICTS = 5


def _parse_quantities(text: str) -> list[dict]:
    try:
        from textcore.quantities import parse_quantities
    except ImportError:
        return []
    return [q.to_dict() for q in parse_quantities(text)]


def _postgres_matcher(url: str, root: Path):
    """Import the dataset's library into a scratch database and match through it."""
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    from sources import files, search, services
    from sources.models import Passage, Source

    if Source.objects.exists():
        raise SystemExit(f"{url} already holds sources: give a scratch database")
    records = files.parse_library_file(root / "sources.jsonl")
    services.import_records(records)
    search.refresh_term_statistics()
    refs = {p.pk: (p.source.key, p.key) for p in Passage.objects.select_related("source")}

    def match(text: str, quantities: list[dict], limit: int = 10) -> list[ScoredMatch]:
        candidates = search.find_candidates(text)
        return score_candidates(
            text,
            quantities,
            [PassageText(c.passage_id, c.text, c.quantities) for c in candidates],
            term_weights=search.term_weights(claim_terms(text)),
            limit=limit,
        )

    return match, refs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dataset", help="folder with gold.json and sources.jsonl")
    parser.add_argument(
        "--gold-quantities",
        action="store_true",
        help="use the dataset's claim quantities instead of parsing the claim text",
    )
    parser.add_argument(
        "--postgres",
        metavar="DATABASE_URL",
        help="run the real two-stage matcher: import the library into this (scratch!) "
        "database, then find_candidates + term_weights + score_candidates",
    )
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    root = Path(args.dataset)

    passages: list[PassageText] = []
    refs: dict[int, tuple[str, str]] = {}
    for line in (root / "sources.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        source = json.loads(line)
        for item in source.get("passages", []):
            pid = len(passages) + 1
            passages.append(PassageText(pid, item["text"], _parse_quantities(item["text"])))
            refs[pid] = (source["key"], item["key"])
    if args.postgres:
        match, refs = _postgres_matcher(args.postgres, root)
    else:
        df: Counter[str] = Counter()
        for keys in iter_terms(p.text for p in passages):
            df.update(keys)

        def match(text: str, quantities: list[dict], limit: int = 10) -> list[ScoredMatch]:
            weights = {t: bm25_weight(df[term_key(t)], len(passages)) for t in claim_terms(text)}
            return score_candidates(text, quantities, passages, term_weights=weights, limit=limit)

    gold = json.loads((root / "gold.json").read_text(encoding="utf-8"))
    n_ev = hit1 = hit5 = 0
    n_noev = false_match = 0
    n_ncw = ncw_false = 0
    conf_gold = conf_pred = conf_tp = 0
    top_true: list[float] = []
    for article in gold["articles"]:
        for claim in article["claims"]:
            if claim.get("checkworthy", True) is False:
                continue
            text = claim["text"]
            quantities = (
                claim.get("quantities", []) if args.gold_quantities else _parse_quantities(text)
            )
            ranked = match(text, quantities)
            got = [refs[m.passage_id] for m in ranked]
            evidence = {(e["source_key"], e["passage_key"]) for e in claim.get("evidence", [])}
            gold_conf = {
                (e["source_key"], e["passage_key"])
                for e in claim.get("evidence", [])
                if e.get("numeric") == "conflicts"
            }
            pred_conf = {
                refs[m.passage_id] for m in ranked[:TOP_K_CONFLICTS] if m.numeric == "conflicts"
            }
            conf_gold += len(gold_conf)
            conf_pred += len(pred_conf)
            conf_tp += len(pred_conf & gold_conf)
            notes = []
            if evidence:
                n_ev += 1
                hit1 += bool(set(got[:1]) & evidence)
                hit5 += bool(set(got[:5]) & evidence)
                best_true = max(
                    (m.score for m in ranked if refs[m.passage_id] in evidence), default=0
                )
                top_true.append(best_true)
                if not set(got[:5]) & evidence:
                    notes.append("MISS@5")
                elif not set(got[:1]) & evidence:
                    notes.append("miss@1")
            else:
                n_noev += 1
                if ranked and ranked[0].score >= FALSE_MATCH_SCORE:
                    false_match += 1
                    notes.append("FALSE MATCH")
            for ref in pred_conf - gold_conf:
                notes.append(f"extra conflict {ref}")
            for ref in gold_conf - pred_conf:
                notes.append(f"missed conflict {ref}")
            if args.verbose and (notes or args.verbose > 1):
                print(f"{claim['id']}: {text}  {' | '.join(notes)}")
                for m in ranked[:5]:
                    mark = "*" if refs[m.passage_id] in evidence else " "
                    print(
                        f"   {mark} {m.score:5.1f} {m.numeric:9s} {refs[m.passage_id]} "
                        f"cov={m.detail['coverage']} fz={m.detail['fuzzy']} "
                        f"ent={m.detail['entities']} pr={m.detail['precision']}"
                    )
        # sentences judged not check-worthy stand in for extracted claims without evidence
        for sentence in article.get("not_checkworthy", []):
            ranked = match(sentence, _parse_quantities(sentence), limit=1)
            n_ncw += 1
            if ranked and ranked[0].score >= FALSE_MATCH_SCORE:
                ncw_false += 1
                if args.verbose:
                    print(
                        f"NCW false match {ranked[0].score}: {sentence[:90]!r} -> "
                        f"{refs[ranked[0].passage_id]}"
                    )
    precision = conf_tp / conf_pred if conf_pred else 0.0
    recall = conf_tp / conf_gold if conf_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    top_true.sort()
    print(
        f"recall@1={hit1 / n_ev:.3f} recall@5={hit5 / n_ev:.3f} "
        f"false_match={false_match / max(n_noev, 1):.3f} ({false_match}/{n_noev}) "
        f"conflict P={precision:.3f} R={recall:.3f} F1={f1:.3f} "
        f"(gold {conf_gold}, flagged {conf_pred}, correct {conf_tp}) "
        f"median best-evidence score={top_true[len(top_true) // 2]:.1f} "
        f"not-checkworthy sentences scoring >= {FALSE_MATCH_SCORE}: {ncw_false}/{n_ncw}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
