"""The import mapping dialog: detected mapping, change a column's field, preview follows, import on a worker."""

from __future__ import annotations

import csv
import io
import uuid
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import QComboBox, QDialog, QLineEdit
from pytestqt.qtbot import QtBot

from odn_desktop.domain.deadlines import end_of_day
from odn_desktop.domain.timezone import BERLIN
from odn_desktop.paths import AppPaths
from odn_desktop.services.contacts import ContactInput
from odn_desktop.services.events import create_event, update_event
from odn_desktop.services.registration_import import MappingMemory, RegistrationImportReport
from odn_desktop.services.registrations import cancel, list_registration_rows, register
from odn_desktop.services.rounds import add_round, list_rounds, remove_round
from odn_desktop.store.database import transaction
from odn_desktop.store.open import Database
from odn_desktop.ui.dialogs import import_mapping_dialog as dlg
from odn_desktop.ui.infra.context import AppContext
from odn_desktop.ui.pages.registrations_tab import RegistrationsTab

START = datetime(2021, 12, 2, 10, 0, tzinfo=BERLIN)
# a survey export whose "E-Mail" column is the tool's metadata; the addresses sit under an unknown header
ROWS = [
    ["Vorname", "Nachname", "E-Mail", "Kontakt (dienstlich)", "Kommune"],
    ["Anna", "Becker", "anonymous", "anna.becker@kiel.example", "Stadt Kiel"],
    ["Jürgen", "Groß", "anonymous", "j.gross@muenster.example", "Stadt Münster"],
    ["Özlem", "Kaya", "anonymous", "", "Stadt Bonn"],
    ["Anna", "Becker", "anonymous", "ANNA.BECKER@kiel.example", "Stadt Kiel"],
]


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    out = io.StringIO()
    csv.writer(out, delimiter=";", lineterminator="\r\n").writerows(rows)
    path.write_bytes(out.getvalue().encode("cp1252"))
    return path


@pytest.fixture
def event_id(db: Database) -> uuid.UUID:
    with transaction(db.sessions) as s:
        return create_event(s, title="Open-Data-Netzwerktreffen", starts_at=START,
                            ends_at=START + timedelta(minutes=90), capacity=10).id


@pytest.fixture
def ctx(db: Database, app_paths: AppPaths) -> Iterator[AppContext]:
    context = AppContext(db, app_paths)
    yield context
    context.undo_stack.clear()


@pytest.fixture
def dialog(qtbot: QtBot, ctx: AppContext, event_id: uuid.UUID, tmp_path: Path) -> dlg.ImportMappingDialog:
    path = write_csv(tmp_path / "umfrage.csv", ROWS)
    dialog = dlg.build_import_dialog(None, ctx, event_id, path)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_the_summary_counts_one_row_and_one_person_in_the_singular(
        qtbot: QtBot, ctx: AppContext, event_id: uuid.UUID, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "eine.csv", [["Vorname", "Nachname", "E-Mail"], ["Anna", "Becker", "a@kiel.example"]])
    one = dlg.build_import_dialog(None, ctx, event_id, path)
    qtbot.addWidget(one)
    assert one.summary_label.text() == "1 Zeile in der Datei: 1 neu."


def registrations(db: Database, event_id: uuid.UUID) -> dict[str, str]:
    with transaction(db.sessions) as s:
        return {r.email: r.status for r in list_registration_rows(s, event_id)}


def column_of(dialog: dlg.ImportMappingDialog, header: str) -> int:
    return ROWS[0].index(header)


def show(dialog: dlg.ImportMappingDialog, kind: str) -> list[int]:
    """Choose the preview's filter as the coordinator does; the file rows it shows."""
    dialog.filter_combo.setCurrentIndex(dialog.filter_combo.findData(kind))
    preview = dialog.preview_model
    return [preview.row_at(r).row for r in range(preview.rowCount())]


def test_models_pass_the_model_tester(qtmodeltester: Any, dialog: dlg.ImportMappingDialog) -> None:
    qtmodeltester.check(dialog.mapping_model)
    qtmodeltester.check(dialog.preview_model)
    show(dialog, "rejected")
    qtmodeltester.check(dialog.preview_model)


def test_change_a_mapping_in_its_combo_box_preview_follows_then_import(
    qtbot: QtBot, dialog: dlg.ImportMappingDialog, db: Database, event_id: uuid.UUID, ctx: AppContext,
    app_paths: AppPaths,
) -> None:
    model, preview = dialog.mapping_model, dialog.preview_model
    email_col, contact_col = column_of(dialog, "E-Mail"), column_of(dialog, "Kontakt (dienstlich)")
    # detected: the header "E-Mail" wins, so every row lacks an address
    assert model.mapping[email_col] == "email" and model.mapping[contact_col] is None
    assert model.index(contact_col, 2).data() == "– nicht importieren –"
    problems = preview.column_fields().index("status")
    assert [preview.index(r, problems).data() for r in range(preview.rowCount())] == [
        "abgelehnt: E-Mail-Adresse fehlt"] * 4
    assert not dialog.import_button.isEnabled()

    combo = dialog.mapping_view.indexWidget(model.index(contact_col, dlg.MappingModel.FIELD))
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findData("email"))  # what a click in the combo box does

    assert model.mapping[contact_col] == "email"
    assert model.mapping[email_col] is None  # the field moved: the metadata column is freed
    other = dialog.mapping_view.indexWidget(model.index(email_col, dlg.MappingModel.FIELD))
    assert isinstance(other, QComboBox) and other.currentData() == ""
    email = preview.column_fields().index("email")
    assert preview.index(0, email).data() == "anna.becker@kiel.example"
    assert [preview.index(r, problems).data() for r in range(preview.rowCount())] == [
        "neu", "neu", "abgelehnt: E-Mail-Adresse fehlt", "doppelt – zusammengeführt mit Zeile 2"]
    assert preview.index(2, problems).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert dialog.summary_label.text() == (
        "4 Zeilen in der Datei: 2 neu, 1 abgelehnt, 1 doppelte Zeile zusammengeführt.")
    assert dialog.import_button.isEnabled()

    assert show(dialog, "rejected") == [4] and show(dialog, "duplicate") == [5] and show(dialog, "new") == [2, 3]
    assert show(dialog, "all") == [2, 3, 4, 5]

    changed: list[object] = []
    ctx.changed.connect(changed.append)
    with qtbot.waitSignal(dialog.import_finished, timeout=10_000) as blocker:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    report = blocker.args[0] if blocker.args else None
    assert isinstance(report, RegistrationImportReport)
    assert changed == [("registrations", "contacts", "events")]
    assert (report.created, [r.message for r in report.rejected]) == (2, ["Zeile 4: E-Mail-Adresse fehlt"])
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.report is report
    assert registrations(db, event_id) == {"anna.becker@kiel.example": "registered",
                                           "j.gross@muenster.example": "registered"}
    # the confirmed mapping is remembered for files with the same header
    remembered = MappingMemory.in_folder(app_paths.data_dir).recall(ROWS[0])
    assert remembered is not None and remembered[contact_col] == "email"


def test_a_remembered_mapping_is_offered_next_time(qtbot: QtBot, ctx: AppContext, event_id: uuid.UUID,
                                                   app_paths: AppPaths, tmp_path: Path) -> None:
    MappingMemory.in_folder(app_paths.data_dir).remember(ROWS[0], ("first_name", "last_name", None, "email",
                                                                   "municipality"))
    dialog = dlg.build_import_dialog(None, ctx, event_id, write_csv(tmp_path / "zweite.csv", ROWS))
    qtbot.addWidget(dialog)
    assert dialog.plan.mapping[3] == "email"
    assert dialog.import_button.isEnabled()


def test_run_import_dialog_shows_the_report_and_returns_it(
    qtbot: QtBot, ctx: AppContext, event_id: uuid.UUID, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    rows = [["Vorname", "Nachname", "E-Mail-Adresse"], ["Anna", "Becker", "anna@kiel.example"]]
    path = write_csv(tmp_path / "anmeldungen.csv", rows)
    shown: list[RegistrationImportReport] = []

    def drive(dialog: dlg.ImportMappingDialog) -> int:
        qtbot.addWidget(dialog)
        with qtbot.waitSignal(dialog.import_finished, timeout=10_000):
            dialog.import_button.click()
        return dialog.result()

    monkeypatch.setattr(dlg, "exec_dialog", drive)
    monkeypatch.setattr(dlg, "show_import_report", lambda _parent, report: shown.append(report))
    monkeypatch.setattr(dlg, "choose_registration_file", lambda _parent: path)
    report = dlg.import_registrations(None, ctx, event_id)
    assert report is not None and report.created == 1
    assert shown == [report]
    assert "Neu angemeldet: 1" in report.to_text()


def test_cancel_returns_none_and_writes_nothing(qtbot: QtBot, ctx: AppContext, db: Database, event_id: uuid.UUID,
                                                tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_csv(tmp_path / "a.csv", [["Vorname", "Nachname", "E-Mail"], ["Anna", "Becker", "a@kiel.example"]])
    monkeypatch.setattr(dlg, "exec_dialog", lambda dialog: (qtbot.addWidget(dialog), dialog.reject(),
                                                            dialog.result())[2])
    assert dlg.run_import_dialog(None, ctx, event_id, path) is None
    assert registrations(db, event_id) == {}


def test_an_unreadable_file_is_reported_not_opened(ctx: AppContext, event_id: uuid.UUID, tmp_path: Path,
                                                   dialogs: Any) -> None:
    path = tmp_path / "bild.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert dlg.run_import_dialog(None, ctx, event_id, path) is None
    (message,) = [args[1] for args in dialogs.of("user_error")]
    assert "keine CSV- oder Excel-Datei" in message


def test_a_user_error_during_the_import_keeps_the_dialog_open(
    qtbot: QtBot, ctx: AppContext, db: Database, event_id: uuid.UUID, dialogs: Any, tmp_path: Path,
) -> None:
    """The round the file names is removed after the dialog checked the file (e.g. by a sync): the service refuses
    the whole file, the dialog stays open and now shows the missing round.

    (This test used to cancel the event instead; since the registration window decides per row, a cancelled event
    refuses each row with its reason, and the import itself succeeds: see the test after this one.)"""
    with transaction(db.sessions) as s:
        add_round(s, event_id, title="Einsteiger", capacity=5)
        add_round(s, event_id, title="Profis", capacity=5)
    path = write_csv(tmp_path / "runden.csv", [["Vorname", "Nachname", "E-Mail", "Runde"],
                                               ["Anna", "Becker", "anna@kiel.example", "Einsteiger"]])
    dialog = dlg.build_import_dialog(None, ctx, event_id, path)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.import_button.isEnabled() and dialog.rounds_label.isHidden()
    with transaction(db.sessions) as s:
        first = list_rounds(s, event_id)[0]
        remove_round(s, event_id, first.id)
    dialog.import_button.click()
    qtbot.waitUntil(lambda: bool(dialogs.of("user_error")), timeout=10_000)
    assert "nennt Runden" in dialogs.of("user_error")[0][1]
    assert dialog.isVisible() and dialog.report is None
    assert ctx.undo_stack.count() == 0  # nothing written, nothing to undo
    assert registrations(db, event_id) == {}
    assert dialog.mapping_view.isEnabled() and dialog.allow_late.isEnabled()
    # checked again against the event as it is now: the round is missing, the import waits for the choice
    assert "„Einsteiger“" in dialog.rounds_label.text() and not dialog.create_rounds.isHidden()
    assert not dialog.import_button.isEnabled()
    dialog.create_rounds.click()
    assert dialog.import_button.isEnabled()


def test_a_cancelled_event_refuses_every_row_with_the_reason(
    qtbot: QtBot, dialog: dlg.ImportMappingDialog, db: Database, event_id: uuid.UUID, dialogs: Any,
) -> None:
    dialog.set_field(column_of(dialog, "Kontakt (dienstlich)"), "email")
    with transaction(db.sessions) as s:
        update_event(s, event_id, status="cancelled")
    with qtbot.waitSignal(dialog.import_finished, timeout=10_000) as blocker:
        dialog.import_button.click()  # checked while the event was open; the import decides as the event is now
    report = blocker.args[0] if blocker.args else None
    assert isinstance(report, RegistrationImportReport) and report.created == 0
    assert [r.message for r in report.rejected] == [
        "Zeile 2: Die Veranstaltung ist abgesagt. Übernahme nur mit „Verspätet zulassen“ (--late).",
        "Zeile 3: Die Veranstaltung ist abgesagt. Übernahme nur mit „Verspätet zulassen“ (--late).",
        "Zeile 4: E-Mail-Adresse fehlt"]
    assert registrations(db, event_id) == {} and dialogs.of("user_error") == []


def test_xlsx_sheets_can_be_switched(qtbot: QtBot, ctx: AppContext, event_id: uuid.UUID, tmp_path: Path) -> None:
    wb = Workbook()
    wb.active.title = "Hinweise"
    wb.active.append(["Bitte das Blatt „Anmeldungen“ importieren"])
    ws = wb.create_sheet("Anmeldungen")
    for row in ROWS:
        ws.append(row)
    wb.save(tmp_path / "a.xlsx")
    dialog = dlg.build_import_dialog(None, ctx, event_id, tmp_path / "a.xlsx")
    qtbot.addWidget(dialog)
    assert dialog.plan.sheet == "Hinweise" and dialog.error_label.text()
    assert not dialog.sheet_combo.isHidden()
    dialog.sheet_combo.setCurrentText("Anmeldungen")
    assert dialog.plan.sheet == "Anmeldungen"
    assert dialog.mapping_model.rowCount() == len(ROWS[0])
    assert dialog.preview_model.rowCount() == 4


def test_the_report_can_be_saved(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    report = RegistrationImportReport(created=3, file_name="a.csv", event_title="Netzwerktreffen")
    target = tmp_path / "Bericht ä.txt"
    monkeypatch.setattr(dlg, "ask_report_path", lambda _parent, suggested: target)
    view = dlg.ReportDialog(report.to_text(), "Importbericht a.txt")
    qtbot.addWidget(view)
    assert view.save() == target
    assert "Neu angemeldet: 3" in target.read_text(encoding="utf-8")


# -- undo and redo -----------------------------------------------------------------------------------------


def import_with_dialog(qtbot: QtBot, ctx: AppContext, event_id: uuid.UUID, path: Path) -> RegistrationImportReport:
    dialog = dlg.build_import_dialog(None, ctx, event_id, path)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.import_finished, timeout=10_000) as blocker:
        dialog.import_button.click()
    report = blocker.args[0] if blocker.args else None
    assert isinstance(report, RegistrationImportReport)
    return report


def test_the_import_is_undone_and_redone_from_the_edit_menu(qtbot: QtBot, ctx: AppContext, db: Database,
                                                            event_id: uuid.UUID, tmp_path: Path) -> None:
    with transaction(db.sessions) as s:
        register(s, event_id, ContactInput(email="vorher@kommune.example", last_name="Vorher"))
    tab = RegistrationsTab(ctx)
    qtbot.addWidget(tab)
    tab.set_event(event_id)
    assert tab.model.rowCount() == 1
    rows = [["Vorname", "Nachname", "E-Mail-Adresse"], ["Anna", "Becker", "anna@kiel.example"],
            ["Jürgen", "Groß", "j.gross@muenster.example"], ["Özlem", "Kaya", "oezlem@bonn.example"]]
    import_with_dialog(qtbot, ctx, event_id, write_csv(tmp_path / "Anmeldungen März.csv", rows))
    assert tab.model.rowCount() == 4
    stack = ctx.undo_stack
    assert (stack.count(), stack.undoText()) == (1, "Import von „Anmeldungen März.csv“")

    changed: list[object] = []
    ctx.changed.connect(changed.append)
    stack.undo()
    assert tab.model.rowCount() == 1
    assert registrations(db, event_id) == {"vorher@kommune.example": "registered"}
    assert stack.redoText() == "Import von „Anmeldungen März.csv“"
    stack.redo()
    assert tab.model.rowCount() == 4
    assert len(registrations(db, event_id)) == 4
    assert changed == [dlg.IMPORT_KINDS, dlg.IMPORT_KINDS]
    stack.undo()  # the redo's import is undone as well
    assert tab.model.rowCount() == 1
    stack.redo()
    stack.clear()
    import_with_dialog(qtbot, ctx, event_id, write_csv(tmp_path / "noch einmal.csv", rows))  # changes nothing
    assert stack.count() == 0  # so there is nothing to undo


def test_undo_tells_who_moved_up_into_a_freed_seat(qtbot: QtBot, ctx: AppContext, db: Database, tmp_path: Path,
                                                   dialogs: Any) -> None:
    with transaction(db.sessions) as s:
        event_id = create_event(s, title="Netzwerktreffen", starts_at=START, ends_at=START + timedelta(hours=1),
                                capacity=1).id
    rows = [["Vorname", "Nachname", "E-Mail-Adresse"], ["Anna", "Becker", "anna@kiel.example"],
            ["Jürgen", "Groß", "j.gross@muenster.example"]]
    report = import_with_dialog(qtbot, ctx, event_id, write_csv(tmp_path / "a.csv", rows))
    assert report.waiting == 1
    with transaction(db.sessions) as s:  # meanwhile, not undoable (e.g. by a sync): someone else queues up
        register(s, event_id, ContactInput(email="nach@ulm.example", first_name="Lukas", last_name="Weiß"))

    ctx.undo_stack.undo()
    assert registrations(db, event_id) == {"nach@ulm.example": "registered"}
    ((_parent, title, message),) = dialogs.of("information")
    assert title == "Von der Warteliste nachgerückt"
    assert "Lukas Weiß (nach@ulm.example)" in message


# -- what the event decides: the registration window, people already registered, rounds --------------------------

DEADLINE = end_of_day(date(2021, 12, 1))
DATED = ["Vorname", "Nachname", "E-Mail-Adresse", "Anmeldedatum"]


def deadline_event(db: Database, **fields: Any) -> uuid.UUID:
    with transaction(db.sessions) as s:
        return create_event(s, title="Netzwerktreffen Dezember", starts_at=START, ends_at=START + timedelta(hours=1),
                            capacity=10, registration_deadline=DEADLINE, **fields).id


def open_dialog(qtbot: QtBot, ctx: AppContext, event_id: uuid.UUID, path: Path) -> dlg.ImportMappingDialog:
    dialog = dlg.build_import_dialog(None, ctx, event_id, path)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def notes(dialog: dlg.ImportMappingDialog) -> list[str]:
    preview = dialog.preview_model
    column = preview.column_fields().index("status")
    return [preview.index(r, column).data() for r in range(preview.rowCount())]


def late_flags(db: Database, event_id: uuid.UUID) -> dict[str, bool]:
    with transaction(db.sessions) as s:
        return {r.email: r.late for r in list_registration_rows(s, event_id)}


def test_rows_after_the_deadline_are_refused_until_late_registration_is_allowed(
        qtbot: QtBot, ctx: AppContext, db: Database, tmp_path: Path) -> None:
    event_id = deadline_event(db)
    with transaction(db.sessions) as s:
        register(s, event_id, ContactInput(email="oezlem@bonn.example", last_name="Kaya"),
                 registered_at=datetime(2021, 11, 19, 9, 0, tzinfo=BERLIN))
    path = write_csv(tmp_path / "dezember.csv", [
        DATED, ["Anna", "Becker", "anna@kiel.example", "20.11.2021 10:00"],
        ["Jürgen", "Groß", "j.gross@muenster.example", "02.12.2021 08:00"],
        ["Özlem", "Kaya", "OEZLEM@bonn.example", "19.11.2021 09:00"],
        ["Lukas", "Weiß", "lukas@ulm.example", "03.12.2021 12:00"]])
    dialog = open_dialog(qtbot, ctx, event_id, path)
    refused = ("abgelehnt: Die Anmeldefrist ist am 01.12.2021 23:59 Uhr abgelaufen. Übernahme nur mit „Verspätet "
               "zulassen“.")
    # Özlem is registered; her first name completes her contact: "aktualisiert", as the report will say
    assert notes(dialog) == ["neu", refused, "aktualisiert", refused]
    problems = dialog.preview_model.column_fields().index("status")
    assert dialog.preview_model.index(1, problems).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert dialog.summary_label.text() == (
        "4 Zeilen in der Datei: 1 neu, 1 aktualisiert, 2 abgelehnt. 2 Zeilen außerhalb der Anmeldefrist werden nur "
        "mit „Verspätet zulassen“ übernommen.")
    late = dialog.allow_late
    assert late.isVisible() and not late.isChecked() and late.isEnabled()
    assert late.accessibleName() == "Verspätet zulassen" and late.text() == "&Verspätet zulassen"
    assert show(dialog, "rejected") == [3, 5] and show(dialog, "updated") == [4]
    show(dialog, "all")

    qtbot.mouseClick(late, Qt.MouseButton.LeftButton)
    assert late.isChecked()
    assert notes(dialog) == ["neu", "neu, verspätet", "aktualisiert", "neu, verspätet"]
    assert dialog.summary_label.text() == "4 Zeilen in der Datei: 3 neu, 1 aktualisiert, 2 verspätet."
    with qtbot.waitSignal(dialog.import_finished, timeout=10_000) as blocker:
        dialog.import_button.click()
    report = blocker.args[0] if blocker.args else None
    assert isinstance(report, RegistrationImportReport)
    # Özlem's first name completes her contact: updated, her registration stays as it was
    assert (report.created, report.late, report.updated, report.rejected) == (3, 2, 1, ())
    assert late_flags(db, event_id) == {"anna@kiel.example": False, "j.gross@muenster.example": True,
                                        "oezlem@bonn.example": False, "lukas@ulm.example": True}


def test_without_late_registration_the_refused_rows_stay_out(
        qtbot: QtBot, ctx: AppContext, db: Database, tmp_path: Path) -> None:
    event_id = deadline_event(db)
    path = write_csv(tmp_path / "a.csv", [DATED, ["Anna", "Becker", "anna@kiel.example", "20.11.2021 10:00"],
                                          ["Jürgen", "Groß", "j.gross@muenster.example", "02.12.2021 08:00"]])
    dialog = open_dialog(qtbot, ctx, event_id, path)
    dialog.allow_late.click()
    dialog.allow_late.click()  # changed the mind: the summary follows back
    assert dialog.summary_label.text() == ("2 Zeilen in der Datei: 1 neu, 1 abgelehnt. 1 Zeile außerhalb der "
                                           "Anmeldefrist wird nur mit „Verspätet zulassen“ übernommen.")
    with qtbot.waitSignal(dialog.import_finished, timeout=10_000) as blocker:
        dialog.import_button.click()
    report = blocker.args[0] if blocker.args else None
    assert isinstance(report, RegistrationImportReport) and [r.row for r in report.rejected] == [3]
    assert late_flags(db, event_id) == {"anna@kiel.example": False}


def test_late_registration_is_offered_only_when_the_window_refuses_rows(
        qtbot: QtBot, ctx: AppContext, db: Database, tmp_path: Path) -> None:
    event_id = deadline_event(db)
    path = write_csv(tmp_path / "a.csv", [DATED, ["Anna", "Becker", "anna@kiel.example", "20.11.2021 10:00"]])
    dialog = open_dialog(qtbot, ctx, event_id, path)
    assert dialog.allow_late.isHidden() and notes(dialog) == ["neu"]
    dialog.set_field(DATED.index("Anmeldedatum"), None)  # undated rows count as registered now: after the deadline
    assert not dialog.allow_late.isHidden()
    assert notes(dialog) == ["abgelehnt: Die Anmeldefrist ist am 01.12.2021 23:59 Uhr abgelaufen. Übernahme nur "
                             "mit „Verspätet zulassen“."]


def test_a_closed_event_refuses_the_rows_with_its_reason(qtbot: QtBot, ctx: AppContext, db: Database,
                                                         tmp_path: Path) -> None:
    event_id = deadline_event(db, status="closed")
    path = write_csv(tmp_path / "a.csv", [DATED, ["Anna", "Becker", "anna@kiel.example", "20.11.2021 10:00"]])
    dialog = open_dialog(qtbot, ctx, event_id, path)
    assert notes(dialog) == ["abgelehnt: Die Anmeldung zu dieser Veranstaltung ist geschlossen. Übernahme nur mit "
                             "„Verspätet zulassen“."]
    assert dialog.summary_label.text().startswith("1 Zeile in der Datei: 0 neu, 1 abgelehnt. 1 Zeile außerhalb")


def test_unknown_rounds_block_the_import_until_they_may_be_created(
        qtbot: QtBot, ctx: AppContext, db: Database, event_id: uuid.UUID, tmp_path: Path) -> None:
    with transaction(db.sessions) as s:
        add_round(s, event_id, title="Einsteiger", capacity=5)
    path = write_csv(tmp_path / "runden.csv", [
        ["Vorname", "Nachname", "E-Mail", "Runde"], ["Anna", "Becker", "anna@kiel.example", "Einsteiger"],
        ["Jürgen", "Groß", "j.gross@muenster.example", "Profis"], ["Özlem", "Kaya", "oezlem@bonn.example", "Praxis"]])
    dialog = open_dialog(qtbot, ctx, event_id, path)
    assert dialog.rounds_label.isVisible()
    assert dialog.rounds_label.text() == ("Die Datei nennt Runden, die die Veranstaltung nicht hat: „Profis“, "
                                          "„Praxis“. Ohne „Fehlende Runden anlegen“ wird nichts importiert.")
    assert not dialog.import_button.isEnabled()
    create = dialog.create_rounds
    assert create.isVisible() and create.accessibleName() == "Fehlende Runden anlegen (ohne Platzgrenze)"
    assert create.text() == "Fehlende &Runden anlegen (ohne Platzgrenze)"
    assert dialog.allow_late.isHidden() and dialog.unused_round_label.isHidden()

    qtbot.mouseClick(create, Qt.MouseButton.LeftButton)
    assert dialog.rounds_label.text().endswith("Sie werden beim Import ohne Platzgrenze angelegt.")
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.import_finished, timeout=10_000) as blocker:
        dialog.import_button.click()
    report = blocker.args[0] if blocker.args else None
    assert isinstance(report, RegistrationImportReport) and report.created == 3
    with transaction(db.sessions) as s:
        assert [(r.title, r.capacity, r.registered) for r in list_rounds(s, event_id)] == [
            ("Einsteiger", 5, 1), ("Profis", None, 1), ("Praxis", None, 1)]


def test_a_round_column_an_event_without_rounds_does_not_use_is_said_before_and_after(
        qtbot: QtBot, ctx: AppContext, event_id: uuid.UUID, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = write_csv(tmp_path / "runden.csv", [
        ["Vorname", "Nachname", "E-Mail", "Runde"], ["Anna", "Becker", "anna@kiel.example", "A"],
        ["Jürgen", "Groß", "j.gross@muenster.example", "B"], ["Özlem", "Kaya", "oezlem@bonn.example", "A"]])
    shown: list[RegistrationImportReport] = []
    seen: list[str] = []

    def drive(dialog: dlg.ImportMappingDialog) -> int:
        qtbot.addWidget(dialog)
        dialog.show()
        assert dialog.unused_round_label.isVisible() and dialog.rounds_label.isHidden()
        seen.append(dialog.unused_round_label.text())
        assert dialog.import_button.isEnabled()
        with qtbot.waitSignal(dialog.import_finished, timeout=10_000):
            dialog.import_button.click()
        return dialog.result()

    monkeypatch.setattr(dlg, "exec_dialog", drive)
    monkeypatch.setattr(dlg, "show_import_report", lambda _parent, report: shown.append(report))
    report = dlg.run_import_dialog(None, ctx, event_id, path)
    assert seen == ["Die Spalte „Runde“ wird nicht verwendet: die Veranstaltung hat keine parallelen Runden "
                    "(Werte: A, B)."]
    assert report is not None and shown == [report] and report.created == 3
    assert report.notes and report.notes[0].startswith("Die Spalte „Runde“ wurde nicht verwendet")
    assert report.notes[0] in report.to_text()


def test_a_big_file_is_checked_on_a_worker_thread_and_only_the_last_check_counts(
        qtbot: QtBot, ctx: AppContext, db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dlg, "CHECK_ON_GUI_THREAD", 1)  # "a few thousand" shrunk to one person
    event_id = deadline_event(db)
    path = write_csv(tmp_path / "a.csv", [DATED, ["Anna", "Becker", "anna@kiel.example", "20.11.2021 10:00"],
                                          ["Jürgen", "Groß", "j.gross@muenster.example", "02.12.2021 08:00"]])
    dialog = open_dialog(qtbot, ctx, event_id, path)
    assert dialog.forecast is None and not dialog.import_button.isEnabled()
    assert dialog.summary_label.text().endswith("Die Anmeldungen werden mit der Veranstaltung abgeglichen …")
    email = DATED.index("E-Mail-Adresse")
    dialog.set_field(email, None)  # a new plan while the first check runs: no addresses, nothing to check
    QThreadPool.globalInstance().waitForDone(10_000)
    qtbot.wait(50)  # the first check's answer arrives now, for a plan that is no longer shown: ignored
    assert dialog.forecast is None and dialog.preview_model.forecast is None
    assert not dialog.import_button.isEnabled() and "abgeglichen" not in dialog.summary_label.text()
    assert dialog.plan.errors and dialog.error_label.text() == "\n".join(dialog.plan.errors)

    dialog.set_field(email, "email")
    qtbot.waitUntil(lambda: dialog.preview_model.forecast is not None, timeout=10_000)
    assert notes(dialog) == ["neu", "abgelehnt: Die Anmeldefrist ist am 01.12.2021 23:59 Uhr abgelaufen. Übernahme "
                             "nur mit „Verspätet zulassen“."]
    assert dialog.import_button.isEnabled() and not dialog.allow_late.isHidden()
    assert dialog.summary_label.text().startswith("2 Zeilen in der Datei: 1 neu, 1 abgelehnt. 1 Zeile")


# -- the preview counts exactly what the import reports ----------------------------------------------------------

MIXED = ["Vorname", "Nachname", "E-Mail-Adresse", "Organisation", "Anmeldedatum"]


def mixed_file(db: Database, tmp_path: Path) -> tuple[uuid.UUID, Path]:
    """4 seats; two held, two cancelled; a file with new, already registered, updated (completed, renewed), late,
    waiting-list, duplicate and bad rows."""
    with transaction(db.sessions) as s:
        event_id = create_event(s, title="Netzwerktreffen Dezember", starts_at=START, capacity=4,
                                ends_at=START + timedelta(hours=1), registration_deadline=DEADLINE).id

        def add(n: int, organisation: str = "") -> uuid.UUID:
            return register(s, event_id, ContactInput(email=f"alt{n}@kommune.example", first_name=f"Alt{n}",
                                                      last_name="Person", organisation=organisation),
                            now=datetime(2021, 11, 15, 9, 0, tzinfo=BERLIN)).registration.id
        add(1, "Stadt Alt1")
        add(2)
        cancelled = datetime(2021, 11, 18, 9, 0, tzinfo=BERLIN)
        cancel(s, add(3), now=cancelled)
        cancel(s, add(4), now=cancelled)
    return event_id, write_csv(tmp_path / "gemischt.csv", [
        MIXED,
        ["Alt1", "Person", "alt1@kommune.example", "Stadt Alt1", "10.11.2021 09:00"],
        ["Alt2", "Person", "ALT2@kommune.example", "Stadt Alt2", "10.11.2021 09:00"],
        ["Alt3", "Person", "alt3@kommune.example", "", "20.11.2021 08:00"],
        ["Alt4", "Person", "alt4@kommune.example", "", "12.11.2021 08:00"],
        ["Neu", "Eins", "neu1@kommune.example", "Stadt Kiel", "20.11.2021 10:00"],
        ["Neu", "Zwei", "neu2@kommune.example", "Stadt Ulm", "20.11.2021 11:00"],
        ["Neu", "Drei", "neu3@kommune.example", "Stadt Jena", "20.11.2021 12:00"],
        ["Spät", "Dran", "spaet@kommune.example", "Stadt Trier", "02.12.2021 08:00"],
        ["Neu", "Eins", "Neu1@Kommune.example", "Stadt Kiel", "21.11.2021 10:00"],
        ["Ohne", "Adresse", "kein-at-zeichen", "Stadt Bonn", "20.11.2021 10:00"],
        ["Falsches", "Datum", "datum@kommune.example", "Stadt Gera", "im Dezember"]])


def statuses(dialog: dlg.ImportMappingDialog) -> dict[int, str]:
    preview = dialog.preview_model
    column = preview.column_fields().index("status")
    return {preview.row_at(r).row: preview.index(r, column).data() for r in range(preview.rowCount())}


def filter_texts(dialog: dlg.ImportMappingDialog) -> list[str]:
    return [dialog.filter_combo.itemText(i) for i in range(dialog.filter_combo.count())]


def test_the_preview_counts_exactly_what_the_import_reports(qtbot: QtBot, ctx: AppContext, db: Database,
                                                            tmp_path: Path) -> None:
    event_id, path = mixed_file(db, tmp_path)
    dialog = open_dialog(qtbot, ctx, event_id, path)
    deadline = "abgelehnt: Die Anmeldefrist ist am 01.12.2021 23:59 Uhr abgelaufen. Übernahme nur mit „Verspätet " \
               "zulassen“."
    assert statuses(dialog) == {
        2: "bereits angemeldet", 3: "aktualisiert", 4: "aktualisiert (erneut angemeldet)",
        5: "storniert – bleibt unverändert", 6: "neu", 7: "neu, Warteliste", 8: "neu, Warteliste", 9: deadline,
        10: "doppelt – zusammengeführt mit Zeile 6", 11: "abgelehnt: E-Mail-Adresse „kein-at-zeichen“ ist ungültig",
        12: "abgelehnt: Anmeldedatum „im Dezember“ ist kein Datum (erwartet z. B. 01.12.2021 10:00)"}
    assert dialog.summary_label.text() == (
        "11 Zeilen in der Datei: 3 neu, 2 bereits angemeldet, 2 aktualisiert, 2 auf der Warteliste, 3 abgelehnt, "
        "1 doppelte Zeile zusammengeführt. 1 Zeile außerhalb der Anmeldefrist wird nur mit „Verspätet zulassen“ "
        "übernommen.")
    assert filter_texts(dialog) == ["Alle Zeilen (11)", "neu (3)", "bereits angemeldet (2)", "aktualisiert (2)",
                                    "verspätet (0)", "Warteliste (2)", "abgelehnt (3)", "doppelt (1)"]
    assert show(dialog, "waiting") == [7, 8] and show(dialog, "unchanged") == [2, 5]
    assert show(dialog, "updated") == [3, 4] and show(dialog, "rejected") == [9, 11, 12]
    show(dialog, "all")
    tip = dialog.preview_model.index(1, 1).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == "aktualisiert\nLeere Felder werden ergänzt: Organisation"

    dialog.allow_late.click()  # forecast again with the late row admitted: it joins the waiting list
    assert statuses(dialog)[9] == "neu, verspätet, Warteliste"
    assert dialog.summary_label.text() == (
        "11 Zeilen in der Datei: 4 neu, 2 bereits angemeldet, 2 aktualisiert, 1 verspätet, 3 auf der Warteliste, "
        "2 abgelehnt, 1 doppelte Zeile zusammengeführt.")
    counts = dialog.preview_model.filter_counts()
    with qtbot.waitSignal(dialog.import_finished, timeout=10_000) as blocker:
        dialog.import_button.click()
    report = blocker.args[0] if blocker.args else None
    assert isinstance(report, RegistrationImportReport)
    assert (report.created, report.unchanged, report.updated, report.late, report.waiting, len(report.rejected),
            len(report.duplicates)) == (counts["new"], counts["unchanged"], counts["updated"], counts["late"],
                                        counts["waiting"], counts["rejected"], counts["duplicate"]) == (
        4, 2, 2, 1, 3, 2, 1)
    with transaction(db.sessions) as s:
        waiting = {r.email for r in list_registration_rows(s, event_id) if r.status == "waiting"}
    assert waiting == {"neu2@kommune.example", "neu3@kommune.example", "spaet@kommune.example"}


def edit_cell(qtbot: QtBot, dialog: dlg.ImportMappingDialog, row_number: int, field_name: str, text: str, *,
              key: bool = False) -> None:
    """Type a correction into the preview as the coordinator does: double-click (or F2), the text, Enter."""
    preview, view = dialog.preview_model, dialog.preview_view
    at = preview.row_of(row_number)
    assert at is not None
    index = preview.index(at, preview.column_fields().index(field_name))
    view.setCurrentIndex(index)
    if key:
        qtbot.keyClick(view, Qt.Key.Key_F2)
    else:
        where = view.visualRect(index).center()
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=where)  # a double-click begins with one
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    editor = view.viewport().findChild(QLineEdit)
    assert isinstance(editor, QLineEdit) and editor.isVisible()
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)


def test_a_rejected_row_is_corrected_in_place_and_imported_with_the_correction(
        qtbot: QtBot, ctx: AppContext, db: Database, tmp_path: Path) -> None:
    event_id = deadline_event(db)
    path = write_csv(tmp_path / "a.csv", [
        DATED, ["Anna", "Becker", "anna@kiel.example", "20.11.2021 10:00"],
        ["Jürgen", "Groß", "j.gross(at)muenster.example", "20.11.2021 11:00"],
        ["Özlem", "Kaya", "oezlem@bonn.example", "21.13.2021 09:00"]])
    dialog = open_dialog(qtbot, ctx, event_id, path)
    assert show(dialog, "rejected") == [3, 4]
    preview = dialog.preview_model
    email = preview.column_fields().index("email")
    assert preview.flags(preview.index(0, email)) & Qt.ItemFlag.ItemIsEditable
    assert not preview.flags(preview.index(0, 0)) & Qt.ItemFlag.ItemIsEditable  # the row number is the file's
    assert not dialog.correct_hint.isHidden()

    edit_cell(qtbot, dialog, 3, "email", "j.gross@muenster.example")
    qtbot.waitUntil(lambda: statuses(dialog).get(3) == "neu", timeout=5_000)
    assert show_rows(dialog) == [3, 4]  # the corrected row stays in view under the filter
    assert not preview.flags(preview.index(0, email)) & Qt.ItemFlag.ItemIsEditable  # no longer rejected
    assert filter_texts(dialog)[6] == "abgelehnt (1)"
    edit_cell(qtbot, dialog, 4, "registered_at", "21.11.2021 09:00", key=True)
    qtbot.waitUntil(lambda: statuses(dialog).get(4) == "neu", timeout=5_000)
    assert dialog.summary_label.text() == "3 Zeilen in der Datei: 3 neu."
    assert dialog.correct_hint.isHidden()

    with qtbot.waitSignal(dialog.import_finished, timeout=10_000) as blocker:
        dialog.import_button.click()
    report = blocker.args[0] if blocker.args else None
    assert isinstance(report, RegistrationImportReport) and (report.created, report.rejected) == (3, ())
    with transaction(db.sessions) as s:
        rows = {r.email: r for r in list_registration_rows(s, event_id)}
    assert set(rows) == {"anna@kiel.example", "j.gross@muenster.example", "oezlem@bonn.example"}
    assert rows["oezlem@bonn.example"].registered_at == datetime(2021, 11, 21, 9, 0, tzinfo=BERLIN)
    ctx.undo_stack.undo()  # undone as any import
    assert registrations(db, event_id) == {}
    ctx.undo_stack.redo()  # and redone with the corrected values
    assert set(registrations(db, event_id)) == set(rows)


def show_rows(dialog: dlg.ImportMappingDialog) -> list[int]:
    preview = dialog.preview_model
    return [preview.row_at(r).row for r in range(preview.rowCount())]


RENDERS = Path("/work/notes/renders")


@pytest.mark.parametrize(("screen", "name"), [((1366, 768), "import-preview.png"),
                                              ((1280, 720), "import-preview-1280x720.png")])
def test_render_the_preview_on_a_laptop_screen(qtbot: QtBot, ctx: AppContext, db: Database, tmp_path: Path,
                                               screen: tuple[int, int], name: str) -> None:
    """The dialog as it opens on the laptop (the size ``fit_to_screen`` gives it there): it fits, the status column
    is readable, nothing is clipped. The picture is for a human look."""
    event_id, path = mixed_file(db, tmp_path)
    dialog = open_dialog(qtbot, ctx, event_id, path)
    width, height = min(1240, screen[0] - 40), min(700, screen[1] - 60)  # what fit_to_screen gives there
    minimum = dialog.minimumSizeHint()
    assert minimum.width() <= width and minimum.height() <= height
    dialog.resize(width, height)
    qtbot.wait(30)
    assert dialog.width() == width and dialog.height() == height
    status = dialog.preview_model.column_fields().index("status")
    assert dialog.preview_view.columnWidth(status) >= 150
    for widget in (dialog.summary_label, dialog.import_button, dialog.filter_combo, dialog.allow_late):
        assert widget.isVisible() and dialog.rect().contains(widget.geometry().translated(
            widget.mapTo(dialog, widget.rect().topLeft()) - widget.geometry().topLeft()))
    image = dialog.grab().toImage()
    target = (RENDERS if RENDERS.is_dir() else tmp_path) / name
    assert image.save(str(target))
