"""The shape of the code: stages import each other in one direction only, and nothing cycles.

Every import in src/yamldeck is read (also those inside functions, which hide cycles from a plain
import), resolved to the module it names, and checked against the pipeline's direction.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "yamldeck"

# What each part of yamldeck may import (besides itself). The pipeline: outline -> files ->
# layout -> render -> package; lints read what render measures; commands drive the stages; the
# cli parses arguments and prints.
ALLOWED: dict[str, set[str]] = {
    "errors": set(),
    "gcpolicy": set(),
    "outline": {"errors"},
    "files": {"errors", "outline"},
    "layout": {"errors", "outline"},
    "theme": {"errors", "outline"},
    "package": {"errors", "gcpolicy"},
    "render": {"errors", "outline", "files", "layout", "theme", "package"},
    "lints": {"errors", "outline", "files", "layout", "theme", "render", "package"},
    # import reads a deck into an outline: it writes outlines (outline), keeps the deck's look as
    # a template the way render opens one, and writes files as the build does (package).
    "importer": {"errors", "outline", "files", "theme", "render", "package"},
    "commands": {"errors", "gcpolicy", "outline", "files", "layout", "theme", "render", "package",
                 "lints", "importer"},
    "cli": {"errors", "gcpolicy", "outline", "files", "layout", "theme", "render", "package",
            "lints", "commands", "importer", "serve", "__init__"},
    # The live preview in the browser: it drives commands (the warm build, watch, LibreOffice).
    "serve": {"errors", "gcpolicy", "outline", "layout", "commands"},
    "__init__": {"errors", "commands"},
    "__main__": {"cli"},
}
# Third-party packages only some parts may import. The importer reads other programs' decks,
# which needs python-pptx as much as drawing them does; it draws nothing (render still does).
RESTRICTED = {"pptx": {"render", "importer"}, "click": {"cli", "serve"}}
# serve/command.py is serve's part of the command line (cli.py registers it); the web server
# libraries stay inside serve/.
RESTRICTED |= {"starlette": {"serve"}, "uvicorn": {"serve"}, "sse_starlette": {"serve"}}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> list[tuple[str, int]]:
    """Every module this file imports, absolute, with the line (inner imports included)."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            # `from . import x` imports the module x when x is one (and not the package itself,
            # which any import of a submodule loads first).
            modules = [f"{target}.{a.name}" for a in node.names if _is_module(f"{target}.{a.name}")]
            if len(modules) < len(node.names):
                found.append((target, node.lineno))
            found += [(module, node.lineno) for module in modules]
    return found


def _is_module(dotted: str) -> bool:
    parts = dotted.split(".")
    if parts[0] != "yamldeck":
        return False
    path = PACKAGE.parent.joinpath(*parts)
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def _part(dotted: str) -> str:
    """The part of yamldeck a module belongs to: its stage package or top-level module."""
    parts = dotted.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _graph() -> dict[str, list[tuple[str, int]]]:
    graph = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        graph[_module_name(path)] = [(t, line) for t, line in _imports(path) if _is_module(t)]
    return graph


def test_every_stage_imports_only_the_stages_before_it() -> None:
    wrong = []
    for path in sorted(PACKAGE.rglob("*.py")):
        module = _module_name(path)
        part = _part(module)
        assert part in ALLOWED, f"{module}: a new part of yamldeck; say what it may import"
        for target, line in _imports(path):
            top = target.split(".")[0]
            if top in RESTRICTED and part not in RESTRICTED[top]:
                wrong.append(f"{module}:{line} imports {target}")
            if top == "yamldeck" and _is_module(target):
                other = _part(target)
                if other != part and other not in ALLOWED[part]:
                    wrong.append(f"{module}:{line} imports {target}")
    assert wrong == []


def test_no_import_cycles_between_modules() -> None:
    graph = {m: sorted({t for t, _ in targets if t != m}) for m, targets in _graph().items()}
    # A package imports its __init__ when a submodule is imported; that is not a cycle.
    for module, targets in graph.items():
        graph[module] = [t for t in targets if not module.startswith(t + ".")]
    cycles = _cycles(graph)
    assert cycles == []


def test_no_import_cycles_between_stages() -> None:
    stages: dict[str, set[str]] = {}
    for module, targets in _graph().items():
        stages.setdefault(_part(module), set()).update(
            _part(t) for t, _ in targets if _part(t) != _part(module)
        )
    assert _cycles({k: sorted(v) for k, v in stages.items()}) == []


def _cycles(graph: dict[str, list[str]]) -> list[list[str]]:
    """Strongly connected components of more than one node (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in graph.get(node, []):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                item = stack.pop()
                on_stack.discard(item)
                component.append(item)
                if item == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: _module_name(p))
def test_every_module_says_what_it_holds_and_stays_short(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    tree = ast.parse(text)
    docstring = ast.get_docstring(tree)
    assert docstring, f"{path.name} has no docstring saying what it holds"
    assert len(text.splitlines()) <= 300, f"{_module_name(path)}: over 300 lines"
    long = [
        f"{node.name} ({node.end_lineno - node.lineno + 1} lines)"
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.end_lineno - node.lineno + 1 > 60
    ]
    assert long == []


def test_the_checker_sees_a_wrong_direction_and_a_cycle() -> None:
    """The checks above can fail: a cycle and a backwards import are found when present."""
    assert _cycles({"a": ["b"], "b": ["c"], "c": ["a"], "d": ["a"]}) == [["a", "b", "c"]]
    assert "render" not in ALLOWED["outline"] and "cli" not in ALLOWED["render"]
    assert _part("yamldeck.render.slides") == "render" and _part("yamldeck.cli") == "cli"
    bullets = {target for target, _ in _imports(PACKAGE / "outline" / "bullets.py")}
    assert "yamldeck.errors" in bullets and "yamldeck.outline.fields" in bullets
