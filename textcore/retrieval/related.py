"""Related words for the claim ranker: search keys a fact-check may use where a post uses
another ("slay" for "murder", "vaccinate" for "vaccine", "Finland" for "Finnish").

The pairs come from WordNet (synonyms in a frequent sense of both words, derivationally
related forms and pertainyms), derived by `scripts/build_related_words.py` from a WordNet
folder given on its command line and shipped as `related_words.json` beside this module;
its keys are the lookup's search keys (`textcore.analysis.term_key`). The ranker reads
them as one feature (`related_coverage`): how much of the claim the candidate says in
related words where it does not say them in the claim's own. Pure: no Django, no I/O
beyond reading the shipped file.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache
from pathlib import Path

RELATED_PATH = Path(__file__).with_name("related_words.json")
RELATED_FORMAT = "factcheck-related-words"
RELATED_VERSION = 1

_NONE: frozenset[str] = frozenset()


def parse_related(data: dict) -> dict[str, frozenset[str]]:
    """Each key's related keys, both directions, from the file's content."""
    if data.get("format") != RELATED_FORMAT or data.get("version") != RELATED_VERSION:
        raise ValueError(f"not a version {RELATED_VERSION} {RELATED_FORMAT} file")
    related: dict[str, set[str]] = {}
    for key, others in data["related"].items():
        for other in others.split():
            related.setdefault(key, set()).add(other)
            related.setdefault(other, set()).add(key)
    return {key: frozenset(others) for key, others in related.items()}


@lru_cache(maxsize=1)
def default_related() -> dict[str, frozenset[str]]:
    """The related words shipped with the code."""
    return parse_related(json.loads(RELATED_PATH.read_text(encoding="utf-8")))


def related_coverage(
    claim_keys: Iterable[str],
    passage_keys: frozenset[str],
    idf: Callable[[str], float],
    total: float,
    related: Mapping[str, frozenset[str]],
) -> float:
    """Rarity-weighted share of the claim's keys missing from the passage but with a
    related key in it; `total` is the weight of all the claim's keys."""
    if not total:
        return 0.0
    found = sum(
        idf(key)
        for key in claim_keys
        if key not in passage_keys and not related.get(key, _NONE).isdisjoint(passage_keys)
    )
    return found / total
