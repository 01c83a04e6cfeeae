"""The attendance dialog: unmatched participants with suggestions, assigned by hand, applied on a worker."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QLabel
from pytestqt.qtbot import QtBot

from odn_desktop.domain.timezone import BERLIN
from odn_desktop.paths import AppPaths
from odn_desktop.services import attendance_import as svc
from odn_desktop.services import registrations as regs
from odn_desktop.services.contacts import ContactInput
from odn_desktop.services.events import create_event
from odn_desktop.store.database import transaction
from odn_desktop.store.open import Database
from odn_desktop.ui.dialogs import attendance_dialog as dlg
from odn_desktop.ui.infra.context import AppContext

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
    assert combo.itemText(1) == "Gastgeber:in – nicht mitzählen"
    assert combo.itemText(2).startswith("Jürgen Groß <juergen@muenster.example> (")  # the suggestion first
    combo.setCurrentIndex(2)
    assert list(model.assigned.values()) == [ids["juergen@muenster.example"]]
    # Anna Becker matched on her own; her phone is merged with her by hand (times united)
    phone = dialog.unmatched_view.indexWidget(model.index(row_of["A. Becker (Handy)"], dlg.UnmatchedModel.ASSIGNED))
    assert isinstance(phone, QComboBox)
    anna = next(i for i in range(phone.count()) if phone.itemData(i) == str(ids["anna@kiel.example"]))
    assert phone.itemText(anna).endswith("bereits zugeordnet")
    phone.setCurrentIndex(anna)
    assert dialog.summary_label.text() == (
        "Teilgenommen: 2 (davon von Hand zugeordnet: 2) · nicht zugeordnet: 1 · nicht gezählt als Referent:in: 0, "
        "als Gastgeber:in: 0")
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


# -- the host, the summary at the end, undo ------------------------------------------------------------------------

RENDERS = Path("/work/notes/renders")


def choose(dialog: dlg.AttendanceDialog, name: str, value: str) -> None:
    """Pick ``value`` in the combo box of the unmatched participant ``name``, as a click does."""
    model = dialog.unmatched_model
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == name)
    combo = dialog.unmatched_view.indexWidget(model.index(row, dlg.UnmatchedModel.ASSIGNED))
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findData(value))


def test_the_host_is_marked_by_hand_and_the_summary_counts_what_the_import_does(
        qtbot: QtBot, dialog: dlg.AttendanceDialog, db: Database, event: Any) -> None:
    event_id, ids = event
    choose(dialog, "iPhone von Max", dlg.HOST_VALUE)
    assert dialog.summary_label.text() == (
        "Teilgenommen: 1 (davon von Hand zugeordnet: 0) · nicht zugeordnet: 2 · nicht gezählt als Referent:in: 0, "
        "als Gastgeber:in: 1")
    assert dialog.skipped_label.text() == "Nicht als Gäste gezählt: iPhone von Max (Gastgeber:in)"
    model = dialog.unmatched_model
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == "iPhone von Max")
    assert model.index(row, dlg.UnmatchedModel.ASSIGNED).data() == "Gastgeber:in – nicht mitzählen"
    # Anna matched on her own, but she moderated: her check box in "Zugeordnet" excludes her as the host
    attended = dialog.attended_model
    host = attended.index(0, dlg.AttendedModel.HOST)
    assert attended.flags(host) & Qt.ItemFlag.ItemIsUserCheckable
    assert attended.setData(host, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)  # what a click sends
    assert dialog.summary_label.text().startswith("Teilgenommen: 0 ") and "als Gastgeber:in: 2" in (
        dialog.summary_label.text())
    choose(dialog, "Juergen Grosz", str(ids["juergen@muenster.example"]))
    with qtbot.waitSignal(dialog.import_finished, timeout=10_000) as blocker:
        dialog.apply_button.click()
    result = blocker.args[0] if blocker.args else None
    assert isinstance(result, dlg.AttendanceImportReport)
    assert result.summary == {"attended": 1, "unmatched": 1, "excluded_speakers": 0, "excluded_hosts": 2}
    assert result.summary == dialog.preview.summary  # the line above the buttons said what happened
    assert marks(db, event_id) == {"anna@kiel.example": (False, None), "juergen@muenster.example": (True, 60),
                                   "ute@bonn.example": (False, None)}


def test_the_import_ends_with_a_summary_and_is_undone_from_the_edit_menu(
        qtbot: QtBot, db: Database, app_paths: AppPaths, event: Any, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    event_id, ids = event
    with transaction(db.sessions) as s:  # entered by hand before the report arrived
        regs.mark_attendance(s, ids["anna@kiel.example"], True, 15)
    before = marks(db, event_id)
    path = tmp_path / "zoom.csv"
    path.write_text(REPORT, encoding="utf-8")
    ctx = AppContext(db, app_paths)
    summaries: list[tuple[Any, ...]] = []

    def drive(dialog: dlg.AttendanceDialog) -> int:
        qtbot.addWidget(dialog)
        choose(dialog, "iPhone von Max", dlg.HOST_VALUE)
        choose(dialog, "Juergen Grosz", str(ids["juergen@muenster.example"]))
        with qtbot.waitSignal(dialog.import_finished, timeout=10_000):
            dialog.apply_button.click()
        return dialog.result()

    monkeypatch.setattr(dlg, "exec_dialog", drive)
    monkeypatch.setattr(dlg, "show_attendance_summary", lambda *args: summaries.append(args))
    report = dlg.run_attendance_dialog(None, ctx, event_id, path)
    assert report is not None
    ((_parent, shown, label, undoable),) = summaries
    assert shown is report and undoable and label.startswith("Netzwerktreffen (")
    assert report.summary == {"attended": 2, "unmatched": 1, "excluded_speakers": 0, "excluded_hosts": 1}
    after = marks(db, event_id)
    assert after["anna@kiel.example"] == (True, 32) and after["juergen@muenster.example"] == (True, 60)

    stack = ctx.undo_stack
    assert (stack.count(), stack.undoText()) == (1, "Anwesenheit aus „zoom.csv“")
    changed: list[object] = []
    ctx.changed.connect(changed.append)
    stack.undo()
    assert marks(db, event_id) == before  # Anna's 15 minutes by hand are back, Jürgen is not marked
    assert changed == [dlg.ATTENDANCE_KINDS]
    stack.redo()  # the same report with the same choices
    assert marks(db, event_id) == after
    stack.undo()
    assert marks(db, event_id) == before
    stack.clear()


def test_an_import_that_changes_nothing_leaves_nothing_to_undo(
        qtbot: QtBot, db: Database, app_paths: AppPaths, event: Any, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "zoom.csv"
    path.write_text(REPORT, encoding="utf-8")
    ctx = AppContext(db, app_paths)
    summaries: list[tuple[Any, ...]] = []

    def drive(dialog: dlg.AttendanceDialog) -> int:
        qtbot.addWidget(dialog)
        with qtbot.waitSignal(dialog.import_finished, timeout=10_000):
            dialog.apply_button.click()
        return dialog.result()

    monkeypatch.setattr(dlg, "exec_dialog", drive)
    monkeypatch.setattr(dlg, "show_attendance_summary", lambda *args: summaries.append(args))
    assert dlg.run_attendance_dialog(None, ctx, event[0], path) is not None
    assert ctx.undo_stack.count() == 1
    assert dlg.run_attendance_dialog(None, ctx, event[0], path) is not None  # the same report again
    assert ctx.undo_stack.count() == 1 and summaries[-1][3] is False
    ctx.undo_stack.clear()


def test_the_summary_dialog_shows_the_numbers_and_fits_the_laptop(
        qtbot: QtBot, db: Database, event: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    event_id, _ids = event
    path = tmp_path / "zoom.csv"
    path.write_text(REPORT + "Moderation,moderation@difu.example,12/02/2021 09:50:00 AM,12/02/2021 11:05:00 AM,"
                             "75,No\n", encoding="utf-8")
    with transaction(db.sessions) as s:
        report = svc.import_attendance_file(s, event_id, path, hosts=["moderation@difu.example"])
    summary = dlg.AttendanceSummaryDialog(report, "Netzwerktreffen (Do 02.12.2021)", undoable=True)
    qtbot.addWidget(summary)
    assert {key: label.text() for key, label in summary.count_labels.items()} == {
        "attended": "1", "unmatched": "3", "excluded_speakers": "0", "excluded_hosts": "1"}
    hint = summary.findChild(QLabel, "undoHint")
    assert isinstance(hint, QLabel) and hint.text() == "Rückgängig machen: Bearbeiten › Rückgängig (Strg+Z)."
    target = tmp_path / "bericht.txt"
    monkeypatch.setattr(dlg, "ask_report_path", lambda _parent, suggested: target)
    assert summary.save() == target and "Teilgenommen: 1" in target.read_text(encoding="utf-8")
    summary.resize(640, 520)  # what fit_to_screen gives on a 1366x768 or 1280x720 laptop
    summary.show()
    qtbot.waitExposed(summary)
    hint_size = summary.minimumSizeHint()
    assert hint_size.width() <= 1240 and hint_size.height() <= 660
    image = summary.grab().toImage()
    assert image.save(str((RENDERS if RENDERS.is_dir() else tmp_path) / "attendance-summary.png"))


def test_render_the_attendance_dialog_at_1366x768(qtbot: QtBot, dialog: dlg.AttendanceDialog,
                                                  tmp_path: Path) -> None:
    choose(dialog, "iPhone von Max", dlg.HOST_VALUE)
    dialog.resize(980, 680)
    qtbot.wait(30)
    minimum = dialog.minimumSizeHint()
    assert minimum.width() <= 1240 and minimum.height() <= 660
    image = dialog.grab().toImage()
    assert image.save(str((RENDERS if RENDERS.is_dir() else tmp_path) / "attendance-dialog.png"))
