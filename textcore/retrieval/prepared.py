"""The second stage's analysis of every passage of the library, computed once.

What the ranker and the scorer read of a candidate that depends on the passage alone
(its text's analysis, kinds of figure and figures read in context: `textcore.prepared`;
its search keys; its source's title normalised and its keys) is computed when the library
index is built and kept beside it, by document position, so a lookup reads it instead of
analysing 50 candidates per claim (README, "Where a lookup's time goes").

The store is two blobs of JSON records with their offsets and each passage's content
hash, so it is saved in the index's folder and opened memory-mapped like the postings.
A rebuild reuses the records of passages whose text, quantities and title did not change
(same hash, same code); a passage without a record is analysed on the fly.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

import numpy as np

from textcore.analysis import Analysis, analyse, normalize_text
from textcore.figures import SentenceFacts, read_passage
from textcore.prepared import PreparedText, dumps, from_plain, loads, prepare_text, to_plain

from .index import read_meta
from .query import index_terms

logger = logging.getLogger(__name__)

STORE_FORMAT = "factcheck-prepared-passages"
STORE_VERSION = 1
_DIGIT = frozenset("0123456789")


@dataclass(frozen=True)
class PreparedPassage:
    """What the second stage reads of a passage and its source's title, computed once."""

    text: PreparedText
    keys: frozenset[str]  # frozenset(index_terms(text))
    title: str  # normalize_text(title)
    title_keys: frozenset[str]  # frozenset(index_terms(title))

    @cached_property
    def words(self) -> frozenset[str]:
        """The normalised words of the text and the title."""
        return frozenset(self.text.analysis.normalized.split()) | frozenset(self.title.split())


def prepare_passage(text: str, title: str = "", quantities: Sequence[dict] = ()) -> PreparedPassage:
    """The second stage's analysis of a passage, computed now (the parts that depend on the
    text or the title alone are remembered: passages recur across a run's claims)."""
    analysis, keys = _text_part(text)
    title_norm, title_keys = _title_part(title)
    return PreparedPassage(
        text=prepare_text(text, quantities, analysis=analysis),
        keys=keys,
        title=title_norm,
        title_keys=title_keys,
    )


@lru_cache(maxsize=20_000)
def _text_part(text: str) -> tuple[Analysis, frozenset[str]]:
    return analyse(text, sentence_starts=False), frozenset(index_terms(text))


@lru_cache(maxsize=20_000)
def _title_part(title: str) -> tuple[str, frozenset[str]]:
    return normalize_text(title), frozenset(index_terms(title))


def _may_be_compared(text: str, quantities: Sequence[dict], kinds: frozenset[str]) -> bool:
    """Can a claim's figures ever be compared with this passage's (`matching._may_compare`)?"""
    return bool(text) and (bool(kinds) or (not quantities and not _DIGIT.isdisjoint(text)))


def content_hash(text: str, title: str, quantities: Sequence[dict]) -> int:
    """A passage's identity for reuse: its record depends on these and on the code only."""
    content = json.dumps([text, title, list(quantities)], sort_keys=True, ensure_ascii=False)
    return int.from_bytes(hashlib.blake2b(content.encode(), digest_size=8).digest(), "little")


def _encode(text: str, title: str, quantities: Sequence[dict]) -> tuple[bytes, bytes]:
    """(record, figures) of a passage; figures empty when never compared."""
    prepared = prepare_passage(text, title, quantities)
    record = json.dumps(
        [
            to_plain(prepared.text.analysis, Analysis),
            sorted(prepared.text.kinds),
            sorted(prepared.keys),
            prepared.title,
            sorted(prepared.title_keys),
        ],
        ensure_ascii=False,
        separators=(",", ":"),
    ).encode()
    figures = b""
    if _may_be_compared(text, quantities, prepared.text.kinds):
        figures = dumps(read_passage(text), SentenceFacts)
    return record, figures


class _Blob:
    """Byte strings one after another, with where each starts (offsets has n + 1 entries)."""

    def __init__(self, data, offsets):
        self.data = data
        self.offsets = offsets

    def __getitem__(self, i: int) -> bytes:
        return bytes(self.data[int(self.offsets[i]) : int(self.offsets[i + 1])])


class PreparedPassages:
    """The prepared passages of a library index, by document position."""

    def __init__(self, records: _Blob, figures: _Blob, hashes: np.ndarray, code: str):
        self.records = records
        self.figures = figures
        self.hashes = hashes
        self.code = code

    def __len__(self) -> int:
        return len(self.hashes)

    @classmethod
    def build(
        cls,
        passages: Iterable[tuple[str, str, Sequence[dict]]],
        *,
        code: str = "",
        previous: PreparedPassages | None = None,
        folder: Path | None = None,
    ) -> PreparedPassages:
        """Prepare (text, title, quantities) of every passage, in document order; written
        into `folder` (which must exist) and opened from it when given, else in memory.

        Records of `previous` (a store built by the same `code`) are reused for passages
        whose content is unchanged.
        """
        reuse = previous if previous is not None and code and previous.code == code else None
        if reuse is not None:
            order = np.argsort(reuse.hashes, kind="stable")
            known = np.asarray(reuse.hashes)[order]
        with contextlib.ExitStack() as files:
            if folder is None:
                records, figures = io.BytesIO(), io.BytesIO()
            else:
                records = files.enter_context(open(Path(folder) / "prepared.records", "wb"))
                figures = files.enter_context(open(Path(folder) / "prepared.figures", "wb"))
            record_offsets, figure_offsets, hashes = [0], [0], []
            reused = 0
            for text, title, quantities in passages:
                digest = content_hash(text, title, quantities)
                hashes.append(digest)
                record = figure = None
                if reuse is not None:
                    at = int(np.searchsorted(known, np.uint64(digest)))
                    if at < len(known) and int(known[at]) == digest:
                        doc = int(order[at])
                        record, figure = reuse.records[doc], reuse.figures[doc]
                        reused += 1
                if record is None:
                    try:
                        record, figure = _encode(text, title, quantities)
                    except (TypeError, ValueError):
                        # a value the plain form does not know: analysed per claim instead
                        logger.exception("passage not prepared; it is analysed on the fly")
                        record, figure = b"", b""
                records.write(record)
                figures.write(figure)
                record_offsets.append(record_offsets[-1] + len(record))
                figure_offsets.append(figure_offsets[-1] + len(figure))
            if reuse is not None:
                logger.info("prepared passages: %d of %d reused", reused, len(hashes))
            store = cls(
                _Blob(
                    records.getvalue() if folder is None else b"",
                    np.asarray(record_offsets, dtype=np.int64),
                ),
                _Blob(
                    figures.getvalue() if folder is None else b"",
                    np.asarray(figure_offsets, dtype=np.int64),
                ),
                np.asarray(hashes, dtype=np.uint64),
                code,
            )
        if folder is None:
            return store
        folder = Path(folder)
        for name, blob in (("records", store.records), ("figures", store.figures)):
            np.save(folder / f"prepared.{name}.offsets.npy", blob.offsets)
        np.save(folder / "prepared.hashes.npy", store.hashes)
        meta = {"format": STORE_FORMAT, "version": STORE_VERSION, "code": code}
        (folder / "prepared.json").write_text(json.dumps(meta), encoding="utf-8")
        return cls.open(folder)

    def get(self, doc: int, text: str) -> PreparedPassage | None:
        """The prepared passage at a document position, whose text is `text`; None if it
        has no record."""
        record = self.records[doc]
        if not record:
            return None
        analysis, kinds, keys, title, title_keys = json.loads(record)
        figures = self.figures[doc]
        return PreparedPassage(
            text=PreparedText(
                analysis=from_plain(analysis, Analysis),
                read_kinds=lambda: frozenset(kinds),
                read_facts=(
                    (lambda: loads(figures, SentenceFacts))
                    if figures
                    else (lambda: read_passage(text))
                ),
            ),
            keys=frozenset(keys),
            title=title,
            title_keys=frozenset(title_keys),
        )

    @classmethod
    def open(cls, folder: Path) -> PreparedPassages:
        """A store `build` wrote into a folder, memory-mapped (read-only)."""
        folder = Path(folder)
        meta = read_meta(folder / "prepared.json", STORE_FORMAT, STORE_VERSION)
        blobs = []
        for name in ("records", "figures"):
            path = folder / f"prepared.{name}"
            data = np.memmap(path, dtype=np.uint8, mode="r") if path.stat().st_size else b""
            offsets = np.load(folder / f"prepared.{name}.offsets.npy", mmap_mode="r")
            blobs.append(_Blob(data, offsets))
        hashes = np.load(folder / "prepared.hashes.npy", mmap_mode="r")
        return cls(blobs[0], blobs[1], hashes, meta.get("code", ""))
