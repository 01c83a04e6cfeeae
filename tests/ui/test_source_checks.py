"""PySide6's per-import source check keeps no source in memory once ``odn_desktop.ui`` is loaded, and answers
as PySide6's own check does."""

from __future__ import annotations

import inspect
import linecache
import subprocess
import sys
from pathlib import Path

import pytest

import odn_desktop.ui  # noqa: F401  # installs the check
from odn_desktop import source_checks


def _pyside_answer(module: object) -> bool:
    """PySide6's own ``_mod_uses_pyside``: the whole source through ``inspect.getsource``."""
    try:
        return "PySide6" in inspect.getsource(module)  # type: ignore[arg-type]
    except (TypeError, OSError):
        return False


def test_the_check_is_ours_once_the_ui_is_loaded() -> None:
    feature = sys.modules["PySide6.support.feature"]
    assert feature._mod_uses_pyside is source_checks.mentions_pyside


def test_it_answers_as_pysides_check(tmp_path: Path) -> None:
    import csv

    import odn_desktop.domain.seats
    import odn_desktop.ui.models.snapshot_model

    for module in (sys, csv, odn_desktop.domain.seats, odn_desktop.ui.models.snapshot_model, source_checks):
        assert source_checks.mentions_pyside(module) == _pyside_answer(module), module
    assert source_checks.mentions_pyside(odn_desktop.ui.models.snapshot_model)
    assert not source_checks.mentions_pyside(odn_desktop.domain.seats)


@pytest.mark.parametrize(("text", "uses"), [("from PySide6.QtCore import QObject\n", True), ("X = 1\n", False)])
def test_a_module_imported_later_is_judged_and_its_source_not_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                    text: str, uses: bool) -> None:
    name = f"odn_probe_{'uses' if uses else 'plain'}"
    path = tmp_path / f"{name}.py"
    path.write_text(f'"""A module imported after Qt."""\n{text}', encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    feature = sys.modules["PySide6.support.feature"]
    try:
        __import__(name)  # an import statement's way in (importlib.import_module passes PySide6's hook by)
        # PySide6's hook noted its answer: 0 (a module using PySide6) or -1 (ignored)
        assert feature.pyside_feature_dict[name] == (0 if uses else -1)
        assert str(path) not in linecache.cache
    finally:
        sys.modules.pop(name, None)
        feature.pyside_feature_dict.pop(name, None)


def _fresh(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    return done.stdout.strip()


def test_pyside_loaded_first_gets_the_check_with_the_package_itself() -> None:
    """A process that loaded PySide6 before odn_desktop (the test suite, a tool): the check is ours from the
    package's first module on, and the package's start-up modules leave no source behind."""
    code = ("import linecache, sys, PySide6.QtCore\n"
            "import odn_desktop.paths, odn_desktop.logging_setup\n"
            "feature = sys.modules['PySide6.support.feature']\n"
            "kept = [n for n in linecache.cache if ('odn_desktop' in n or 'platformdirs' in n)"
            " and not n.endswith('__init__.py')]\n"  # the package's own few lines: read before the switch
            "print(feature._mod_uses_pyside.__module__, kept)")
    assert _fresh(code) == "odn_desktop.source_checks []"


def test_the_command_line_package_loads_neither_qt_nor_inspect() -> None:
    assert _fresh("import sys, odn_desktop; print('PySide6' in sys.modules, 'inspect' in sys.modules)") == "False False"
