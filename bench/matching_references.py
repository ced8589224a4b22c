"""What `bench/matching.py` measures the lookup against: an exhaustive Okapi BM25 written
independently of the application, PostgreSQL's GIN index asked for every lexeme, a
brute-force rapidfuzz scan, and the second stage's scorer at an earlier git revision.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from synthetic_library import Claim

ROOT = Path(__file__).resolve().parent.parent


def load_reference_matching(rev: str):
    """`textcore.matching` as it was at git revision `rev`, imported as another package.

    The older scorer and the modules it imports (all relative) are written to a temporary
    package, so both versions run in this process on the same candidates.
    """
    import importlib
    import subprocess
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="textcore_reference_"))
    package = folder / "textcore_reference"
    package.mkdir()
    (package / "__init__.py").write_text("")
    for name in ("matching", "numeric", "analysis", "lexicon", "units"):
        shown = subprocess.run(
            ["git", "-C", str(ROOT), "show", f"{rev}:textcore/{name}.py"],
            capture_output=True,
            text=True,
        )
        if shown.returncode == 0:
            (package / f"{name}.py").write_text(shown.stdout)
    sys.path.insert(0, str(folder))
    return importlib.import_module("textcore_reference.matching")


def time_second_stage(claims: list[Claim], reference) -> dict:
    """Milliseconds per claim of the wording and numeric scorer over the lookup's candidates,
    the current code against `reference` (alternating which runs first), cold caches."""
    from sources.search import candidates_per_claim, clean_query, find_candidates
    from sources.search_index import library_index
    from textcore import figures, matching
    from textcore.analysis import claim_terms, term_key

    idf = library_index().index.text.idf
    current_ms, reference_ms = [], []
    for number, claim in enumerate(claims):
        cleaned = clean_query(claim.text)
        candidates = find_candidates(cleaned, limit=candidates_per_claim())
        weights = {word: idf(term_key(word)) for word in claim_terms(cleaned)}
        runs = [(matching, current_ms), (reference, reference_ms)]
        for module, sink in runs if number % 2 == 0 else runs[::-1]:
            figures.read_passage.cache_clear()
            passages = [module.PassageText(c.passage_id, c.text, c.quantities) for c in candidates]
            t0 = time.perf_counter()
            module.score_candidates(
                cleaned, claim.quantities, passages, term_weights=weights, limit=len(passages)
            )
            sink.append((time.perf_counter() - t0) * 1000)
    return {
        "numeric_claims": len(claims),
        "stage2_p50": statistics.median(current_ms),
        "stage2_ref_p50": statistics.median(reference_ms),
        "stage2_ratio": sum(current_ms) / max(sum(reference_ms), 1e-9),
    }


class ExhaustiveBM25:
    """Okapi BM25 (k1=1.5, b=0.75, term counts, lowercase word tokens) over every passage,
    written independently of the application's index: the reference its first stage must
    not lose against."""

    def __init__(self, rows: list[tuple[int, str]]):
        import re
        from collections import Counter

        word = re.compile(r"[^\W\d_]+|\d+")
        self.tokens = lambda text: word.findall(text.lower())
        self.ids = [r[0] for r in rows]
        self.postings: dict[str, list[tuple[int, int]]] = {}
        lengths = []
        for i, (_, text) in enumerate(rows):
            counts = Counter(self.tokens(text))
            lengths.append(sum(counts.values()))
            for w, tf in counts.items():
                self.postings.setdefault(w, []).append((i, tf))
        self.lengths = lengths
        self.avg = sum(lengths) / max(len(lengths), 1)
        self.n = len(rows)

    def top(self, text: str, k: int = 10) -> list[int]:
        import math

        scores: dict[int, float] = {}
        for w in set(self.tokens(text)):
            found = self.postings.get(w, [])
            idf = math.log(1 + (self.n - len(found) + 0.5) / (len(found) + 0.5))
            for i, tf in found:
                norm = 1.5 * (0.25 + 0.75 * self.lengths[i] / self.avg)
                scores[i] = scores.get(i, 0.0) + idf * tf * 2.5 / (tf + norm)
        best = sorted(scores.items(), key=lambda item: (-item[1], item[0]))[:k]
        return [self.ids[i] for i, _ in best]


def postgres_exhaustive(claim: Claim, limit: int = 100) -> list[int]:
    """The alternative first stage measured against the in-memory index: PostgreSQL's GIN
    index with an OR of every query lexeme, BM25-weighted by lexeme rarity in SQL."""
    from django.db import connection

    from sources.search import term_weights

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT DISTINCT unnest(tsvector_to_array(to_tsvector('english', %s)))",
            [claim.text],
        )
        lexemes = [r[0] for r in cursor.fetchall()]
        if not lexemes:
            return []
        weights = term_weights(lexemes)
        rank = " + ".join(
            "CASE WHEN search_vector @@ %s::tsquery THEN %s ELSE 0 END" for _ in lexemes
        )
        params: list[object] = []
        for lexeme in lexemes:
            params += [lexeme, weights.get(lexeme, 0.0)]
        query = " | ".join(lexemes)
        cursor.execute(
            f"SELECT id FROM sources_passage WHERE search_vector @@ %s::tsquery "  # nosec B608
            f"ORDER BY ({rank}) DESC, id LIMIT %s",
            [query, *params, limit],
        )
        return [r[0] for r in cursor.fetchall()]


def brute_force(query: str, chunks: list[tuple[int, list[str]]], pool) -> list[int]:
    """Indexes of the 10 best texts by token_set_ratio, scanning the slices in parallel."""
    from rapidfuzz import fuzz, process

    def scan(chunk: tuple[int, list[str]]) -> list[tuple[float, int]]:
        offset, texts = chunk
        found = process.extract(query, texts, scorer=fuzz.token_set_ratio, limit=10)
        return [(score, offset + index) for _, score, index in found]

    merged = [hit for hits in pool.map(scan, chunks) for hit in hits]
    merged.sort(key=lambda hit: (-hit[0], hit[1]))
    return [index for _, index in merged[:10]]
