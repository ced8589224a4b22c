"""Parse source library files into plain records (no database, no Django).

Formats (see README): JSON Lines, one source per line, as in the exchange format;
CSV, one passage per row. A malformed line raises ImportFormatError naming the file,
the line and the reason, before anything is written.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from .passages import split_document
from .records import PassageRecord, SourceRecord

SOURCE_KINDS = frozenset(
    {"statistics", "report", "reference", "academic", "government", "news", "primary", "other"}
)
CSV_COLUMNS = (
    "source_key",
    "title",
    "publisher",
    "url",
    "published",
    "kind",
    "passage_key",
    "locator",
    "text",
)
MAX_KEY_LENGTH = 200
MAX_PASSAGE_KEY_LENGTH = 100


class ImportFormatError(ValueError):
    """A source file that cannot be imported; the message says where and why."""

    def __init__(self, filename: str, line: int | None, reason: str):
        self.filename = filename
        self.line = line
        self.reason = reason
        where = f"{filename}, line {line}" if line else filename
        super().__init__(f"{where}: {reason}")


# Longest value the database stores for each field (sources.models).
MAX_LENGTHS = {"title": 500, "publisher": 300, "url": 1000, "locator": 200}


def _text(value: object, what: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValueError(f"'{what}' must be a string")
    text = value.strip()
    limit = MAX_LENGTHS.get(what.rsplit(".", 1)[-1])
    if limit and len(text) > limit:
        raise ValueError(f"'{what}' is longer than {limit} characters")
    return text


def _url(value: object) -> str:
    url = _text(value, "url")
    # Only web links: a javascript: or data: URL would run in a reader's browser.
    if url and not url.lower().startswith(("http://", "https://")):
        raise ValueError(f"'url' must start with http:// or https://, not {url[:40]!r}")
    return url


def _date(value: object) -> dt.date | None:
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise ValueError("'published' must be an ISO date (YYYY-MM-DD) or null")
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise ValueError(f"'published' is not an ISO date (YYYY-MM-DD): {value!r}") from None


def _kind(value: object) -> str:
    kind = _text(value, "kind").lower() or "other"
    if kind not in SOURCE_KINDS:
        raise ValueError(f"'kind' must be one of {', '.join(sorted(SOURCE_KINDS))}, not {kind!r}")
    return kind


def _key(value: object, what: str, max_length: int) -> str:
    key = _text(value, what)
    if not key:
        raise ValueError(f"'{what}' is required")
    if len(key) > max_length:
        raise ValueError(f"'{what}' is longer than {max_length} characters")
    return key


def source_from_mapping(data: object) -> SourceRecord:
    """Validate one JSON source object; a whole document (`text`) is split into passages."""
    if not isinstance(data, dict):
        raise ValueError("each line must be a JSON object")
    record = SourceRecord(
        key=_key(data.get("key"), "key", MAX_KEY_LENGTH),
        title=_text(data.get("title"), "title"),
        publisher=_text(data.get("publisher"), "publisher"),
        url=_url(data.get("url")),
        published=_date(data.get("published")),
        kind=_kind(data.get("kind")),
    )
    if not record.title:
        raise ValueError("'title' is required")
    passages = data.get("passages")
    text = data.get("text")
    if passages is not None:
        if not isinstance(passages, list):
            raise ValueError("'passages' must be a list")
        seen: set[str] = set()
        for index, item in enumerate(passages, start=1):
            if not isinstance(item, dict):
                raise ValueError(f"passage {index} must be an object")
            key = _key(item.get("key"), f"passages[{index}].key", MAX_PASSAGE_KEY_LENGTH)
            if key in seen:
                raise ValueError(f"passage key {key!r} appears twice in source {record.key!r}")
            seen.add(key)
            body = _text(item.get("text"), f"passages[{index}].text")
            if not body:
                raise ValueError(f"passage {key!r} has no text")
            locator = _text(item.get("locator"), f"passages[{index}].locator")
            record.passages.append(PassageRecord(key=key, text=body, locator=locator))
    elif text is not None:
        body = _text(text, "text")
        if not body:
            raise ValueError("'text' is empty")
        record.passages = split_document(body)
    else:
        raise ValueError("a source needs 'passages' or 'text'")
    return record


def _check_unique(records: list[SourceRecord], filename: str) -> None:
    seen: dict[str, int] = {}
    for record in records:
        if record.key in seen:
            raise ImportFormatError(
                filename,
                record.line,
                f"source key {record.key!r} already appears on line {seen[record.key]}",
            )
        seen[record.key] = record.line


def json_objects(lines: Iterable[str], filename: str) -> Iterator[tuple[int, dict]]:
    """(line number, object) of each line of JSON Lines; blank lines are skipped, and the
    first line that is not a JSON object raises ImportFormatError."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ImportFormatError(filename, number, f"invalid JSON ({exc.msg})") from None
        if not isinstance(data, dict):
            raise ImportFormatError(filename, number, "each line must be a JSON object")
        yield number, data


def parse_jsonl(lines: Iterable[str], filename: str) -> list[SourceRecord]:
    """Parse a JSON Lines source library; blank lines are skipped."""
    records = []
    for number, data in json_objects(lines, filename):
        try:
            record = source_from_mapping(data)
        except ValueError as exc:
            raise ImportFormatError(filename, number, str(exc)) from None
        record.line = number
        records.append(record)
    _check_unique(records, filename)
    return records


def parse_csv(text: str, filename: str) -> list[SourceRecord]:
    """Parse a CSV library: one passage per row, rows of a source share its columns."""
    # strict: an unclosed quote is an error, not a field that swallows the rest of the file.
    reader = csv.DictReader(io.StringIO(text, newline=""), strict=True)
    missing = [
        c
        for c in ("source_key", "title", "passage_key", "text")
        if c not in (reader.fieldnames or [])
    ]
    if missing:
        raise ImportFormatError(filename, 1, f"missing column(s): {', '.join(missing)}")
    by_key: dict[str, SourceRecord] = {}
    passage_lines: dict[tuple[str, str], int] = {}
    for row in _csv_rows(reader, filename):
        number = reader.line_num
        if None in row:
            raise ImportFormatError(filename, number, "more fields than the header has columns")
        try:
            key = _key(row.get("source_key"), "source_key", MAX_KEY_LENGTH)
            record = by_key.get(key)
            if record is None:
                record = SourceRecord(
                    key=key,
                    title=_text(row.get("title"), "title"),
                    publisher=_text(row.get("publisher"), "publisher"),
                    url=_url(row.get("url")),
                    published=_date(row.get("published")),
                    kind=_kind(row.get("kind")),
                    line=number,
                )
                if not record.title:
                    raise ValueError("'title' is required")
                by_key[key] = record
            passage_key = _key(row.get("passage_key"), "passage_key", MAX_PASSAGE_KEY_LENGTH)
            if (key, passage_key) in passage_lines:
                raise ValueError(
                    f"passage {passage_key!r} of {key!r} already appears on line "
                    f"{passage_lines[(key, passage_key)]}"
                )
            passage_lines[(key, passage_key)] = number
            body = _text(row.get("text"), "text")
            if not body:
                raise ValueError(f"passage {passage_key!r} has no text")
            record.passages.append(
                PassageRecord(
                    key=passage_key, text=body, locator=_text(row.get("locator"), "locator")
                )
            )
        except ValueError as exc:
            raise ImportFormatError(filename, number, str(exc)) from None
    return list(by_key.values())


def _csv_rows(reader: csv.DictReader, filename: str) -> Iterator[dict]:
    while True:
        # The record that fails starts on the line after the last one read whole.
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise ImportFormatError(filename, start, f"malformed CSV ({exc})") from None
        yield row


def decode_text(data: bytes, filename: str) -> str:
    """Decode UTF-8 (a BOM is allowed); binary or mis-encoded content is refused."""
    if b"\x00" in data:
        raise ImportFormatError(filename, None, "this is a binary file, not UTF-8 text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ImportFormatError(filename, line, "the file is not valid UTF-8 text") from None


def read_text_file(path: Path) -> str:
    """Read a UTF-8 text file (see decode_text)."""
    return decode_text(path.read_bytes(), str(path))
