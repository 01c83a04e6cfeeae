"""Counts in German messages outside the window: "1 Kontakt", "2 Kontakte", "0 Kontakte" – never "Kontakt(e)"."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest

from odn_desktop.cli.sync import _print_conflicts
from odn_desktop.domain.agenda import agenda_warning
from odn_desktop.domain.plurals import plural
from odn_desktop.services.privacy import AnonymizationResult, DeletionResult
from odn_desktop.sync.conflicts import Conflict


@pytest.mark.parametrize(("n", "text"), [(0, "0 Entwürfe"), (1, "1 Entwurf"), (2, "2 Entwürfe"), (21, "21 Entwürfe")])
def test_plural_puts_the_number_first(n: int, text: str) -> None:
    assert plural(n, "Entwurf", "Entwürfe") == text


def test_plural_with_the_number_inside_agrees_the_verb() -> None:
    assert plural(1, "{n} Person ist nachgerückt", "{n} Personen sind nachgerückt") == "1 Person ist nachgerückt"
    assert plural(3, "{n} Person ist nachgerückt", "{n} Personen sind nachgerückt") == "3 Personen sind nachgerückt"


def _anonymization(contacts: int, registrations: int, dry_run: bool) -> AnonymizationResult:
    return AnonymizationResult(months=24, cutoff=datetime(2024, 1, 1, tzinfo=UTC), contacts=contacts,
                               registrations=registrations, messages=0, dry_run=dry_run, candidates=())


def test_privacy_messages_count_in_german() -> None:
    assert _anonymization(1, 1, dry_run=False).message().startswith("1 Kontakt und 1 Anmeldung anonymisiert")
    assert _anonymization(2, 5, dry_run=False).message().startswith("2 Kontakte und 5 Anmeldungen anonymisiert")
    assert _anonymization(1, 0, dry_run=True).message().startswith("1 Kontakt mit letzter Veranstaltung")
    assert _anonymization(0, 0, dry_run=True).message().startswith("0 Kontakte mit letzter Veranstaltung")
    one = DeletionResult(contact_id=uuid.uuid4(), registrations=1, messages=1, promoted=())
    assert one.message() == "Person gelöscht: 1 Anmeldung und 1 Nachricht entfernt."
    none = DeletionResult(contact_id=uuid.uuid4(), registrations=0, messages=2, promoted=())
    assert none.message() == "Person gelöscht: 0 Anmeldungen und 2 Nachrichten entfernt."


def test_sync_cli_counts_open_conflicts_in_german() -> None:
    conflict = Conflict(conflict_id=7, table="events", row_id=uuid.uuid4(), field="title", local="A", remote="B",
                        row_label="Veranstaltung „A“")
    lines: list[str] = []
    _print_conflicts(lines.append, [conflict])
    assert lines[0].startswith("1 offener Konflikt – entscheiden mit")
    lines.clear()
    _print_conflicts(lines.append, [conflict, conflict])
    assert lines[0].startswith("2 offene Konflikte – entscheiden mit")


def test_agenda_warning_says_one_minute() -> None:
    start = datetime(2031, 12, 2, 9, tzinfo=UTC)
    warning = agenda_warning(start, start.replace(hour=10), [("a", 61)])
    assert warning is not None and "um 1 Minute." in warning
