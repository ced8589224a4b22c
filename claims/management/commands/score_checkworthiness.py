from pathlib import Path

from django.core.management.base import BaseCommand

from claims.checkworthiness import model
from sources.management.json_lines import read_json_lines, write_json_lines


class Command(BaseCommand):
    help = (
        'Score sentences for check-worthiness: JSON Lines in ({"id", "text"} a line), '
        'JSON Lines out ({"id", "score"} a line, in input order; 0.5 and above is check-worthy).'
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="JSON Lines, one sentence a line")
        parser.add_argument("--output", type=Path, help="default: standard output")

    def handle(self, *args, file, output, **options):
        rows = read_json_lines(file, strings=("text",))
        scorer = model()
        scores = ({"id": row.get("id"), "score": scorer.score(row["text"])} for row in rows)
        count = write_json_lines(self, scores, output)
        if output:
            self.stderr.write(f"scored {count} sentences into {output}")
