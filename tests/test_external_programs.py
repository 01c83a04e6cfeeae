"""A test whose program (PostgreSQL, openssl, ...) is missing is skipped on a developer's machine, failed in CI."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from external_programs import missing, require_program, running_in_ci

ABSENT = "odn-no-such-program-4711"


def test_a_missing_program_skips_outside_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    assert not running_in_ci()
    with pytest.raises(pytest.skip.Exception, match=f"{ABSENT} is not installed"):
        require_program(ABSENT)


@pytest.mark.parametrize("value", ["false", "0", ""])
def test_ci_other_than_true_still_skips(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("CI", value)
    with pytest.raises(pytest.skip.Exception):
        missing("PostgreSQL is not installed")


@pytest.mark.parametrize("value", ["true", "TRUE", "1"])
def test_a_missing_program_fails_in_ci(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("CI", value)
    assert running_in_ci()
    with pytest.raises(pytest.fail.Exception, match=rf"{ABSENT} is not installed.*CI=true.*setup-system\.sh"):
        require_program(ABSENT)
    with pytest.raises(pytest.fail.Exception, match="PostgreSQL is not installed"):
        missing("PostgreSQL is not installed")


def test_a_program_that_is_there_is_found_in_and_out_of_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    here = Path(sys.executable)
    for value in ("true", "false"):
        monkeypatch.setenv("CI", value)
        found = require_program(here.name, path=str(here.parent))
        assert Path(found).parent == here.parent


@pytest.mark.parametrize("declared", ["soffice pdftotext", "pdftotext,SOFFICE", "  soffice  "])
def test_a_program_the_ci_machine_declares_absent_skips_there(monkeypatch: pytest.MonkeyPatch, declared: str) -> None:
    monkeypatch.setenv("CI", "true")
    monkeypatch.setenv("ODN_CI_ABSENT", declared)
    with pytest.raises(pytest.skip.Exception, match=r"LibreOffice is not installed \(.*declares it absent"):
        missing("LibreOffice is not installed", program="soffice")


def test_only_the_declared_programs_skip_in_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    monkeypatch.setenv("ODN_CI_ABSENT", "soffice pdftotext pdftoppm")
    with pytest.raises(pytest.fail.Exception, match=f"{ABSENT} is not installed"):
        require_program(ABSENT)
    with pytest.raises(pytest.fail.Exception, match="PostgreSQL"):
        missing("PostgreSQL is not installed")  # no program named: it cannot be declared absent
    with pytest.raises(pytest.fail.Exception):
        missing("LibreOffice is not installed", program="soffice-7")  # a name only, not a prefix
    monkeypatch.setenv("ODN_CI_ABSENT", f"soffice {ABSENT}")
    with pytest.raises(pytest.skip.Exception, match="declares it absent in ODN_CI_ABSENT"):
        require_program(ABSENT)


def test_the_declaration_changes_nothing_outside_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setenv("ODN_CI_ABSENT", "soffice")
    with pytest.raises(pytest.skip.Exception) as skipped:
        missing("LibreOffice is not installed", program="soffice")
    assert "declares" not in str(skipped.value)
