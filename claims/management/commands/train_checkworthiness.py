import importlib.util
import sys
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = (
        "Train the check-worthiness model from DATA_DIR (and --dev-dir gold sets) and write "
        "it as JSON; the same as scripts/train_checkworthiness.py (needs scikit-learn)."
    )

    def add_arguments(self, parser):
        parser.add_argument("data_dir")
        parser.add_argument("--dev-dir", action="append", default=[])
        parser.add_argument("--output")
        parser.add_argument("--check", action="store_true")
        parser.add_argument("--no-lodo", action="store_true")
        parser.add_argument("--jobs", type=int, default=1)

    def handle(self, *args, data_dir, dev_dir, output, check, no_lodo, jobs, **options):
        path = Path(settings.BASE_DIR) / "scripts" / "train_checkworthiness.py"
        spec = importlib.util.spec_from_file_location("train_checkworthiness", path)
        trainer = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = trainer  # its dataclasses look their module up
        try:
            spec.loader.exec_module(trainer)
        except ImportError as exc:
            raise CommandError(f"training needs scikit-learn and numpy: {exc}") from None
        argv = [data_dir, *(arg for d in dev_dir for arg in ("--dev-dir", d))]
        argv += ["--output", output] if output else []
        argv += ["--check"] if check else []
        argv += ["--no-lodo"] if no_lodo else []
        argv += ["--jobs", str(jobs)]
        try:
            status = trainer.main(argv, log=lambda line: self.stdout.write(line))
        except SystemExit as exc:
            raise CommandError(str(exc.code)) from None
        if status:
            raise CommandError("the rebuilt model differs from the file")
