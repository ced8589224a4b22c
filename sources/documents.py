"""PDF documents -> one source record with passages located by page (pure, no Django).

A PDF that cannot be read (encrypted with a password, damaged, not a PDF, no text layer)
raises ImportFormatError with a reason a person can act on.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable

from .importers import (
    MAX_KEY_LENGTH,
    ImportFormatError,
    PassageRecord,
    SourceRecord,
)

# A library PDF longer than this is almost certainly the wrong file (or a decompression bomb).
MAX_PAGES = 2000


def _key_from_name(filename: str) -> str:
    stem = re.sub(r"\.pdf$", "", filename.rsplit("/", 1)[-1], flags=re.IGNORECASE)
    key = re.sub(r"[^A-Za-z0-9._-]+", "-", stem).strip("-").lower()
    return key[:MAX_KEY_LENGTH] or "document"


def page_texts(data: bytes, filename: str, *, max_pages: int = MAX_PAGES) -> list[str]:
    """The text of each page of a PDF, in order; raises ImportFormatError when unreadable."""
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

    if not data.lstrip()[:5] == b"%PDF-":
        raise ImportFormatError(filename, None, "this is not a PDF file (no %PDF- header)")
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            # Many PDFs are "encrypted" with an empty user password and open without one.
            try:
                opened = reader.decrypt("")
            except (DependencyError, NotImplementedError):
                opened = 0
            if not opened:
                raise ImportFormatError(
                    filename,
                    None,
                    "the PDF is encrypted with a password; save an unprotected copy and "
                    "import that",
                )
        count = len(reader.pages)
        if count > max_pages:
            raise ImportFormatError(
                filename, None, f"the PDF has {count:,} pages; the limit is {max_pages:,}"
            )
        texts = []
        for number, page in enumerate(reader.pages, start=1):
            try:
                texts.append(page.extract_text() or "")
            except (PdfReadError, ValueError, KeyError, TypeError) as exc:
                raise ImportFormatError(
                    filename, None, f"page {number} of the PDF is damaged ({exc})"
                ) from None
    except ImportFormatError:
        raise
    except FileNotDecryptedError:
        raise ImportFormatError(
            filename, None, "the PDF is encrypted with a password; save an unprotected copy"
        ) from None
    except Exception as exc:  # pypdf raises many types on damaged files
        raise ImportFormatError(
            filename, None, f"the PDF is damaged and cannot be read ({type(exc).__name__}: {exc})"
        ) from None
    return texts


def _paragraphs(page_text: str) -> str:
    # PDF text breaks lines mid-sentence; blank lines (or none) separate paragraphs.
    text = page_text.replace("\r\n", "\n").replace("\r", "\n")
    blocks = re.split(r"\n\s*\n", text)
    return "\n\n".join(re.sub(r"\s*\n\s*", " ", block).strip() for block in blocks)


def parse_pdf(
    data: bytes,
    filename: str,
    split_text: Callable[[str], list[PassageRecord]],
    *,
    key: str | None = None,
    title: str | None = None,
    kind: str = "other",
) -> SourceRecord:
    """One source from a PDF: passages keyed p<page>-<n>, located as "page <n>"."""
    texts = page_texts(data, filename)
    record = SourceRecord(
        key=key or _key_from_name(filename),
        title=(title or _pdf_title(data) or _key_from_name(filename)).strip()[:500],
        kind=kind,
    )
    for number, text in enumerate(texts, start=1):
        body = _paragraphs(text)
        if not body.strip():
            continue
        for index, passage in enumerate(split_text(body), start=1):
            record.passages.append(
                PassageRecord(key=f"p{number}-{index}", text=passage.text, locator=f"page {number}")
            )
    if not record.passages:
        raise ImportFormatError(
            filename,
            None,
            "no text could be extracted from the PDF (a scanned document needs OCR first)",
        )
    return record


def _pdf_title(data: bytes) -> str:
    from pypdf import PdfReader

    try:
        metadata = PdfReader(io.BytesIO(data), strict=False).metadata
        return str(metadata.title or "") if metadata else ""
    except Exception:  # the title is optional; page_texts already vetted the file
        return ""
