import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from sources import services
from sources.importers import ImportFormatError, parse_library_file
from sources.passages import split_document


class Command(BaseCommand):
    help = "Import source library files (JSON Lines, CSV or PDF); re-importing updates by key."

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", type=Path)
        parser.add_argument("--no-progress", action="store_true", help="Hide the progress bar.")

    def handle(self, *args, files, no_progress, **options):
        for path in files:
            if not path.is_file():
                raise CommandError(f"{path}: no such file")
            try:
                records = parse_library_file(path, split_document)
            except ImportFormatError as exc:
                raise CommandError(f"{exc} (nothing of this file was imported)") from None
            total = sum(len(r.passages) for r in records)
            with tqdm(
                total=total,
                unit="passage",
                desc=path.name,
                disable=no_progress or None,
                file=sys.stderr,
            ) as bar:
                summary = services.import_records(records, progress=bar.update)
            self.stdout.write(
                f"{path}: {summary.sources_created} sources created, "
                f"{summary.sources_updated} updated; {summary.passages_created} passages created, "
                f"{summary.passages_updated} updated, {summary.passages_removed} removed"
            )
            for kept in summary.passages_kept_as_evidence:
                self.stdout.write(
                    f"  kept {kept}: it left the source but a reviewer accepted it as evidence"
                )
