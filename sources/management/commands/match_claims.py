import json
import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connections

from sources.search import lookup
from sources.search_index import library_index

MAX_TOP = 100
# Claims each process takes at a time when several share the file.
_CHUNK = 16


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


def _matches(query: tuple[object, str, int]) -> str:
    """The output line of one claim."""
    query_id, text, top = query
    matches = [
        {
            "source_key": m.source_key,
            "passage_key": m.passage_key,
            "score": m.score,
            "numeric": m.numeric,
        }
        for m in lookup(text=text, top_k=top)
    ]
    return json.dumps({"id": query_id, "matches": matches}, ensure_ascii=False)


def _in_processes(queries: list[tuple[object, str, int]], jobs: int):
    """The output lines of the claims, in input order, matched by `jobs` processes.

    Each lookup depends on its claim and the library only, so the lines are those one
    process gives. The processes are forked from this one: they share its opened index
    (memory-mapped) and open their own database connections.
    """
    library_index()  # read once here, inherited by the processes
    connections.close_all()  # a connection must not be shared across a fork
    with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork")) as pool:
        yield from pool.map(_matches, queries, chunksize=_CHUNK)


class Command(BaseCommand):
    help = (
        'Match claims against the library: FILE has one {"id", "text"} object a line; '
        'writes one {"id", "matches"} line per claim, in input order.'
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--top", type=int, default=10, help="matches per claim (default 10)")
        parser.add_argument("--output", type=Path, help="default: standard output")
        parser.add_argument(
            "--jobs",
            type=int,
            default=1,
            help="processes matching claims at once (default 1; at most one per core helps)",
        )

    def handle(self, *args, file, top, output, jobs, **options):
        if not 1 <= top <= MAX_TOP:
            raise CommandError(f"--top must be between 1 and {MAX_TOP}")
        if jobs < 1:
            raise CommandError("--jobs must be at least 1")
        output = Path(output) if output else None
        queries = _read_queries(Path(file))
        try:
            out = output.open("w", encoding="utf-8") if output else None
        except OSError as exc:
            raise CommandError(f"cannot write {output}: {exc.strerror}") from None
        write = out.write if out else self.stdout.write
        work = [(query_id, text, top) for query_id, text in queries]
        try:
            jobs = min(jobs, len(work) // _CHUNK or 1)
            lines = _in_processes(work, jobs) if jobs > 1 else map(_matches, work)
            for line in lines:
                write(line + "\n" if out else line)
        finally:
            if out:
                out.close()
        if output:
            self.stderr.write(f"matched {len(queries)} claims into {output}")
