"""The entry point (``odn_desktop.__main__``) starts the window, the self-test or a command; the CLI itself
starts neither the window nor the self-test (it stands below them: the layers contract in ``pyproject.toml``)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest


def _python(script: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    home = tmp_path / "home"
    env = {k: v for k, v in os.environ.items() if k not in {"ODN_DB", "DISPLAY", "WAYLAND_DISPLAY"}}
    env.update(HOME=str(home), XDG_DATA_HOME=str(home / "data"), XDG_CONFIG_HOME=str(home / "config"),
               XDG_STATE_HOME=str(home / "state"), XDG_CACHE_HOME=str(home / "cache"),
               TMPDIR=str(tmp_path / "tmp"), PYTHONIOENCODING="utf-8")
    (tmp_path / "tmp").mkdir()
    return subprocess.run([sys.executable, "-c", textwrap.dedent(script)], capture_output=True, text=True,
                          encoding="utf-8", env=env, timeout=180, check=False)


def test_the_cli_without_a_command_refuses_and_loads_no_window(tmp_path: Path) -> None:
    result = _python("""
        import sys
        from odn_desktop.cli import main
        try:
            main([])
        except SystemExit as exc:
            print("exit", exc.code)
        print(sorted(m for m in sys.modules if m.startswith(("PySide6", "odn_desktop.ui", "odn_desktop.selftest"))))
    """, tmp_path)
    assert result.stdout.splitlines() == ["exit 2", "[]"], result.stderr
    assert "kein Befehl angegeben" in result.stderr


@pytest.mark.slow
def test_the_selftest_still_runs_when_a_command_module_is_missing(tmp_path: Path) -> None:
    """A broken installation: ``--selftest`` reports it in its module check instead of refusing to start."""
    result = _python("""
        import sys
        from odn_desktop.cli import COMMAND_MODULES
        sys.modules[f"odn_desktop.{COMMAND_MODULES[-1]}"] = None  # its import raises ModuleNotFoundError
        from odn_desktop.__main__ import run
        sys.exit(run(["--selftest"]))
    """, tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("FEHLER module: ModuleNotFoundError"), lines
    assert "OK   handbuch" in lines  # every other check ran
