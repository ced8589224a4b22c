"""The import graph of the project: layers import only downwards, no cycles between modules.

Read from the source (ast), not by importing: every `import` and `from ... import` of the
project's packages, at module level or inside functions, counts.

    textcore   pure text processing: nothing from Django or the apps
    sources    the library: nothing from claims, desk or public
    claims     articles and claims, their processing: nothing from desk or public
    desk       the editorial desk (workflow, admin workbench, desk API): nothing from public
    public     the public site, on top (it may use the desk's actions and reads)
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = (
    "factcheck",
    "textcore",
    "tokens",
    "webhooks",
    "sources",
    "claims",
    "desk",
    "public",
    "ops",
)
# Pairs of modules allowed to import each other: a service enqueues its Celery task, and the
# task calls back into the service (the task module imports the service lazily).
ALLOWED_CYCLES = {
    frozenset({"claims.services", "claims.tasks"}),
    frozenset({"sources.services", "sources.tasks"}),
    frozenset({"webhooks.services", "webhooks.tasks"}),
}


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _project_modules() -> dict[str, Path]:
    modules = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            if "migrations" not in path.parts:
                modules[_module_name(path)] = path
    return modules


def _imports(name: str, path: Path, known: set[str]) -> set[str]:
    """Project modules (or other top-level packages, e.g. django) that a module imports."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                origin = ".".join([*base, node.module] if node.module else base)
            else:
                origin = node.module or ""
            # "from claims import services" imports the module claims.services
            targets = [
                f"{origin}.{a.name}" if f"{origin}.{a.name}" in known else origin
                for a in node.names
            ]
        else:
            continue
        for target in targets:
            while target not in known and "." in target:
                target = target.rpartition(".")[0]
            found.add(target)
    found.discard(name)
    return found


@pytest.fixture(scope="module")
def graph() -> dict[str, set[str]]:
    modules = _project_modules()
    return {name: _imports(name, path, set(modules)) for name, path in modules.items()}


def _top(module: str) -> str:
    return module.split(".")[0]


def _violations(graph, package: str, forbidden: set[str]) -> list[str]:
    return sorted(
        f"{module} imports {target}"
        for module, targets in graph.items()
        if _top(module) == package
        for target in targets
        if _top(target) in forbidden
    )


def test_textcore_imports_nothing_from_django_or_the_apps(graph):
    forbidden = {"django", "rest_framework", "celery", *PACKAGES} - {"textcore"}
    assert _violations(graph, "textcore", forbidden) == []


def test_sources_imports_nothing_from_claims_desk_or_public(graph):
    assert _violations(graph, "sources", {"claims", "desk", "public"}) == []


def test_tokens_and_webhooks_import_nothing_from_the_newsroom_apps(graph):
    for package in ("tokens", "webhooks"):
        assert _violations(graph, package, {"sources", "claims", "desk", "public"}) == []


def test_claims_imports_nothing_from_the_desk_or_public(graph):
    assert _violations(graph, "claims", {"desk", "public"}) == []


def test_the_desk_imports_nothing_from_public(graph):
    assert _violations(graph, "desk", {"public"}) == []


def test_the_desk_sits_on_claims(graph):
    # The layering is real: the desk acts on claims' models and services.
    assert any(_top(t) == "claims" for m, ts in graph.items() if _top(m) == "desk" for t in ts)


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, ()):
            if target not in graph:
                continue
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return groups


def test_no_import_cycles_between_modules_except_services_and_their_tasks(graph):
    cycles = [group for group in _cycles(graph) if frozenset(group) not in ALLOWED_CYCLES]
    assert cycles == []


def test_the_cycle_check_finds_a_cycle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
