"""A command module that cannot be imported is a broken installation, reported as such: never a command group
that is quietly missing (which argparse would then call an "invalid choice")."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from odn_desktop import cli
from odn_desktop.cli import EXIT_BROKEN_INSTALLATION, CommandModuleError, main


def test_a_command_module_missing_from_the_build_is_an_error_naming_it(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, db_path: Path) -> None:
    monkeypatch.setitem(sys.modules, "odn_desktop.cli.sync", None)  # import raises ModuleNotFoundError for it
    code = main(["--db", str(db_path), "sync", "status"])
    out, err = capsys.readouterr()
    assert code == EXIT_BROKEN_INSTALLATION
    assert out == ""
    assert "Fehler: Die Installation ist unvollständig: das Befehlsmodul odn_desktop.cli.sync" in err
    assert "neu installieren" in err
    assert "invalid choice" not in err and "ungültiger Aufruf" not in err
    assert not db_path.exists()  # nothing was opened


def test_other_commands_do_not_run_with_a_broken_installation(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, db_path: Path) -> None:
    monkeypatch.setitem(sys.modules, "odn_desktop.cli.export", None)
    assert main(["--db", str(db_path), "events", "list"]) == EXIT_BROKEN_INSTALLATION
    assert "odn_desktop.cli.export" in capsys.readouterr().err


def test_an_import_error_inside_a_command_module_is_reported_with_its_cause(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    package = tmp_path / "extra"
    package.mkdir()
    (package / "broken.py").write_text("import odn_no_such_dependency  # noqa: F401\n", encoding="utf-8")
    monkeypatch.setattr(cli, "__path__", [*cli.__path__, str(package)])
    monkeypatch.setattr(cli, "COMMAND_MODULES", (*cli.COMMAND_MODULES, "cli.broken"))
    monkeypatch.delitem(sys.modules, "odn_desktop.cli.broken", raising=False)
    code = main(["events", "list"])
    err = capsys.readouterr().err
    assert code == EXIT_BROKEN_INSTALLATION
    assert "odn_desktop.cli.broken" in err
    assert "No module named 'odn_no_such_dependency'" in err
    assert "Traceback" in err  # whoever repairs the installation sees where it came from


def test_without_a_console_the_error_propagates(monkeypatch: pytest.MonkeyPatch, db_path: Path) -> None:
    """The windowed build has no stderr: the exception reaches the frozen build's start-up, which shows it."""
    monkeypatch.setitem(sys.modules, "odn_desktop.cli.mail", None)
    monkeypatch.setattr(sys, "stderr", None)
    with pytest.raises(CommandModuleError, match=r"odn_desktop\.cli\.mail"):
        main(["--db", str(db_path), "events", "list"])
