"""The template editor, the send dialog and the privacy dialog, driven as the coordinator would."""

from __future__ import annotations

import shutil
import subprocess
import sys
import uuid
from collections.abc import Iterator
from datetime import datetime, timedelta
from email import policy
from email.parser import BytesParser
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from mail_smtp_server import SmtpServer, smtp_server
from odn_desktop.domain.settings import RETENTION_MONTHS, SMTP_HOST
from odn_desktop.domain.timezone import BERLIN, utcnow
from odn_desktop.services import mailing
from odn_desktop.services import registrations as regs
from odn_desktop.services.contacts import ContactInput
from odn_desktop.services.events import create_event, update_event
from odn_desktop.services.rows import EventRow
from odn_desktop.store.database import transaction
from odn_desktop.store.mail_models import RegistrationMessage
from odn_desktop.store.models import Event, Registration
from odn_desktop.store.open import Database
from odn_desktop.ui.dialogs import mail_ui, organizer_settings
from odn_desktop.ui.dialogs.mail_send_dialog import SendDialog
from odn_desktop.ui.dialogs.mail_ui import MailDialog
from odn_desktop.ui.dialogs.privacy_dialog import PrivacyDialog
from odn_desktop.ui.infra.context import AppContext
from odn_desktop.ui.infra.settings import app_settings

SCREENSHOT = Path("/tmp/odn-mail.png")
LINK = "https://zoom.example/j/2021"


@pytest.fixture(autouse=True)
def no_real_dialogs(monkeypatch: pytest.MonkeyPatch) -> list[QDialog]:
    """Modal dialogs are recorded instead of shown; file choosers and questions must be set by each test."""
    opened: list[QDialog] = []
    monkeypatch.setattr(mail_ui, "exec_dialog", lambda d: opened.append(d) or 0)

    def unexpected(*args: Any) -> Any:
        raise AssertionError(f"unexpected dialog {args}")

    monkeypatch.setattr(mail_ui, "choose_directory", unexpected)
    monkeypatch.setattr(mail_ui, "choose_save_file", unexpected)
    monkeypatch.setattr(mail_ui, "ask_confirmation", unexpected)
    return opened


@pytest.fixture(autouse=True)
def coordinator(isolated_settings: Path) -> None:
    """The coordinator's name and address, saved as the settings dialog saves them (drafts and mails need them)."""
    organizer_settings.save("Kim Schäfer", "kim.schaefer@difu.example")


@pytest.fixture
def ctx(demo_db: Database, december_row: EventRow) -> AppContext:
    with transaction(demo_db.sessions) as s:
        update_event(s, december_row.id, online_url=LINK)
        event = s.get(Event, december_row.id)
        assert event is not None
        # as if the link had not gone out yet: the demo's drafts stay drafts (the confirmation is taken back)
        event.access_link_sent_at = None
        for message in s.scalars(select(RegistrationMessage).join(Registration).where(
                Registration.event_id == december_row.id, RegistrationMessage.template == "access_link",
                RegistrationMessage.result == "sent")):
            s.delete(message)
    return AppContext(demo_db)


def registered_emails(ctx: AppContext, event_id: uuid.UUID) -> set[str]:
    return ctx.read(lambda s: {p.email for p in mailing.recipients(s, event_id, "access_link").people})


def editor(qtbot: QtBot, ctx: AppContext, event_id: uuid.UUID, **options: Any) -> MailDialog:
    dialog = MailDialog(ctx, event_id, **options)
    qtbot.addWidget(dialog, before_close_func=lambda d: d._edits.clear())  # no "save changes?" at teardown
    dialog.show()
    return dialog


def test_preview_on_a_real_registrant_follows_the_typing(qtbot: QtBot, ctx: AppContext,
                                                         december_row: EventRow) -> None:
    dialog = editor(qtbot, ctx, december_row.id, template="access_link")
    assert dialog.template_name == "access_link"
    assert dialog.person_combo.count() == december_row.registered
    first = dialog.person_combo.currentText()
    body = dialog.preview_body.toPlainText()
    assert body.startswith(("Sehr geehrte Frau ", "Sehr geehrter Herr ", "Guten Tag "))
    assert LINK in body and "$" not in body
    assert dialog.preview_subject.text() == "Zugangslink: Open-Data-Netzwerktreffen am 02.12.2021"
    assert dialog.preview_to.text().endswith(first.split(" <")[1])
    assert "invite.ics" in dialog.attachment_label.text()
    assert dialog.recipients_label.text() == f"Empfänger: {december_row.registered} Personen"
    assert dialog.state_label.text() == "Mitgelieferter Text"

    dialog.subject_edit.setFocus()
    dialog.subject_edit.end(False)
    qtbot.keyClicks(dialog.subject_edit, " fuer $vorname")  # QTest types ASCII only
    qtbot.waitUntil(lambda: "fuer " in dialog.preview_subject.text() and "$" not in dialog.preview_subject.text())
    assert dialog.state_label.text() == "Ungespeicherte Änderungen"
    qtbot.keyClicks(dialog.subject_edit, " $vornme")
    qtbot.waitUntil(lambda: "$vornme" in dialog.problem_label.text())
    assert "$vornme" in dialog.preview_subject.text()  # the preview shows the typo as it is

    dialog.person_combo.setCurrentIndex(1)
    assert dialog.person_combo.currentText() != first
    assert dialog.preview_to.text().endswith(dialog.person_combo.currentText().split(" <")[1])


def test_placeholder_list_inserts_at_the_cursor(qtbot: QtBot, ctx: AppContext, december_row: EventRow) -> None:
    dialog = editor(qtbot, ctx, december_row.id, template="reminder")
    dialog.body_edit.setPlainText("Hallo ")
    dialog.body_edit.moveCursor(dialog.body_edit.textCursor().MoveOperation.End)
    item = next(dialog.placeholder_list.item(i) for i in range(dialog.placeholder_list.count())
                if dialog.placeholder_list.item(i).text().startswith("$zugangslink "))
    dialog.placeholder_list.itemActivated.emit(item)
    assert dialog.body_edit.toPlainText() == "Hallo $zugangslink"
    dialog.refresh_preview()
    assert dialog.preview_body.toPlainText() == f"Hallo {LINK}\n"


def test_save_switch_and_reset_templates(qtbot: QtBot, ctx: AppContext, december_row: EventRow,
                                         monkeypatch: pytest.MonkeyPatch, dialogs: Any) -> None:
    dialog = editor(qtbot, ctx, december_row.id, template="reminder")
    dialog.subject_edit.setText("Morgen: $veranstaltung")
    dialog.template_combo.setCurrentIndex(dialog.template_combo.findData("thanks"))
    assert dialog.subject_edit.text().startswith("Vielen Dank")
    dialog.template_combo.setCurrentIndex(dialog.template_combo.findData("reminder"))
    assert dialog.subject_edit.text() == "Morgen: $veranstaltung"  # unsaved edits survive a switch
    assert dialog.has_unsaved_changes()
    dialog.save_button.click()
    assert not dialog.has_unsaved_changes() and dialog.state_label.text() == "Eigener Text"
    assert ctx.read(lambda s: mailing.load_template(s, "reminder")).subject == "Morgen: $veranstaltung"

    dialog.subject_edit.setText("Kaputt $xyz")
    dialog.save_button.click()
    [(_parent, message)] = dialogs.of("user_error")
    assert "Unbekannte Platzhalter $xyz" in message
    assert ctx.read(lambda s: mailing.load_template(s, "reminder")).subject == "Morgen: $veranstaltung"

    dialog.reset_button.click()
    assert dialog.subject_edit.text() == "Erinnerung: $veranstaltung am $datum_kurz"
    assert not ctx.read(lambda s: mailing.is_customised(s, "reminder"))

    dialog.subject_edit.setText("Noch eine Änderung")
    monkeypatch.setattr(mail_ui, "ask_confirmation", lambda *_a: True)
    dialog.reject()  # closing asks, and saves
    assert ctx.read(lambda s: mailing.load_template(s, "reminder")).subject == "Noch eine Änderung"


def test_drafts_from_the_editor(qtbot: QtBot, ctx: AppContext, december_row: EventRow, tmp_path: Path,
                                monkeypatch: pytest.MonkeyPatch, dialogs: Any) -> None:
    dialog = editor(qtbot, ctx, december_row.id, template="access_link")
    dialog.body_edit.setPlainText("$anrede,\n\nIhr Link: $zugangslink\n")  # unsaved: drafts use what is shown
    monkeypatch.setattr(mail_ui, "choose_directory", lambda *_a: tmp_path)
    questions: list[tuple[str, str]] = []
    monkeypatch.setattr(mail_ui, "ask_confirmation", lambda _p, title, text: questions.append((title, text)) and False)
    changed: list[Any] = []
    ctx.changed.connect(changed.append)
    dialog.drafts_button.click()
    files = sorted(tmp_path.glob("*.eml"))
    assert len(files) == december_row.registered
    recipients = set()
    for path in files:
        msg = BytesParser(policy=policy.default).parsebytes(path.read_bytes())
        recipients.add(msg["To"].addresses[0].addr_spec)
        text = msg.get_body(("plain",)).get_content().replace("\r\n", "\n")  # type: ignore[union-attr]
        assert text.endswith(f"Ihr Link: {LINK}\n") and msg["X-Unsent"] == "1"
    assert recipients == registered_emails(ctx, december_row.id)
    [(title, message)] = questions  # "Haben Sie die Entwürfe aus Outlook verschickt?" – not yet
    assert title == "Entwürfe gespeichert" and not dialogs.of("information")
    assert message.startswith(f"{december_row.registered} Entwürfe gespeichert in {tmp_path}\n\n")
    assert "Haben Sie die Entwürfe aus Outlook verschickt?" in message
    assert ("registrations", "events", "tasks") in changed
    sent_at = lambda: ctx.read(lambda s: s.get(Event, december_row.id).access_link_sent_at)  # type: ignore[union-attr]  # noqa: E731
    assert sent_at() is None  # saving drafts sends nothing
    assert dialog.mark_sent_button.isVisible()
    assert dialog.pending_label.text() == f"{december_row.registered} Entwürfe noch nicht als verschickt vermerkt"
    # later: "Als verschickt markieren …"
    monkeypatch.setattr(mail_ui, "ask_confirmation", lambda _p, title, text: questions.append((title, text)) or True)
    dialog.mark_sent_button.click()
    assert questions[-1][1].startswith(f"{december_row.registered} Entwürfe „Zugangslink mit Einladung“ sind noch "
                                       "nicht als verschickt vermerkt.")
    assert sent_at() is not None and not dialog.mark_sent_button.isVisible()


def test_drafts_ask_once_for_the_coordinator_when_none_is_set(qtbot: QtBot, ctx: AppContext,
                                                              december_row: EventRow, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    organizer_settings.save("", "")
    monkeypatch.delenv("ODN_ORGANIZER_NAME", raising=False)
    monkeypatch.delenv("ODN_ORGANIZER_EMAIL", raising=False)
    dialog = editor(qtbot, ctx, december_row.id, template="access_link")
    asked: list[dict[str, str]] = []

    def cancel(_parent: Any, values: dict[str, str]) -> None:
        asked.append(values)

    monkeypatch.setattr(organizer_settings, "ask_organizer", cancel)
    dialog.drafts_button.click()  # cancelled: no folder asked for (choose_directory would fail), nothing written
    assert len(asked) == 1 and not list(tmp_path.glob("*.eml"))

    def fill(_parent: Any, values: dict[str, str]) -> dict[str, str]:
        asked.append(values)
        return {**values, "name": "Jana Koordinatorin", "email": "jana@difu.example"}

    monkeypatch.setattr(organizer_settings, "ask_organizer", fill)
    monkeypatch.setattr(mail_ui, "choose_directory", lambda *_a: tmp_path)
    monkeypatch.setattr(mail_ui, "ask_confirmation", lambda *_a: False)  # not yet sent from Outlook
    dialog.drafts_button.click()
    dialog.drafts_button.click()  # saved: not asked again
    assert len(asked) == 2 and asked[1]["email"] == ""
    files = sorted(tmp_path.glob("*.eml"))
    assert len(files) == december_row.registered
    msg = BytesParser(policy=policy.default).parsebytes(files[0].read_bytes())
    assert msg["From"].addresses[0].addr_spec == "jana@difu.example"
    assert msg["From"].addresses[0].display_name == "Jana Koordinatorin"
    assert organizer_settings.saved_email() == "jana@difu.example"


# -- sending -----------------------------------------------------------------------------------------------


@pytest.fixture
def server() -> Iterator[SmtpServer]:
    with smtp_server() as srv:
        yield srv


def send_dialog(qtbot: QtBot, ctx: AppContext, event_id: uuid.UUID, server: SmtpServer,
                no_real_dialogs: list[QDialog], template: str = "access_link") -> SendDialog:
    mail = editor(qtbot, ctx, event_id, template=template)
    mail.send_button.click()
    dialog = no_real_dialogs[-1]
    assert isinstance(dialog, SendDialog)
    qtbot.addWidget(dialog)
    dialog.host_edit.setText(server.host)
    dialog.port_spin.setValue(server.port)
    dialog.starttls_check.setChecked(False)
    dialog.sender_email_edit.setText("koordination@difu.example")
    dialog.pause_spin.setValue(0)
    dialog.show()
    _alive.append(mail)  # qtbot holds widgets weakly; the editor owns the send dialog
    return dialog


_alive: list[MailDialog] = []


@pytest.fixture(autouse=True)
def _forget_editors() -> Iterator[None]:
    yield
    _alive.clear()


def result_texts(dialog: SendDialog) -> dict[str, str]:
    return {dialog.table.item(r, 1).text(): dialog.table.item(r, 2).text() for r in range(dialog.table.rowCount())}


def test_send_dialog_shows_each_result_and_retries_the_refused_recipient(
        qtbot: QtBot, ctx: AppContext, december_row: EventRow, server: SmtpServer,
        no_real_dialogs: list[QDialog]) -> None:
    emails = sorted(registered_emails(ctx, december_row.id))
    server.handler.refused.add(emails[0])
    dialog = send_dialog(qtbot, ctx, december_row.id, server, no_real_dialogs)
    assert set(result_texts(dialog).values()) == {"wartet"}
    assert not dialog.retry_button.isEnabled()
    dialog.start_button.click()
    qtbot.waitUntil(lambda: dialog.report is not None and not dialog.running, timeout=20000)
    texts = result_texts(dialog)
    assert texts[emails[0]].startswith("fehlgeschlagen: Empfänger abgelehnt: 550")
    assert all(texts[e] == "versendet" for e in emails[1:])
    assert dialog.retry_button.isEnabled() and "1 fehlgeschlagen" in dialog.status_label.text()
    assert dialog.progress.value() == 100

    server.handler.refused.clear()
    dialog.retry_button.click()
    qtbot.waitUntil(lambda: not dialog.running and dialog.report is not None and not dialog.report.failed,
                    timeout=20000)
    assert result_texts(dialog) == {emails[0]: "versendet"}
    assert sorted(server.handler.recipients()) == emails
    assert ctx.read(lambda s: s.get(Event, december_row.id).access_link_sent_at) is not None  # type: ignore[union-attr]
    # the settings are remembered, the password is not
    assert app_settings().get(SMTP_HOST) == server.host
    assert "passw" not in " ".join(QSettings().allKeys()).lower()


def test_cancel_stops_before_the_next_message(qtbot: QtBot, ctx: AppContext, december_row: EventRow,
                                              server: SmtpServer, no_real_dialogs: list[QDialog]) -> None:
    dialog = send_dialog(qtbot, ctx, december_row.id, server, no_real_dialogs, template="reminder")
    dialog.pause_spin.setValue(0.5)
    dialog.start_button.click()
    qtbot.waitUntil(lambda: "versendet" in result_texts(dialog).values(), timeout=10000)
    dialog.pause_button.click()
    assert dialog.pause_button.text() == "&Fortsetzen"
    dialog.cancel_button.click()
    qtbot.waitUntil(lambda: not dialog.running, timeout=10000)
    assert dialog.report is not None and dialog.report.cancelled
    assert len(server.handler.received) < december_row.registered
    assert "nicht versendet (abgebrochen)" in result_texts(dialog).values()


# -- privacy -----------------------------------------------------------------------------------------------


def test_privacy_dialog_previews_anonymises_exports_and_deletes(
        qtbot: QtBot, ctx: AppContext, december_row: EventRow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        dialogs: Any) -> None:
    dialog = PrivacyDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    candidates = dialog.candidates_table.rowCount()
    assert candidates > 0  # the demo meetings were in 2021
    assert dialog.months_spin.value() == 24
    people = sorted(registered_emails(ctx, december_row.id))

    dialog.email_edit.setText(people[0])
    target = tmp_path / "Auskunft.xlsx"
    monkeypatch.setattr(mail_ui, "choose_save_file", lambda *_a: target)
    dialog.export_button.click()
    assert target.exists() and target.with_suffix(".json").exists()

    monkeypatch.setattr(mail_ui, "ask_confirmation", lambda *_a: True)
    dialog.delete_button.click()
    assert dialog.candidates_table.rowCount() == candidates - 1
    assert people[0] not in registered_emails(ctx, december_row.id)

    dialog.anonymize_button.click()
    assert dialog.candidates_table.rowCount() == 0 and not dialog.anonymize_button.isEnabled()
    assert dialog.log_list.count() == 2
    assert "anonymisiert" in dialog.log_list.item(0).text() and "gelöscht" in dialog.log_list.item(1).text()
    titles = [args[1] for args in dialogs.of("information")]
    assert titles == ["Auskunft gespeichert", "Person gelöscht", "Anonymisiert"]

    dialog.months_spin.setValue(1)  # remembered for next time
    assert app_settings().get(RETENTION_MONTHS) == 1


def test_deleting_a_person_offers_to_tell_who_moved_up(qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch,
                                                       no_real_dialogs: list[QDialog]) -> None:
    start = datetime.now(BERLIN).replace(microsecond=0) + timedelta(days=30)
    with transaction(db.sessions) as s:
        event = create_event(s, title="Sommertreffen", starts_at=start, ends_at=start + timedelta(hours=1),
                             capacity=1)
        regs.register(s, event.id, ContactInput("anna@kiel.example", "Anna", "Groß"), now=utcnow())
        kim = regs.register(s, event.id, ContactInput("kim@bonn.example", "Kim", "Schäfer"), now=utcnow())
    ctx = AppContext(db)
    dialog = PrivacyDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.summary_label.text() == "0 Kontakte würden anonymisiert."
    questions: list[str] = []
    monkeypatch.setattr(mail_ui, "ask_confirmation", lambda _p, _title, text: questions.append(text) or True)
    dialog.email_edit.setText("anna@kiel.example")
    dialog.delete_button.click()
    assert questions[-1] == "1 Person ist nachgerückt. Jetzt benachrichtigen?"  # counts in German: no "Person(en)"
    assert dialog.log_list.item(0).text().endswith(": 1 Kontakt, 1 Anmeldung gelöscht (Art. 17)")
    mail = no_real_dialogs[-1]
    assert isinstance(mail, MailDialog)
    qtbot.addWidget(mail)
    assert mail.template_name == "promoted" and mail.registration_ids == [kim.registration.id]
    assert mail.recipients_label.text() == "Empfänger: 1 Person"
    assert mail.preview_body.toPlainText().startswith("Guten Tag Kim Schäfer,")


# -- rendering -----------------------------------------------------------------------------------------------


def test_rendered_template_editor(qtbot: QtBot, ctx: AppContext, december_row: EventRow, tmp_path: Path) -> None:
    dialog = editor(qtbot, ctx, december_row.id, template="access_link")
    dialog.resize(1200, 760)
    dialog.person_combo.setCurrentIndex(2)
    qtbot.wait(50)
    target = tmp_path / "odn-mail.png"
    assert dialog.grab().save(str(target))
    image = QImage(str(target))
    assert image.width() >= 1100 and image.height() >= 700
    colours = {image.pixel(x, y) for x in range(0, image.width(), 5) for y in range(0, image.height(), 5)}
    assert len(colours) > 20
    shutil.copyfile(target, SCREENSHOT)


def test_module_does_not_load_sqlalchemy_on_import() -> None:
    code = "import sys; import odn_desktop.ui.dialogs.mail_ui; print('sqlalchemy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
