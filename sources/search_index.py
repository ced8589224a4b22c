"""The in-memory index of the library that claim lookup (`sources.search`) searches first.

Each process holds one index (`textcore.retrieval.index`), built from the database and
rebuilt when the library's version stamp (kept by database triggers, migration 0005)
changes. On PostgreSQL the index is also saved under `FACTCHECK_SEARCH_INDEX_DIR`, one
folder per database: the first process to need a library version builds and saves it (one
builder at a time, under a file lock), the others open the saved copy, and the copies of
earlier versions are removed.
"""

from __future__ import annotations

import fcntl
import hashlib
import logging
import os
import shutil
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
from django.conf import settings
from django.db import connection

from textcore.retrieval.index import LibraryIndex, is_saved
from textcore.retrieval.prepared import PreparedPassages
from textcore.retrieval.query import index_terms
from textcore.retrieval.rank import default_ranker

from .models import Passage, Source

logger = logging.getLogger(__name__)


def _is_postgresql() -> bool:
    return connection.vendor == "postgresql"


@dataclass(frozen=True)
class _Loaded:
    stamp: str
    index: LibraryIndex
    passage_ids: Sequence[int]
    # the second stage's analysis of each passage, by the same document positions
    prepared: PreparedPassages


_loaded: _Loaded | None = None
_loading = threading.Lock()

# The code that decides what a saved index holds (files, and folders of them): a saved
# index is used only by code that would have built the same one. The postings and the
# prepared passages are made by `textcore.retrieval.index` and `.prepared` and the modules
# they import (checked by tests/sources/test_lookup.py).
INDEX_CODE = (
    "textcore/__init__.py",
    "textcore/analysis.py",
    "textcore/figures",
    "textcore/lexicon.py",
    "textcore/prepared.py",
    "textcore/quantities",
    "textcore/retrieval/__init__.py",
    "textcore/retrieval/index.py",
    "textcore/retrieval/prepared.py",
    "textcore/retrieval/query.py",
    "textcore/units.py",
)
# A saved index that is being written, left behind by a process that died, is removed
# after this long.
_ABANDONED_SECONDS = 3600


def library_stamp() -> str:
    """The library's version stamp: changes whenever a passage or a source's fields change."""
    with connection.cursor() as cursor:
        if _is_postgresql():
            cursor.execute("SELECT stamp FROM sources_libraryversion WHERE id = 1")
            row = cursor.fetchone()
            return row[0] if row else ""
        # SQLite (small embedded libraries): a signature of the tables instead of triggers
        cursor.execute(
            "SELECT count(*), coalesce(sum(id), 0), max(updated_at) FROM sources_passage"
        )
        passages = cursor.fetchone()
        cursor.execute("SELECT count(*), max(updated_at) FROM sources_source")
        return repr((passages, cursor.fetchone()))


def build_index(
    *, folder: Path | None = None, previous: PreparedPassages | None = None
) -> tuple[LibraryIndex, list[int], PreparedPassages]:
    """Read the library from the database into a new index, its passage ids and their
    prepared analysis (written into `folder` when given; the records of `previous` are
    reused for unchanged passages)."""
    titles: dict[int, tuple[str, list[str]]] = {
        source_id: (title, index_terms(f"{title} {publisher}"))
        for source_id, title, publisher in Source.objects.values_list("id", "title", "publisher")
    }
    passage_ids: list[int] = []
    texts: list[list[str]] = []
    source_titles: list[list[str]] = []

    def passages():
        rows = Passage.objects.order_by("id").values_list("id", "source_id", "text", "quantities")
        for passage_id, source_id, text, quantities in rows.iterator(chunk_size=5000):
            title, title_terms = titles.get(source_id, ("", []))
            passage_ids.append(passage_id)
            texts.append(index_terms(text))
            source_titles.append(title_terms)
            yield text, title, quantities or []

    prepared = PreparedPassages.build(
        passages(), code=_code_fingerprint(), previous=previous, folder=folder
    )
    index = LibraryIndex(texts, source_titles, title_weight=_title_weight())
    return index, passage_ids, prepared


def _title_weight() -> float:
    return default_ranker().meta["first_stage"]["title_weight"]


@lru_cache(maxsize=1)
def _code_fingerprint() -> str:
    digest = hashlib.sha256(repr(_title_weight()).encode())
    root = Path(__file__).resolve().parent.parent
    for name in INDEX_CODE:
        path = root / name
        for file in sorted(path.rglob("*.py")) if path.is_dir() else [path]:
            digest.update(file.relative_to(root).as_posix().encode() + b"\0" + file.read_bytes())
    return digest.hexdigest()


def _saved_indexes() -> Path | None:
    """This machine's folder of saved indexes of this database (PostgreSQL only), if any."""
    base = settings.FACTCHECK_SEARCH_INDEX_DIR
    if not base or not _is_postgresql():
        return None
    return Path(base) / str(connection.settings_dict["NAME"])


def _saved_name(stamp: str) -> str:
    return hashlib.sha256(f"{_code_fingerprint()}/{stamp}".encode()).hexdigest()[:32]


def _remove_old_indexes(folder: Path, keep: Path) -> None:
    """Remove the saved indexes of earlier library versions but the newest one (processes
    still answering from it keep their mapped copy: a removed file lives while mapped)."""
    others = sorted(
        (entry for entry in folder.iterdir() if entry.is_dir() and entry != keep),
        key=lambda entry: entry.stat().st_mtime,
        reverse=True,
    )
    now = time.time()
    for entry in others[1:]:
        if entry.name.startswith(".") and now - entry.stat().st_mtime < _ABANDONED_SECONDS:
            continue  # another process is writing it
        shutil.rmtree(entry, ignore_errors=True)


def _previous_store(folder: Path | None) -> PreparedPassages | None:
    """Prepared passages of an earlier library version to reuse: this process's, else the
    newest saved on this machine (used only if built by the same code)."""
    if _loaded is not None:
        return _loaded.prepared
    if folder is None or not folder.is_dir():
        return None
    saved = [entry for entry in folder.iterdir() if not entry.name.startswith(".")]
    for entry in sorted(saved, key=lambda e: e.stat().st_mtime, reverse=True):
        if is_saved(entry):
            try:
                return PreparedPassages.open(entry)
            except (OSError, ValueError):
                return None
    return None


def _open_or_build(stamp: str) -> tuple[LibraryIndex, Sequence[int], PreparedPassages]:
    """The index of the library at `stamp`: opened from this machine's saved copy, or built
    from the database (and saved for the other processes, one builder at a time)."""
    folder = _saved_indexes()
    if folder is None:
        return build_index(previous=_previous_store(None))
    target = folder / _saved_name(stamp)
    try:
        if not is_saved(target):
            folder.mkdir(parents=True, exist_ok=True)
            with open(folder / ".lock", "a") as lock:
                fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file is closed
                if not is_saved(target):
                    partial = folder / f".{target.name}.{os.getpid()}.{threading.get_ident()}"
                    partial.mkdir()
                    index, passage_ids, prepared = build_index(
                        folder=partial, previous=_previous_store(folder)
                    )
                    np.save(partial / "passages.npy", np.asarray(passage_ids, dtype=np.int64))
                    index.save(partial)  # its meta file last: the folder is complete
                    os.rename(partial, target)
                    _remove_old_indexes(folder, keep=target)
                    return LibraryIndex.open(target), passage_ids, PreparedPassages.open(target)
        return (
            LibraryIndex.open(target),
            np.load(target / "passages.npy", mmap_mode="r"),
            PreparedPassages.open(target),
        )
    except OSError:
        logger.exception("saved library index unusable in %s; using this process's own", folder)
        return build_index(previous=_previous_store(None))


def library_index() -> _Loaded:
    """The index of the library, current with the database (opened or rebuilt first if the
    library changed since this process last looked)."""
    global _loaded
    stamp = library_stamp()
    current = _loaded
    if current is not None and current.stamp == stamp:
        return current
    with _loading:
        current = _loaded
        if current is None or current.stamp != stamp:
            started = time.perf_counter()
            index, passage_ids, prepared = _open_or_build(stamp)
            current = _Loaded(stamp, index, passage_ids, prepared)
            _loaded = current
            logger.info(
                "library index ready: %d passages in %.1f s",
                len(passage_ids),
                time.perf_counter() - started,
            )
    return current
