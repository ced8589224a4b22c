import datetime as dt
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from sources import services
from sources.files import parse_library_file
from sources.importers import SOURCE_KINDS, ImportFormatError

DOCUMENT_SUFFIXES = {".pdf", ".html", ".htm", ".txt", ".md"}


class Command(BaseCommand):
    help = (
        "Import source library files (JSON Lines or CSV) or whole documents (PDF, HTML, "
        "plain text: one source each); re-importing updates by key."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", type=Path)
        parser.add_argument("--no-progress", action="store_true", help="Hide the progress bar.")
        document = parser.add_argument_group(
            "whole documents", "Describe the source a PDF, HTML or text file becomes."
        )
        document.add_argument("--key", help="Source key (default: from the file name).")
        document.add_argument("--title", help="Title (default: from the document).")
        document.add_argument("--publisher", default="")
        document.add_argument("--url", default="")
        document.add_argument("--published", help="Publication date, YYYY-MM-DD.")
        document.add_argument("--kind", default="other", choices=sorted(SOURCE_KINDS))

    def handle(self, *args, files, no_progress, **options):
        try:
            published = (
                dt.date.fromisoformat(options["published"]) if options["published"] else None
            )
        except ValueError:
            raise CommandError("--published must be a date as YYYY-MM-DD") from None
        for path in files:
            if not path.is_file():
                raise CommandError(f"{path}: no such file")
            try:
                records = parse_library_file(path)
                services.check_limits(records, path.name)
            except ImportFormatError as exc:
                raise CommandError(f"{exc} (nothing of this file was imported)") from None
            if path.suffix.lower() in DOCUMENT_SUFFIXES:
                for record in records:
                    record.key = options["key"] or record.key
                    record.title = options["title"] or record.title
                    record.publisher = options["publisher"]
                    record.url = options["url"]
                    record.published = published
                    record.kind = options["kind"]
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
