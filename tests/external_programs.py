"""Programs outside Python that some tests need (PostgreSQL, openssl, LibreOffice, lrelease).

On a developer's machine a missing program skips the test, saying what is missing. In CI (``CI=true``, as GitHub
Actions, GitLab and most others set it) it fails the test instead: there ``scripts/setup-system.sh --test``
installs everything, and a skip would only hide that nothing was tested.
"""

from __future__ import annotations

import os
import shutil
from typing import NoReturn

import pytest

CI_ENV_VAR = "CI"
SETUP_HINT = "scripts/setup-system.sh --test installs it"


def running_in_ci() -> bool:
    return os.environ.get(CI_ENV_VAR, "").strip().lower() in ("true", "1")


def missing(reason: str) -> NoReturn:
    """Skip the test because of ``reason`` – or, in CI, fail it."""
    if running_in_ci():
        pytest.fail(f"{reason}; in CI ({CI_ENV_VAR}=true) this must not be skipped – {SETUP_HINT}", pytrace=False)
    pytest.skip(reason)


def require_program(name: str, *, path: str | None = None) -> str:
    """The full path of program ``name`` (``shutil.which``, optionally in ``path``); skips or fails without it."""
    found = shutil.which(name, path=path)
    if found is None:
        missing(f"{name} is not installed (not found on {'PATH' if path is None else path})")
    return found
