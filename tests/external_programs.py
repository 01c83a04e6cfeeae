"""Programs outside Python that some tests need (PostgreSQL, openssl, LibreOffice, lrelease).

On a developer's machine a missing program skips the test, saying what is missing. In CI (``CI=true``, as GitHub
Actions, GitLab and most others set it) it fails the test instead: there ``scripts/setup-system.sh --test``
installs everything, and a skip would only hide that nothing was tested.

A CI machine that lacks a program on purpose says so in ``ODN_CI_ABSENT`` (names separated by spaces or commas,
e.g. ``soffice pdftotext pdftoppm`` on the Windows job of ``.github/workflows/ci.yml``): the tests that need one
of those are skipped there, saying so, and every other missing program still fails.
"""

from __future__ import annotations

import os
import re
import shutil
from typing import NoReturn

import pytest

CI_ENV_VAR = "CI"
ABSENT_ENV_VAR = "ODN_CI_ABSENT"
SETUP_HINT = "scripts/setup-system.sh --test installs it"


def running_in_ci() -> bool:
    return os.environ.get(CI_ENV_VAR, "").strip().lower() in ("true", "1")


def declared_absent() -> frozenset[str]:
    """The programs this CI machine declares it does not have (``ODN_CI_ABSENT``), in lower case."""
    return frozenset(name.casefold() for name in re.split(r"[\s,]+", os.environ.get(ABSENT_ENV_VAR, "")) if name)


def missing(reason: str, *, program: str | None = None) -> NoReturn:
    """Skip the test because of ``reason`` – or, in CI, fail it, unless the machine declares ``program`` absent."""
    if running_in_ci():
        if program is None or program.casefold() not in declared_absent():
            pytest.fail(f"{reason}; in CI ({CI_ENV_VAR}=true) this must not be skipped – {SETUP_HINT}", pytrace=False)
        reason = f"{reason} (this CI machine declares it absent in {ABSENT_ENV_VAR})"
    pytest.skip(reason)


def require_program(name: str, *, path: str | None = None) -> str:
    """The full path of program ``name`` (``shutil.which``, optionally in ``path``); skips or fails without it."""
    found = shutil.which(name, path=path)
    if found is None:
        missing(f"{name} is not installed (not found on {'PATH' if path is None else path})", program=name)
    return found
