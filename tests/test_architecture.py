"""The package's import graph, read from the source with `ast`: data flows one
way (source -> markup -> engine -> run -> report -> cli), so the pipeline
folders never import the layers above them, and no module imports itself
back through others.  Imports inside functions count as much as those at the
top: a lazy import is still a dependency."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "tonelint"

# The pipeline's lower layers and what they must never import.
LOWER = ("tonelint.engine", "tonelint.markup", "tonelint.source", "tonelint.rules")
UPPER = ("tonelint.run", "tonelint.report", "tonelint.cli", "tonelint.server", "tonelint.batch")


def module_names(package: Path) -> dict[str, Path]:
    """Dotted name -> file, for every module under `package` (a package is
    named by its folder, not by its __init__.py)."""
    out = {}
    for path in sorted(package.rglob("*.py")):
        parts = path.relative_to(package.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = path
    return out


def import_graph(package: Path) -> dict[str, set[str]]:
    """Module -> the modules of the same package it imports, anywhere in its
    body.  `from pkg import name` counts as importing pkg.name when that is a
    module, else pkg itself; relative imports are resolved."""
    modules = module_names(package)
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        is_package = path.name == "__init__.py"
        here = name.split(".") if is_package else name.split(".")[:-1]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = here[: len(here) - (node.level - 1)]
                    source = ".".join(base + ([node.module] if node.module else []))
                else:
                    source = node.module or ""
                for alias in node.names:
                    submodule = f"{source}.{alias.name}"
                    targets.append(submodule if submodule in modules else source)
            for target in targets:
                # `import a.b.c` depends on the deepest of its names that is a module here.
                while target and target not in modules:
                    target = target.rpartition(".")[0]
                if target and target != name:
                    graph[name].add(target)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan),
    each sorted; every import cycle lies inside one of them."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(found)


def upward_imports(graph: dict[str, set[str]]) -> list[tuple[str, str]]:
    def under(name: str, prefixes) -> bool:
        return any(name == p or name.startswith(p + ".") for p in prefixes)

    return sorted((src, dst) for src, targets in graph.items() if under(src, LOWER)
                  for dst in targets if under(dst, UPPER))


# --------------------------------------------------------------------------- the reader itself


@pytest.fixture
def toy(tmp_path):
    """A small package with a cycle through a function-level relative import."""
    pkg = tmp_path / "toy"
    (pkg / "engine").mkdir(parents=True)
    (pkg / "run").mkdir()
    files = {
        "__init__.py": "",
        "engine/__init__.py": "",
        "engine/core.py": "from .facts import Facts\n\ndef check():\n    from ..run import cache\n",
        "engine/facts.py": "import os\n\nFacts = object\n",
        "run/__init__.py": "from . import cache\n",
        "run/cache.py": "import toy.engine.core\n",
        "cli.py": "from toy.run.cache import thing\nfrom toy import engine\n",
    }
    for name, text in files.items():
        (pkg / name).write_text(text, encoding="utf-8")
    return pkg


def test_graph_reads_relative_absolute_and_function_level_imports(toy):
    graph = import_graph(toy)
    assert graph["toy.engine.core"] == {"toy.engine.facts", "toy.run.cache"}
    assert graph["toy.engine.facts"] == set()  # the standard library is not part of the graph
    assert graph["toy.run"] == {"toy.run.cache"}
    assert graph["toy.run.cache"] == {"toy.engine.core"}
    assert graph["toy.cli"] == {"toy.run.cache", "toy.engine"}


def test_cycles_are_found_and_acyclic_modules_are_not(toy):
    assert cycles(import_graph(toy)) == [["toy.engine.core", "toy.run.cache"]]
    assert cycles({"a": {"b"}, "b": {"c"}, "c": set()}) == []


def test_the_real_graph_is_read():
    graph = import_graph(PACKAGE)
    assert "tonelint.engine.core" in graph and "tonelint.markup" in graph["tonelint.engine.core"]
    assert sum(len(targets) for targets in graph.values()) > 100


# --------------------------------------------------------------------------- the rules of the house


def test_lower_layers_never_import_run_report_or_cli():
    assert upward_imports(import_graph(PACKAGE)) == []


def test_no_import_cycle():
    assert cycles(import_graph(PACKAGE)) == []


def test_reporters_are_handed_data_not_the_run():
    """report/ renders what the run hands it (RunResult, ReportOptions): it
    never reaches back into the Runner, the run's options or the CLI."""
    graph = import_graph(PACKAGE)
    reaching = sorted((src, dst) for src, targets in graph.items() if src.startswith("tonelint.report")
                      for dst in targets if dst in ("tonelint.run.runner", "tonelint.run.options", "tonelint.cli"))
    assert reaching == []


def test_only_the_entry_point_imports_the_cli():
    graph = import_graph(PACKAGE)
    assert sorted(src for src, targets in graph.items() if "tonelint.cli" in targets) == ["tonelint.__main__"]
