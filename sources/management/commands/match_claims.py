import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connections

from sources.management.json_lines import read_json_lines, write_json_lines
from sources.search import lookup
from sources.search_index import library_index

MAX_TOP = 100
# Claims each process takes at a time when several share the file.
_CHUNK = 16


def _matches(query: tuple[object, str, int]) -> dict:
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
    return {"id": query_id, "matches": matches}


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
        queries = read_json_lines(Path(file), strings=("text",))
        work = [(query.get("id"), query["text"], top) for query in queries]
        jobs = min(jobs, len(work) // _CHUNK or 1)
        answers = _in_processes(work, jobs) if jobs > 1 else map(_matches, work)
        count = write_json_lines(self, answers, output)
        if output:
            self.stderr.write(f"matched {count} claims into {output}")
