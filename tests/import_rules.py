"""Checks of the import rules of DESIGN.md §1 that import-linter's contracts cannot express.

* ``import_cycles``: no two modules import each other, directly or through others (imports inside functions
  count, ``if TYPE_CHECKING:`` imports do not), found as the strongly connected components of grimp's graph;
* ``private_imports``: no module uses another module's ``_private`` name (``from x import _name``, or
  ``x._name`` on a module bound by an import), read from the syntax tree;
* ``qt_imports``: which of Qt's modules a set of modules imports (the CLI and ``ui.pdf`` must do without
  QtWidgets; import-linter cannot forbid a part of an external package).

Each takes the package to check as a parameter, so that the tests can show on a small made-up package that
the check finds what it must.
"""

from __future__ import annotations

import ast
import importlib.util
import itertools
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import grimp


def import_graph(package: str) -> grimp.ImportGraph:
    """The package's imports as import-linter sees them with our configuration (TYPE_CHECKING left out)."""
    return grimp.build_graph(package, include_external_packages=True, exclude_type_checking_imports=True,
                             cache_dir=None)


# -- cycles ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Cycle:
    modules: frozenset[str]  # every module of the strongly connected component
    path: tuple[str, ...]  # one concrete cycle through it, first module repeated at the end
    lines: tuple[str, ...]  # the import behind each step: "a -> b (l.12: from .b import x)"

    def __str__(self) -> str:
        return " -> ".join(self.path) + "\n    " + "\n    ".join(self.lines)


def _internal(graph: grimp.ImportGraph, package: str) -> list[str]:
    return sorted(m for m in graph.modules if m == package or m.startswith(package + "."))


def _components(graph: grimp.ImportGraph, modules: list[str]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan, without recursion)."""
    inside = set(modules)
    edges = {m: sorted(graph.find_modules_directly_imported_by(m) & inside) for m in modules}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0
    for root in modules:
        if root in index:
            continue
        work = [(root, 0)]
        while work:
            node, i = work.pop()
            if i == 0:
                index[node] = low[node] = counter
                counter += 1
                stack.append(node)
                on_stack.add(node)
            recurse = False
            for j in range(i, len(edges[node])):
                nxt = edges[node][j]
                if nxt not in index:
                    work.append((node, j + 1))
                    work.append((nxt, 0))
                    recurse = True
                    break
                if nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
            if recurse:
                continue
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    return found


def _shortest_cycle(graph: grimp.ImportGraph, component: list[str]) -> list[str]:
    start, inside = component[0], set(component)
    previous: dict[str, str] = {}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for nxt in sorted(graph.find_modules_directly_imported_by(node) & inside):
            if nxt == start:
                path = [node]
                while path[-1] != start:
                    path.append(previous[path[-1]])
                return [*reversed(path), start]
            if nxt not in previous:
                previous[nxt] = node
                queue.append(nxt)
    raise AssertionError(f"no cycle through {start}")  # a component always has one


def import_cycles(graph: grimp.ImportGraph, package: str) -> list[Cycle]:
    cycles = []
    for component in _components(graph, _internal(graph, package)):
        path = _shortest_cycle(graph, component)
        lines = []
        for a, b in itertools.pairwise(path):
            details = graph.get_import_details(importer=a, imported=b)
            where = ", ".join(f"l.{d['line_number']}: {d['line_contents']}" for d in details)
            lines.append(f"{a} -> {b} ({where})")
        cycles.append(Cycle(frozenset(component), tuple(path), tuple(lines)))
    return cycles


# -- private names ---------------------------------------------------------------------------------------


@dataclass(frozen=True, order=True)
class PrivateImport:
    importer: str
    line: int
    name: str  # "odn_desktop.cli._say"

    def __str__(self) -> str:
        return f"{self.importer}:{self.line} uses {self.name}"


def is_private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def _module_files(package_dir: Path) -> dict[str, Path]:
    files = {}
    for path in sorted(package_dir.rglob("*.py")):
        parts = [package_dir.name, *path.relative_to(package_dir).with_suffix("").parts]
        if parts[-1] == "__init__":
            parts.pop()
        files[".".join(parts)] = path
    return files


def _absolute(module: str, is_package: bool, level: int, target: str | None) -> str:
    if level == 0:
        return target or ""
    base = module.split(".") if is_package else module.split(".")[:-1]
    base = base[: len(base) - (level - 1)]
    return ".".join([*base, target] if target else base)


def private_imports(package_dir: Path) -> list[PrivateImport]:
    """Every use of another module's private name in the package at ``package_dir`` (its folder)."""
    package = package_dir.name
    files = _module_files(package_dir)
    found: set[PrivateImport] = set()
    for module, path in files.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        modules_bound: dict[str, str] = {}  # local name -> module it is bound to
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name.split(".")[0] == package:
                        if alias.asname:
                            modules_bound[alias.asname] = alias.name
                        else:
                            modules_bound[package] = package
            elif isinstance(node, ast.ImportFrom):
                source = _absolute(module, path.name == "__init__.py", node.level, node.module)
                if source.split(".")[0] != package:
                    continue
                for alias in node.names:
                    full = f"{source}.{alias.name}"
                    if full in files:
                        modules_bound[alias.asname or alias.name] = full
                    if is_private(alias.name) and source != module:
                        found.add(PrivateImport(module, node.lineno, full))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Attribute) and is_private(node.attr)):
                continue
            chain: list[str] = []
            value = node.value
            while isinstance(value, ast.Attribute):
                chain.append(value.attr)
                value = value.value
            if isinstance(value, ast.Name) and value.id in modules_bound:
                target = ".".join([modules_bound[value.id], *reversed(chain)])
                if target in files and target != module:
                    found.add(PrivateImport(module, node.lineno, f"{target}.{node.attr}"))
    return sorted(found)


# -- Qt modules ------------------------------------------------------------------------------------------


def _qt_modules(statement: ast.stmt) -> set[str]:
    if isinstance(statement, ast.Import):
        return {a.name.split(".")[1] for a in statement.names if a.name.startswith("PySide6.")}
    if isinstance(statement, ast.ImportFrom) and statement.level == 0 and statement.module:
        if statement.module == "PySide6":
            return {a.name for a in statement.names}
        if statement.module.startswith("PySide6."):
            return {statement.module.split(".")[1]}
    return set()


def qt_imports(graph: grimp.ImportGraph, modules: Iterable[str]) -> dict[str, set[str]]:
    """Per module, the Qt modules (``QtWidgets``, ``QtGui``, …) it imports (TYPE_CHECKING imports left out).

    grimp records an external package only as its top level (``PySide6``); the statements it found at the given
    lines tell which of Qt's modules they import."""
    found: dict[str, set[str]] = {}
    for module in modules:
        details = graph.get_import_details(importer=module, imported="PySide6")
        if not details:
            continue
        spec = importlib.util.find_spec(module)
        assert spec is not None and spec.origin is not None
        tree = ast.parse(Path(spec.origin).read_text(encoding="utf-8"))
        lines = {d["line_number"] for d in details}
        for node in ast.walk(tree):
            if isinstance(node, ast.Import | ast.ImportFrom) and node.lineno in lines:
                found.setdefault(module, set()).update(_qt_modules(node))
    return found


def descendants(graph: grimp.ImportGraph, package: str) -> set[str]:
    """``package`` and every module in it (empty when it does not exist)."""
    if package not in graph.modules:
        return set()
    return {package} | graph.find_descendants(package)
