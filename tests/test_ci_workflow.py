"""The GitHub Actions workflow (.github/workflows/ci.yml), which cannot run on this machine: it is valid against the
GitHub workflow schema (the same check as in scripts/test.sh, shown to fail on broken copies), and what its
Windows job relies on matches the repository: the files it builds from, the installer's name and folder written
by the Inno Setup script, the data folder where the windowed self-test writes its report, the programs it
declares absent."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path, PureWindowsPath
from typing import Any

import pytest
from ruamel.yaml import YAML

from odn_desktop import APP_NAME
from odn_desktop.paths import platform_dirs
from odn_desktop.selftest import REPORT_FILE_NAME

ROOT = Path(__file__).resolve().parents[1]
WORKFLOW = ROOT / ".github" / "workflows" / "ci.yml"
ISS = ROOT / "packaging" / "odn-desktop.iss"
SPEC = ROOT / "packaging" / "odn-desktop.spec"


def check_workflow(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows", str(path)],
        capture_output=True, text=True, timeout=120, check=False,
    )


def load(path: Path) -> Any:
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def windows_steps() -> list[dict[str, Any]]:
    return list(load(WORKFLOW)["jobs"]["windows"]["steps"])


def windows_script() -> str:
    return "\n".join(step.get("run", "") for step in windows_steps())


def test_the_workflow_passes_the_schema_check() -> None:
    done = check_workflow(WORKFLOW)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize(
    ("old", "new", "complaint"),
    [
        ("    runs-on: windows-latest\n", "", "'runs-on' is a required property"),
        ("    steps:\n", "    stepz:\n", "'stepz' was unexpected"),
        ("    timeout-minutes: 90\n", "    timeout-minutes: ninety\n", "'ninety' is not of type 'number'"),
        ("\non:\n", "\nonn:\n", "'on' is a required property"),
    ],
    ids=["runs-on-missing", "misspelt-key", "wrong-type", "no-trigger"],
)
def test_a_broken_copy_fails_the_schema_check(tmp_path: Path, old: str, new: str, complaint: str) -> None:
    text = WORKFLOW.read_text(encoding="utf-8")
    assert old in text, f"the test's mutation no longer applies: {old!r}"
    broken = tmp_path / ".github" / "workflows" / "ci.yml"
    broken.parent.mkdir(parents=True)
    broken.write_text(text.replace(old, new, 1), encoding="utf-8")
    done = check_workflow(broken)
    assert done.returncode != 0
    assert complaint in done.stdout + done.stderr


def test_the_readme_test_command_runs_the_schema_check() -> None:
    script = (ROOT / "scripts" / "test.sh").read_text(encoding="utf-8")
    assert "check-jsonschema --builtin-schema vendor.github-workflows .github/workflows/ci.yml" in script
    assert "check-jsonschema" in (ROOT / "pyproject.toml").read_text(encoding="utf-8")


def test_the_jobs_the_issue_asks_for() -> None:
    workflow = load(WORKFLOW)
    linux, windows = workflow["jobs"]["linux"], workflow["jobs"]["windows"]
    assert [step["run"] for step in linux["steps"] if "run" in step] == ["bash .ci/run"]
    assert (ROOT / ".ci" / "run").is_file()
    assert windows["runs-on"] == "windows-latest"
    assert windows["env"]["QT_QPA_PLATFORM"] == "offscreen"
    uses = {step["uses"] for job in (linux, windows) for step in job["steps"] if "uses" in step}
    assert uses == {"actions/checkout@v4", "actions/setup-python@v5", "actions/upload-artifact@v4"}
    pythons = {step["with"]["python-version"] for job in (linux, windows) for step in job["steps"]
               if step.get("uses", "").startswith("actions/setup-python")}
    assert pythons == {"3.11"}
    script = windows_script()
    for needed in ('pip install -e ".[test]"', "python -m pytest", "PyInstaller", "--selftest", "iscc"):
        assert needed in script


def test_the_windows_job_builds_from_files_that_exist() -> None:
    script = windows_script()
    built_from = re.findall(r"packaging\\[\w.-]+", script)
    assert set(built_from) == {r"packaging\odn-desktop.spec", r"packaging\odn-desktop.iss"}
    for name in built_from:
        assert (ROOT / PureWindowsPath(name).as_posix()).is_file(), name


def _iss_define(name: str) -> str:
    match = re.search(rf'^#define {name} "([^"]*)"', ISS.read_text(encoding="utf-8-sig"), re.MULTILINE)
    assert match, name
    return match.group(1)


def _iss_setup(key: str) -> str:
    match = re.search(rf"^{key}=(.*)$", ISS.read_text(encoding="utf-8-sig"), re.MULTILINE)
    assert match, key
    return match.group(1).strip()


def test_the_installer_is_where_the_workflow_picks_it_up() -> None:
    """The Inno Setup script writes ``dist\\odn-desktop-<version>-setup.exe`` from PyInstaller's ``dist\\odn-desktop``;
    the workflow installs and uploads exactly that name, and runs the programs the spec builds."""
    app_name = _iss_define("AppName")
    assert app_name == APP_NAME
    packaging = PureWindowsPath(r"C:\repo\packaging")
    assert packaging / _iss_define("BuiltFolder") == PureWindowsPath(r"C:\repo\packaging\..\dist") / APP_NAME
    assert _iss_setup("OutputDir") == r"..\dist"
    base = _iss_setup("OutputBaseFilename").replace("{#AppName}", app_name).replace("{#AppVersion}", "*")
    artifact = next(step for step in windows_steps() if step.get("uses", "").startswith("actions/upload-artifact"))
    assert artifact["with"]["path"] == f"dist/{base}.exe"
    assert artifact["with"]["if-no-files-found"] == "error"
    assert f'-Filter "{base}.exe"' in windows_script()
    spec = SPEC.read_text(encoding="utf-8")
    assert f'name="{APP_NAME}"' in spec  # the COLLECT folder: dist\odn-desktop
    # the icon the setup file carries is the one the spec generates next to itself
    assert _iss_setup("SetupIconFile") == r"build\odn-desktop.ico"
    assert 'GENERATED = SPEC_DIR / "build"' in spec and 'ICON = GENERATED / "odn-desktop.ico"' in spec
    # the two programs the spec builds: the windowed one, and its console twin for commands and --selftest
    assert '_executable("odn-desktop", console=not IS_WINDOWS)' in spec
    assert '_executable("odn-desktop-cli", console=True)' in spec
    assert r'"$app\odn-desktop.exe" -ArgumentList "--selftest"' in windows_script()
    assert r'& "$installed\odn-desktop-cli.exe" --selftest' in windows_script()
    # per user: {autopf} is %LOCALAPPDATA%\Programs, where the workflow runs the installed program
    assert _iss_setup("PrivilegesRequired") == "lowest"
    assert _iss_setup("DefaultDirName") == r"{autopf}\{#AppName}"
    assert rf'Join-Path $env:LOCALAPPDATA "Programs\{APP_NAME}"' in windows_script()


def test_the_windowed_self_test_report_is_looked_for_where_the_program_writes_it(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The windowed program writes its report to platformdirs' Windows log folder; the workflow reads it from
    ``%LOCALAPPDATA%\\odn\\odn-desktop\\Logs`` and the uninstaller's message names the same data folder."""
    import platformdirs.windows

    local = r"C:\Users\runneradmin\AppData\Local"
    monkeypatch.setenv("LOCALAPPDATA", local)
    monkeypatch.setattr(platformdirs.windows, "get_win_folder", platformdirs.windows.get_win_folder_from_env_vars)
    dirs = platform_dirs(platformdirs.windows.Windows)
    report = PureWindowsPath(dirs.user_log_dir) / REPORT_FILE_NAME
    relative = report.relative_to(local)
    quoted = re.findall(r'Join-Path \$env:LOCALAPPDATA "([^"]+)"', windows_script())
    assert str(relative) in quoted
    assert quoted.count(str(relative)) == 2  # read after the windowed self-test, checked after uninstalling
    data_dir = PureWindowsPath(dirs.user_data_dir).relative_to(local)
    assert f"ExpandConstant('{{localappdata}}\\{data_dir}')" in ISS.read_text(encoding="utf-8-sig")


def test_what_the_windows_job_declares_absent_is_asked_for_by_name(tmp_path: Path) -> None:
    """Every name in ODN_CI_ABSENT is one a test passes to ``require_program`` or ``missing(program=…)``: a
    renamed program would otherwise fail on Windows or, worse, a stale name hide nothing."""
    declared = load(WORKFLOW)["jobs"]["windows"]["env"]["ODN_CI_ABSENT"].split()
    assert declared
    sources = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "tests").rglob("*.py"))
    asked = set(re.findall(r'require_program\("([\w.-]+)"', sources)) | set(
        re.findall(r'program="([\w.-]+)"', sources))
    assert set(declared) <= asked, set(declared) - asked
    assert not {"postgresql", "openssl", "pyside6-lrelease"} & set(declared)  # these the Windows job has
