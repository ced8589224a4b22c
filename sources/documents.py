"""Whole documents -> one source record each (pure, no Django).

PDF passages are located by page, HTML passages by the heading above them, plain-text
passages by paragraph number.

A PDF that cannot be read (encrypted with a password, damaged, not a PDF, no text layer)
raises ImportFormatError with a reason a person can act on.
"""

from __future__ import annotations

import io
import re

from .importers import MAX_KEY_LENGTH, ImportFormatError
from .passages import split_document
from .records import PassageRecord, SourceRecord

# A library PDF longer than this is almost certainly the wrong file (or a decompression bomb).
MAX_PAGES = 2000


def _key_from_name(filename: str) -> str:
    stem = re.sub(r"\.(pdf|txt|md|html?)$", "", filename.rsplit("/", 1)[-1], flags=re.IGNORECASE)
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
        for index, passage in enumerate(split_document(body), start=1):
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


# --------------------------------------------------------------------------- text and HTML

_SKIPPED_HTML = {"script", "style", "nav", "header", "footer", "aside", "form", "noscript"}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_BLOCKS = {"p", "li", "blockquote", "td", "dd", "pre"}


def _passages_by_section(sections: list[tuple[str, str]]) -> list[PassageRecord]:
    """Passages of (locator, paragraph) pairs, keyed p1, p2, ... in document order."""
    passages: list[PassageRecord] = []
    for locator, paragraph in sections:
        for passage in split_document(paragraph):
            passages.append(
                PassageRecord(key=f"p{len(passages) + 1}", text=passage.text, locator=locator)
            )
    return passages


def _document_record(
    filename: str,
    sections: list[tuple[str, str]],
    key: str | None,
    title: str | None,
    kind: str,
) -> SourceRecord:
    """One source named after the file unless a key or title is given."""
    return SourceRecord(
        key=key or _key_from_name(filename),
        title=(title or _key_from_name(filename))[:500],
        kind=kind,
        passages=_passages_by_section(sections),
    )


def parse_text_document(
    text: str,
    filename: str,
    *,
    key: str | None = None,
    title: str | None = None,
    kind: str = "other",
) -> SourceRecord:
    """One source from a plain-text document: passages located by paragraph number."""
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text.replace("\r\n", "\n")) if p.strip()]
    if not paragraphs:
        raise ImportFormatError(filename, None, "the document has no text")
    sections = [(f"para {n}", " ".join(p.split())) for n, p in enumerate(paragraphs, start=1)]
    first_line = paragraphs[0].splitlines()[0].strip()
    return _document_record(filename, sections, key, title or first_line, kind)


def parse_html_document(
    html: str,
    filename: str,
    *,
    key: str | None = None,
    title: str | None = None,
    kind: str = "other",
) -> SourceRecord:
    """One source from an HTML page: passages located by the heading above them."""
    import lxml.html
    from lxml.etree import ParserError

    try:
        root = lxml.html.document_fromstring(html)
    except (ParserError, ValueError) as exc:
        raise ImportFormatError(filename, None, f"the HTML cannot be read ({exc})") from None
    page_title = " ".join((root.findtext(".//title") or "").split())
    heading, count, sections = "", 0, []
    for element in root.iter():
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in _SKIPPED_HTML or any(a.tag in _SKIPPED_HTML for a in element.iterancestors()):
            continue
        if tag in _HEADINGS:
            heading = " ".join(element.text_content().split())
            page_title = page_title or heading
        elif tag in _BLOCKS and not any(a.tag in _BLOCKS for a in element.iterancestors()):
            text = " ".join(element.text_content().split())
            if text:
                count += 1
                sections.append((heading[:200] if heading else f"para {count}", text))
    if not sections:
        raise ImportFormatError(filename, None, "no paragraphs of text were found in the HTML")
    return _document_record(filename, sections, key, title or page_title, kind)
