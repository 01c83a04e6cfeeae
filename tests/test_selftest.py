"""``odn-desktop --selftest``: one line per check, exit 0 only when all pass, nothing left behind."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from odn_desktop import selftest
from odn_desktop.selftest import Check, CheckFailedError, SelftestState, prepare_qt_environment, run_checks

CHECK_NAMES = [
    "module", "postgresql-treiber", "schluesselbund", "zeitzonen", "datenbank", "demodaten", "sicherung", "qt",
    "symbole", "uebersetzungen", "fenster", "ansicht-uebersicht", "ansicht-veranstaltungen",
    "ansicht-referentinnen", "ansicht-kontakte", "ansicht-anmeldungen", "ansicht-themenwuensche",
    "ansicht-auswertung", "veranstaltung-bearbeiten",
    "anwesenheitsliste", "kalenderdatei", "pdf-liste", "diagramm", "handbuch",
]


def _run_selftest(tmp_path: Path, **extra_env: str) -> subprocess.CompletedProcess[str]:
    home = tmp_path / "home"
    # no coordinator configured (a fresh installation): the self-test brings its own ORGANIZER
    env = {k: v for k, v in os.environ.items()
           if k not in {"ODN_DB", "DISPLAY", "WAYLAND_DISPLAY", "ODN_ORGANIZER_NAME", "ODN_ORGANIZER_EMAIL"}}
    env.update(HOME=str(home), XDG_DATA_HOME=str(home / "data"), XDG_CONFIG_HOME=str(home / "config"),
               XDG_STATE_HOME=str(home / "state"), XDG_CACHE_HOME=str(home / "cache"),
               TMPDIR=str(tmp_path / "tmp"), PYTHONIOENCODING="utf-8")
    env.pop("QT_QPA_PLATFORM", None)  # the self-test chooses offscreen itself when there is no display
    env.update(extra_env)
    (tmp_path / "tmp").mkdir()
    return subprocess.run([sys.executable, "-m", "odn_desktop", "--selftest"], capture_output=True, text=True,
                          encoding="utf-8", env=env, timeout=180, check=False)


@pytest.mark.slow
def test_selftest_passes_with_one_ok_line_per_check(tmp_path: Path) -> None:
    result = _run_selftest(tmp_path)
    lines = result.stdout.splitlines()
    assert result.returncode == 0, result.stdout + result.stderr
    assert lines == [f"OK   {name}" for name in CHECK_NAMES], result.stderr
    assert list((tmp_path / "tmp").iterdir()) == []  # the temporary folder is gone
    # the coordinator's folders (data, settings, logs) were not touched
    home = tmp_path / "home"
    assert not [p for p in home.rglob("*") if "odn" in p.name], list(home.rglob("*"))


@pytest.mark.slow
def test_a_failing_check_gives_a_non_zero_exit_status(tmp_path: Path) -> None:
    result = _run_selftest(tmp_path, ODN_SELFTEST_FAIL="kalenderdatei")
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert len(lines) == len(CHECK_NAMES)
    assert "FEHLER kalenderdatei: erzwungen durch ODN_SELFTEST_FAIL" in lines
    assert [line for line in lines if not line.startswith("OK   ")] == [
        "FEHLER kalenderdatei: erzwungen durch ODN_SELFTEST_FAIL"]


def test_the_list_of_checks_is_the_one_documented_here() -> None:
    assert [check.name for check in selftest.all_checks()] == CHECK_NAMES


def test_failures_bugs_and_skipped_checks_are_reported(tmp_path: Path) -> None:
    def fine(_state: SelftestState) -> None:
        pass

    def wrong(_state: SelftestState) -> None:
        raise CheckFailedError("Kopfzeile fehlt\nzweite Zeile")

    def bug(_state: SelftestState) -> None:
        raise ModuleNotFoundError("No module named 'odn_desktop.cli_export'")

    lines: list[str] = []
    code = run_checks([Check("eins", fine), Check("zwei", wrong), Check("drei", bug),
                       Check("vier", fine, needs=("zwei",)), Check("fuenf", fine, needs=("eins",))],
                      SelftestState(folder=tmp_path), lines.append, forced=set())
    assert code == 1
    assert lines[0] == "OK   eins"
    assert lines[1] == "FEHLER zwei: Kopfzeile fehlt zweite Zeile"
    assert re.fullmatch(r"FEHLER drei: ModuleNotFoundError: No module named 'odn_desktop.cli_export' "
                        r"\(test_selftest\.py:\d+\)", lines[2])
    assert lines[3] == "FEHLER vier: übersprungen, weil zwei fehlschlug"
    assert lines[4] == "OK   fuenf"
    assert run_checks([Check("eins", fine)], SelftestState(folder=tmp_path), lines.append, forced=set()) == 0


def test_forced_failures_come_from_the_environment() -> None:
    assert selftest.forced_failures({"ODN_SELFTEST_FAIL": "pdf-liste, kalenderdatei"}) == {"pdf-liste",
                                                                                          "kalenderdatei"}
    assert selftest.forced_failures({}) == set()


@pytest.mark.parametrize(("platform", "env", "expected"), [
    ("linux", {}, "offscreen"),
    ("linux", {"DISPLAY": ":0"}, None),
    ("linux", {"WAYLAND_DISPLAY": "wayland-0"}, None),
    ("linux", {"QT_QPA_PLATFORM": "xcb"}, "xcb"),
    ("win32", {}, None),
    ("darwin", {}, None),
])
def test_offscreen_only_without_a_display(platform: str, env: dict[str, str], expected: str | None) -> None:
    environ = dict(env)
    prepare_qt_environment(environ, platform)
    assert environ.get("QT_QPA_PLATFORM") == expected


def test_without_a_console_the_report_goes_to_the_log_folder(monkeypatch: pytest.MonkeyPatch,
                                                             tmp_path: Path) -> None:
    """The windowed Windows build has no console: sys.stdout is None there."""
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("HOME", str(tmp_path))
    stream: Any
    stream, path = selftest._report_stream()
    try:
        assert path is not None and path.name == "selbsttest.txt" and path.is_relative_to(tmp_path)
        stream.write("OK   test\n")
    finally:
        stream.close()
    assert path.read_text(encoding="utf-8") == "OK   test\n"
