import datetime as dt
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from claims import services
from claims.models import Article
from sources.importers import ImportFormatError, read_text_file


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--published must be a date as YYYY-MM-DD, not {value!r}") from None


class Command(BaseCommand):
    help = "Ingest an article (.txt or .html), extract and match its claims; prints the article id."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--title")
        parser.add_argument("--url", default="")
        parser.add_argument("--outlet", default="")
        parser.add_argument("--published")

    def handle(self, *args, file, title, url, outlet, published, **options):
        if not file.is_file():
            raise CommandError(f"{file}: no such file")
        try:
            body = read_text_file(file)
        except ImportFormatError as exc:
            raise CommandError(str(exc)) from None
        is_html = file.suffix.lower() in {".html", ".htm"}
        if not title:
            title = _first_line(body) if not is_html else file.stem
        try:
            article = services.ingest_article(
                title=title,
                body=body,
                original_format=Article.Format.HTML if is_html else Article.Format.TEXT,
                url=url,
                outlet=outlet,
                published=_date(published) if published else None,
                queue=False,
            )
        except ValidationError as exc:
            raise CommandError(_messages(exc)) from None
        # The command does in-process what a Celery worker does for web submissions.
        article = services.process_article(article.pk)
        if article.status == Article.Status.FAILED:
            raise CommandError(f"article {article.pk} could not be processed: {article.error}")
        self.stderr.write(f"{article.claims.count()} claims extracted from {file}")
        self.stdout.write(str(article.pk))


def _first_line(body: str) -> str:
    for line in body.splitlines():
        if len(line.strip()) > 3:
            return line.strip()[:500]
    return "Untitled article"


def _messages(exc: ValidationError) -> str:
    if hasattr(exc, "message_dict"):
        return "; ".join(f"{k}: {' '.join(v)}" for k, v in exc.message_dict.items())
    return " ".join(exc.messages)
