"""The house of DESIGN.md §1, checked: import-linter's contracts bite, no import cycles, no private names.

``lint-imports`` (contracts in ``pyproject.toml``) runs in ``scripts/test.sh``; here it runs on a copy of the
package with one forbidden import added, for each contract, and on the unchanged copy, which must pass. What
import-linter cannot express is checked with grimp and the syntax tree (``import_rules``): import cycles, use
of another module's ``_private`` name, the CLI's single door into ``ui`` (``ui.pdf``) and QtWidgets there.
"""

from __future__ import annotations

import importlib
import shutil
import subprocess
import sys
import uuid
from collections import deque
from pathlib import Path

import grimp
import pytest
from tests.import_rules import (
    descendants,
    import_cycles,
    import_graph,
    is_private,
    private_imports,
    qt_imports,
)

import odn_desktop

PACKAGE = "odn_desktop"
PACKAGE_DIR = Path(odn_desktop.__file__).parent
ROOT = Path(__file__).resolve().parents[1]

#: The CLI's one door into ``ui``: Qt's PDF engine (QtGui, no QtWidgets), shared with the window.
PDF_ROOM = "odn_desktop.ui.pdf"
#: Qt modules that need (or load) QtWidgets: the CLI runs without them.
WIDGET_MODULES = {"QtWidgets", "QtPrintSupport"}

#: Import cycles that are known and still to be broken (each the set of modules of one strongly connected
#: component). Must only shrink; a test fails when an entry is gone, so that it is taken out.
KNOWN_CYCLES: set[frozenset[str]] = set()
#: Uses of another module's private name still to be made public: (importer, name used). Must only shrink.
KNOWN_PRIVATE: set[tuple[str, str]] = set()

#: Imports from the CLI into ui beyond ui.pdf still to be replaced (importer, imported); also in the layers
#: contract's ``ignore_imports``. Must only shrink (the last one, the coordinator's name, now comes from
#: domain.settings).
KNOWN_CLI_INTO_UI: set[tuple[str, str]] = set()


@pytest.fixture(scope="module")
def graph() -> grimp.ImportGraph:
    return import_graph(PACKAGE)


# -- import-linter's contracts ---------------------------------------------------------------------------


def _lint_imports(cwd: Path) -> subprocess.CompletedProcess[str]:
    """``lint-imports`` with the project's configuration, on the ``odn_desktop`` found first from ``cwd``."""
    code = "import sys; from importlinter.cli import lint_imports_command; sys.exit(lint_imports_command())"
    return subprocess.run([sys.executable, "-c", code, "--no-cache", "--no-logo", "pyproject.toml"], cwd=cwd,
                          capture_output=True, text=True, encoding="utf-8", timeout=120, check=False)


@pytest.fixture(scope="module")
def package_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The package's sources and the project's ``pyproject.toml`` in a folder of their own."""
    folder = tmp_path_factory.mktemp("house")
    shutil.copytree(PACKAGE_DIR, folder / PACKAGE,
                    ignore=shutil.ignore_patterns("__pycache__", "resources_manual", "*.pyc"))
    shutil.copy2(ROOT / "pyproject.toml", folder / "pyproject.toml")
    return folder


def test_the_contracts_pass_on_the_package_as_it_is(package_copy: Path) -> None:
    result = _lint_imports(package_copy)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "BROKEN" not in result.stdout


def _some_ui_module_besides_pdf(graph: grimp.ImportGraph) -> str:
    return sorted(descendants(graph, "odn_desktop.ui") - descendants(graph, PDF_ROOM) - {"odn_desktop.ui"})[0]


@pytest.mark.parametrize(("where", "added", "contract"), [
    ("domain/names.py", "import odn_desktop.ui", "Layers"),
    ("store/database.py", "from odn_desktop.services import events", "Layers"),
    ("exchange/cells.py", "import odn_desktop.store.models", "Layers"),
    ("services/events.py", "from PySide6.QtCore import QObject", "No Qt below ui"),
    ("sync/merge.py", "import odn_desktop.ui", "Layers"),
    ("cli/__init__.py", "import {ui_module}", "Layers"),
])
def test_a_forbidden_import_breaks_a_contract(package_copy: Path, tmp_path: Path, graph: grimp.ImportGraph,
                                              where: str, added: str, contract: str) -> None:
    copy = tmp_path / "house"
    shutil.copytree(package_copy, copy)
    module = copy / PACKAGE / where
    if not module.exists():  # the CLI still a module of its own (cli.py) before it became a package
        module = module.parent.with_suffix(".py")
    statement = added.format(ui_module=_some_ui_module_besides_pdf(graph))
    module.write_text(module.read_text(encoding="utf-8") + f"\n{statement}\n", encoding="utf-8")

    result = _lint_imports(copy)

    assert result.returncode != 0, result.stdout + result.stderr
    broken = [line for line in result.stdout.splitlines() if " BROKEN" in line]  # "BROKEN (2 ignored imports)"
    assert any(line.startswith(contract) for line in broken), result.stdout
    assert statement.split()[1] in result.stdout or "PySide6" in result.stdout  # it names the import


# -- cycles ----------------------------------------------------------------------------------------------


def test_no_import_cycles(graph: grimp.ImportGraph) -> None:
    cycles = import_cycles(graph, PACKAGE)
    new = [str(c) for c in cycles if c.modules not in KNOWN_CYCLES]
    assert not new, "import cycles (TYPE_CHECKING imports left out):\n" + "\n".join(new)
    gone = KNOWN_CYCLES - {c.modules for c in cycles}
    assert not gone, f"no longer cycles, take them out of KNOWN_CYCLES: {sorted(sorted(g) for g in gone)}"


def _write_package(root: Path, files: dict[str, str]) -> str:
    """A made-up package under ``root`` (a fresh name, so nothing imported before is found instead)."""
    name = f"made_up_{uuid.uuid4().hex[:8]}"
    for path, text in {"__init__.py": "", **files}.items():
        target = root / name / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text.replace("PKG", name), encoding="utf-8")
    importlib.invalidate_caches()
    return name


def test_the_cycle_check_finds_cycles_through_imports_in_functions(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(tmp_path))
    name = _write_package(tmp_path, {
        "a.py": "from PKG import b\n",
        "b.py": "def f():\n    from PKG.sub import c\n",
        "sub/__init__.py": "",
        "sub/c.py": "import PKG.a\n",
        "typed.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from PKG import plain\n",
        "plain.py": "from PKG import typed\n",
    })

    cycles = import_cycles(import_graph(name), name)

    assert [c.modules for c in cycles] == [frozenset({f"{name}.a", f"{name}.b", f"{name}.sub.c"})]
    assert cycles[0].path == (f"{name}.a", f"{name}.b", f"{name}.sub.c", f"{name}.a")
    assert "l.2:" in cycles[0].lines[1]  # the import inside the function, with its line


# -- private names ---------------------------------------------------------------------------------------


def test_no_module_uses_another_modules_private_names() -> None:
    found = private_imports(PACKAGE_DIR)
    new = [str(p) for p in found if (p.importer, p.name) not in KNOWN_PRIVATE]
    assert not new, "private names used across modules (make a shared helper public):\n" + "\n".join(new)
    gone = KNOWN_PRIVATE - {(p.importer, p.name) for p in found}
    assert not gone, f"no longer used, take them out of KNOWN_PRIVATE: {sorted(gone)}"


def test_the_private_check_finds_every_form_of_use(tmp_path: Path) -> None:
    name = _write_package(tmp_path, {
        "helpers.py": "_SECRET = 1\n\ndef _helper(): ...\n\ndef public(): return _helper()\n",
        "sub/__init__.py": "",
        "sub/one.py": "from ..helpers import _helper, public\n",  # relative
        "sub/two.py": "from PKG import helpers\n\ndef f():\n    return helpers._SECRET\n",  # module attribute
        "sub/three.py": "import PKG.helpers as h\nfrom PKG.helpers import __doc__\nx = h.public()\n",  # fine
        "sub/four.py": "import PKG.helpers\ny = PKG.helpers._helper\n",  # dotted
        "sub/five.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from PKG.helpers import _SECRET\n",
    })

    found = {(p.importer.removeprefix(name + "."), p.line, p.name.removeprefix(name + "."))
             for p in private_imports(tmp_path / name)}

    assert found == {("sub.one", 1, "helpers._helper"), ("sub.two", 4, "helpers._SECRET"),
                     ("sub.four", 2, "helpers._helper"), ("sub.five", 3, "helpers._SECRET")}


def test_private_means_one_leading_underscore() -> None:
    assert is_private("_say") and is_private("__mangled")
    assert not is_private("__version__") and not is_private("say")


# -- the CLI's door into ui ------------------------------------------------------------------------------


def _reached(graph: grimp.ImportGraph, starts: set[str], skipped: set[tuple[str, str]]) -> dict[str, str]:
    """Every module the ``starts`` import, directly or through others, leaving out the ``skipped`` imports:
    module -> the module that imports it on one shortest way there."""
    via: dict[str, str] = {}
    queue = deque(sorted(starts))
    while queue:
        module = queue.popleft()
        for imported in sorted(graph.find_modules_directly_imported_by(module)):
            if imported not in via and imported not in starts and (module, imported) not in skipped:
                via[imported] = module
                queue.append(imported)
    return via


def test_the_cli_reaches_ui_only_through_the_pdf_room(graph: grimp.ImportGraph) -> None:
    cli = descendants(graph, "odn_desktop.cli")
    assert "odn_desktop.cli.output" in cli  # the package as it is, not a module of that name
    via = _reached(graph, cli, KNOWN_CLI_INTO_UI)
    beyond = sorted(m for m in via if m in descendants(graph, "odn_desktop.ui")
                    and m != "odn_desktop.ui" and m not in descendants(graph, PDF_ROOM))

    def chain(module: str) -> str:
        steps = [module]
        while steps[-1] in via:
            steps.append(via[steps[-1]])
        return " -> ".join(reversed(steps))

    assert not beyond, "the CLI reaches ui beyond ui.pdf:\n" + "\n".join(chain(m) for m in beyond[:10])
    gone = {(a, b) for a, b in KNOWN_CLI_INTO_UI if not graph.direct_import_exists(importer=a, imported=b)}
    assert not gone, f"no longer imported, take them out of KNOWN_CLI_INTO_UI (and ignore_imports): {sorted(gone)}"


def test_the_cli_check_follows_imports_inside_functions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The walk above sees an import made inside a function and what it imports in turn, and leaves out exactly
    the imports it is told to skip."""
    monkeypatch.syspath_prepend(str(tmp_path))
    name = _write_package(tmp_path, {
        "cli/__init__.py": "",
        "cli/a.py": "def f():\n    from PKG.ui.pdf import x\n",
        "ui/__init__.py": "",
        "ui/pdf/__init__.py": "",
        "ui/pdf/x.py": "from PKG.ui import y\n",
        "ui/y.py": "",
    })
    made_up = import_graph(name)
    cli = descendants(made_up, f"{name}.cli")

    via = _reached(made_up, cli, set())
    skipped = _reached(made_up, cli, {(f"{name}.cli.a", f"{name}.ui.pdf.x")})

    assert via[f"{name}.ui.pdf.x"] == f"{name}.cli.a" and via[f"{name}.ui.y"] == f"{name}.ui.pdf.x"
    assert f"{name}.ui.y" not in skipped and f"{name}.ui.pdf.x" not in skipped


def test_neither_the_cli_nor_the_pdf_room_imports_qt_widgets(graph: grimp.ImportGraph) -> None:
    modules = descendants(graph, "odn_desktop.cli") | descendants(graph, PDF_ROOM)
    found = {m: sorted(qt & WIDGET_MODULES) for m, qt in qt_imports(graph, modules).items() if qt & WIDGET_MODULES}
    assert not found, f"QtWidgets below the window: {found}"


def test_the_qt_check_reads_which_qt_module(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(tmp_path))
    name = _write_package(tmp_path, {
        "gui.py": "from PySide6.QtGui import (\n    QPdfWriter,\n)\nfrom PySide6 import QtCore\n",
        "widgets.py": "def f():\n    from PySide6.QtWidgets import QWidget\n",
        "typed.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import PySide6.QtWidgets\n",
    })
    made_up = import_graph(name)

    found = qt_imports(made_up, sorted(descendants(made_up, name)))

    assert found == {f"{name}.gui": {"QtGui", "QtCore"}, f"{name}.widgets": {"QtWidgets"}}


# -- the layout shows the architecture -------------------------------------------------------------------

#: The rooms of ``ui`` (issue 16): each a package; at most this many modules may stay directly in ``ui/``.
UI_ROOMS = ("shell", "pages", "editors", "dialogs", "models", "infra", "widgets", "pdf", "generated")
MAX_MODULES_DIRECTLY_IN_UI = 8
DOCS = (ROOT / "README.md", ROOT / "docs" / "architecture.md")


def _rooms(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir() if p.is_dir() and (p / "__init__.py").exists()}


def test_ui_is_in_rooms() -> None:
    ui = PACKAGE_DIR / "ui"
    loose = sorted(p.name for p in ui.glob("*.py") if p.name != "__init__.py")
    assert len(loose) <= MAX_MODULES_DIRECTLY_IN_UI, f"too many modules directly in ui/: {loose}"
    assert _rooms(ui) == set(UI_ROOMS), "a room was added or removed: update UI_ROOMS, the README and the docs"


def _paths_named(text: str) -> set[str]:
    """Every path the text names in backticks or in the layout block: ``ui/shell/app.py``, ``src/odn_desktop/ui/``."""
    import re

    found = set(re.findall(r"`((?:src/odn_desktop/)?(?:ui|cli|sync|services|exchange|store|domain)/[\w/]*(?:\.py)?)",
                           text))
    found |= set(re.findall(r"^(src/odn_desktop/[\w/]+(?:\.py)?)", text, flags=re.MULTILINE))
    return found


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.name)
def test_the_layout_described_matches_the_folders(doc: Path) -> None:
    text = doc.read_text(encoding="utf-8")
    named = _paths_named(text)
    def exists(path: str) -> bool:  # a folder, a module, or a module followed by a function (`ui/infra/worker.run`)
        full = PACKAGE_DIR.parent.parent / path if path.startswith("src/") else PACKAGE_DIR / path
        return full.exists() or full.with_name(full.name + ".py").exists()

    missing = sorted(p for p in named if not exists(p))
    assert not missing, f"{doc.name} names paths that do not exist: {missing}"
    for room in UI_ROOMS:
        if room != "generated":
            assert f"ui/{room}/" in text, f"{doc.name} does not describe the room ui/{room}/"
    for package in _rooms(PACKAGE_DIR):
        assert f"{package}/" in text, f"{doc.name} does not describe {package}/"


def test_the_layout_check_finds_a_path_that_is_gone() -> None:
    named = _paths_named("The flow: `ui/undo.py` and `ui/shell/app.py`.\nsrc/odn_desktop/cli.py  old CLI\n")
    assert named == {"ui/undo.py", "ui/shell/app.py", "src/odn_desktop/cli.py"}
    assert not (PACKAGE_DIR / "ui/undo.py").exists()


# -- short functions -------------------------------------------------------------------------------------

#: No function or method of ``ui`` longer than this (its ``def`` line to its last line); a dialog or page is
#: built by small builder methods (one per group box, tab or button row) or a Qt Designer form.
MAX_FUNCTION_LINES = 80
#: Functions still longer: (module, qualified name). Must only shrink; a test fails when one is gone or short.
KNOWN_LONG: set[tuple[str, str]] = set()


def function_lengths(folder: Path, package: str) -> dict[tuple[str, str], int]:
    """(module, qualified name) -> lines of every function in the package's modules under ``folder``, nested ones
    and methods included; the forms compiled by ``scripts/build_ui.py`` (``generated``) left out."""
    import ast

    found: dict[tuple[str, str], int] = {}

    def visit(node: ast.AST, module: str, prefix: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                name = prefix + child.name
                found[(module, name)] = (child.end_lineno or child.lineno) - child.lineno + 1
                visit(child, module, name + ".")
            elif isinstance(child, ast.ClassDef):
                visit(child, module, prefix + child.name + ".")
            else:
                visit(child, module, prefix)

    for path in sorted(folder.rglob("*.py")):
        relative = path.relative_to(folder).with_suffix("")
        if "generated" in relative.parts:
            continue
        parts = relative.parts[:-1] if relative.name == "__init__" else relative.parts
        visit(ast.parse(path.read_text(encoding="utf-8")), ".".join((package, *parts)), "")
    return found


def test_no_function_in_ui_is_long() -> None:
    lengths = function_lengths(PACKAGE_DIR / "ui", f"{PACKAGE}.ui")
    long = {key: n for key, n in lengths.items() if n > MAX_FUNCTION_LINES}
    new = sorted(f"{module}.{name}: {n} lines" for (module, name), n in long.items()
                 if (module, name) not in KNOWN_LONG)
    assert not new, f"functions longer than {MAX_FUNCTION_LINES} lines (split them into builders):\n" + "\n".join(new)
    gone = sorted(KNOWN_LONG - set(long))
    assert not gone, f"gone or short now, take them out of KNOWN_LONG: {gone}"


def test_the_length_check_counts_methods_and_nested_functions(tmp_path: Path) -> None:
    body = "".join(f"    x{i} = {i}\n" for i in range(MAX_FUNCTION_LINES - 1))  # with its def: the limit
    name = _write_package(tmp_path, {
        "short.py": f"def fits():\n{body}",
        "sub/__init__.py": f"class Dialog:\n    def __init__(self):\n    {body.replace(chr(10), chr(10) + '    ')}\n"
                           "        def inner():\n            return 1\n",
        "generated/__init__.py": "",
        "generated/ui_form.py": f"def setupUi():\n{body}    more = 1\n",
    })

    found = function_lengths(tmp_path / name, name)

    assert found == {(f"{name}.short", "fits"): MAX_FUNCTION_LINES,
                     (f"{name}.sub", "Dialog.__init__"): MAX_FUNCTION_LINES + 3,
                     (f"{name}.sub", "Dialog.__init__.inner"): 2}
