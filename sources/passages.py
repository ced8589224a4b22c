"""Split whole documents into passages of one to three sentences (pure, no Django)."""

from __future__ import annotations

from textcore.segment import segment

from .records import PassageRecord

MAX_SENTENCES = 3
TARGET_CHARS = 400


def split_document(text: str) -> list[PassageRecord]:
    """Split a document into passages keyed p1, p2, ... with a paragraph locator.

    Passages never cross a paragraph (blank line) and hold at most three sentences
    or about TARGET_CHARS characters, whichever comes first.
    """
    passages: list[PassageRecord] = []
    paragraphs = [p for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]
    for number, paragraph in enumerate(paragraphs, start=1):
        chunk: list[str] = []
        for sentence in segment(paragraph):
            chunk.append(sentence.text.strip())
            if len(chunk) >= MAX_SENTENCES or sum(len(s) for s in chunk) >= TARGET_CHARS:
                passages.append(_passage(len(passages) + 1, number, chunk))
                chunk = []
        if chunk:
            passages.append(_passage(len(passages) + 1, number, chunk))
    return passages


def _passage(index: int, paragraph: int, sentences: list[str]) -> PassageRecord:
    return PassageRecord(key=f"p{index}", text=" ".join(sentences), locator=f"para {paragraph}")
