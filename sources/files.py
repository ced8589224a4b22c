"""Read a library file by its extension: a library (JSON Lines, CSV) or one document (PDF,
HTML, plain text). Pure, no Django.
"""

from __future__ import annotations

from pathlib import Path

from . import documents, importers
from .records import SourceRecord

LIBRARY_SUFFIXES = frozenset(
    {".jsonl", ".ndjson", ".json", ".csv", ".pdf", ".txt", ".md", ".html", ".htm"}
)


def parse_library_bytes(data: bytes, filename: str) -> list[SourceRecord]:
    """Parse a library file's content by its name's extension (see LIBRARY_SUFFIXES)."""
    suffix = Path(filename).suffix.lower()
    if suffix == ".pdf":
        return [documents.parse_pdf(data, filename)]
    if suffix not in LIBRARY_SUFFIXES:
        raise importers.ImportFormatError(
            filename,
            None,
            f"unknown file type {suffix!r}: use .jsonl or .csv (a library), "
            ".pdf, .html or .txt (one document)",
        )
    text = importers.decode_text(data, filename)
    if suffix in {".html", ".htm"}:
        return [documents.parse_html_document(text, filename)]
    if suffix in {".txt", ".md"}:
        return [documents.parse_text_document(text, filename)]
    if suffix == ".csv":
        return importers.parse_csv(text, filename)
    return importers.parse_jsonl(text.splitlines(), filename)


def parse_library_file(path: Path) -> list[SourceRecord]:
    """Parse a library file on disk (see parse_library_bytes)."""
    return parse_library_bytes(path.read_bytes(), str(path))
