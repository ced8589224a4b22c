"""Character-level similarity of texts for the claim ranker: word-internal character
n-grams compared by TF-IDF cosine (`char_cosines`), and sets of character trigrams compared
by Jaccard similarity (`trigram_jaccards`; `_trigram_codes` and `_jaccard` for one pair).
Pure numeric helpers of `textcore.retrieval.rank`'s features, each computed for all of a
claim's candidates at once.
"""

from __future__ import annotations

import math
import threading
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from itertools import chain

import numpy as np


def _trigrams(text: str) -> frozenset[str]:
    padded = f" {text} "
    return frozenset(padded[i : i + 3] for i in range(len(padded) - 2))


def _trigram_codes(text: str) -> np.ndarray:
    """`_trigrams(text)` as numbers, ascending: three code points of 21 bits each."""
    points = np.frombuffer(f" {text} ".encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
    return np.unique((points[:-2] << 42) | (points[1:-1] << 21) | points[2:])


def _char_grams(text: str) -> Counter[str]:
    """Character 3- to 5-grams inside each word of a normalised text, with counts.

    They meet where words differ by inflection, compounding or spelling ("bedbugs" and
    "bed bugs", "knife" and "knives", "Grisham's" and "Grisham"). This is the definition;
    `char_cosines` counts the same grams by number (`_gram_counts`).
    """
    grams: Counter[str] = Counter()
    for word in text.split():
        grams.update(_grams_of_word(word))
    return grams


def _grams_of_word(word: str) -> list[str]:
    padded = f" {word} "
    return [padded[i : i + n] for n in range(3, 6) for i in range(len(padded) - n + 1)]


# Every character n-gram gets a number once per process: a word's grams are the same
# wherever it appears, so a text's grams are its words' grams put together, and the
# words of a library recur far more than its passages do.
_GRAM_NUMBERS: dict[str, int] = {}
_GRAM_NUMBERING = threading.Lock()
_NO_GRAMS = np.zeros(0, dtype=np.int64)


@lru_cache(maxsize=200_000)
def _word_grams(word: str) -> np.ndarray:
    """The numbers of a word's character n-grams (repeats kept)."""
    grams = _grams_of_word(word)
    numbers = list(map(_GRAM_NUMBERS.get, grams))
    if None in numbers:  # grams seen for the first time are numbered in order
        with _GRAM_NUMBERING:
            numbers = [_GRAM_NUMBERS.setdefault(g, len(_GRAM_NUMBERS)) for g in grams]
    return np.array(numbers, dtype=np.int64)


def _gram_counts(text: str) -> tuple[np.ndarray, np.ndarray]:
    """`_char_grams` of a normalised text as (gram numbers ascending, their counts)."""
    words = text.split()
    if not words:
        return _NO_GRAMS, _NO_GRAMS
    return np.unique(np.concatenate([_word_grams(w) for w in words]), return_counts=True)


def _gram_counts_of(texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """`_gram_counts` of every text at once: (owner, gram numbers, counts), text by text in
    order, each text's grams ascending (the concatenation of `_gram_counts` of each)."""
    words = [text.split() for text in texts]
    grams = list(map(_word_grams, chain.from_iterable(words)))
    if not grams:
        return _NO_GRAMS, _NO_GRAMS, _NO_GRAMS
    numbers = np.concatenate(grams)
    owner = np.repeat(
        np.repeat(np.arange(len(texts), dtype=np.int64), [len(w) for w in words]),
        [len(g) for g in grams],
    )
    span = int(numbers.max()) + 1
    keys, counts = np.unique(owner * span + numbers, return_counts=True)
    return keys // span, keys % span, counts


def char_cosines(query_norm: str, documents: Sequence[str]) -> list[float]:
    """TF-IDF cosine of character n-grams between a query and each document.

    The n-grams' rarity is measured among these documents (the candidates), so no
    statistics of the library are needed and a gram every candidate has counts little.
    A gram found n times in a text weighs (1 + log n) x idf; both vectors have unit length.
    """
    if not documents:
        return []
    size = len(documents)
    owner, ids, counts = _gram_counts_of(documents)
    grams, where, df = np.unique(ids, return_inverse=True, return_counts=True)
    idf = np.log((size + 1) / (df + 1)) + 1.0
    weights = (1.0 + np.log(counts)) * idf[where]
    norms = np.sqrt(np.bincount(owner, weights=weights * weights, minlength=size))
    norms[norms == 0.0] = 1.0
    query_ids, query_counts = _gram_counts(query_norm)
    found = np.zeros(len(query_ids), dtype=bool)
    at = np.searchsorted(grams, query_ids)
    found[at < len(grams)] = grams[at[at < len(grams)]] == query_ids[at < len(grams)]
    query_df = np.zeros(len(query_ids), dtype=np.int64)
    query_df[found] = df[at[found]]
    query_weights = (1.0 + np.log(query_counts)) * (np.log((size + 1) / (query_df + 1)) + 1.0)
    query_length = math.sqrt(float(query_weights @ query_weights)) or 1.0
    query_vector = np.zeros(len(grams))
    query_vector[at[found]] = query_weights[found] / query_length
    dots = weights / norms[owner] * query_vector[where]
    return np.bincount(owner, weights=dots, minlength=size).tolist()


def _jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Jaccard similarity of two sets given as unique numbers (`_trigram_codes`)."""
    if not len(a) or not len(b):
        return 0.0
    shared = int(np.count_nonzero(np.isin(b, a, assume_unique=True)))
    return shared / (len(a) + len(b) - shared)


def trigram_jaccards(query: str, texts: Sequence[str]) -> list[float]:
    """`_jaccard(_trigram_codes(query), _trigram_codes(text))` for each text (0.0 for an
    empty text), all texts in one pass: each character gets a small number, so a trigram
    and the text it is in make one integer, and one sort finds every text's trigrams."""
    if not texts:
        return []
    padded = [f" {t} " for t in texts]
    lengths = np.fromiter(map(len, padded), dtype=np.int64, count=len(padded))
    total = int(lengths.sum())
    points = np.frombuffer(("".join(padded) + f" {query} ").encode("utf-32-le"), dtype=np.uint32)
    if int(points.max()) < 1 << 16:
        seen = np.zeros(1 << 16, dtype=bool)
        seen[points] = True
        dense = (np.cumsum(seen) - 1)[points]
        distinct = int(np.count_nonzero(seen))
    else:
        chars, dense = np.unique(points, return_inverse=True)
        distinct = len(chars)
    bits = distinct.bit_length()
    if 3 * bits + len(texts).bit_length() > 62:  # never for texts of a few languages
        codes = _trigram_codes(query)
        return [_jaccard(codes, _trigram_codes(t)) for t in texts]
    dense = dense.astype(np.int64)
    grams = (dense[:-2] << 2 * bits) | (dense[1:-1] << bits) | dense[2:]
    query_grams = np.unique(grams[total:])
    # a text's trigrams start at every position of it but its last two
    owner = np.repeat(np.arange(len(texts), dtype=np.int64), lengths)
    keep = np.ones(total, dtype=bool)
    ends = np.cumsum(lengths)
    keep[ends[lengths >= 1] - 1] = False
    keep[ends[lengths >= 2] - 2] = False
    keys = np.unique((owner[keep] << 3 * bits) | grams[:total][keep])
    owner, grams = keys >> 3 * bits, keys & ((1 << 3 * bits) - 1)
    sizes = np.bincount(owner, minlength=len(texts)).tolist()
    size_q = len(query_grams)
    if not size_q:
        return [0.0] * len(texts)
    at = np.minimum(np.searchsorted(query_grams, grams), size_q - 1)
    shared = np.bincount(owner[query_grams[at] == grams], minlength=len(texts)).tolist()
    return [
        s / (size_q + n - s) if n and t else 0.0
        for s, n, t in zip(shared, sizes, texts, strict=True)
    ]
