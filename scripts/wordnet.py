"""Readers of WordNet's database files (the WNDB format of WordNet 3.x), shared by the
scripts that derive the text core's lexicons from it.

Princeton's WordNet 3.0 files are plain ASCII; they are read as UTF-8, which reads ASCII
alike and also the WNDB exports of later English wordnets that spell some lemmas with
accents (a byte that is no UTF-8 stops the build instead of turning into another word).
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import NamedTuple

ENCODING = "utf-8"
LICENCE = (
    "WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved. Permission to "
    "use, copy, modify and distribute this software and database and its documentation for "
    "any purpose and without fee or royalty is hereby granted, provided that you agree to "
    "comply with the following copyright notice and statements, including the disclaimer, "
    "and that the same appear on ALL copies of the software, database and documentation, "
    "including modifications that you make for internal use or for distribution. THIS "
    'SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON UNIVERSITY MAKES NO '
    "REPRESENTATIONS OR WARRANTIES, EXPRESS OR IMPLIED. BY WAY OF EXAMPLE, BUT NOT "
    "LIMITATION, PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES OF "
    "MERCHANTABILITY OR FITNESS FOR ANY PARTICULAR PURPOSE OR THAT THE USE OF THE LICENSED "
    "SOFTWARE, DATABASE OR DOCUMENTATION WILL NOT INFRINGE ANY THIRD PARTY PATENTS, "
    "COPYRIGHTS, TRADEMARKS OR OTHER RIGHTS. The name of Princeton University or Princeton "
    "may not be used in advertising or publicity pertaining to distribution of the software "
    "and/or database. Title to copyright in this software, database and any associated "
    "documentation shall at all times remain with Princeton University and LICENSEE agrees "
    "to preserve same."
)


class Synset(NamedTuple):
    """One line of a data file: its lexicographer file number ("04": noun.act), its lemmas
    (lower case, an adjective's position marker dropped) and its pointers (symbol, part of
    speech, offset, source word number, target word number; 0: the whole synset)."""

    lexfile: int
    lemmas: list[str]
    pointers: list[tuple[str, str, str, int, int]]


def lines(folder: Path, name: str) -> list[str]:
    """The lines of one database file, without the licence that indents the top."""
    text = (folder / name).read_text(encoding=ENCODING)
    return [line for line in text.splitlines() if line and not line.startswith(" ")]


def read_index(folder: Path, part: str) -> dict[str, list[str]]:
    """index.PART: each lemma's synset offsets, most frequent sense first."""
    senses = {}
    for line in lines(folder, f"index.{part}"):
        fields = line.split()
        pointer_count = int(fields[3])
        count = int(fields[4 + pointer_count])
        senses[fields[0]] = fields[6 + pointer_count : 6 + pointer_count + count]
    return senses


def read_synsets(folder: Path, part: str) -> dict[str, Synset]:
    """data.PART: the synsets by offset."""
    synsets = {}
    for line in lines(folder, f"data.{part}"):
        fields = line.split(" | ")[0].split()
        count = int(fields[3], 16)
        lemmas = [_without_marker(fields[4 + 2 * i]).lower() for i in range(count)]
        at = 4 + 2 * count
        pointers = []
        for _ in range(int(fields[at])):
            symbol, offset, target_part, words = fields[at + 1 : at + 5]
            target_part = "a" if target_part == "s" else target_part  # a satellite adjective
            pointers.append((symbol, target_part, offset, int(words[:2], 16), int(words[2:], 16)))
            at += 4
        synsets[fields[0]] = Synset(int(fields[1]), lemmas, pointers)
    return synsets


_MARKER = re.compile(r"\(\w+\)$")  # an adjective's position marker: "galore(ip)"


def _without_marker(lemma: str) -> str:
    return _MARKER.sub("", lemma)


def gloss_words(folder: Path) -> Counter[str]:
    """How often each word (lower case) is written in the glosses and their example
    sentences across the four data files: the one corpus of running English WordNet has."""
    counts: Counter[str] = Counter()
    for part in ("noun", "verb", "adj", "adv"):
        for line in lines(folder, f"data.{part}"):
            _, _, gloss = line.partition(" | ")
            counts.update(_GLOSS_WORD.findall(gloss.lower()))
    return counts


_GLOSS_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")
