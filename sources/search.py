"""Claim lookup: the passages of the library a claim is about, best first.

One path serves claim matching, `match_claims`, `POST /api/match/` and the desk's library
search: `lookup(text=..., top_k=...)`.

First stage: an exhaustive BM25 search over an in-memory index of the library
(`textcore.retrieval.index`), two fields: passage text, and source title with publisher.
Exhaustive means nothing BM25 ranks high is lost; the index answers in milliseconds
because it only touches the postings of the query's keys (figures in README). PostgreSQL
stays the store of truth: each process builds its index from the database and rebuilds
it when the library's version stamp (kept by database triggers, migration 0005) changes,
so web and worker processes on any number of machines answer from the same library
(`sources.search_index`).

Second stage: a learned ranker (`textcore.retrieval.rank`) over BM25, wording, fuzzy and
character n-gram similarity, names and numeric agreement of the best candidates; its
score (0-100) has a relevance floor below which nothing is shown, and a passage must
share enough with the claim (at least two words, rare enough) to be suggested at all
(`textcore.retrieval.gate`).

The term statistics below (`sources.Term`) serve callers that weigh words by their rarity
in the library without an index at hand.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.conf import settings
from django.db import connection, transaction

from textcore.analysis import claim_terms, normalize_text, term_key
from textcore.matching import PassageText, bm25_weight, iter_terms, score_candidates
from textcore.retrieval.gate import OPEN_GATE, default_gate
from textcore.retrieval.prepared import PreparedPassage
from textcore.retrieval.query import clean_query, query_terms
from textcore.retrieval.rank import CandidatePassage, default_ranker, rank_candidates

from . import search_index
from .models import Passage, Term
from .search_index import _is_postgresql, library_index

# Candidates handed to the second stage when the ranker file does not say how many it was
# trained on. The first stage is exact BM25, so this bounds only the second stage's work,
# which is most of a lookup's time (README, "Claim lookup").
CANDIDATES = 50


@dataclass(frozen=True)
class Candidate:
    """A passage found for a claim, with the first stage's BM25 scores (not 0..100)."""

    passage_id: int
    text: str
    quantities: list[dict]
    retrieval_score: float
    text_score: float = 0.0
    title_score: float = 0.0
    source_key: str = ""
    passage_key: str = ""
    title: str = ""
    kind: str = ""
    # the second stage's analysis of the passage, kept with the index (None: computed
    # when needed)
    prepared: PreparedPassage | None = None


@dataclass(frozen=True)
class LookupMatch:
    """One passage a claim is about: score in [0, 100], numeric relation, what it rests on."""

    passage_id: int
    source_key: str
    passage_key: str
    score: float
    numeric: str
    detail: dict


def normalize_for_search(text: str) -> str:
    """Lowercase, unicode-normalised text with quotes and dashes folded, punctuation as spaces."""
    return normalize_text(text)


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


# --------------------------------------------------------------------------- candidates


def candidates_per_claim() -> int:
    """How many first-stage candidates the second stage scores for one claim.

    As many as the ranker was trained on (its features, such as the rank and the score
    relative to the best candidate, were learned over that many), never more than
    `FACTCHECK_CANDIDATES_PER_CLAIM` allows.
    """
    trained = default_ranker().meta.get("first_stage", {}).get("candidates", CANDIDATES)
    return max(0, min(int(trained), settings.FACTCHECK_CANDIDATES_PER_CLAIM))


# The candidates' rows and the library's stamp in one statement, so a lookup costs one
# round trip to the database: the rows are those of the snapshot the stamp belongs to.
_CANDIDATES_SQL = """
SELECT v.stamp, p.id, p.text, p.quantities, p.key, s.key, s.title, s.kind
FROM sources_libraryversion AS v
LEFT JOIN sources_passage AS p ON p.id = ANY(%s)
LEFT JOIN sources_source AS s ON s.id = p.source_id
WHERE v.id = 1
"""


def _candidate_rows(ids: list[int]) -> tuple[str | None, dict[int, tuple]]:
    """(the library's stamp, or None where it cannot be read with the rows; rows by id)."""
    if _is_postgresql():
        with connection.cursor() as cursor:
            cursor.execute(_CANDIDATES_SQL, [ids])
            fetched = cursor.fetchall()
        if fetched:
            return fetched[0][0], {row[1]: row[1:] for row in fetched if row[1] is not None}
    rows = Passage.objects.filter(id__in=ids).values_list(
        "id", "text", "quantities", "key", "source__key", "source__title", "source__kind"
    )
    return None, {row[0]: row for row in rows}


def find_candidates(claim_text: str, *, limit: int = CANDIDATES) -> list[Candidate]:
    """The passages most worth scoring for a claim, best first by BM25 (at most `limit`).

    One round trip to the database when the index is current: the index is searched
    first, and the stamp read with the candidates' rows says whether it was current; when
    it was not, the index is rebuilt and searched again.
    """
    keys = query_terms(claim_text)
    if not keys or limit <= 0:
        return []
    loaded = search_index._loaded if _is_postgresql() else None
    for _ in range(2):
        if loaded is None:
            loaded = library_index()
        hits = loaded.index.search(keys, limit=limit)
        ids = [int(loaded.passage_ids[hit.doc]) for hit in hits]
        stamp, rows = _candidate_rows(ids)
        if stamp is None or stamp == loaded.stamp:
            break
        loaded = None  # the library changed since this index was read
    candidates = []
    for passage_id, hit in zip(ids, hits, strict=True):
        row = rows.get(passage_id)
        if row is None:  # removed since the index was read
            continue
        _, text, quantities, passage_key, source_key, title, kind = row
        if isinstance(quantities, str):  # jsonb read by a plain cursor comes as its text
            quantities = json.loads(quantities)
        candidates.append(
            Candidate(
                passage_id=passage_id,
                text=text,
                quantities=list(quantities or []),
                retrieval_score=hit.score,
                text_score=hit.text_score,
                title_score=hit.title_score,
                source_key=source_key,
                passage_key=passage_key,
                title=title,
                kind=kind,
                prepared=loaded.prepared.get(hit.doc, text) if loaded is not None else None,
            )
        )
    return candidates


# --------------------------------------------------------------------------- lookup


def _claim_quantities(text: str) -> list[dict]:
    from textcore.quantities import parse_quantities

    return [q.to_dict() for q in parse_quantities(text)]


def compare_numbers(
    *, text: str, quantities: Sequence[dict] | None, passages: Sequence[Passage]
) -> dict[int, tuple[str, dict]]:
    """The numeric comparison (relation, detail) of a claim with each of `passages`, by id.

    The same second-stage scoring as `lookup`, weighted by the library's word rarity and
    among these passages only (a conflict far behind the best of them is discounted), for
    matches whose passage changed since they were scored.
    """
    passages = list(passages)
    if not passages:
        return {}
    cleaned = clean_query(text)
    if quantities is None:
        quantities = _claim_quantities(cleaned)
    scored = score_candidates(
        cleaned,
        quantities,
        [PassageText(p.pk, p.text, p.quantities) for p in passages],
        term_weights=term_weights(claim_terms(cleaned)),
        limit=len(passages),
    )
    return {m.passage_id: (m.numeric, m.detail) for m in scored}


def ranking_input(candidates, *, with_analysis: bool = True) -> list[CandidatePassage]:
    """The first stage's candidates as the ranker takes them; `with_analysis=False` leaves
    out the analysis stored with the index, so the ranker analyses each passage itself."""
    return [
        CandidatePassage(
            id=c.passage_id,
            text=c.text,
            title=c.title,
            quantities=c.quantities,
            text_score=c.text_score,
            title_score=c.title_score,
            score=c.retrieval_score,
            prepared=c.prepared if with_analysis else None,
        )
        for c in candidates
    ]


def lookup(
    *,
    text: str,
    top_k: int = 10,
    quantities: Sequence[dict] | None = None,
    gated: bool = True,
) -> list[LookupMatch]:
    """The passages of the library a claim is about, best first (at most `top_k`).

    `text` is a claim as pasted (a sentence, a headline, a post with links and tags);
    `quantities` are the claim's figures when already extracted, else parsed from it.
    An empty list means nothing in the library is about the claim: nothing passes the
    relevance floor (the ranker's score and the evidence gate of
    `textcore.retrieval.gate`). `gated=False` keeps only the ranker's floor, for a
    search a person typed.
    """
    # the library's words split a glued lower-case hashtag ("#texaschurchshooting"); the
    # index last read serves for that, even when the library changed since
    vocabulary = (search_index._loaded or library_index()).index
    cleaned = clean_query(text, share=vocabulary.share)
    candidates = find_candidates(cleaned, limit=candidates_per_claim())
    if not candidates or top_k <= 0:
        return []
    if quantities is None:
        quantities = _claim_quantities(cleaned)
    # the index the candidates were just found in (no second look at the stamp)
    index = (search_index._loaded or library_index()).index
    ranked = rank_candidates(
        cleaned,
        quantities,
        ranking_input(candidates),
        idf=index.text.idf,
        library_size=len(index),
        gate=default_gate() if gated else OPEN_GATE,
        limit=top_k,
    )
    by_id = {c.passage_id: c for c in candidates}
    return [
        LookupMatch(
            passage_id=m.passage_id,
            source_key=by_id[m.passage_id].source_key,
            passage_key=by_id[m.passage_id].passage_key,
            score=m.score,
            numeric=m.numeric,
            detail=m.detail,
        )
        for m in ranked
    ]
