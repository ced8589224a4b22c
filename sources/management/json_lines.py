"""JSON Lines in, JSON Lines out: what the commands of the exchange formats share
(`match_claims`, `score_checkworthiness`, `compare_quantities`; formats in the README)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from sources.importers import ImportFormatError, json_objects, read_text_file


def read_json_lines(path: Path, *, strings: tuple[str, ...]) -> list[dict]:
    """Every object of an input file, each with the given fields as strings; a CommandError
    names the file, the line and the reason (nothing is processed from a bad file)."""
    try:
        text = read_text_file(path)
        rows = []
        for number, row in json_objects(text.splitlines(), str(path)):
            for field in strings:
                if not isinstance(row.get(field), str):
                    raise ImportFormatError(str(path), number, f"'{field}' must be a string")
            rows.append(row)
    except OSError as exc:
        raise CommandError(f"cannot read {path}: {exc.strerror}") from None
    except ImportFormatError as exc:
        raise CommandError(str(exc)) from None
    return rows


def write_json_lines(command: BaseCommand, rows: Iterable[dict], output: Path | None) -> int:
    """Write one JSON object a line, as each is ready, to `output` or standard output; the
    number of lines written."""
    try:
        out = output.open("w", encoding="utf-8") if output else None
    except OSError as exc:
        raise CommandError(f"cannot write {output}: {exc.strerror}") from None
    write = out.write if out else lambda line: command.stdout.write(line, ending="")
    count = 0
    try:
        for row in rows:
            write(json.dumps(row, ensure_ascii=False) + "\n")
            count += 1
    finally:
        if out:
            out.close()
    return count
