import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from claims.checkworthiness import model


class Command(BaseCommand):
    help = (
        'Score sentences for check-worthiness: JSON Lines in ({"id", "text"} a line), '
        'JSON Lines out ({"id", "score"} a line, in input order; 0.5 and above is check-worthy).'
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="JSON Lines, one sentence a line")
        parser.add_argument("--output", type=Path, help="default: standard output")

    def handle(self, *args, file, output, **options):
        try:
            raw = file.read_bytes()
        except OSError as exc:
            raise CommandError(f"cannot read {file}: {exc.strerror}") from None
        try:
            lines = raw.decode("utf-8-sig").splitlines()
        except UnicodeDecodeError as exc:
            raise CommandError(f"{file}: not UTF-8 text (byte {exc.start})") from None
        scorer = model()
        results = []
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise CommandError(f"{file}:{number}: not valid JSON ({exc.msg})") from None
            if not isinstance(row, dict) or "text" not in row:
                raise CommandError(f'{file}:{number}: expected an object with "id" and "text"')
            if not isinstance(row["text"], str):
                raise CommandError(f'{file}:{number}: "text" must be a string')
            results.append({"id": row.get("id"), "score": scorer.score(row["text"])})
        text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in results)
        if output:
            try:
                output.write_text(text, encoding="utf-8")
            except OSError as exc:
                raise CommandError(f"cannot write {output}: {exc.strerror}") from None
            self.stderr.write(f"scored {len(results)} sentences into {output}")
        else:
            sys.stdout.write(text)
