"""The shape of the package: imports go one way (no cycle, also through imports
made inside functions), records sit at the bottom, and the CLI does not reach
into the pipeline's insides."""

from __future__ import annotations

import ast
import pathlib

PACKAGE = pathlib.Path(__file__).resolve().parent.parent / "hapimigrate"


def _module_name(path: pathlib.Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: pathlib.Path, known: set[str]) -> set[str]:
    """The hapimigrate modules a module imports at run time (not for typing)."""
    tree = ast.parse(path.read_text())
    typing_only = {
        id(node)
        for block in ast.walk(tree)
        if isinstance(block, ast.If) and "TYPE_CHECKING" in ast.unparse(block.test)
        for node in ast.walk(block)
    }
    found = set()
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                child = f"{node.module}.{alias.name}"
                found.add(child if child in known else node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    found.discard(_module_name(path))
    return {name for name in found if name in known}


def _graph() -> dict[str, set[str]]:
    files = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    known = set(files)
    graph = {name: _imports(path, known) for name, path in files.items()}
    # importing a submodule runs its package's __init__ first (unless the
    # importer is inside that package, which is then already running)
    for name in list(graph):
        parents = {".".join(name.split(".")[:i]) for i in range(1, name.count(".") + 2)}
        graph[name] = {
            ".".join(dep.split(".")[:i])
            for dep in graph[name]
            for i in range(2, dep.count(".") + 2)
        } & known - parents
    return graph


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for dep in sorted(graph[node]):
            if state.get(dep) == 1:
                return path[path.index(dep) :] + [dep]
            if dep not in state and (found := visit(dep)):
                return found
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def test_the_import_graph_has_no_cycle():
    assert _cycle(_graph()) is None


def test_records_import_nothing_of_ours():
    assert _graph()["hapimigrate.model"] == set()


def test_the_cli_reaches_the_pipeline_only_through_the_run():
    deps = _graph()["hapimigrate.cli"]
    assert "hapimigrate.run" in deps
    inner = ("hapimigrate.python", "hapimigrate.fixers", "hapimigrate.analysis")
    assert not [d for d in deps if d.startswith(inner)]


def test_the_graph_sees_a_cycle_when_there_is_one():
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
