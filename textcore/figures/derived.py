"""Figures a sentence implies but does not write.

The change between "from 785 to 708", the share in "13 of 20", the split of a "2-1
decision", a multiplier ("doubled"), a sum stated "in all", the planned figure before "14%
higher than planned", an amount a year from "£1.5bn over three years".

Pure Python, deterministic, no Django.
"""

from __future__ import annotations

import math
import re
from dataclasses import replace

from textcore.figures import hedges
from textcore.figures.figure import Figure, word_keys

_OVER_PERIOD = re.compile(
    r"^[^.;]{0,40}?\b(?:over|in|during|across)\s+(?:the\s+)?(?:next|past|last|coming)\s+"
    r"(?P<n>\d+|two|three|four|five|six|seven|eight|nine|ten)\s+(?P<unit>years|months)\b",
    re.IGNORECASE,
)
_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15,
    "twenty": 20,
}  # fmt: skip
_SPLIT_RE = re.compile(
    r"\b(?P<a>\d+|one|two|three|four|five|six|seven|eight|nine)\s*(?:-|–|to)\s*"
    r"(?P<b>\d+|one|two|three|four|five|six|seven|eight|nine)\s+"
    r"(?:decision|vote|majority|ruling|verdict|split)\b"
    r"|\b(?:ruled|voted|split)\s+(?P<a2>\d+)-(?P<b2>\d+)\b",
    re.IGNORECASE,
)
_UNANIMOUS_RE = re.compile(r"\bunanimous(?:ly)?\b", re.IGNORECASE)
_N_OF_M_RE = re.compile(
    r"\b(?P<n>\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
    r"(?:(?:[a-z]+\s+){0,2})?(?:of|out\s+of|among|(?:[a-z]+\s+){0,8}(?:are|were)\s+among)\s+(?:the\s+|its\s+|their\s+|all\s+)?"
    r"(?P<m>\d[\d,.]*(?:\s*(?:million|bn|m|billion))?|two|three|four|five|six|seven|eight|"
    r"nine|ten|eleven|twelve|twenty)\b",
    re.IGNORECASE,
)
_OF_THE_M_N_RE = re.compile(
    r"\bOf\s+the\s+(?P<m>\d[\d,]*)\s+[^,]{1,60},\s+(?P<n>\d[\d,]*)\b", re.IGNORECASE
)
_MULTIPLIER_WORDS = {
    "doubled": 2.0, "double": 2.0, "doubles": 2.0, "doubling": 2.0, "twice": 2.0,
    "tripled": 3.0, "triple": 3.0, "trebled": 3.0, "treble": 3.0, "quadrupled": 4.0,
    "halved": 0.5, "halve": 0.5,
}  # fmt: skip
_MULTIPLIER_RE = re.compile(r"\b(?P<word>" + "|".join(_MULTIPLIER_WORDS) + r")\b", re.IGNORECASE)
_HALF_LEVEL_RE = re.compile(
    r"\bhalf\s+(?:as\s+(?:big|large|high|much)|(?:their|its|the)\s+(?:\w+\s+){0,2}"
    r"(?:levels?|size|value))\b",
    re.IGNORECASE,
)
_COMPARATIVE_AFTER = re.compile(
    r"\s+(?:the\s+(?:size|number|amount|level|value)|as\s+(?:big|large|much|many|high|long))\b",
    re.IGNORECASE,
)
_HIGHER_THAN_RE = re.compile(
    r"^\s*(?:higher|more)\s+than\s+(?:originally\s+|first\s+|initially\s+)?(?:planned|"
    r"budgeted|expected|forecast|estimated)\b",
    re.IGNORECASE,
)
_FROM_TO_LINK = re.compile(r"^\s*(?:[a-z]+\s+){0,2}to\s+$", re.IGNORECASE)
_TO_LINK = re.compile(r"^\s*(?:,\s*)?to\s+$", re.IGNORECASE)
_COMPARISON_LINK = re.compile(
    r"^[^;]{0,50}?,?\s*(?:ahead\s+of|compared\s+with|against|versus|rather\s+than)\s+"
    r"(?:the\s+)?(?:(?:usual|normal|previous|earlier)\s+)?$",
    re.IGNORECASE,
)


# The words `derived_readings` reads ratios from: a text without any of them and with fewer
# than two quantities has no ratio to compare.
RATIO_PATTERNS = (
    _N_OF_M_RE, _OF_THE_M_N_RE, _SPLIT_RE, _UNANIMOUS_RE, _MULTIPLIER_RE, _HALF_LEVEL_RE,
)  # fmt: skip


def _number(raw: str) -> float | None:
    raw = raw.strip().lower().replace(",", "")
    if raw in _NUMBER_WORDS:
        return float(_NUMBER_WORDS[raw])
    scale = 1.0
    for word, factor in (("million", 1e6), ("billion", 1e9), ("bn", 1e9), ("m", 1e6)):
        if raw.endswith(word):
            raw, scale = raw[: -len(word)].strip(), factor
            break
    try:
        return float(raw) * scale
    except ValueError:
        return None


def _mult(figure: Figure, low: float, high: float, key: tuple[str, str], how: str) -> Figure:
    return replace(figure, key=key, low=low, high=high, derived=how, role="plain", bound="")


def derived_readings(
    text: str, figures: list[Figure], spans: list[tuple[int, int]]
) -> list[Figure]:
    """Readings the sentence implies but does not write."""
    out: list[Figure] = []
    written = [f for f in figures if not f.derived]
    levels = [f for f in written if f.key[0] == "level"]
    ordered = sorted(
        (f for f in written if f.key[0] in ("level", "change") and f.key[1] != "multiplier"),
        key=lambda f: f.start,
    )
    ordered = [f for i, f in enumerate(ordered) if i == 0 or ordered[i - 1].start != f.start]
    # pairs of levels: "from 785 to 708", "70 cents from 55 cents", "3.8%, ahead of the 3.1%"
    for old, new, signed, both_ways in _linked_pairs(text, ordered):
        out.extend(_changes_between(old, new, signed=signed, both_ways=both_ways))
    # "14% higher than planned" with the level: the planned figure
    for change in (f for f in written if f.key == ("change", "percent")):
        if _HIGHER_THAN_RE.match(text[change.end : change.end + 40]):
            for level in levels:
                if level.key[1] != "percent" and level.end <= change.start:
                    factor = 1 + change.low / 100, 1 + change.high / 100
                    out.append(
                        _mult(level, level.low / factor[1], level.high / factor[0],
                              level.key, "planned before the rise")
                    )  # fmt: skip
    # shares: "13 of the 20", "64 respondents out of 146", "Of the 20 sectors, 13"
    for match in list(_N_OF_M_RE.finditer(text)) + list(_OF_THE_M_N_RE.finditer(text)):
        n, m = _number(match.group("n")), _number(match.group("m"))
        if n is None or not m or not 0 < n < m:
            continue
        share = 100 * n / m
        anchor = Figure(
            text=match.group(0), start=match.start(), end=match.end(),
            key=("level", "percent"), low=share * 0.995, high=share * 1.005,
            derived="share of a whole", value=share, unit="percent",
            converted_unit="percent", local=word_keys(text),
        )  # fmt: skip
        out.append(anchor)
        out.append(
            replace(anchor, key=("level", "count:"), low=n - 0.5, high=n + 0.5, value=n,
                    unit="count", converted_unit="count", derived="count of a whole")
        )  # fmt: skip
    for match in _SPLIT_RE.finditer(text):
        a = _number(match.group("a") or match.group("a2"))
        b = _number(match.group("b") or match.group("b2"))
        if a is None or b is None or a + b <= 0:
            continue
        share = 100 * a / (a + b)
        out.append(
            Figure(
                text=match.group(0), start=match.start(), end=match.end(),
                key=("level", "percent"), low=share * 0.995, high=share * 1.005,
                derived="split of a vote", value=share, unit="percent",
                converted_unit="percent", local=word_keys(text),
            )
        )  # fmt: skip
    for match in _UNANIMOUS_RE.finditer(text):
        out.append(
            Figure(
                text=match.group(0), start=match.start(), end=match.end(),
                key=("level", "percent"), low=99.5, high=100.0, derived="unanimous",
                value=100.0, unit="percent", converted_unit="percent", local=word_keys(text),
            )
        )  # fmt: skip
    for match in _MULTIPLIER_RE.finditer(text):
        m = _MULTIPLIER_WORDS[match.group("word").lower()]
        before = text[max(0, match.start() - 20) : match.start()].lower()
        low, high, bound = m * 0.999, m * 1.001, ""
        if re.search(r"(?:more\s+than|over)\s+$", before):
            low, high, bound = m, math.inf, "above"
        elif re.search(r"(?:nearly|almost)\s+$", before):
            low, high = m * (1 - hedges.HEDGE_WIDTH), m
        anchor = Figure(
            text=match.group(0), start=match.start(), end=match.end(),
            key=("multiplier", "multiplier"), low=low, high=high, bound=bound,
            value=m, unit="times", converted_unit="times",
            local=word_keys(text[max(0, match.start() - 60) : match.end() + 60]),
            direction=1 if m > 1 else -1,
            comparative=bool(_COMPARATIVE_AFTER.match(text[match.end() : match.end() + 30])),
        )  # fmt: skip
        out.append(anchor)
        # "a resale could triple the price" of $800m: the price it would fetch
        amounts = [f for f in levels if f.key[1].startswith("currency:")]
        if len(amounts) == 1 and match.group("word").lower() in ("triple", "double", "treble"):
            a = amounts[0]
            out.append(_mult(a, a.low * m, a.high * m, a.key, f"{a.text} times {m:g}"))
    for match in _HALF_LEVEL_RE.finditer(text):
        out.append(
            Figure(
                text=match.group(0), start=match.start(), end=match.end(),
                key=("multiplier", "multiplier"), low=0.4995, high=0.5005, value=0.5,
                unit="times", converted_unit="times", direction=-1, local=word_keys(text),
                comparative=match.group(0).lower().startswith("half as"),
            )
        )  # fmt: skip
    # "£1.5bn over the next three years": an amount a year
    for figure in written:
        if not figure.key[1].startswith("currency:"):
            continue
        over = _OVER_PERIOD.match(text[figure.end : figure.end + 60])
        if not over:
            continue
        n = _number(over.group("n"))
        if not n:
            continue
        weeks = n * (52 if over.group("unit").lower() == "years" else 52 / 12)
        out.append(
            _mult(figure, figure.low / weeks, figure.high / weeks,
                  ("level", "rate:" + figure.key[1].split(":", 1)[1]), "amount a year")
        )  # fmt: skip
    return out


def _same_family(a: Figure, b: Figure) -> bool:
    if a.key[1] == b.key[1]:
        return True
    # "77m euros, up from 38m": a bare number takes the unit of the figure it is set against
    return b.unit == "count" and not b.key[1].startswith("rate:") and b.value > 0


def _linked_pairs(text: str, ordered: list[Figure]):
    """(old, new, signed, both_ways) for figures the text sets against each other."""
    for i, b in enumerate(ordered):
        if b.role == "base" and i + 1 < len(ordered):
            following = ordered[i + 1]
            if _FROM_TO_LINK.match(text[b.end : following.start]) and _same_family(following, b):
                # "from about 4.5% today to about 25%"
                yield b, following, True, False
                continue
        if b.role == "base":
            # "fell to 55.3 in February, from 56.4": the base goes with the figure before it
            for a in reversed(ordered[:i]):
                if a.role != "change" and _same_family(a, b):
                    yield b, a, True, False
                    break
            continue
        if i == 0:
            continue
        a = ordered[i - 1]
        between = text[a.end : b.start]
        if not _same_family(a, b) and not _same_family(b, a):
            continue
        if _COMPARISON_LINK.match(between):
            # "3.8%, ahead of the 3.1% estimated", "nine rather than the usual five"
            yield b, a, True, False
        elif _TO_LINK.match(between) and "change" not in (a.role, b.role) and a.role != "base":
            # "by 39% to 34%": two figures set side by side
            yield a, b, False, True
        elif re.fullmatch(r"\s*(?:,\s*)?(?:up|down)\s+from\s+", between) and b.role != "change":
            yield b, a, True, False


def _changes_between(old: Figure, new: Figure, *, signed: bool, both_ways: bool) -> list[Figure]:
    """The difference, relative change and ratio of two figures of one measure."""
    if old.key[1] != new.key[1]:
        factor = new.low / new.value if new.value else 1.0
        old = replace(old, low=old.value * factor * 0.995, high=old.value * factor * 1.005,
                      key=new.key)  # fmt: skip
    if old.low <= 0 or new.low <= 0 or not math.isfinite(old.high + new.high):
        return []
    family = new.key[1]
    delta_low, delta_high = new.low - old.high, new.high - old.low
    direction = (1 if delta_low > 0 else (-1 if delta_high < 0 else 0)) if signed else 0
    mid = replace(
        new, start=min(old.start, new.start), end=max(old.end, new.end), direction=direction,
        text=f"{new.text} vs {old.text}",
    )  # fmt: skip
    magnitudes = sorted((abs(delta_low), abs(delta_high)))
    if delta_low <= 0 <= delta_high:
        magnitudes = [0.0, max(magnitudes)]
    diff_family = "percentage_point" if family == "percent" else family
    out = [_mult(mid, *magnitudes, ("change", diff_family), "difference")]
    pairs = [(old, new), (new, old)] if both_ways else [(old, new)]
    for base, other in pairs:
        rel = sorted((abs(other.low / base.high - 1) * 100, abs(other.high / base.low - 1) * 100))
        ratio = sorted((other.low / base.high, other.high / base.low))
        out.append(_mult(mid, rel[0], rel[1], ("change", "percent"), "relative change"))
        out.append(_mult(mid, ratio[0], ratio[1], ("multiplier", "multiplier"), "ratio"))
    return out


def with_sum(figures: list[Figure]) -> list[Figure]:
    """A text that states a total ("in all", "come to"): the sum of its separate figures."""
    out = list(figures)
    by_key: dict[tuple[str, str], list[Figure]] = {}
    for f in figures:
        if not f.derived and f.key[0] == "level" and not f.bound:
            by_key.setdefault(f.key, []).append(f)
    for key, group in by_key.items():
        if len(group) < 2:
            continue
        total = Figure(
            text=" + ".join(f.text for f in group), start=group[0].start, end=group[-1].end,
            key=key, low=sum(f.low for f in group), high=sum(f.high for f in group),
            derived="sum", value=sum(f.value for f in group), unit=group[0].unit,
            converted_unit=group[0].converted_unit,
            local=frozenset().union(*(f.local for f in group)),
        )  # fmt: skip
        out.append(total)
        out = [replace(f, part=True) if f in group else f for f in out]
    return out
