"""The "Teilnahmebescheinigungen …" dialog of the event editor, driven as the coordinator would."""

from __future__ import annotations

import io
import uuid
from collections.abc import Iterator
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from conftest import DialogRecorder  # type: ignore[attr-defined]
from mail_smtp_server import SmtpServer, smtp_server
from odn_desktop.domain.settings import CERTIFICATE_MIN_PERCENT
from odn_desktop.services import mailing
from odn_desktop.services import registrations as regs
from odn_desktop.services.rows import EventRow
from odn_desktop.store.database import transaction
from odn_desktop.store.open import Database
from odn_desktop.ui.dialogs import certificates_dialog, mail_ui, organizer_settings
from odn_desktop.ui.dialogs.certificates_dialog import CertificatesDialog, CertificatesModel
from odn_desktop.ui.dialogs.mail_send_dialog import SendDialog
from odn_desktop.ui.dialogs.mail_ui import MailDialog
from odn_desktop.ui.editors.event import EventEditor
from odn_desktop.ui.infra.context import AppContext
from odn_desktop.ui.infra.settings import app_settings

COORDINATOR = "Kim Schäfer"


@pytest.fixture(autouse=True)
def no_real_dialogs(monkeypatch: pytest.MonkeyPatch) -> list[QDialog]:
    """Modal dialogs are recorded instead of shown; file choosers must be set by each test."""
    opened: list[QDialog] = []
    monkeypatch.setattr(certificates_dialog, "exec_dialog", lambda d: opened.append(d) or 0)
    monkeypatch.setattr(mail_ui, "exec_dialog", lambda d: opened.append(d) or 0)

    def unexpected(*args: Any) -> Any:
        raise AssertionError(f"unexpected dialog {args}")

    for name in ("choose_directory", "choose_pdf_file"):
        monkeypatch.setattr(certificates_dialog, name, unexpected)
    monkeypatch.setattr(mail_ui, "choose_directory", unexpected)
    return opened


@pytest.fixture(autouse=True)
def coordinator(isolated_settings: Path) -> None:
    organizer_settings.save(COORDINATOR, "kim.schaefer@difu.example")


@pytest.fixture
def kickoff(demo_db: Database, kickoff_row: EventRow) -> uuid.UUID:
    """The demo's held meeting (90 minutes, 20 attended 60–90 minutes), plus one person marked attended by hand
    and one who stayed 20 minutes: who attended is 22 people."""
    with transaction(demo_db.sessions) as s:
        absent = [r for r in regs.list_registration_rows(s, kickoff_row.id) if not r.attended]
        regs.mark_attendance(s, absent[0].id, True)
        regs.mark_attendance(s, absent[1].id, True, 20)
    return kickoff_row.id


@pytest.fixture
def ctx(demo_db: Database) -> AppContext:
    return AppContext(demo_db)


def open_dialog(qtbot: QtBot, ctx: AppContext, event_id: uuid.UUID) -> CertificatesDialog:
    dialog = CertificatesDialog(ctx, event_id)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def counts(dialog: CertificatesDialog) -> tuple[int, int]:
    rows = dialog.model.rows()
    yes = sum(1 for r in rows if r.qualifies)
    return yes, len(rows) - yes


def pdf_text(data: bytes) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(data))
    return len(reader.pages), " ".join(" ".join(p.extract_text().split()) for p in reader.pages)


def test_model_passes_qtmodeltester(qtmodeltester: ModelTester, qtbot: QtBot, ctx: AppContext,
                                    kickoff: uuid.UUID) -> None:
    dialog = open_dialog(qtbot, ctx, kickoff)
    qtmodeltester.check(dialog.model, force_py=True)  # watches the reloads that follow
    dialog.view.selectRow(0)
    first = dialog.model.row_at(0)
    dialog.view.sortByColumn(CertificatesModel.SHARE, Qt.SortOrder.DescendingOrder)  # a header click
    shares = [dialog.model.index(r, CertificatesModel.SHARE).data() for r in range(dialog.model.rowCount())]
    assert shares[0] == "100 %" and shares[-1] == "–"  # marked by hand: no share, last
    selected = dialog.view.selectionModel().selectedRows()
    assert [dialog.model.row_at(i.row()) for i in selected] == [first]  # the selection follows its row
    dialog.percent_spin.setValue(80)
    shares = [dialog.model.index(r, CertificatesModel.SHARE).data() for r in range(dialog.model.rowCount())]
    assert shares[0] == "100 %" and shares[-1] == "–"  # the order holds across a reload
    dialog.percent_spin.setValue(100)
    empty = CertificatesModel()
    qtmodeltester.check(empty, force_py=True)
    empty.set_rows(dialog.model.rows())
    empty.set_rows([])


def test_the_threshold_decides_who_gets_one_and_is_remembered(qtbot: QtBot, ctx: AppContext,
                                                              kickoff: uuid.UUID) -> None:
    dialog = open_dialog(qtbot, ctx, kickoff)
    assert dialog.percent_spin.value() == 50 and dialog.percent_spin.suffix() == " %"
    assert counts(dialog) == (21, 1)  # 20 with 60–90 minutes and one by hand; 20 minutes are too few
    assert dialog.summary_label.text() == "21 erhalten eine Bescheinigung, 1 nicht"
    assert "mindestens 45 von 90 Minuten" in dialog.rule_label.text()
    short = next(r for r in range(dialog.model.rowCount())
                 if dialog.model.index(r, CertificatesModel.MINUTES).data() == "20")
    cells = [dialog.model.index(short, c).data() for c in range(dialog.model.columnCount())]
    assert cells[2:] == ["20", "22 %", "keine", "20 von 90 Minuten (22 %) – unter 50 %"]
    by_hand = next(r for r in dialog.model.rows() if r.by_hand)
    assert by_hand.qualifies and by_hand.reason == "von Hand als anwesend markiert"

    dialog.percent_spin.setValue(80)  # 72 of 90 minutes: the 80- and 90-minute people and the one by hand
    assert counts(dialog) == (12, 10)
    assert dialog.summary_label.text() == "12 erhalten eine Bescheinigung, 10 nicht"
    assert app_settings().get(CERTIFICATE_MIN_PERCENT) == 80
    again = open_dialog(qtbot, ctx, kickoff)
    assert again.percent_spin.value() == 80 and counts(again) == (12, 10)


def test_a_meeting_without_attendance_says_what_to_do(qtbot: QtBot, ctx: AppContext,
                                                       demo_rows: list[EventRow]) -> None:
    upcoming = next(r for r in demo_rows if r.starts_at.year == 2027)
    dialog = open_dialog(qtbot, ctx, upcoming.id)
    assert dialog.model.rowCount() == 0
    assert "noch keine Teilnahme erfasst" in dialog.summary_label.text()
    assert not dialog.save_button.isEnabled() and not dialog.drafts_button.isEnabled()


def test_single_files_are_saved_into_the_chosen_folder_and_cancel_writes_nothing(
        qtbot: QtBot, ctx: AppContext, kickoff: uuid.UUID, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        dialogs: DialogRecorder) -> None:
    dialog = open_dialog(qtbot, ctx, kickoff)
    dialog.percent_spin.setValue(80)
    monkeypatch.setattr(certificates_dialog, "choose_directory", lambda *_a: None)
    dialog.save_button.click()
    dialog.drafts_button.click()
    monkeypatch.setattr(certificates_dialog, "choose_pdf_file", lambda *_a: None)
    dialog.print_button.click()
    assert list(tmp_path.rglob("*.pdf")) == [] and list(tmp_path.rglob("*.eml")) == []
    assert dialogs.of("information") == [] and dialogs.of("user_error") == []

    folder = tmp_path / "Bescheinigungen"
    monkeypatch.setattr(certificates_dialog, "choose_directory", lambda *_a: folder)
    dialog.save_button.click()
    files = sorted(folder.glob("*.pdf"))
    assert len(files) == 12
    qualifying = [r for r in dialog.model.rows() if r.qualifies]
    first = qualifying[0]
    pages, text = pdf_text(next(f for f in files if first.last_name in f.name).read_bytes())
    assert pages == 1 and first.last_name in text and COORDINATOR in text and str(first.number) in text
    ((_parent, title, message),) = dialogs.of("information")
    assert title == "Teilnahmebescheinigungen gespeichert" and message.startswith("12 Bescheinigungen gespeichert")


def test_the_coordinator_is_asked_for_once_and_cancelling_writes_nothing(
        qtbot: QtBot, ctx: AppContext, kickoff: uuid.UUID, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        dialogs: DialogRecorder) -> None:
    organizer_settings.save("", "")
    monkeypatch.delenv("ODN_ORGANIZER_NAME", raising=False)
    monkeypatch.delenv("ODN_ORGANIZER_EMAIL", raising=False)
    dialog = open_dialog(qtbot, ctx, kickoff)
    monkeypatch.setattr(certificates_dialog, "choose_directory", lambda *_a: tmp_path / "nie")
    dialog.save_button.click()  # the recorder cancels the settings dialog
    assert len(dialogs.of("ask_organizer")) == 1
    assert not (tmp_path / "nie").exists()

    monkeypatch.setattr(organizer_settings, "ask_organizer",
                        lambda _p, v: {**v, "name": "Jan Weiß", "email": "jan.weiss@difu.example"})
    monkeypatch.setattr(certificates_dialog, "choose_pdf_file", lambda *_a: tmp_path / "alle.pdf")
    dialog.print_button.click()
    pages, text = pdf_text((tmp_path / "alle.pdf").read_bytes())
    assert pages == 21 and text.count("Jan Weiß") == 21
    assert organizer_settings.saved_name() == "Jan Weiß"


def test_drafts_carry_each_persons_pdf_and_the_registrations_remember_it(
        qtbot: QtBot, ctx: AppContext, kickoff: uuid.UUID, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        dialogs: DialogRecorder) -> None:
    dialog = open_dialog(qtbot, ctx, kickoff)
    dialog.percent_spin.setValue(80)
    changed: list[object] = []
    ctx.changed.connect(changed.append)
    monkeypatch.setattr(certificates_dialog, "choose_directory", lambda *_a: tmp_path / "Entwürfe")
    dialog.drafts_button.click()
    qualifying = {r.email: r for r in dialog.model.rows() if r.qualifies}
    files = sorted((tmp_path / "Entwürfe").glob("*.eml"))
    assert len(files) == 12 and ("registrations",) in changed
    for path in files:
        msg = BytesParser(policy=policy.default).parsebytes(path.read_bytes())
        assert isinstance(msg, EmailMessage)
        person = qualifying[msg["To"].addresses[0].addr_spec]
        (part,) = list(msg.iter_attachments())
        assert part.get_content_type() == "application/pdf"
        data = part.get_payload(decode=True)
        assert isinstance(data, bytes)
        assert str(person.number) in pdf_text(data)[1]
    ((_p, title, message),) = dialogs.of("information")
    assert title == "Entwürfe gespeichert" and message.startswith("12 Entwürfe mit Bescheinigung gespeichert")
    logged = ctx.read(lambda s: mailing.messages_of_event(s, kickoff))
    certified = {reg_id for reg_id, rows in logged.items() if any(m.template == "certificate" for m in rows)}
    assert {r.registration_id for r in dialog.model.rows() if r.qualifies} == certified


@pytest.fixture
def server() -> Iterator[SmtpServer]:
    with smtp_server() as srv:
        yield srv


def test_sending_goes_through_the_send_dialog_with_the_pdfs(
        qtbot: QtBot, ctx: AppContext, kickoff: uuid.UUID, server: SmtpServer,
        no_real_dialogs: list[QDialog]) -> None:
    dialog = open_dialog(qtbot, ctx, kickoff)
    dialog.percent_spin.setValue(90)  # the seven with 90 minutes and the one by hand
    dialog.send_button.click()
    send = no_real_dialogs[-1]
    assert isinstance(send, SendDialog)  # a child of the dialog: closed and deleted with it
    assert send.min_percent == 90 and len(send.attachments) == 8
    assert send.table.rowCount() == 8
    send.host_edit.setText(server.host)
    send.port_spin.setValue(server.port)
    send.starttls_check.setChecked(False)
    send.pause_spin.setValue(0)
    send.start_button.click()
    qtbot.waitUntil(lambda: send.report is not None and not send.running, timeout=20000)
    assert send.report is not None and len(send.report.sent) == 8
    for received in server.handler.received:
        (part,) = list(received.message.iter_attachments())
        assert part.get_content_type() == "application/pdf"


def test_the_template_editor_attaches_the_certificates_too(
        qtbot: QtBot, ctx: AppContext, kickoff: uuid.UUID, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app_settings().set(CERTIFICATE_MIN_PERCENT, 80)
    editor = MailDialog(ctx, kickoff, template="certificate")
    qtbot.addWidget(editor, before_close_func=lambda d: d._edits.clear())
    assert editor.recipients_label.text().startswith("Empfänger: 12 Personen")
    assert "Teilnahmebescheinigung (PDF)" in editor.attachment_label.text()
    monkeypatch.setattr(mail_ui, "choose_directory", lambda *_a: tmp_path)
    editor.drafts_button.click()
    files = list(tmp_path.glob("*.eml"))
    assert len(files) == 12
    msg = BytesParser(policy=policy.default).parsebytes(files[0].read_bytes())
    assert isinstance(msg, EmailMessage)
    assert [p.get_content_type() for p in msg.iter_attachments()] == ["application/pdf"]


def test_the_event_editor_opens_it(qtbot: QtBot, ctx: AppContext, kickoff: uuid.UUID,
                                   no_real_dialogs: list[QDialog]) -> None:
    editor = EventEditor(ctx)
    qtbot.addWidget(editor)
    editor.set_event(None)
    assert editor.certificates_button.isHidden()
    editor.set_event(kickoff)
    assert not editor.certificates_button.isHidden()
    assert editor.certificates_button.text() == "Teilnahmebescheinigungen …"
    editor.certificates_button.click()
    (opened,) = no_real_dialogs
    assert isinstance(opened, CertificatesDialog) and opened.event_id == kickoff  # a child: closed with the editor
    assert opened.width() <= 900 and opened.height() <= 600
