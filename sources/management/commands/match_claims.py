import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from sources.search import lookup

MAX_TOP = 100


def _read_queries(path: Path) -> list[tuple[object, str]]:
    """Every line's (id, text), or a CommandError naming the first bad line."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise CommandError(f"cannot read {path}: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise CommandError(f"{path}: not UTF-8 text") from None
    queries = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise CommandError(f"{path}, line {number}: not JSON ({exc.msg})") from None
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            raise CommandError(f'{path}, line {number}: expected an object with a "text" string')
        queries.append((item.get("id"), item["text"]))
    return queries


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
        queries = _read_queries(Path(file))
        try:
            out = output.open("w", encoding="utf-8") if output else None
        except OSError as exc:
            raise CommandError(f"cannot write {output}: {exc.strerror}") from None
        write = out.write if out else self.stdout.write
        try:
            for query_id, text in queries:
                matches = [
                    {
                        "source_key": m.source_key,
                        "passage_key": m.passage_key,
                        "score": m.score,
                        "numeric": m.numeric,
                    }
                    for m in lookup(text=text, top_k=top)
                ]
                line = json.dumps({"id": query_id, "matches": matches}, ensure_ascii=False)
                write(line + "\n" if out else line)
        finally:
            if out:
                out.close()
        if output:
            self.stderr.write(f"matched {len(queries)} claims into {output}")
