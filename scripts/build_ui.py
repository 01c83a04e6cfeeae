"""Compile the Qt Designer forms (resources/ui/*.ui) into src/odn_desktop/ui/generated/ui_<name>.py, and with
--translations refresh the translation sources (.ts) and compile them (.qm).

    python scripts/build_ui.py                 # forms
    python scripts/build_ui.py --translations  # forms, then lupdate + lrelease

The compiled forms are committed (the program and the frozen build need no uic at run time); a test fails
when one is missing or differs from a fresh compile of its .ui file.

Counts use Qt's numerus translations (``tr("%n Entwürfe", "", n)``). The German sources carry only one form, so
German has a translation file too, ``odn_desktop_de.ts``, which holds just those messages (lupdate -pluralonly)
with their two forms ("%n Entwurf", "%n Entwürfe").
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FORMS = ROOT / "resources" / "ui"
GENERATED = ROOT / "src" / "odn_desktop" / "ui" / "generated"
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("en",)
#: the source language: its file holds only the numerus messages (singular and plural of each count)
PLURALS_ONLY = ("de",)


def header(name: str) -> str:
    return f"# generated from resources/ui/{name}.ui by scripts/build_ui.py — do not edit\n"


def tool(name: str) -> str:
    """The PySide6 tool next to the running interpreter (a venv's bin/ or Scripts/), else on PATH."""
    here = Path(sys.executable).parent
    for candidate in (here / name, here / f"{name}.exe"):
        if candidate.exists():
            return str(candidate)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found (pip install PySide6-Essentials)")
    return found


def compile_form(ui_file: Path) -> str:
    """The Python source pyside6-uic makes of ``ui_file``, with our header."""
    done = subprocess.run([tool("pyside6-uic"), str(ui_file)], capture_output=True, text=True, check=True)
    return header(ui_file.stem) + done.stdout


def build_forms() -> list[Path]:
    written = []
    for ui_file in sorted(FORMS.glob("*.ui")):
        target = GENERATED / f"ui_{ui_file.stem}.py"
        source = compile_form(ui_file)
        if not target.exists() or target.read_text(encoding="utf-8") != source:
            target.write_text(source, encoding="utf-8")
            written.append(target)
    return written


def translation_sources() -> list[str]:
    """What lupdate reads: the package's modules (not the compiled forms) and the Designer forms."""
    sources = [str(p) for p in sorted((ROOT / "src" / "odn_desktop").rglob("*.py")) if "generated" not in p.parts]
    return sources + [str(p) for p in sorted(FORMS.glob("*.ui"))]


def update_ts(ts: Path, language: str) -> str:
    """Run lupdate on ``ts``: new texts arrive "unfinished", texts gone from the sources are dropped (for the
    source language only the numerus messages are kept)."""
    plurals_only = ["-pluralonly"] if language in PLURALS_ONLY else []
    done = subprocess.run([tool("pyside6-lupdate"), "-no-obsolete", *plurals_only, *translation_sources(),
                           "-source-language", "de_DE", "-target-language", language, "-ts", str(ts)],
                          capture_output=True, text=True, check=True)
    return done.stdout


def build_translations() -> None:
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    for language in (*LANGUAGES, *PLURALS_ONLY):
        ts = TRANSLATIONS / f"odn_desktop_{language}.ts"
        print(update_ts(ts, language))
        subprocess.run([tool("pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--translations", action="store_true")
    args = parser.parse_args()
    for path in build_forms():
        print(f"compiled {path.relative_to(ROOT)}")
    if args.translations:
        build_translations()
    return 0


if __name__ == "__main__":
    sys.exit(main())
