import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from textcore.alignment import compare_texts


def _pairs(path: Path):
    """(id, claim, passage) of each line of a JSON Lines file, with clear errors."""
    try:
        handle = path.open(encoding="utf-8")
    except OSError as exc:
        raise CommandError(f"cannot read {path}: {exc.strerror}") from None
    with handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise CommandError(f"{path}:{number}: not JSON ({exc.msg})") from None
            except UnicodeDecodeError:
                raise CommandError(f"{path}:{number}: not UTF-8 text") from None
            if not isinstance(row, dict):
                raise CommandError(f"{path}:{number}: expected an object")
            for field in ("claim", "passage"):
                if not isinstance(row.get(field), str):
                    raise CommandError(f"{path}:{number}: '{field}' must be a string")
            yield row.get("id"), row["claim"], row["passage"]


class Command(BaseCommand):
    help = (
        "Compare the figures of claim/passage pairs (JSON Lines in, JSON Lines out): "
        "agrees, conflicts or none, with the pairs compared and the reason."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--output", type=Path)

    def handle(self, *args, file, output, **options):
        rows = list(_pairs(file))
        lines = []
        for pair_id, claim, passage in rows:
            result = compare_texts(claim, passage).to_dict()
            lines.append(json.dumps({"id": pair_id, **result}, ensure_ascii=False))
        text = "\n".join(lines) + ("\n" if lines else "")
        if output:
            try:
                output.write_text(text, encoding="utf-8")
            except OSError as exc:
                raise CommandError(f"cannot write {output}: {exc.strerror}") from None
            self.stderr.write(f"compared {len(lines)} pairs, wrote {output}")
        else:
            sys.stdout.write(text)
