"""Each English word's supersense: the WordNet lexicographer file of its most frequent sense
("said": verb.communication, "billion": noun.quantity, "senator": noun.person), read from
`supersenses.json` (built by scripts/build_supersenses.py from WordNet; see there). A class
of words that says what a sentence is about without naming its topic, so it carries from
one debate or article to the next where the words themselves do not.
"""

from __future__ import annotations

import json
import sys
from functools import lru_cache
from pathlib import Path

__all__ = ["SUPERSENSES_PATH", "supersense", "supersense_table"]

SUPERSENSES_FORMAT = "factcheck.supersenses"
SUPERSENSES_VERSION = 1
SUPERSENSES_PATH = Path(__file__).resolve().parent / "supersenses.json"


@lru_cache(maxsize=1)
def supersense_table() -> dict[str, str]:
    """Word form (lower case) -> supersense ("noun.quantity"), read once."""
    try:
        data = json.loads(SUPERSENSES_PATH.read_text(encoding="utf-8"))
        if data.get("format") != SUPERSENSES_FORMAT or data.get("version") != SUPERSENSES_VERSION:
            raise ValueError(f"not format {SUPERSENSES_FORMAT} version {SUPERSENSES_VERSION}")
        table = {}
        for sense, forms in data["supersenses"].items():
            table.update(dict.fromkeys(forms.split(), sys.intern(sense)))
    except (OSError, ValueError, KeyError, AttributeError, TypeError) as exc:
        raise RuntimeError(f"{SUPERSENSES_PATH}: cannot read the supersenses ({exc})") from None
    return table


def supersense(word: str) -> str:
    """The supersense of a lower-case word form, or "" (a function word, a name, a number,
    a word WordNet lacks)."""
    return supersense_table().get(word, "")
