"""The attendance dialog: unmatched participants with suggestions, assigned by hand, applied on a worker."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QComboBox, QDialog
from pytestqt.qtbot import QtBot

from odn_desktop.domain.timezone import BERLIN
from odn_desktop.paths import AppPaths
from odn_desktop.services import registrations as regs
from odn_desktop.services.contacts import ContactInput
from odn_desktop.services.events import create_event
from odn_desktop.store.database import transaction
from odn_desktop.store.open import Database
from odn_desktop.ui import attendance_dialog as dlg
from odn_desktop.ui.context import AppContext

START = datetime(2021, 12, 2, 10, 0, tzinfo=BERLIN)
REPORT = (
    "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest\n"
    "Anna Becker (Stadt Kiel),anna@kiel.example,12/02/2021 09:58:00 AM,12/02/2021 10:30:00 AM,32,Yes\n"
    "A. Becker (Handy),,12/02/2021 10:20:00 AM,12/02/2021 11:00:00 AM,40,Yes\n"
    "Juergen Grosz,,12/02/2021 10:00:00 AM,12/02/2021 11:00:00 AM,60,Yes\n"
    "iPhone von Max,,12/02/2021 10:00:00 AM,12/02/2021 10:05:00 AM,5,Yes\n"
)


@pytest.fixture
def event(db: Database) -> tuple[uuid.UUID, dict[str, uuid.UUID]]:
    with transaction(db.sessions) as s:
        event_id = create_event(s, title="Netzwerktreffen", starts_at=START, ends_at=START + timedelta(hours=1)).id
        ids = {email: regs.register(s, event_id, ContactInput(email=email, first_name=first, last_name=last),
                                    now=START - timedelta(days=5)).registration.id
               for first, last, email in (("Anna", "Becker", "anna@kiel.example"),
                                          ("Jürgen", "Groß", "juergen@muenster.example"),
                                          ("Ute", "Lange", "ute@bonn.example"))}
    return event_id, ids


@pytest.fixture
def dialog(qtbot: QtBot, db: Database, app_paths: AppPaths, event: Any, tmp_path: Path) -> dlg.AttendanceDialog:
    path = tmp_path / "zoom.csv"
    path.write_text(REPORT, encoding="utf-8")
    dialog = dlg.build_attendance_dialog(None, AppContext(db, app_paths), event[0], path)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def marks(db: Database, event_id: uuid.UUID) -> dict[str, tuple[bool, int | None]]:
    with transaction(db.sessions) as s:
        return {r.email: (r.attended, r.attended_minutes) for r in regs.list_registration_rows(s, event_id)}


def test_models_pass_the_model_tester(qtmodeltester: Any, dialog: dlg.AttendanceDialog) -> None:
    qtmodeltester.check(dialog.unmatched_model)
    qtmodeltester.check(dialog.attended_model)


def test_assign_by_hand_with_suggestions_then_apply(qtbot: QtBot, dialog: dlg.AttendanceDialog, db: Database,
                                                    event: Any) -> None:
    event_id, ids = event
    model = dialog.unmatched_model
    row_of = {model.index(r, 0).data(): r for r in range(model.rowCount())}
    assert set(row_of) == {"A. Becker (Handy)", "Juergen Grosz", "iPhone von Max"}
    combo = dialog.unmatched_view.indexWidget(model.index(row_of["Juergen Grosz"], dlg.UnmatchedModel.ASSIGNED))
    assert isinstance(combo, QComboBox)
    assert combo.itemText(0) == "– nicht zuordnen –"
    assert combo.itemText(1).startswith("Jürgen Groß <juergen@muenster.example> (")  # the suggestion first
    combo.setCurrentIndex(1)
    assert list(model.assigned.values()) == [ids["juergen@muenster.example"]]
    # Anna Becker matched on her own; her phone is merged with her by hand (times united)
    phone = dialog.unmatched_view.indexWidget(model.index(row_of["A. Becker (Handy)"], dlg.UnmatchedModel.ASSIGNED))
    assert isinstance(phone, QComboBox)
    anna = next(i for i in range(phone.count()) if phone.itemData(i) == str(ids["anna@kiel.example"]))
    assert phone.itemText(anna).endswith("bereits zugeordnet")
    phone.setCurrentIndex(anna)
    assert "2 von Hand, 1 bleibt ohne Zuordnung" in dialog.summary_label.text()
    assert model.assign(row_of["iPhone von Max"], uuid.uuid4()) is False  # not a registrant of the event
    with qtbot.waitSignal(dialog.import_finished, timeout=10_000):
        dialog.apply_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    result = marks(db, event_id)
    assert result["juergen@muenster.example"] == (True, 60)
    assert result["anna@kiel.example"] == (True, 62)  # 09:58-10:30 and 10:20-11:00
    assert result["ute@bonn.example"] == (False, None)


def test_run_attendance_dialog_cancel_writes_nothing(qtbot: QtBot, db: Database, app_paths: AppPaths, event: Any,
                                                     tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "zoom.csv"
    path.write_text(REPORT, encoding="utf-8")
    monkeypatch.setattr(dlg, "exec_dialog", lambda d: (qtbot.addWidget(d), d.reject(), d.result())[2])
    monkeypatch.setattr(dlg, "choose_report_file", lambda _parent: path)
    assert dlg.import_attendance_interactive(None, AppContext(db, app_paths), event[0]) is None
    assert all(not attended for attended, _ in marks(db, event[0]).values())


def test_a_wrong_file_is_reported(db: Database, app_paths: AppPaths, event: Any, tmp_path: Path,
                                  dialogs: Any) -> None:
    path = tmp_path / "anmeldungen.csv"
    path.write_text("Vorname;Nachname\nA;B\n", encoding="utf-8")
    assert dlg.run_attendance_dialog(None, AppContext(db, app_paths), event[0], path) is None
    assert "weder ein Zoom-Teilnehmerbericht" in dialogs.of("user_error")[0][1]
