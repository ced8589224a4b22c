"""Learned check-worthiness: a linear model over words, word pairs, word parts and the
linguistic features of `textcore.checkworthiness`, read from a versioned JSON file.

The model is trained by `scripts/train_checkworthiness.py` (scikit-learn, at training time
only); here it is applied in plain Python: the features of a sentence
(`textcore.checkworthiness_features`) are looked up in the file's weights; each group of
features (words, word pairs, word parts, linguistic, supersenses, part-of-speech pairs) is scaled to the same length, times the
group's factor in the file, so that no group outweighs the others by its number of features;
the sum with the intercept is mapped to [0, 1] by the file's calibration, so that 0.5 and
above means check-worthy. `explain` names the features that pushed the score most, in words
a fact-checker can read ("states a figure", "opinion word", "n-gram: 'percent of'").

A feature of group G present in a sentence weighs `group_scale[G] / sqrt(n_G)`, n_G being how
many features of G the sentence has that the model weighs.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .checkworthiness_features import (
    LINGUISTIC,
    MAX_SCORED_CHARS,
    NUMBER_TOKEN,
    describe,
    extract_features,
    linguistic_features,
    part_pairs,
    supersense_features,
    tokens,
    word_parts,
)

__all__ = [
    "DEFAULT_PATH",
    "FORMAT",
    "LINGUISTIC",
    "MAX_SCORED_CHARS",
    "Assessment",
    "CheckworthinessModel",
    "Contribution",
    "ModelError",
    "describe",
    "extract_features",
    "linguistic_features",
    "load_model",
    "tokens",
]

FORMAT = "factcheck.checkworthiness.linear"
FORMAT_VERSION = 2
DEFAULT_PATH = Path(__file__).resolve().parent / "models" / "checkworthiness.json"
GROUPS = ("w", "b", "c", "f", "s", "p")
# Words whose parts the model has looked up, kept per model up to this many.
_PARTS_CACHE_SIZE = 50_000


class ModelError(Exception):
    """The model file is missing or not a model this code can read."""


@dataclass(frozen=True)
class Contribution:
    """One feature of a sentence and how much it moved the score (in the model's units)."""

    feature: str
    description: str
    weight: float


@dataclass(frozen=True)
class Assessment:
    """A sentence's check-worthiness in [0, 1] and the features that explain it."""

    score: float
    checkworthy: bool
    contributions: tuple[Contribution, ...]


# Features that all say "the sentence has a number": an explanation shows them as one
# reason, worded by the first of them present ("states a figure" before "contains a number").
_FIGURE_FEATURES = ("f:quantity", "f:number", "w:" + NUMBER_TOKEN)


class CheckworthinessModel:
    """A linear check-worthiness model read from its JSON form (see `load_model`)."""

    def __init__(self, data: dict, *, source: str = "model") -> None:
        try:
            if data.get("format") != FORMAT or data.get("format_version") != FORMAT_VERSION:
                raise ModelError(
                    f"{source}: not a check-worthiness model of format {FORMAT} "
                    f"version {FORMAT_VERSION}"
                )
            features = data["features"]
            self.bigrams = bool(features["bigrams"])
            low_high = features["char_ngrams"]
            self.char_ngrams = (int(low_high[0]), int(low_high[1])) if low_high else None
            self.capitalised_may = bool(features["capitalised_may"])
            # a model trained before the supersenses has no `s:` features and no factor for them
            self.supersenses = bool(features.get("supersenses", False))
            self.part_of_speech_pairs = bool(features.get("part_of_speech_pairs", False))
            self.scale = str(features["scale"])
            if self.scale != "group_l2":
                raise ModelError(f"{source}: unknown feature scaling {self.scale!r}")
            groups = ["w", "b", "c", "f"]
            groups += ["s"] * self.supersenses + ["p"] * self.part_of_speech_pairs
            self.group_scale = {g: float(features["group_scale"][g]) for g in groups}
            self.intercept = float(data["intercept"])
            self.slope = float(data["calibration"]["slope"])
            self.offset = float(data["calibration"]["offset"])
            self.weights: dict[str, float] = {
                str(name): float(weight) for name, weight in data["weights"].items()
            }
            self.version = str(data["version"])
        except ModelError:
            raise
        except (KeyError, TypeError, ValueError, AttributeError, IndexError) as exc:
            raise ModelError(f"{source}: malformed check-worthiness model ({exc!r})") from None
        if not self.weights:
            raise ModelError(f"{source}: the model has no weights")
        numbers = [self.intercept, self.slope, self.offset, *self.group_scale.values()]
        if not all(math.isfinite(w) for w in self.weights.values()) or not all(
            math.isfinite(v) for v in numbers
        ):
            raise ModelError(f"{source}: the model holds a weight that is not a finite number")
        unknown = {name[:2] for name in self.weights} - {g + ":" for g in self.group_scale}
        if unknown:
            raise ModelError(f"{source}: features of unknown kinds {sorted(unknown)}")
        self.data = data
        self._part_names = sorted(name for name in self.weights if name.startswith("c:"))
        self._part_index = {name: i for i, name in enumerate(self._part_names)}
        self._part_weights = [self.weights[name] for name in self._part_names]
        self._parts: dict[str, frozenset[int]] = {}

    def _word_parts(self, word: str) -> frozenset[int]:
        """The word's parts that the model weighs (as their numbers in `_part_names`),
        looked up once per word."""
        parts = self._parts.get(word)
        if parts is None:
            index = self._part_index
            parts = frozenset(index[p] for p in word_parts(word, *self.char_ngrams) if p in index)
            if len(self._parts) >= _PARTS_CACHE_SIZE:
                self._parts.clear()
            self._parts[word] = parts
        return parts

    def _grouped(self, text: str, has_quantity: bool | None) -> dict[str, Collection]:
        """The sentence's features that the model weighs, by group (the features of
        `extract_features` with the model's settings; word parts by number)."""
        text = text[:MAX_SCORED_CHARS]
        words = tokens(text, capitalised_may=self.capitalised_may)
        weights = self.weights
        grouped: dict[str, Collection] = {
            "w": [n for n in dict.fromkeys(["w:" + w for w in words]) if n in weights]
        }
        if self.bigrams:
            sequence = ["<s>", *words, "</s>"]
            pairs = dict.fromkeys(
                [f"b:{a} {b}" for a, b in zip(sequence, sequence[1:], strict=False)]
            )
            grouped["b"] = [n for n in pairs if n in weights]
        if self.char_ngrams:
            unique = [w for w in dict.fromkeys(words) if w != NUMBER_TOKEN]
            grouped["c"] = frozenset().union(*map(self._word_parts, unique))
        linguistic = linguistic_features(text, has_quantity=has_quantity, words=words)
        grouped["f"] = [n for n in ("f:" + name for name in linguistic) if n in weights]
        if self.supersenses:
            grouped["s"] = [n for n in supersense_features(words) if n in weights]
        if self.part_of_speech_pairs:
            grouped["p"] = [n for n in part_pairs(words) if n in weights]
        return grouped

    def features(self, text: str, *, has_quantity: bool | None = None) -> list[str]:
        """The sentence's features that the model has a weight for (those of
        `extract_features`, word parts in alphabetical order)."""
        return self._flat(self._grouped(text, has_quantity))

    def _flat(self, grouped: dict[str, Collection]) -> list[str]:
        """Grouped features as one list of names: words, pairs, word parts (alphabetical),
        linguistic, supersenses, parts of speech."""
        parts = sorted(self._part_names[i] for i in grouped.get("c", ()))
        return [
            *grouped["w"],
            *grouped.get("b", ()),
            *parts,
            *grouped["f"],
            *grouped.get("s", ()),
            *grouped.get("p", ()),
        ]

    def values(self, features: Iterable[str]) -> dict[str, float]:
        """What each feature's presence counts for, by group: the group's factor over the
        square root of how many of the features are in the group."""
        counts = dict.fromkeys(self.group_scale, 0)
        for name in features:
            counts[name[0]] += 1
        return {
            group: self.group_scale[group] / math.sqrt(count) if count else 0.0
            for group, count in counts.items()
        }

    def _margin(self, grouped: dict[str, Collection]) -> float:
        # word parts are numbers, whose set is iterated in the same order in every process
        margin = self.intercept
        for group, names in grouped.items():
            if names:
                weight = (self._part_weights if group == "c" else self.weights).__getitem__
                margin += self.group_scale[group] / math.sqrt(len(names)) * sum(map(weight, names))
        return margin

    def _calibrated(self, margin: float) -> float:
        z = self.slope * margin + self.offset
        if z >= 0:
            probability = 1.0 / (1.0 + math.exp(-z))
        else:
            e = math.exp(z)
            probability = e / (1.0 + e)
        return round(probability, 3)

    def score(self, text: str, *, has_quantity: bool | None = None) -> float:
        """Check-worthiness of one sentence in [0, 1]; 0.5 and above means check-worthy
        (`has_quantity` as for `linguistic_features`)."""
        if not isinstance(text, str):
            raise TypeError("text must be a str")
        return self._calibrated(self._margin(self._grouped(text, has_quantity)))

    def assess(self, text: str, *, top: int = 6) -> Assessment:
        """The score with the `top` features that moved it most, strongest first."""
        if not isinstance(text, str):
            raise TypeError("text must be a str")
        grouped = self._grouped(text, None)
        features = self._flat(grouped)
        contributions = tuple(self._explained(features, text)[:top])
        score = self._calibrated(self._margin(grouped))
        return Assessment(score=score, checkworthy=score >= 0.5, contributions=contributions)

    def _explained(self, features: list[str], text: str) -> list[Contribution]:
        """The features as reasons, strongest first; the features that say the sentence has a
        number make one reason, worded by the first of `_FIGURE_FEATURES` present, whose weight
        is theirs together."""
        values = self.values(features)
        figure = [name for name in _FIGURE_FEATURES if name in features]
        reasons = [
            Contribution(
                feature=name,
                description=describe(name, text),
                weight=round(self.weights[name] * values[name[0]], 4),
            )
            for name in features
            if name not in figure
        ]
        if figure:
            reasons.append(
                Contribution(
                    feature=figure[0],
                    description=describe(figure[0], text),
                    weight=round(sum(self.weights[name] * values[name[0]] for name in figure), 4),
                )
            )
        return sorted(reasons, key=lambda reason: (-abs(reason.weight), reason.feature))


def read_model(path: Path | str) -> CheckworthinessModel:
    """The model stored at `path`; `ModelError` saying what is wrong when it cannot be read."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ModelError(f"check-worthiness model file not found: {path}") from None
    except OSError as exc:
        raise ModelError(f"cannot read the check-worthiness model {path}: {exc}") from None
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ModelError(f"{path}: not valid JSON ({exc})") from None
    if not isinstance(data, dict):
        raise ModelError(f"{path}: a model is a JSON object")
    model = CheckworthinessModel(data, source=str(path))
    model.sha256 = hashlib.sha256(raw).hexdigest()
    return model


@lru_cache(maxsize=4)
def load_model(path: str | None = None) -> CheckworthinessModel:
    """The model at `path` (default: the one shipped beside this module), read once."""
    return read_model(path or DEFAULT_PATH)
