"""Every store module can be imported first in a fresh process (the schema modules import each other)."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.parametrize("module", ["odn_desktop.store.mail_models", "odn_desktop.store.wish_models",
                                    "odn_desktop.store.sync_models", "odn_desktop.services.report_figures"])
def test_importable_first(module: str) -> None:
    result = subprocess.run([sys.executable, "-c", f"import {module}"], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
