"""Candidate retrieval: the few hundred passages of the library worth scoring for a claim.

PostgreSQL (the store of truth) answers from its GIN full-text index, but never with an
OR of all the claim's words: common words would make every query touch a large share of
the library. Instead the claim's lexemes are looked up in `sources.Term` (document
frequencies kept up to date with the library) and the query keeps

* every lexeme rare enough that all of them together match at most `CANDIDATE_BUDGET`
  passages, and
* for the claim's commoner lexemes, pairs of them (`a & b`): a passage sharing two
  commoner words with the claim is a candidate, one sharing only "said" is not.

The GIN index intersects the posting lists, so the rows PostgreSQL reads stay near the
budget whatever the size of the library. The rows found are ranked in SQL by the BM25
weight of the claim lexemes they contain. SQLite (the embedded default) scans the library
in Python with the same weighting: simple, correct, fine for a small library.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import combinations

from django.db import connection, transaction

from textcore.analysis import claim_terms, normalize_text, term_key
from textcore.matching import bm25_weight, iter_terms

from .models import Passage, Term

logger = logging.getLogger(__name__)

# Estimated passages a query may read before it is ranked. Measured by bench/matching.py:
# at 1M passages a budget of a few thousand rows keeps p95 well under 250 ms.
CANDIDATE_BUDGET = 4000
# Hard cap on the rows one query reads, whatever the statistics say.
MAX_ROWS_READ = 10 * CANDIDATE_BUDGET
# Lexemes considered for the query: the claim's rarest. More adds rows, not recall.
MAX_QUERY_TERMS = 8
# Lexemes whose weights rank the rows found (the claim's rarest, up to this many).
MAX_RANK_TERMS = 16


@dataclass(frozen=True)
class Candidate:
    """A passage found for a claim, with the retrieval stage's own score (not 0..100)."""

    passage_id: int
    text: str
    quantities: list[dict]
    retrieval_score: float


def normalize_for_search(text: str) -> str:
    """Lowercase, unicode-normalised text with quotes and dashes folded, punctuation as spaces."""
    return normalize_text(text)


def _is_postgresql() -> bool:
    return connection.vendor == "postgresql"


# --------------------------------------------------------------------------- statistics

_UPDATE_SQL = """
WITH changes AS (
    SELECT lexeme, sum(delta) AS delta
    FROM (
        SELECT lexeme, 1 AS delta
        FROM unnest(%(added)s::text[]) AS a(text),
             unnest(tsvector_to_array(to_tsvector('english'::regconfig, coalesce(a.text, ''))))
                AS lexeme
        UNION ALL
        SELECT lexeme, -1
        FROM unnest(%(removed)s::text[]) AS r(text),
             unnest(tsvector_to_array(to_tsvector('english'::regconfig, coalesce(r.text, ''))))
                AS lexeme
        UNION ALL
        SELECT '', cardinality(%(added)s::text[]) - cardinality(%(removed)s::text[])
    ) AS deltas
    GROUP BY lexeme
    HAVING sum(delta) <> 0
)
INSERT INTO sources_term AS t (lexeme, df)
SELECT lexeme, delta
FROM changes
-- a removal of a lexeme the statistics never counted has nothing to correct
WHERE delta > 0 OR EXISTS (SELECT 1 FROM sources_term AS known WHERE known.lexeme = changes.lexeme)
-- one lock order for every caller, so two imports at once cannot deadlock
ORDER BY lexeme
ON CONFLICT (lexeme) DO UPDATE SET df = GREATEST(t.df + EXCLUDED.df, 0)
"""

_REFRESH_SQL = """
INSERT INTO sources_term (lexeme, df)
SELECT word, ndoc FROM ts_stat('SELECT search_vector FROM sources_passage')
UNION ALL
SELECT '', count(*) FROM sources_passage
"""


def update_term_statistics(added_texts: Iterable[str], removed_texts: Iterable[str] = ()) -> None:
    """Count passages added and removed (by their texts) into the term statistics.

    Call in the transaction that writes the passages; a changed passage text is one
    removed text (the old) and one added (the new). No-op on SQLite.
    """
    if not _is_postgresql():
        return
    added, removed = list(added_texts), list(removed_texts)
    if not added and not removed:
        return
    with connection.cursor() as cursor:
        cursor.execute(_UPDATE_SQL, {"added": added, "removed": removed})


def refresh_term_statistics() -> None:
    """Recount the term statistics from the whole library (one pass; after bulk loads)."""
    if not _is_postgresql():
        return
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("LOCK TABLE sources_term IN EXCLUSIVE MODE")
        cursor.execute("DELETE FROM sources_term")
        cursor.execute(_REFRESH_SQL)


def _library_size(cursor) -> int | None:
    cursor.execute("SELECT df FROM sources_term WHERE lexeme = %s", [Term.PASSAGE_COUNT])
    row = cursor.fetchone()
    return row[0] if row else None


def term_weights(terms: Iterable[str]) -> dict[str, float]:
    """BM25 weight of each word by its rarity in the library; 0 for stop words."""
    words = sorted({t for t in terms if t})
    if not words:
        return {}
    if not _is_postgresql():
        return _scan_term_weights(words)
    with connection.cursor() as cursor:
        passages = _library_size(cursor)
        if passages is None:
            cursor.execute("SELECT count(*) FROM sources_passage")
            passages = cursor.fetchone()[0]
        cursor.execute(
            """
            SELECT w.word, count(l.lexeme), coalesce(max(t.df), 0)
            FROM unnest(%s::text[]) AS w(word)
            LEFT JOIN LATERAL unnest(
                tsvector_to_array(to_tsvector('english'::regconfig, w.word))
            ) AS l(lexeme) ON true
            LEFT JOIN sources_term AS t ON t.lexeme = l.lexeme
            GROUP BY w.word
            """,
            [words],
        )
        return {
            word: (bm25_weight(df, max(passages, df)) if lexemes else 0.0)
            for word, lexemes, df in cursor.fetchall()
        }


def _scan_term_weights(words: list[str]) -> dict[str, float]:
    keys = {w: term_key(w) for w in words}
    wanted = set(keys.values())
    df: Counter[str] = Counter()
    passages = 0
    for text_keys in iter_terms(Passage.objects.values_list("text", flat=True).iterator()):
        passages += 1
        df.update(text_keys & wanted)
    return {w: bm25_weight(df[k], max(passages, df[k])) for w, k in keys.items()}


# --------------------------------------------------------------------------- retrieval


def _tsquery_literal(lexeme: str) -> str:
    return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'"


@dataclass(frozen=True)
class _Plan:
    """What a claim's query will ask: single lexemes, pairs, and the ranking weights."""

    singles: list[str]
    pairs: list[tuple[str, str]]
    weights: dict[str, float]
    estimated_rows: float


def plan_query(frequencies: dict[str, int], passages: int) -> _Plan:
    """Choose the lexemes and pairs to query so that the rows read stay near the budget.

    Lexemes unknown to the statistics (df 0) are kept: they cost nothing if truly absent
    and find passages added since the statistics were last updated.
    """
    by_rarity = sorted(frequencies.items(), key=lambda item: (item[1], item[0]))
    passages = max(passages, 1)
    # Unknown lexemes read no rows, so they never take the place of a known rare one.
    unknown = [lexeme for lexeme, df in by_rarity if df == 0]
    known = [item for item in by_rarity if item[1] > 0]
    weights = {
        lexeme: bm25_weight(df, max(passages, df))
        for lexeme, df in [*((u, 0) for u in unknown), *known[:MAX_RANK_TERMS]]
    }
    considered = known[:MAX_QUERY_TERMS]
    singles: list[str] = list(unknown)
    rows = 0.0
    for lexeme, df in considered:
        if rows and rows + df > CANDIDATE_BUDGET:
            break
        if not rows and df > CANDIDATE_BUDGET and len(considered) > 1:
            break  # even the rarest is common: pairs do better
        singles.append(lexeme)
        rows += df
    rest = considered[len(singles) - len(unknown) :]
    pair_costs = sorted(
        ((a_df * b_df / passages, a, b) for (a, a_df), (b, b_df) in combinations(rest, 2)),
        key=lambda item: (item[0], item[1], item[2]),
    )
    pairs: list[tuple[str, str]] = []
    for cost, a, b in pair_costs:
        if rows + cost > 2 * CANDIDATE_BUDGET and (singles or pairs):
            break
        pairs.append((a, b))
        rows += cost
    return _Plan(singles, pairs, weights, rows)


def find_candidates(claim_text: str, *, limit: int = 200) -> list[Candidate]:
    """The passages most worth scoring for a claim, best first (at most `limit`)."""
    if not claim_text or not claim_text.strip() or limit <= 0:
        return []
    if not _is_postgresql():
        return _scan_candidates(claim_text, limit)
    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT l.lexeme, coalesce(t.df, 0)
            FROM unnest(tsvector_to_array(to_tsvector('english'::regconfig, %s))) AS l(lexeme)
            LEFT JOIN sources_term AS t ON t.lexeme = l.lexeme
            """,
            [claim_text],
        )
        frequencies = dict(cursor.fetchall())
        if not frequencies:
            return []
        passages = _library_size(cursor)
        if passages is None:
            logger.warning("term statistics missing: run sources.search.refresh_term_statistics()")
            return _unplanned_candidates(cursor, list(frequencies), limit)
        plan = plan_query(frequencies, passages)
        where = [_tsquery_literal(s) for s in plan.singles]
        where += [f"({_tsquery_literal(a)} & {_tsquery_literal(b)})" for a, b in plan.pairs]
        rank_sql = " + ".join(
            "CASE WHEN search_vector @@ %s::tsquery THEN %s ELSE 0 END" for _ in plan.weights
        )
        rank_params: list[object] = []
        for lexeme, weight in plan.weights.items():
            rank_params += [_tsquery_literal(lexeme), weight]
        # The inner LIMIT only bites for a claim of one very common word and nothing else
        # (no pair to form): it bounds the worst case; such a claim has nothing to lose.
        # bandit B608: the f-string adds only "%s" placeholders; every value is a parameter.
        cursor.execute(
            f"""
            SELECT id, text, quantities, ({rank_sql}) AS rank
            FROM (
                SELECT id, text, quantities, search_vector
                FROM sources_passage
                WHERE search_vector @@ %s::tsquery
                LIMIT %s
            ) AS found
            ORDER BY rank DESC, length(search_vector), id
            LIMIT %s
            """,  # nosec B608
            [*rank_params, " | ".join(where), MAX_ROWS_READ, limit],
        )
        return [_candidate(row) for row in cursor.fetchall()]


def _unplanned_candidates(cursor, lexemes: list[str], limit: int) -> list[Candidate]:
    """Correct but slow on a large library: used only while term statistics are missing."""
    query = " | ".join(_tsquery_literal(lexeme) for lexeme in lexemes)
    cursor.execute(
        """
        SELECT id, text, quantities, ts_rank(search_vector, %s::tsquery) AS rank
        FROM sources_passage
        WHERE search_vector @@ %s::tsquery
        ORDER BY rank DESC, id
        LIMIT %s
        """,
        [query, query, limit],
    )
    return [_candidate(row) for row in cursor.fetchall()]


def _candidate(row) -> Candidate:
    passage_id, text, quantities, rank = row
    if isinstance(quantities, str):  # a driver that does not decode jsonb
        import json

        quantities = json.loads(quantities)
    return Candidate(int(passage_id), text, list(quantities or []), float(rank))


def _scan_candidates(claim_text: str, limit: int) -> list[Candidate]:
    """SQLite: score every passage in Python with the same BM25 weighting."""
    keys = {term_key(t) for t in claim_terms(claim_text)}
    if not keys:
        return []
    rows = list(Passage.objects.values_list("id", "text", "quantities"))
    passage_keys = list(iter_terms(text for _, text, _ in rows))
    df: Counter[str] = Counter()
    for text_keys in passage_keys:
        df.update(text_keys & keys)
    weights = {k: bm25_weight(df[k], len(rows)) for k in keys}
    scored = []
    for (passage_id, text, quantities), text_keys in zip(rows, passage_keys, strict=True):
        shared = text_keys & keys
        if shared:
            rank = sum(weights[k] for k in shared)
            scored.append((-rank, len(text_keys), passage_id, text, quantities))
    scored.sort(key=lambda item: item[:3])
    return [
        Candidate(passage_id, text, list(quantities or []), -neg_rank)
        for neg_rank, _, passage_id, text, quantities in scored[:limit]
    ]
