"""Finding bundled files (icons, .ui/.qm files) in a source checkout, an installed package or a frozen build.

No Qt here: ``resources`` (the icons) and ``themed_icons`` (the dark palette's icon engine) both find their files
through this module, so that the dependency points one way only (``resources`` -> ``themed_icons`` -> here).
"""

from __future__ import annotations

import sys
from pathlib import Path


def resource_dirs() -> list[Path]:
    """Where ``resources/`` may live, in the order searched."""
    here = Path(__file__).resolve()
    dirs = [
        here.parents[4] / "resources",  # source checkout: <repo>/src/odn_desktop/ui/infra/resource_files.py
        here.parents[2] / "resources",  # installed or frozen: bundled inside the package
    ]
    bundle = getattr(sys, "_MEIPASS", None)  # PyInstaller one-file/one-folder builds
    if bundle:
        dirs.append(Path(bundle) / "resources")
    return dirs


def resource_path(*parts: str) -> Path:
    """The first existing ``resources/<parts>``; ``FileNotFoundError`` lists every place looked at."""
    candidates = [base.joinpath(*parts) for base in resource_dirs()]
    for candidate in candidates:
        if candidate.exists():
            return candidate
    raise FileNotFoundError(f"resource {'/'.join(parts)} not found in: {', '.join(map(str, candidates))}")
