"""Learned check-worthiness: a linear model over words, word pairs, word parts and the
linguistic features of `textcore.checkworthiness`, read from a versioned JSON file.

The model is trained by `scripts/train_checkworthiness.py` (scikit-learn, at training time
only); here it is applied in plain Python: the features of a sentence are looked up in the
file's weights, summed with the intercept and mapped to [0, 1] by the file's calibration,
so that 0.5 and above means check-worthy. `explain` names the features that pushed the
score most, in words a fact-checker can read ("states a figure", "opinion word",
"n-gram: 'percent of'").

Features (all binary; the file says which groups are on and how rows are scaled):
    w:WORD          a word, lower-cased; numbers become "#"
    b:WORD WORD     two words in a row; "<s>" and "</s>" mark the sentence's ends
    c:PART          3 to 5 letters of a word, "<" and ">" marking its edges
    f:NAME          a linguistic feature (see `LINGUISTIC`), computed from the text alone
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from . import checkworthiness
from .lexicon import MONTH_NAME_RE
from .quantities import parse_quantities, parse_years
from .text import subject_opening

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
    "load_model",
]

FORMAT = "factcheck.checkworthiness.linear"
FORMAT_VERSION = 1
DEFAULT_PATH = Path(__file__).resolve().parent / "models" / "checkworthiness.json"
# Only the start of a very long "sentence" (a table, a pasted document) is read: past this the
# text is no longer one sentence and reading all of it would only cost time.
MAX_SCORED_CHARS = 5000

# The linguistic features, in the words value to a fact-checker.
LINGUISTIC: dict[str, str] = {
    "quantity": "states a figure",
    "number": "contains a number",
    "role": "names a role or title",
    "ranking": "ranking or record word",
    "causal": "states a cause",
    "named_subject": "subject is a name",
    "definite": "plain statement (finite verb, no hedge)",
    "date": "names a date",
    "attributed": "attributed to a source",
    "prediction": "prediction word",
    "attributed_forecast": "figure forecast by a named body",
    "future": "plan stated in the future tense",
    "opinion": "opinion word",
    "conditional": "conditional clause",
    "question": "is a question",
    "first_person": "speaks in the first or second person",
    "vague": "vague word",
    "evaluative": "evaluative word",
    "negation": "negation",
    "pronoun": "subject is a pronoun",
    "short": "very short",
    "intention": "states an intention",
    "participle": "participle clause",
    "reported_view": "reports a view, not a fact",
    "headline": "headline",
}
# Which words triggered a word-list feature, so the explanation can quote it.
_TRIGGERS: dict[str, re.Pattern[str]] = {
    "ranking": checkworthiness._RANKING,
    "causal": checkworthiness._CAUSAL,
    "attributed": checkworthiness._ATTRIBUTED,
    "prediction": checkworthiness._PREDICTION,
    "future": checkworthiness._PREDICTION,
    "opinion": checkworthiness._OPINION,
    "vague": checkworthiness._VAGUE,
    "evaluative": checkworthiness._EVALUATIVE,
    "intention": checkworthiness._INTENTION,
    "negation": checkworthiness._NEGATION,
}

NUMBER_TOKEN = "#"
_TOKEN_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\d+(?:[.,:/]\d+)*|[$£€%?]")


def _named_subject(text: str) -> bool:
    """Whether the sentence opens (after a short phrase such as "In 2004,") with a name: an
    acronym ("NATO") or two capitalised words ("Jensen Huang", "Bank of England" aside)."""
    words = subject_opening(text)
    if not words or not words[0]:
        return False
    first = words[0]
    if len(first) > 1 and first.isupper():
        return True
    return len(words) > 1 and first[:1].isupper() and words[1][:1].isupper() and first != "The"


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


def tokens(text: str) -> list[str]:
    """Lower-cased words of `text`; every number is `NUMBER_TOKEN`."""
    words = []
    for token in _TOKEN_RE.findall(text.lower()):
        words.append(NUMBER_TOKEN if token[0].isdigit() else token.replace("’", "'"))
    return words


def linguistic_features(text: str, *, has_quantity: bool | None = None) -> list[str]:
    """Names of the linguistic features the sentence shows (keys of `LINGUISTIC`).
    `has_quantity` is whether it states a figure, when the caller has read its quantities
    already (the extractor has); None reads them here."""
    if has_quantity is None:
        has_quantity = bool(parse_quantities(text))
    has_date = bool(parse_years(text)) or bool(MONTH_NAME_RE.search(text))
    fired = checkworthiness.explain(
        text,
        has_quantity=has_quantity,
        has_date=has_date,
        named_subject=_named_subject(text),
    )
    names = sorted(fired)
    if any(map(str.isdigit, text)):
        names.append("number")
    return names


def extract_features(
    text: str,
    *,
    bigrams: bool = True,
    char_ngrams: tuple[int, int] | None = (3, 5),
    has_quantity: bool | None = None,
) -> list[str]:
    """The names of the features a sentence shows, without duplicates, in a fixed order
    (`has_quantity` as for `linguistic_features`)."""
    text = text[:MAX_SCORED_CHARS]
    words = tokens(text)
    found: dict[str, None] = {}
    for word in words:
        found["w:" + word] = None
    if bigrams:
        sequence = ["<s>", *words, "</s>"]
        for first, second in zip(sequence, sequence[1:], strict=False):
            found[f"b:{first} {second}"] = None
    if char_ngrams:
        low, high = char_ngrams
        for word in words:
            if word == NUMBER_TOKEN:
                continue
            marked = f"<{word}>"
            for size in range(low, high + 1):
                for i in range(len(marked) - size + 1):
                    found["c:" + marked[i : i + size]] = None
    for name in linguistic_features(text, has_quantity=has_quantity):
        found["f:" + name] = None
    return list(found)


def describe(feature: str, text: str = "") -> str:
    """A feature in a fact-checker's words ("states a figure", "n-gram: 'percent of'")."""
    group, _, value = feature.partition(":")
    if group == "f":
        description = LINGUISTIC.get(value, value.replace("_", " "))
        trigger = _TRIGGERS.get(value)
        match = trigger.search(text) if trigger and text else None
        return f"{description}: '{match.group(0)}'" if match else description
    if group == "w":
        return LINGUISTIC["number"] if value == NUMBER_TOKEN else f"word: '{value}'"
    if group == "b":
        first, _, second = value.partition(" ")
        if NUMBER_TOKEN in (first, second):
            return _number_pair(first, second)
        if first == "<s>":
            return f"opens with '{second}'"
        if second == "</s>":
            return f"ends with '{first}'"
        return f"n-gram: '{value}'"
    if group == "c":
        part = value.strip("<>")
        if value.startswith("<") and value.endswith(">"):
            return f"word: '{part}'"
        if value.startswith("<"):
            return f"word starting '{part}'"
        if value.endswith(">"):
            return f"word ending '{part}'"
        return f"word part: '{part}'"
    return feature


def _number_pair(first: str, second: str) -> str:
    """Two words in a row of which one or both are a number, in words."""
    if first == second == NUMBER_TOKEN:
        return "two numbers in a row"
    if first == "<s>":
        return "opens with a number"
    if second == "</s>":
        return "ends with a number"
    if first == NUMBER_TOKEN:
        return f"'{second}' after a number"
    return f"'{first}' before a number"


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
            self.scale = str(features["scale"])
            if self.scale not in ("binary", "l2"):
                raise ModelError(f"{source}: unknown feature scaling {self.scale!r}")
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
        if not all(math.isfinite(w) for w in self.weights.values()) or not all(
            math.isfinite(v) for v in (self.intercept, self.slope, self.offset)
        ):
            raise ModelError(f"{source}: the model holds a weight that is not a finite number")
        self.data = data

    def features(self, text: str, *, has_quantity: bool | None = None) -> list[str]:
        """The sentence's features that the model has a weight for."""
        found = extract_features(
            text, bigrams=self.bigrams, char_ngrams=self.char_ngrams, has_quantity=has_quantity
        )
        return [name for name in found if name in self.weights]

    def _value(self, features: list[str]) -> float:
        # every feature is 1, or 1/sqrt(n) when rows are scaled to unit length
        if self.scale == "l2" and features:
            return 1.0 / math.sqrt(len(features))
        return 1.0

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
        features = self.features(text, has_quantity=has_quantity)
        value = self._value(features)
        margin = self.intercept + value * sum(self.weights[name] for name in features)
        return self._calibrated(margin)

    def assess(self, text: str, *, top: int = 6) -> Assessment:
        """The score with the `top` features that moved it most, strongest first."""
        if not isinstance(text, str):
            raise TypeError("text must be a str")
        features = self.features(text)
        value = self._value(features)
        margin = self.intercept + value * sum(self.weights[name] for name in features)
        contributions = tuple(self._explained(features, value, text)[:top])
        score = self._calibrated(margin)
        return Assessment(score=score, checkworthy=score >= 0.5, contributions=contributions)

    def _explained(self, features: list[str], value: float, text: str) -> list[Contribution]:
        """The features as reasons, strongest first; the features that say the sentence has a
        number make one reason, worded by the first of `_FIGURE_FEATURES` present, whose weight
        is theirs together."""
        figure = [name for name in _FIGURE_FEATURES if name in features]
        reasons = [
            Contribution(
                feature=name,
                description=describe(name, text),
                weight=round(self.weights[name] * value, 4),
            )
            for name in features
            if name not in figure
        ]
        if figure:
            reasons.append(
                Contribution(
                    feature=figure[0],
                    description=describe(figure[0], text),
                    weight=round(sum(self.weights[name] for name in figure) * value, 4),
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
