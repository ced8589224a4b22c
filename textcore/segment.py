"""Sentence segmentation that keeps exact offsets into the article.

Rules, in the order they apply:

1. A line break ends a sentence when the line is a headline, a list item or a paragraph end:
   any line that does not end inside a sentence. A line that stops mid-sentence (no closing
   punctuation) and is followed by a line starting in lower case is a hard-wrapped paragraph
   and continues.
2. Inside a line, ". ", "! ", "? " (optionally followed by closing quotes or brackets) end a
   sentence when the next word starts with a capital, a digit or an opening quote.
3. Except after abbreviations: titles ("Mr.", "Dr."), initials ("J. Smith"), "No. 5",
   "e.g.", month names, and dotted acronyms ("U.S.") unless the next word is one that
   typically opens a sentence ("The", "He", "But", ...).

List markers ("- ", "* ", "1. ") at the start of a line are left out of the sentence span.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Sentence", "segment"]


@dataclass(frozen=True)
class Sentence:
    """A sentence and its character offsets: `text == article[start:end]`."""

    text: str
    start: int
    end: int


# Abbreviations after which a full stop never ends a sentence (compared in lower case).
_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "gen", "col", "lt", "sgt", "capt",
    "cmdr", "adm", "rev", "gov", "sen", "rep", "hon", "pres", "supt", "insp", "messrs", "mme",
    "vs", "v", "etc", "e.g", "i.e", "cf", "al", "ca", "approx", "dept", "est", "vol", "fig",
    "figs", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "ave", "blvd",
    "rd", "ft", "pt", "no", "nos", "p", "pp", "para", "art", "sec", "ch", "op", "ed", "eds",
    "u.s", "u.k", "u.n", "e.u", "a.m", "p.m", "d.c", "n.y", "l.a", "ph.d", "b.a", "m.a",
}  # fmt: skip
# Abbreviations that may also close a sentence: split only before a typical sentence opener.
_AMBIGUOUS = {
    "inc", "ltd", "corp", "co", "plc", "llc", "bros", "etc", "u.s", "u.k", "u.n", "e.u",
    "a.m", "p.m", "d.c", "jr", "sr", "al", "no",
}  # fmt: skip
# Abbreviations that only hold before a number ("No. 5", "p. 12").
_BEFORE_NUMBER = {"no", "nos", "p", "pp", "art", "sec", "ch", "fig", "figs", "vol", "op"}
_SENTENCE_OPENERS = {
    "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "his", "her", "its",
    "their", "our", "this", "that", "these", "those", "there", "but", "and", "or", "so", "yet",
    "however", "meanwhile", "in", "on", "at", "for", "from", "after", "before", "when", "while",
    "if", "as", "since", "although", "though", "despite", "during", "many", "some", "most",
    "all", "one", "two", "both", "each", "officials", "analysts", "critics", "still", "also",
    "now", "then", "last", "other", "such", "what", "why", "how", "who", "where", "according",
}  # fmt: skip

_LINE_RE = re.compile(r"[^\n\r]+")
_LIST_MARKER_RE = re.compile(r"\s*(?:[-*•·◦▪–—]\s+|\(?\d{1,3}[.)]\s+|\(?[a-z]\)\s+)")
# Sentence-final punctuation, closing quotes/brackets, then whitespace.
_BOUNDARY_RE = re.compile(r"([.!?…]+|\.\.\.)([\"'”’»)\]]*)(\s+)")
_NEXT_START_RE = re.compile(r"[\"'“‘«(\[]*([A-Z0-9À-Ý])")
_WORD_BEFORE_RE = re.compile(r"([A-Za-z][A-Za-z.]*)$")
_NEXT_WORD_RE = re.compile(r"[\"'“‘«(\[]*([A-Za-z]+)")
_ENDS_SENTENCE_RE = re.compile(r"[.!?…:;][\"'”’»)\]]*\s*$")


def _is_abbreviation(before: str, after: str) -> bool:
    """True when the full stop at the end of `before` belongs to an abbreviation."""
    match = _WORD_BEFORE_RE.search(before)
    if not match:
        return False
    word = match.group(1).rstrip(".")
    lowered = word.lower()
    next_word = _NEXT_WORD_RE.match(after)
    opener = next_word is not None and next_word.group(1).lower() in _SENTENCE_OPENERS
    if lowered in _BEFORE_NUMBER and lowered not in {"no"}:
        return bool(re.match(r"\s*\d", after))
    if lowered == "no":
        return bool(re.match(r"\s*\d", after)) and not opener
    if lowered in _AMBIGUOUS:
        return not opener
    if lowered in _ABBREVIATIONS:
        return True
    # Initials ("J. K. Rowling") and dotted acronyms ("U.S.A.", "N.Y.C.")
    if len(word) == 1 and word.isupper():
        return True
    if re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", word):
        return not opener
    return False


def _split_line(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans inside one block of text (a line or a wrapped paragraph)."""
    spans: list[tuple[int, int]] = []
    cursor = start
    for match in _BOUNDARY_RE.finditer(text, start, end):
        split_at = match.end(2)
        following = text[match.end() : min(end, match.end() + 40)]
        if not _NEXT_START_RE.match(following):
            continue
        if match.group(1) == "." and _is_abbreviation(
            text[max(cursor, match.start() - 20) : match.start() + 1], following
        ):
            continue
        spans.append((cursor, split_at))
        cursor = match.end()
    spans.append((cursor, end))
    return spans


def _blocks(text: str) -> list[tuple[int, int]]:
    """Lines of the text, joining hard-wrapped lines of one paragraph."""
    blocks: list[tuple[int, int]] = []
    for match in _LINE_RE.finditer(text):
        line_start, line_end = match.span()
        line = match.group(0)
        if not line.strip():
            continue
        if blocks:
            previous_start, previous_end = blocks[-1]
            gap = text[previous_end:line_start]
            previous = text[previous_start:previous_end]
            # one newline, the previous line stops mid-sentence and this one goes on in lower case
            if (
                gap.count("\n") <= 1
                and not _ENDS_SENTENCE_RE.search(previous)
                and len(previous) > 60
                and line.lstrip()[:1].islower()
            ):
                blocks[-1] = (previous_start, line_end)
                continue
        blocks.append((line_start, line_end))
    return blocks


def segment(text: str) -> list[Sentence]:
    """Split text into sentences whose offsets point into `text` exactly."""
    sentences: list[Sentence] = []
    for block_start, block_end in _blocks(text):
        marker = _LIST_MARKER_RE.match(text, block_start, block_end)
        if marker and marker.end() < block_end:
            block_start = marker.end()
        for start, end in _split_line(text, block_start, block_end):
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if end > start:
                sentences.append(Sentence(text[start:end], start, end))
    return sentences
