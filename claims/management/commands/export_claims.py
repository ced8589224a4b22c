import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from claims.selectors import export_claims


class Command(BaseCommand):
    help = "Export articles with their claims and matches as JSON (format in the README)."

    def add_arguments(self, parser):
        parser.add_argument("--article", type=int, action="append", dest="articles")
        parser.add_argument("--output", type=Path)

    def handle(self, *args, articles, output, **options):
        data = export_claims(articles)
        if articles:
            missing = set(articles) - {a["id"] for a in data["articles"]}
            if missing:
                raise CommandError(f"no article with id {', '.join(map(str, sorted(missing)))}")
        text = json.dumps(data, ensure_ascii=False, indent=2)
        if output:
            try:
                output.write_text(text + "\n", encoding="utf-8")
            except OSError as exc:
                raise CommandError(f"cannot write {output}: {exc.strerror}") from None
            self.stderr.write(f"wrote {len(data['articles'])} articles to {output}")
        else:
            self.stdout.write(text)
