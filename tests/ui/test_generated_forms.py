"""Every Designer form is compiled, and the compiled module is what pyside6-uic makes of the .ui file today."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("build_ui", ROOT / "scripts" / "build_ui.py")
assert spec is not None and spec.loader is not None
build_ui = importlib.util.module_from_spec(spec)
sys.modules["build_ui"] = build_ui
spec.loader.exec_module(build_ui)

FORMS = sorted((ROOT / "resources" / "ui").glob("*.ui"))


def test_there_are_forms() -> None:
    assert {f.stem for f in FORMS} >= {"event_details", "speaker_form", "contact_form", "add_registrant"}


@pytest.mark.parametrize("form", FORMS, ids=lambda p: p.stem)
def test_compiled_form_is_fresh(form: Path) -> None:
    compiled = ROOT / "src" / "odn_desktop" / "ui" / "generated" / f"ui_{form.stem}.py"
    assert compiled.exists(), f"{form.name} is not compiled: run python scripts/build_ui.py"
    text = compiled.read_text(encoding="utf-8")
    assert text.startswith("# generated from resources/ui/") and "do not edit" in text.splitlines()[0]
    assert text == build_ui.compile_form(form), f"{compiled.name} is stale: run python scripts/build_ui.py"
