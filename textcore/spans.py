"""Where a span of a text stands after the text was edited.

An edited article keeps its claims: each claim's span (and its sentence's span) must
point at the same words in the new text. The edit is located as the part between the
longest common prefix and the longest common suffix of the two texts; a span wholly
before it stays, a span wholly after it moves by the change in length, and a span the
edit touches is looked up by its own words (the occurrence nearest its old place).
When its words are gone, there is no span to give: the caller decides what to do.
"""

from __future__ import annotations

__all__ = ["shift_span"]


def _common_prefix(old: str, new: str) -> int:
    limit = min(len(old), len(new))
    i = 0
    while i < limit and old[i] == new[i]:
        i += 1
    return i


def _common_suffix(old: str, new: str, prefix: int) -> int:
    limit = min(len(old), len(new)) - prefix
    i = 0
    while i < limit and old[-1 - i] == new[-1 - i]:
        i += 1
    return i


def shift_span(old: str, new: str, start: int, end: int) -> tuple[int, int] | None:
    """The (start, end) in `new` of the words `old[start:end]`; None when they are gone."""
    if not 0 <= start <= end <= len(old):
        raise ValueError(f"span {start}-{end} is outside a text of {len(old)} characters")
    prefix = _common_prefix(old, new)
    suffix = _common_suffix(old, new, prefix)
    if end <= prefix:
        return start, end
    if start >= len(old) - suffix:
        delta = len(new) - len(old)
        return start + delta, end + delta
    words = old[start:end]
    if not words:
        return None
    best = None
    found = new.find(words)
    while found != -1:
        if best is None or abs(found - start) < abs(best - start):
            best = found
        found = new.find(words, found + 1)
    return None if best is None else (best, best + len(words))
