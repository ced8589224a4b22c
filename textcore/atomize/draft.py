"""A draft claim over a sentence, and the two edits every rule makes to one: blanking a
span and keeping only a span (both with spaces, so offsets never move).
"""

from __future__ import annotations

from dataclasses import dataclass

from .words import LOWERED_AFTER_PREFIX


@dataclass
class Draft:
    """One atomic claim over a sentence, before scoring."""

    kind: str  # clause, role, apposition, relative
    kept: str  # the sentence with everything outside the claim blanked by spaces
    prefix: str = ""  # the subject, when it lies outside the kept text
    text: str = ""  # generated text (roles and appositions); empty means prefix + kept
    suffix: str = ""  # an attribution the claim keeps: ", according to the ministry"

    def span(self) -> tuple[int, int] | None:
        """First and last kept character (end exclusive) in sentence offsets."""
        stripped = self.kept.strip()
        if not stripped:
            return None
        start = len(self.kept) - len(self.kept.lstrip())
        return start, start + len(stripped)

    def render(self) -> str:
        """The claim text before normalisation."""
        if self.text:
            return self.text
        body = " ".join(self.kept.split())
        if self.suffix:
            body = f"{body.rstrip(' ,.;:')}{self.suffix}"
        if not self.prefix:
            return body
        first = body.split(" ", 1)[0]
        if first in LOWERED_AFTER_PREFIX:
            # "He said" + "The figures rose": the clause goes on in lower case
            body = first.lower() + body[len(first) :]
        return f"{self.prefix} {body}"


def blank(text: str, start: int, end: int) -> str:
    """Replace text[start:end] by spaces (offsets stay put)."""
    start, end = max(0, start), min(len(text), end)
    if end <= start:
        return text
    return text[:start] + " " * (end - start) + text[end:]


def keep_only(text: str, start: int, end: int) -> str:
    """Blank everything outside [start, end)."""
    return " " * start + text[start:end] + " " * (len(text) - end)
