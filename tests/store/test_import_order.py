"""Modules that read the schema can be imported first in a fresh process.

``store.mail_models`` and ``store.wish_models`` themselves cannot yet (they and ``store.models`` import each other;
importing ``models`` from ``store/__init__`` would fix it but put SQLAlchemy's ORM before the window's first paint:
start-up 0.15 → 0.44 s), so modules using them import ``store.models`` first; issue 16 removes the cycle."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.parametrize("module", ["odn_desktop.store.sync_models", "odn_desktop.services.report_figures",
                                    "odn_desktop.services.mailing", "odn_desktop.services.wishes"])
def test_importable_first(module: str) -> None:
    result = subprocess.run([sys.executable, "-c", f"import {module}"], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
