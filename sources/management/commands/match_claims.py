from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from sources.management.json_lines import read_json_lines, write_json_lines
from sources.search import lookup

MAX_TOP = 100


class Command(BaseCommand):
    help = (
        'Match claims against the library: FILE has one {"id", "text"} object a line; '
        'writes one {"id", "matches"} line per claim, in input order.'
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--top", type=int, default=10, help="matches per claim (default 10)")
        parser.add_argument("--output", type=Path, help="default: standard output")

    def handle(self, *args, file, top, output, **options):
        if not 1 <= top <= MAX_TOP:
            raise CommandError(f"--top must be between 1 and {MAX_TOP}")
        output = Path(output) if output else None
        queries = read_json_lines(Path(file), strings=("text",))
        answers = (
            {
                "id": query.get("id"),
                "matches": [
                    {
                        "source_key": m.source_key,
                        "passage_key": m.passage_key,
                        "score": m.score,
                        "numeric": m.numeric,
                    }
                    for m in lookup(text=query["text"], top_k=top)
                ],
            }
            for query in queries
        )
        count = write_json_lines(self, answers, output)
        if output:
            self.stderr.write(f"matched {count} claims into {output}")
