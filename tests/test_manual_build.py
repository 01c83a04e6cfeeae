"""The manual's sources and their shipped copy: every link and picture exists, the package's copy is what
scripts/build_manual.py writes (byte for byte), and the packaging takes it along (package data, PyInstaller).
The screenshots script, run as demo.sh runs it without a display: main pages at 1366×768 and the demo's summary.
"""

from __future__ import annotations

import os
import struct
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPTS = ROOT / "scripts"
PAGES = ["uebersicht.png", "veranstaltung.png", "anmeldungen.png", "programm.png", "kontakte.png",
         "themenwuensche.png", "auswertung.png"]


@pytest.fixture(scope="module")
def build_manual() -> Iterator[ModuleType]:
    sys.path.insert(0, str(SCRIPTS))
    try:
        import build_manual as module  # type: ignore[import-not-found]

        yield module
    finally:
        sys.path.remove(str(SCRIPTS))


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR", f"{path} is no PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_every_link_and_picture_of_the_manual_exists(build_manual: ModuleType) -> None:
    assert build_manual.problems() == []
    assert len(build_manual.chapter_files()) >= 9


def test_the_packaged_copy_is_up_to_date(build_manual: ModuleType) -> None:
    """Fails after an edit in docs/manual until python scripts/build_manual.py has copied it into the package."""
    shipped, packaged = build_manual.shipped(), build_manual.packaged()
    assert sorted(packaged) == sorted(shipped), "run: python scripts/build_manual.py"
    assert [name for name, content in shipped.items() if packaged[name] != content] == [], \
        "run: python scripts/build_manual.py"
    assert any(name.startswith("images/") for name in shipped)


def test_the_manual_detects_a_broken_link_and_a_stale_copy(build_manual: ModuleType, tmp_path: Path) -> None:
    source, target = tmp_path / "manual", tmp_path / "package"
    (source / "images").mkdir(parents=True)
    (source / "images" / "bild.png").write_bytes(b"\x89PNG fake")
    (source / "01-a.md").write_text("# A\n\n![Bild](images/bild.png) und [B](02-b.md)\n", encoding="utf-8")
    assert build_manual.problems(source) == ["01-a.md: link 02-b.md not found"]
    (source / "02-b.md").write_text("Ohne Überschrift, [Web](https://example.org)\n", encoding="utf-8")
    assert build_manual.problems(source) == ["02-b.md: does not begin with a '# ' heading"]
    (source / "02-b.md").write_text("# B\n", encoding="utf-8")
    assert build_manual.problems(source) == []
    assert build_manual.build(source, target) == ["01-a.md", "02-b.md", "images/bild.png"]
    assert build_manual.packaged(target) == build_manual.shipped(source)
    (source / "02-b.md").write_text("# B geändert\n", encoding="utf-8")
    assert build_manual.packaged(target) != build_manual.shipped(source)


def test_the_packaging_takes_the_manual_along() -> None:
    package_data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"][
        "package-data"]["odn_desktop"]
    assert {"resources_manual/*.md", "resources_manual/images/*.png"} <= set(package_data)
    spec = (ROOT / "packaging" / "odn-desktop.spec").read_text(encoding="utf-8")
    assert '_tree(PACKAGE / "resources_manual", "odn_desktop/resources_manual", ["*.md", "*.png"])' in spec


@pytest.mark.slow
def test_render_screenshots_without_a_display(tmp_path: Path) -> None:
    """What demo.sh runs on a machine without a display: the main pages as PNGs and the demo in a few lines."""
    out = tmp_path / "Bilder ä"
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["HOME"] = str(tmp_path / "home")
    done = subprocess.run([sys.executable, str(SCRIPTS / "render_screenshots.py"), "--out", str(out), "--pages",
                           "--summary", "--no-optimise"], capture_output=True, text=True, env=env, timeout=300,
                          check=False)
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip() == ""
    assert sorted(p.name for p in out.iterdir()) == sorted(PAGES)
    for name in PAGES:
        assert png_size(out / name) == (1366, 768), name
        assert str(out / name) in done.stdout
    lines = done.stdout.splitlines()
    assert "Die Demodaten:" in lines
    assert "  Veranstaltungsreihe: Open Data in Kommunen – Netzwerktreffen" in lines
    assert "  Treffen: 3 (2 vergangen, 1 geplant)" in lines
    assert any(line.startswith("    14.10.2021  Open-Data-Netzwerktreffen: Auftaktveranstaltung: 25 angemeldet, "
                               "4 auf der Warteliste") for line in lines)
    assert any(line.startswith("  Anmeldungen: ") for line in lines)
    assert any(line.startswith("  Kontakte: ") and "Themenwünsche: 12" in line for line in lines)
    assert not (ROOT / "docs" / "manual" / "images" / "Bilder ä").exists()
