from pathlib import Path

from django.core.management.base import BaseCommand

from sources.management.json_lines import read_json_lines, write_json_lines
from textcore.alignment import compare_texts


class Command(BaseCommand):
    help = (
        "Compare the figures of claim/passage pairs (JSON Lines in, JSON Lines out): "
        "agrees, conflicts or none, with the pairs compared and the reason."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--output", type=Path)

    def handle(self, *args, file, output, **options):
        rows = read_json_lines(file, strings=("claim", "passage"))
        answers = (
            {"id": row.get("id"), **compare_texts(row["claim"], row["passage"]).to_dict()}
            for row in rows
        )
        count = write_json_lines(self, answers, output)
        if output:
            self.stderr.write(f"compared {count} pairs, wrote {output}")
