"""The dialog that adds a registrant to an event, looking up existing contacts as the coordinator types.

Typing two or more characters into the e-mail or a name field lists matching contacts
(``services.contact_directory.suggest_contacts``); choosing one fills the form with that contact's data, so the
registration is filed under the existing person (contacts are identified by their e-mail address) instead of
creating a duplicate. Outside the registration window (a draft, a closed list, before it opens, after the
deadline) the dialog says why, in the words of ``domain.registration_window``, and asks for an explicit
"Verspätet zulassen". An event with parallel rounds asks for the round (each listed with its free seats); it is
required unless the event allows registering without one. The form itself is ``resources/ui/add_registrant.ui``.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit, QListWidgetItem, QPushButton, QWidget

from odn_desktop.domain.errors import UserError
from odn_desktop.domain.timezone import format_german_datetime
from odn_desktop.ui.generated.ui_add_registrant import Ui_AddRegistrantDialog
from odn_desktop.ui.infra import theme
from odn_desktop.ui.infra.dates import display_date

if TYPE_CHECKING:
    from odn_desktop.services.contact_directory import ContactRow
    from odn_desktop.services.contacts import ContactInput
    from odn_desktop.services.registration_views import EventHeader
    from odn_desktop.services.round_views import RoundsOverview
    from odn_desktop.ui.infra.context import AppContext

#: wait this long after the last keystroke before asking the database
LOOKUP_DELAY_MS = 150
_CONTACT_ROLE = Qt.ItemDataRole.UserRole + 1


def _error_style() -> str:
    return theme.text_style(theme.error_text)


def _hint_style() -> str:
    return theme.text_style(theme.ok_text)


def _warning_style() -> str:
    return theme.text_style(theme.warning_text, "600")


@dataclass(frozen=True)
class NewRegistrant:
    """What the dialog hands back: the person, whether a late registration was explicitly allowed, the round."""

    person: ContactInput
    allow_late: bool = False
    round_id: uuid.UUID | None = None


class AddRegistrantDialog(QDialog):
    def __init__(self, ctx: AppContext, event_id: uuid.UUID, parent: QWidget | None = None,
                 now: datetime | None = None) -> None:
        super().__init__(parent)
        from odn_desktop.services.registration_views import active_contact_ids, event_header
        from odn_desktop.services.round_views import rounds_overview, window_reason

        self.ctx = ctx
        self.event_id = event_id
        self._now = now
        self.ui = Ui_AddRegistrantDialog()
        self.ui.setupUi(self)
        self._header: EventHeader
        self._rounds: RoundsOverview
        self._header, self._active, self._rounds, reason = ctx.read(lambda s: (
            event_header(s, event_id), active_contact_ids(s, event_id), rounds_overview(s, event_id),
            window_reason(s, event_id, now)))
        self._chosen: ContactRow | None = None
        self._suggestions: list[ContactRow] = []
        self._query = ""

        ui = self.ui
        ui.eventLabel.setText(self.tr("<b>{title}</b> am {date}").format(
            title=_escape(self._header.title), date=display_date(self._header.starts_at)))
        theme.keep_style(ui.errorLabel, _error_style)
        theme.keep_style(ui.contactHintLabel, _hint_style)
        theme.keep_style(ui.lateLabel, _warning_style)
        self._late = reason is not None
        if self._late and self._header.needs_late_permission(now):
            assert self._header.registration_deadline is not None
            ui.lateLabel.setText(self.tr(
                "Die Anmeldefrist ist am {when} Uhr abgelaufen. Eine Nachmeldung ist nur möglich, wenn Sie sie "
                "ausdrücklich zulassen.").format(when=format_german_datetime(self._header.registration_deadline)))
        elif reason is not None:  # the event's status or the opening time: the domain's own words
            ui.lateLabel.setText(reason + " " + self.tr("Eine Anmeldung ist nur möglich, wenn Sie sie ausdrücklich "
                                                        "zulassen."))
        ui.lateLabel.setVisible(self._late)
        ui.allowLateCheck.setVisible(self._late)
        self.ok_button.setText(self.tr("&Anmelden"))
        self._show_hint("")

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(LOOKUP_DELAY_MS)
        self._timer.timeout.connect(self.update_suggestions)
        for edit in (ui.emailEdit, ui.firstNameEdit, ui.lastNameEdit):
            edit.textEdited.connect(lambda text, e=edit: self._on_edited(e, text))
            edit.installEventFilter(self)
        for edit in (ui.emailEdit, ui.firstNameEdit, ui.lastNameEdit, ui.organisationEdit):
            edit.textChanged.connect(self._validate)
        ui.allowLateCheck.toggled.connect(self._validate)
        self._fill_rounds()
        ui.roundCombo.currentIndexChanged.connect(self._validate)
        ui.suggestionList.itemActivated.connect(self._on_item_chosen)
        ui.suggestionList.itemDoubleClicked.connect(self._on_item_chosen)
        ui.buttonBox.accepted.connect(self.accept)
        ui.buttonBox.rejected.connect(self.reject)
        self._show_suggestions([])
        self._validate()
        ui.emailEdit.setFocus()

    # -- public ------------------------------------------------------------------------------------------------

    @property
    def ok_button(self) -> QPushButton:
        return self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)

    @property
    def late(self) -> bool:
        """Whether registering now is outside the window (the "Verspätet zulassen" box is shown)."""
        return self._late

    @property
    def chosen_contact(self) -> ContactRow | None:
        return self._chosen

    def suggestions(self) -> list[ContactRow]:
        return list(self._suggestions)

    def update_suggestions(self, text: str | None = None) -> None:
        """Look up contacts for ``text`` (default: what was typed last) and list them."""
        from odn_desktop.services.contact_directory import suggest_contacts

        query = (self._query if text is None else text).strip()
        self._timer.stop()
        rows = self.ctx.read(lambda s: suggest_contacts(s, query)) if len(query) >= 2 else []
        self._show_suggestions(rows)

    def choose(self, contact: ContactRow) -> None:
        """Fill the form with an existing contact; the registration will be filed under that person."""
        ui = self.ui
        self._chosen = contact
        for edit, value in ((ui.emailEdit, contact.email), (ui.firstNameEdit, contact.first_name),
                            (ui.lastNameEdit, contact.last_name), (ui.organisationEdit, contact.organisation)):
            edit.setText(value)
        status = self._active.get(contact.id)
        if status is not None:
            self._show_hint(self.tr("{name} ist für diese Veranstaltung bereits {state}.").format(
                name=contact.display_name, state=self._state_text(status)), error=True)
        else:
            self._show_hint(self.tr("Vorhandener Kontakt wird verwendet: {name} ({email}).").format(
                name=contact.display_name, email=contact.email))
        self._validate()

    def value(self) -> NewRegistrant:
        from odn_desktop.services.contacts import ContactInput

        ui = self.ui
        person = ContactInput(email=ui.emailEdit.text().strip(), first_name=ui.firstNameEdit.text().strip(),
                              last_name=ui.lastNameEdit.text().strip(),
                              organisation=ui.organisationEdit.text().strip())
        return NewRegistrant(person, allow_late=self._late and ui.allowLateCheck.isChecked(),
                             round_id=self.round_id)

    @property
    def round_id(self) -> uuid.UUID | None:
        """The chosen round (None: no round, or none chosen yet)."""
        data = self.ui.roundCombo.currentData()
        return data if isinstance(data, uuid.UUID) else None

    def choose_round(self, title: str) -> None:
        """Choose the round titled ``title`` (for keyboard-free tests and scripts)."""
        combo = self.ui.roundCombo
        for index in range(combo.count()):
            row = next((r for r in self._rounds.rounds if r.id == combo.itemData(index)), None)
            if row is not None and row.title == title:
                combo.setCurrentIndex(index)
                return
        raise ValueError(f"no round {title!r}")

    def accept(self) -> None:
        from odn_desktop.services.contacts import check_email

        try:
            check_email(self.ui.emailEdit.text())
        except UserError as exc:
            self.ui.errorLabel.setText(exc.message)
            self.ui.emailEdit.setFocus()
            return
        if not self._validate():
            return
        super().accept()

    # -- internals -----------------------------------------------------------------------------------------

    def _on_edited(self, edit: QLineEdit, text: str) -> None:
        if self._chosen is not None and edit is self.ui.emailEdit and text.strip() != self._chosen.email:
            self._chosen = None
            self._show_hint("")
        self._query = text
        self._timer.start()

    def _show_suggestions(self, rows: list[ContactRow]) -> None:
        self._suggestions = list(rows)
        widget = self.ui.suggestionList
        widget.clear()
        for row in rows:
            parts = [f"{row.last_name}, {row.first_name}".strip(", "), row.email]
            if row.organisation:
                parts.append(row.organisation)
            text = " · ".join(parts)
            status = self._active.get(row.id)
            if status is not None:
                text += " – " + self.tr("bereits {state}").format(state=self._state_text(status))
            item = QListWidgetItem(text)
            item.setData(_CONTACT_ROLE, row)
            widget.addItem(item)
        if rows:
            widget.setCurrentRow(0)
        typed = self.ui.emailEdit.text().strip().casefold()
        exact = next((r for r in rows if r.email.casefold() == typed), None)
        if exact is not None and self._chosen is None:
            self._show_hint(self.tr("Diese E-Mail-Adresse gehört zu {name}; der vorhandene Kontakt wird "
                                    "verwendet.").format(name=exact.display_name))
        self.ui.suggestionsLabel.setEnabled(bool(rows))

    def _on_item_chosen(self, item: QListWidgetItem) -> None:
        contact = item.data(_CONTACT_ROLE)
        if contact is not None:
            self.choose(contact)
            self.ui.organisationEdit.setFocus()

    def _fill_rounds(self) -> None:
        """The event's rounds with their seats; "ohne Runde" first when that is allowed; hidden without rounds."""
        ui = self.ui
        rounds = self._rounds.rounds
        ui.roundLabel.setVisible(bool(rounds))
        ui.roundCombo.setVisible(bool(rounds))
        combo = ui.roundCombo
        combo.clear()
        if not rounds:
            return
        if self._rounds.rounds_optional:
            combo.addItem(self.tr("ohne Runde"), None)
        for row in rounds:
            seats = row.seats
            if seats.limit is None:
                state = self.tr("unbegrenzt")
            elif seats.free_seats:
                state = self.tr("{free} von {limit} Plätzen frei").format(free=seats.free_seats, limit=seats.limit)
            else:
                state = self.tr("ausgebucht – Warteliste ({waiting} warten)").format(waiting=seats.waiting)
            combo.addItem(f"{row.title} – {state}", row.id)
        # with a required round nothing is chosen for the coordinator: the placeholder asks
        combo.setCurrentIndex(0 if self._rounds.rounds_optional else -1)

    def _state_text(self, status: str) -> str:
        return self.tr("angemeldet") if status == "registered" else self.tr("auf der Warteliste")

    def _show_hint(self, text: str, error: bool = False) -> None:
        label = self.ui.contactHintLabel
        theme.keep_style(label, _error_style if error else _hint_style)
        label.setText(text)
        label.setVisible(bool(text))

    def _validate(self) -> bool:
        ui = self.ui
        problem = ""
        if not ui.emailEdit.text().strip():
            problem = self.tr("Bitte geben Sie eine E-Mail-Adresse an.")
        elif not (ui.firstNameEdit.text().strip() or ui.lastNameEdit.text().strip()):
            problem = self.tr("Bitte geben Sie einen Vor- oder Nachnamen an.")
        elif self._chosen is not None and self._chosen.id in self._active:
            problem = self.tr("Diese Person ist bereits angemeldet; bitte eine andere wählen.")
        elif self._rounds.needs_round and self.round_id is None:
            problem = self.tr("Diese Veranstaltung hat parallele Runden: bitte eine Runde wählen.")
        elif self._late and not ui.allowLateCheck.isChecked():
            if self._header.needs_late_permission(self._now):
                problem = self.tr("Die Anmeldefrist ist abgelaufen: bitte „Verspätet zulassen“ ankreuzen.")
            else:
                problem = self.tr("Außerhalb des Anmeldezeitraums: bitte „Verspätet zulassen“ ankreuzen.")
        self.ok_button.setEnabled(not problem)
        # the first hint (empty form) is not an error yet; later ones are shown
        typed = any(e.text() for e in (ui.emailEdit, ui.firstNameEdit, ui.lastNameEdit, ui.organisationEdit))
        ui.errorLabel.setText(problem if typed or self._late else "")
        return not problem

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Down in a field moves into the suggestions, so choosing works without the mouse
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Down:
            if self._timer.isActive():
                self.update_suggestions()
            if self.ui.suggestionList.count():
                self.ui.suggestionList.setFocus()
                return True
        return super().eventFilter(watched, event)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
