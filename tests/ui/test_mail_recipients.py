"""Recipients in the window: a status group, the table's selection ("E-Mail an Auswahl …"), who just moved up
("Benachrichtigen …"); one BCC draft; a test draft to oneself; checks before the folder dialog; the access link
counts as sent only once confirmed."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QDialog, QFileDialog
from pytestqt.qtbot import QtBot

from odn_desktop.domain.timezone import BERLIN
from odn_desktop.services import mailing
from odn_desktop.services import registrations as regs
from odn_desktop.services.contacts import ContactInput
from odn_desktop.services.events import create_event, update_event
from odn_desktop.store.database import transaction
from odn_desktop.store.models import Event
from odn_desktop.store.open import Database
from odn_desktop.ui.dialogs import mail_ui, organizer_settings
from odn_desktop.ui.dialogs.mail_ui import MailDialog, PromotedNotice
from odn_desktop.ui.infra.context import AppContext
from odn_desktop.ui.pages.registrations_tab import RegistrationsTab

REAL_ASK_NOTIFY = mail_ui.ask_notify_promoted  # the conftest records it; one test clicks the real button
REAL_CHOOSE_DIRECTORY = mail_ui.choose_directory
START = datetime.now(BERLIN).replace(microsecond=0, second=0) + timedelta(days=30)
LINK = "https://zoom.example/j/4711"
COORDINATOR = "kim.schaefer@difu.example"
ANNA, BERND, OEZLEM, LENA = ("anna.gross@kiel.example", "bernd.becker@trier.example", "oezlem.kaya@jena.example",
                             "lena.vogt@halle.example")


@dataclass
class Meeting:
    ctx: AppContext
    event_id: uuid.UUID
    reg: dict[str, uuid.UUID]


@pytest.fixture(autouse=True)
def no_real_dialogs(monkeypatch: pytest.MonkeyPatch) -> list[QDialog]:
    opened: list[QDialog] = []
    monkeypatch.setattr(mail_ui, "exec_dialog", lambda d: opened.append(d) or 0)

    def unexpected(*args: Any) -> Any:
        raise AssertionError(f"unexpected dialog {args}")

    for name in ("choose_directory", "ask_confirmation", "open_file"):
        monkeypatch.setattr(mail_ui, name, unexpected)
    return opened


@pytest.fixture(autouse=True)
def coordinator(isolated_settings: Path) -> None:
    organizer_settings.save("Kim Schäfer", COORDINATOR)


@pytest.fixture
def meeting(db: Database) -> Iterator[Meeting]:
    """Two seats (Groß, Becker), Kaya waiting, Vogt cancelled; online with a link."""
    people = [ContactInput(ANNA, "Anna", "Groß", salutation="Frau", academic_title="Dr."),
              ContactInput(BERND, "Bernd", "Becker", salutation="Herr"),
              ContactInput(OEZLEM, "Özlem", "Kaya", salutation="Frau"),
              ContactInput(LENA, "Lena", "Vogt")]
    with transaction(db.sessions) as s:
        event = create_event(s, title="Sommertreffen", starts_at=START, ends_at=START + timedelta(hours=2),
                             capacity=2, online_url=LINK)
        ids = {p.email: regs.register(s, event.id, p).registration.id for p in people}
        regs.cancel(s, ids[LENA])
    ctx = AppContext(db)
    yield Meeting(ctx, event.id, ids)
    ctx.undo_stack.clear()


def editor(qtbot: QtBot, m: Meeting, **options: Any) -> MailDialog:
    dialog = MailDialog(m.ctx, m.event_id, **options)
    qtbot.addWidget(dialog, before_close_func=lambda d: d._edits.clear())
    dialog.show()
    return dialog


def tab_for(qtbot: QtBot, m: Meeting) -> RegistrationsTab:
    tab = RegistrationsTab(m.ctx)
    qtbot.addWidget(tab)
    tab.set_event(m.event_id)
    tab.resize(1280, 640)
    tab.show()
    return tab


def choices(dialog: MailDialog) -> dict[str, tuple[str, bool]]:
    model = dialog.recipient_combo.model()
    assert isinstance(model, QStandardItemModel)
    return {str(dialog.recipient_combo.itemData(i)): (dialog.recipient_combo.itemText(i), model.item(i).isEnabled())
            for i in range(dialog.recipient_combo.count())}


def choose(dialog: MailDialog, key: str) -> None:
    dialog.recipient_combo.setCurrentIndex(dialog.recipient_combo.findData(key))


def parse(path: Path) -> EmailMessage:
    msg = BytesParser(policy=policy.default).parsebytes(path.read_bytes())
    assert isinstance(msg, EmailMessage)
    return msg


def link_sent(m: Meeting) -> bool:
    return m.ctx.read(lambda s: s.get(Event, m.event_id).access_link_sent_at) is not None  # type: ignore[union-attr]


# -- choosing recipients -----------------------------------------------------------------------------------


def test_a_status_group_and_what_the_template_takes_from_it(qtbot: QtBot, meeting: Meeting) -> None:
    dialog = editor(qtbot, meeting, template="reminder")
    assert dialog.recipient_choice == "template" and dialog.registration_ids is None
    assert choices(dialog) == {
        "template": ("Wie in der Vorlage vorgesehen (2)", True),
        "registered": ("Alle Angemeldeten (2)", True),
        "waiting": ("Alle auf der Warteliste (0)", False),  # a reminder is for seat holders
        "cancelled": ("Alle Stornierten (0)", False),
        "attended": ("Alle, die teilgenommen haben (0)", False),
    }
    waiting = dialog.recipient_combo.findData("waiting")
    assert dialog.recipient_combo.itemData(waiting, Qt.ItemDataRole.ToolTipRole) == (
        "Niemand aus dieser Gruppe erhält „Erinnerung“.")

    dialog.template_combo.setCurrentIndex(dialog.template_combo.findData("waitlist"))
    assert choices(dialog)["waiting"] == ("Alle auf der Warteliste (1)", True)
    choose(dialog, "waiting")
    assert dialog.registration_ids == [meeting.reg[OEZLEM]]
    assert dialog.recipients_label.text() == "Empfänger: 1 Person"
    assert dialog.person_combo.count() == 1 and OEZLEM in dialog.person_combo.currentText()

    # who moved up is told only as such: no status group for it
    dialog.template_combo.setCurrentIndex(dialog.template_combo.findData("promoted"))
    assert dialog.recipient_choice == "waiting"  # the choice stays (never a wider circle), but reaches nobody
    assert dialog.registration_ids == [] and dialog.recipients_label.text() == "Empfänger: 0 Personen"
    assert not dialog.drafts_button.isEnabled() and not dialog.send_button.isEnabled()
    assert not choices(dialog)["registered"][1]
    registered = dialog.recipient_combo.findData("registered")
    assert "geht nur an die Nachgerückten" in dialog.recipient_combo.itemData(registered, Qt.ItemDataRole.ToolTipRole)


def test_email_to_the_tables_selection(qtbot: QtBot, meeting: Meeting, no_real_dialogs: list[QDialog]) -> None:
    tab = tab_for(qtbot, meeting)
    assert not tab.mail_action.isEnabled()
    tab.select_ids([meeting.reg[ANNA], meeting.reg[OEZLEM]])
    button = next(b for b in tab.bulk_buttons if b.objectName() == "mailSelectionButton")
    assert button.isEnabled() and button.text() == "E-Mai&l an Auswahl …"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = no_real_dialogs[-1]
    assert isinstance(dialog, MailDialog)
    qtbot.addWidget(dialog)
    assert dialog.recipient_choice == "selection"
    assert sorted(dialog.registration_ids or []) == sorted([meeting.reg[ANNA], meeting.reg[OEZLEM]])
    assert dialog.recipient_combo.currentText() == "Auswahl aus der Tabelle (1)"  # Kaya waits: no confirmation
    assert dialog.recipients_label.text() == "Empfänger: 1 Person (1 übersprungen)"
    assert "Özlem Kaya – Status „Warteliste“ passt nicht" in dialog.recipients_label.toolTip()

    tab.select_ids([meeting.reg[OEZLEM]])  # only waiting people: the waiting-list note
    tab.mail_action.trigger()
    waiting = no_real_dialogs[-1]
    assert isinstance(waiting, MailDialog) and waiting is not dialog
    qtbot.addWidget(waiting)
    assert waiting.template_name == "waitlist" and waiting.registration_ids == [meeting.reg[OEZLEM]]
    assert waiting.recipients_label.text() == "Empfänger: 1 Person"


def test_benachrichtigen_writes_to_exactly_who_moved_up(qtbot: QtBot, meeting: Meeting,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(mail_ui, "ask_notify_promoted", REAL_ASK_NOTIFY)
    notices: list[PromotedNotice] = []
    editors: list[MailDialog] = []

    def run(dialog: QDialog) -> int:
        if isinstance(dialog, PromotedNotice):  # the coordinator clicks "Benachrichtigen …"
            notices.append(dialog)
            dialog.show()
            assert dialog.text().startswith("Von der Warteliste nachgerückt: Özlem Kaya (oezlem.kaya@jena.example).")
            assert dialog.notify_button.text() == "&Benachrichtigen …"
            qtbot.mouseClick(dialog.notify_button, Qt.MouseButton.LeftButton)
        else:
            assert isinstance(dialog, MailDialog)
            editors.append(dialog)
        return 0

    monkeypatch.setattr(mail_ui, "exec_dialog", run)
    tab = tab_for(qtbot, meeting)
    tab.select_ids([meeting.reg[ANNA]])
    tab.cancel_action.trigger()  # Groß cancels: Kaya moves up
    assert len(notices) == 1 and notices[0].windowTitle() == "Von der Warteliste nachgerückt"
    [dialog] = editors
    qtbot.addWidget(dialog)
    assert dialog.template_name == "promoted"
    assert dialog.registration_ids == [meeting.reg[OEZLEM]]
    assert dialog.recipient_combo.currentText() == "Nachgerückte (1)"
    assert dialog.recipients_label.text() == "Empfänger: 1 Person"
    assert dialog.preview_body.toPlainText().startswith("Sehr geehrte Frau Kaya,")
    assert dialog.preview_subject.text().startswith("Platz frei geworden: Sommertreffen")


def test_closing_the_notice_writes_nothing(qtbot: QtBot, meeting: Meeting, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(mail_ui, "ask_notify_promoted", REAL_ASK_NOTIFY)
    shown: list[QDialog] = []

    def run(dialog: QDialog) -> int:
        shown.append(dialog)
        if isinstance(dialog, PromotedNotice):
            dialog.show()
            qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
        return 0

    monkeypatch.setattr(mail_ui, "exec_dialog", run)
    tab = tab_for(qtbot, meeting)
    tab.select_ids([meeting.reg[BERND]])
    tab.cancel_action.trigger()
    assert [type(d) for d in shown] == [PromotedNotice]


# -- one draft to everyone in BCC --------------------------------------------------------------------------


def test_bcc_for_general_information_one_draft(qtbot: QtBot, meeting: Meeting, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch, dialogs: Any) -> None:
    dialog = editor(qtbot, meeting, template="reminder")
    assert dialog.bcc_check.isEnabled() and not dialog.bcc_check.isChecked()
    qtbot.mouseClick(dialog.bcc_check, Qt.MouseButton.LeftButton)
    assert dialog.bcc
    assert dialog.preview_to.text() == f"An: Kim Schäfer <{COORDINATOR}> · BCC: 2 Personen"
    assert dialog.preview_body.toPlainText().startswith("Guten Tag,\n")
    assert not dialog.person_combo.isEnabled()
    assert dialog.recipients_label.text() == "Empfänger: 2 Personen in BCC (ein Entwurf)"
    monkeypatch.setattr(mail_ui, "choose_directory", lambda *_a: tmp_path / "BCC")
    dialog.drafts_button.click()
    [path] = (tmp_path / "BCC").iterdir()
    msg = parse(path)
    assert {a.addr_spec for a in msg["Bcc"].addresses} == {ANNA, BERND}
    assert [a.addr_spec for a in msg["To"].addresses] == [COORDINATOR]
    [(_parent, title, message)] = dialogs.of("information")
    assert title == "Entwürfe gespeichert" and message.startswith("Ein Entwurf an 2 Personen in BCC gespeichert in ")

    # a personal template: the choice is off, and says why
    dialog.template_combo.setCurrentIndex(dialog.template_combo.findData("access_link"))
    assert not dialog.bcc_check.isEnabled() and not dialog.bcc_check.isChecked() and not dialog.bcc
    assert "geht an jede Person einzeln, denn sie enthält den Zugangslink" in dialog.bcc_check.toolTip()
    assert dialog.person_combo.isEnabled()
    assert dialog.preview_body.toPlainText().startswith("Sehr geehrte")


def test_a_personal_placeholder_is_pointed_out_for_bcc(qtbot: QtBot, meeting: Meeting, dialogs: Any) -> None:
    dialog = editor(qtbot, meeting, template="thanks")
    dialog.bcc_check.setChecked(True)
    dialog.body_edit.setPlainText("$anrede,\n\ndanke, $vorname!\n")
    dialog.refresh_preview()
    assert "Platzhalter $vorname" in dialog.problem_label.text()
    dialog.drafts_button.click()  # refused before the folder dialog (choose_directory would fail)
    [(_parent, message)] = dialogs.of("user_error")
    assert "Platzhalter $vorname" in message


# -- checks before the folder dialog -----------------------------------------------------------------------


def test_no_folder_dialog_when_the_link_is_missing_or_nobody_gets_it(
        qtbot: QtBot, meeting: Meeting, monkeypatch: pytest.MonkeyPatch, dialogs: Any) -> None:
    monkeypatch.setattr(mail_ui, "choose_directory", REAL_CHOOSE_DIRECTORY)
    folder_dialogs: list[Any] = []
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a: folder_dialogs.append(a) or "")
    with transaction(meeting.ctx.db.sessions) as s:  # type: ignore[union-attr]
        update_event(s, meeting.event_id, online_url="")
    dialog = editor(qtbot, meeting, template="access_link")
    qtbot.mouseClick(dialog.drafts_button, Qt.MouseButton.LeftButton)
    assert folder_dialogs == []
    [(_parent, message)] = dialogs.of("user_error")
    assert message == "Für „Sommertreffen“ ist noch kein Zugangslink eingetragen."

    nobody = editor(qtbot, meeting, template="reminder", registration_ids=[meeting.reg[OEZLEM]])
    nobody.drafts_button.setEnabled(True)  # (the window greys it out already; the check holds anyway)
    qtbot.mouseClick(nobody.drafts_button, Qt.MouseButton.LeftButton)
    assert folder_dialogs == []
    assert dialogs.of("user_error")[-1][1].startswith("Niemand erhält die Nachricht „Erinnerung“.")

    with transaction(meeting.ctx.db.sessions) as s:  # type: ignore[union-attr]
        update_event(s, meeting.event_id, online_url=LINK)
    qtbot.mouseClick(dialog.drafts_button, Qt.MouseButton.LeftButton)  # all fine: now the folder is asked for
    assert len(folder_dialogs) == 1


# -- test draft --------------------------------------------------------------------------------------------


def test_test_draft_to_me_with_the_previewed_persons_data(qtbot: QtBot, meeting: Meeting, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[Path] = []
    monkeypatch.setattr(mail_ui, "open_file", lambda path: opened.append(path) or True)
    monkeypatch.setattr(mail_ui, "draft_test_folder", lambda: tmp_path / "Test")
    notes: list[str] = []
    meeting.ctx.status_message.connect(notes.append)
    dialog = editor(qtbot, meeting, template="access_link")
    assert dialog.test_button.text() == "Testentwurf &an mich"
    dialog.person_combo.setCurrentIndex(dialog.person_combo.findData(meeting.reg[BERND]))
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    [path] = opened
    msg = parse(path)
    assert [a.addr_spec for a in msg["To"].addresses] == [COORDINATOR]
    body = msg.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    assert body.splitlines()[0] == "Sehr geehrter Herr Becker," and LINK in body
    assert notes[-1].startswith(f"Testentwurf an {COORDINATOR} gespeichert: ")
    assert meeting.ctx.read(lambda s: mailing.messages_of_event(s, meeting.event_id)) == {}  # recorded nowhere
    assert not dialog.mark_sent_button.isVisible()


# -- the access link counts as sent once confirmed ---------------------------------------------------------


def test_access_link_marked_when_the_coordinator_confirms_right_away(
        qtbot: QtBot, meeting: Meeting, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(mail_ui, "choose_directory", lambda *_a: tmp_path)
    answers = [False, True]
    questions: list[str] = []
    monkeypatch.setattr(mail_ui, "ask_confirmation", lambda _p, _t, text: questions.append(text) or answers.pop(0))
    notes: list[str] = []
    meeting.ctx.status_message.connect(notes.append)
    dialog = editor(qtbot, meeting, template="access_link")
    dialog.drafts_button.click()  # "not yet"
    assert "Haben Sie die Entwürfe aus Outlook verschickt?" in questions[0]
    assert not link_sent(meeting) and dialog.mark_sent_button.isVisible()
    dialog.drafts_button.click()  # written again, and this time they went out
    assert link_sent(meeting) and not dialog.mark_sent_button.isVisible()
    assert notes[-1] == "2 Entwürfe als verschickt vermerkt. Die Frist „Zugangslink verschicken“ ist erledigt."


# -- test mail over SMTP -----------------------------------------------------------------------------------


def test_test_mail_to_me_over_smtp_records_nothing(qtbot: QtBot, meeting: Meeting,
                                                    no_real_dialogs: list[QDialog]) -> None:
    from mail_smtp_server import smtp_server
    from odn_desktop.ui.dialogs.mail_send_dialog import SendDialog

    dialog = editor(qtbot, meeting, template="reminder")
    dialog.send_button.click()
    send = no_real_dialogs[-1]
    assert isinstance(send, SendDialog)  # a child of the editor: closed with it
    send.show()
    with smtp_server() as server:
        send.host_edit.setText(server.host)
        send.port_spin.setValue(server.port)
        send.starttls_check.setChecked(False)
        assert send.test_button.text() == "Test&mail an mich" and send.test_button.isEnabled()
        qtbot.mouseClick(send.test_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: send.test_sent is not None, timeout=20000)
    assert send.test_sent is not None and send.test_sent.ok
    assert server.handler.recipients() == [COORDINATOR]
    [received] = server.handler.received
    body = received.message.get_body(("plain",)).get_content()
    assert body.splitlines()[0] == "Sehr geehrter Herr Becker,"  # the first recipient (German order)
    assert send.status_label.text().startswith(f"Testmail an {COORDINATOR} versendet.")
    assert meeting.ctx.read(lambda s: mailing.messages_of_event(s, meeting.event_id)) == {}
    assert send.report is None  # nothing was sent to the recipients
