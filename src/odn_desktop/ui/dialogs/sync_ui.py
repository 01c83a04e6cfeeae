"""Sync in the window: the "Synchronisieren" action, the status-bar note, the server settings, the conflict dialog.

The main window wires these module-level functions (it never talks to ``odn_desktop.sync`` itself):

* ``make_sync_actions(parent, ctx)`` → the actions "Synchronisieren" (Ctrl+Shift+S), "Server für den Abgleich …"
  and "Konflikte entscheiden …" for a menu or toolbar;
* ``sync_now(parent, ctx)`` runs a sync on a worker thread with a progress dialog that can cancel it;
* ``sync_status_text(ctx)`` → "Zuletzt synchronisiert: 26.11.2026 19:05 · Verbindung: verschlüsselt (TLS) ·
  3 ungesendete Änderungen" (the connection part only for a PostgreSQL server);
  ``SyncStatusLabel(ctx)`` is a status-bar label that keeps itself up to date;
* ``show_sync_settings(parent, ctx)`` asks for the server address and user and shows whether the connection will
  be encrypted; the password goes into the OS keyring (never into the database or the settings file);
* ``show_conflicts_dialog(parent, ctx)`` lists open conflicts field by field, both values visible, and lets the
  coordinator keep "meine Fassung" or take "Fassung des Servers".

Messages go through ``show_message``/``show_warning`` and dialogs through ``exec_dialog``: tests replace them.
"""

from __future__ import annotations

import logging
import threading
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from odn_desktop.domain.errors import UserError
from odn_desktop.ui.infra import context
from odn_desktop.ui.infra.worker import run_in_background

if TYPE_CHECKING:
    from odn_desktop.sync.conflicts import Conflict
    from odn_desktop.sync.engine import SyncResult
    from odn_desktop.sync.reconcile import OverLimitPool
    from odn_desktop.ui.infra.context import AppContext

log = logging.getLogger(__name__)

KEEP_OPEN, KEEP_LOCAL, KEEP_REMOTE = "", "local", "remote"


translate = QCoreApplication.translate


class SyncUi(QObject):
    """Counts in the context "SyncUi": ``SyncUi.tr("%n Konflikte", "", n)``.

    WORKAROUND: pyside6-lupdate marks a ``%n`` text as numerus (singular and plural form) only in a ``tr()`` call,
    not in ``translate()``; this ``tr`` is ``translate`` with this module's context.
    """

    @staticmethod
    def tr(source: str, disambiguation: str | None = None, n: int = -1) -> str:
        return QCoreApplication.translate("SyncUi", source, disambiguation, n)


# -- replaceable in tests ------------------------------------------------------------------------------------


def show_message(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


def show_warning(parent: QWidget | None, text: str) -> None:
    context.show_user_error(parent, text)


def ask_open_conflicts(parent: QWidget | None, count: int) -> bool:
    answer = QMessageBox.question(
        parent, translate("SyncUi", "Konflikte"),
        SyncUi.tr("%n Änderungen wurden auf beiden Seiten verschieden vorgenommen. Jetzt entscheiden?", "", count))
    return answer == QMessageBox.StandardButton.Yes


def exec_dialog(dialog: QDialog) -> int:
    return dialog.exec()


# -- status --------------------------------------------------------------------------------------------------


def _changes(n: int) -> str:
    return SyncUi.tr("%n ungesendete Änderungen", "", n)


def connection_text(remote: str | None) -> str:
    """Whether the connection to the shared database is encrypted ("" for none or a shared SQLite file)."""
    from odn_desktop.sync.server import Transport, connection_security, parse_remote

    if not remote:
        return ""
    try:
        transport = connection_security(parse_remote(remote)).transport
    except UserError:
        return translate("SyncUi", "keine sichere Verbindung möglich")
    return {
        Transport.FILE: "",
        Transport.LOCAL: translate("SyncUi", "unverschlüsselt (nur lokal)"),
        Transport.TLS: translate("SyncUi", "verschlüsselt (TLS)"),
        Transport.TLS_VERIFIED: translate("SyncUi", "verschlüsselt (TLS, Zertifikat geprüft)"),
    }[transport]


def format_status(last_sync: datetime | None, pending: int, conflicts: int, connection: str = "") -> str:
    from odn_desktop.domain.timezone import format_german_datetime

    when = (translate("SyncUi", "Zuletzt synchronisiert: {when}").format(when=format_german_datetime(last_sync))
            if last_sync else translate("SyncUi", "Noch nicht synchronisiert"))
    parts = [when]
    if connection:
        parts.append(translate("SyncUi", "Verbindung: {how}").format(how=connection))
    parts.append(_changes(pending))
    if conflicts:
        parts.append(SyncUi.tr("%n Konflikte", "", conflicts))
    return " · ".join(parts)


def sync_status_text(ctx: AppContext) -> str:
    """The status-bar note: last sync (server time, shown in Berlin time), unsent changes, open conflicts."""
    if ctx.db is None:
        return ""
    from odn_desktop.sync import engine

    state = engine.status(ctx.db)
    return format_status(state.last_sync, state.pending, len(state.conflicts), connection_text(state.remote))


class SyncStatusLabel(QLabel):
    """A status-bar label with ``sync_status_text``, refreshed after every change and every sync."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncStatusLabel")
        self._ctx = ctx
        ctx.changed.connect(self.refresh)
        ctx.ready.connect(self.refresh)
        self.refresh()

    def refresh(self, *_args: Any) -> None:
        try:
            self.setText(sync_status_text(self._ctx))
        except UserError as exc:  # e.g. the file is busy: say so instead of an old figure
            self.setText(exc.message)


# -- settings ------------------------------------------------------------------------------------------------


class SyncSettingsDialog(QDialog):
    """Server address and user; the password is handed to the OS keyring."""

    def __init__(self, remote: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from sqlalchemy.engine import make_url

        self.setObjectName("syncSettingsDialog")
        self.setWindowTitle(translate("SyncUi", "Server für den Abgleich"))
        self.url_edit = QLineEdit()
        self.url_edit.setObjectName("urlEdit")
        self.url_edit.setPlaceholderText("postgresql://rechner/datenbank  oder  \\\\server\\freigabe\\team.sqlite")
        self.user_edit = QLineEdit()
        self.user_edit.setObjectName("userEdit")
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("passwordEdit")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(translate("SyncUi", "unverändert lassen"))
        self.connection_label = QLabel()
        self.connection_label.setObjectName("connectionLabel")
        self.connection_label.setWordWrap(True)
        self.connection_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.url_edit.textChanged.connect(self._show_connection)
        if remote:
            if "://" in remote:
                url = make_url(remote)
                self.user_edit.setText(url.username or "")
                remote = url._replace(username=None, password=None).render_as_string(hide_password=False)
            self.url_edit.setText(remote)
        self._show_connection()
        form = QFormLayout()
        form.addRow(translate("SyncUi", "&Adresse:"), self.url_edit)
        form.addRow(translate("SyncUi", "&Benutzer:"), self.user_edit)
        form.addRow(translate("SyncUi", "&Passwort:"), self.password_edit)
        form.addRow(translate("SyncUi", "Verbindung:"), self.connection_label)
        hint = QLabel(translate("SyncUi", "Das Passwort wird im Schlüsselbund des Betriebssystems gespeichert, nie "
                                          "in der Datenbank. Eine SQLite-Datei auf einem Netzlaufwerk braucht weder "
                                          "Benutzer noch Passwort. Ein PostgreSQL-Server auf einem anderen Rechner "
                                          "wird nur verschlüsselt (TLS) erreicht."))
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(buttons)

    def _show_connection(self, *_args: Any) -> None:
        """Under the address, as it is typed: will the connection be encrypted?"""
        from odn_desktop.sync.server import connection_security, parse_remote

        text = self.url_edit.text().strip()
        if not text:
            self.connection_label.setText("")
            return
        try:
            connection_security(parse_remote(text))
        except UserError as exc:
            self.connection_label.setText(exc.message)
            return
        self.connection_label.setText(connection_text(text) or translate(
            "SyncUi", "gemeinsame Datei (die Verschlüsselung hängt vom Netzlaufwerk ab)"))

    def remote(self) -> str:
        """The address with the user (never with the password)."""
        from odn_desktop.sync.server import display_url, parse_remote

        text = self.url_edit.text().strip()
        url = parse_remote(text)
        user = self.user_edit.text().strip()
        if user and url.get_backend_name() != "sqlite":
            url = url.set(username=user)
        return display_url(url)


def show_sync_settings(parent: QWidget | None, ctx: AppContext) -> bool:
    """Ask for server and user; remember them (password into the keyring). True when saved."""
    if ctx.db is None:
        return False
    from odn_desktop.sync import credentials, engine
    from odn_desktop.sync.server import parse_remote

    dialog = SyncSettingsDialog(engine.remembered_remote(ctx.db), parent)
    while exec_dialog(dialog) == QDialog.DialogCode.Accepted:
        try:
            remote = dialog.remote()
            engine.remember_remote(ctx.db, remote)
        except UserError as exc:
            show_warning(parent, exc.message)
            continue
        password = dialog.password_edit.text()
        if password:
            note = credentials.store_password(parse_remote(remote), password)
            if note:
                show_warning(parent, note)
        ctx.status_message.emit(translate("SyncUi", "Server für den Abgleich gespeichert: {url}").format(url=remote))
        return True
    return False


# -- sync ----------------------------------------------------------------------------------------------------

_running: set[int] = set()


def _summary(result: SyncResult) -> str:
    return translate("SyncUi", "Synchronisiert: {pushed} gesendet, {pulled} empfangen.").format(
        pushed=result.pushed, pulled=result.pulled)


def sync_now(parent: QWidget | None, ctx: AppContext) -> Any:
    """Sync on a worker thread; progress dialog with "Abbrechen". Returns the worker's signals (or None)."""
    if ctx.db is None or id(ctx) in _running:
        return None
    from odn_desktop.sync import engine

    found = _remote_and_password(parent, ctx)
    if found is None:
        return None
    remote, password = found
    db = ctx.db
    cancel = threading.Event()
    dialog = _progress_dialog(parent, cancel)
    _running.add(id(ctx))

    def work(progress: Any) -> SyncResult:
        return engine.sync(db, remote, password=password, progress=progress, cancel=cancel)

    def finished() -> None:
        _running.discard(id(ctx))
        dialog.canceled.disconnect(cancel.set)
        dialog.close()
        dialog.deleteLater()

    def done(result: SyncResult) -> None:
        finished()
        _show_result(parent, ctx, result)

    def failed(exc: BaseException) -> None:
        finished()
        if isinstance(exc, UserError):
            ctx.status_message.emit(exc.message)
            ctx.changed.emit(())
            show_warning(parent, exc.message)
            return
        raise exc

    def on_progress(percent: int, text: str) -> None:
        dialog.setValue(min(percent, 99))
        if text:
            dialog.setLabelText(text)

    return run_in_background(work, done, failed, on_progress)


def _remote_and_password(parent: QWidget | None, ctx: AppContext) -> tuple[str, str | None] | None:
    """The remembered server (asked for in the settings when there is none yet) and its stored password (None:
    none stored); None when the settings were cancelled or the address is not understood."""
    from odn_desktop.sync import credentials, engine
    from odn_desktop.sync.server import parse_remote

    assert ctx.db is not None
    remote = engine.remembered_remote(ctx.db)
    if not remote:
        if not show_sync_settings(parent, ctx):
            return None
        remote = engine.remembered_remote(ctx.db)
        assert remote is not None
    try:
        return remote, credentials.find_password(parse_remote(remote))
    except UserError as exc:
        show_warning(parent, exc.message)
        return None


def _progress_dialog(parent: QWidget | None, cancel: threading.Event) -> QProgressDialog:
    """The window-modal progress of a sync; "Abbrechen" sets ``cancel``."""
    dialog = QProgressDialog(translate("SyncUi", "Synchronisieren …"), translate("SyncUi", "Abbrechen"), 0, 100, parent)
    dialog.setObjectName("syncProgress")
    dialog.setWindowTitle(translate("SyncUi", "Synchronisieren"))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(400)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.canceled.connect(cancel.set)
    return dialog


def _show_result(parent: QWidget | None, ctx: AppContext, result: SyncResult) -> None:
    """After a sync: the pages reload (and the undo history goes) when rows came in, the summary in the status
    line, what the coordinator should know in a message, and the offer to open new conflicts."""
    if (result.pulled or result.merged_contacts or result.seat_changes or result.erased_over_edits
            or result.overbooked):
        ctx.undo_stack.clear()  # the rows under the undo history may have changed
        ctx.changed.emit(context.KINDS)
    else:
        ctx.changed.emit(())
    ctx.status_message.emit(_summary(result))
    notes = _result_notes(result)
    if notes:
        show_message(parent, translate("SyncUi", "Synchronisiert"), "\n".join(notes))
    if result.new_conflicts and ask_open_conflicts(parent, len(result.conflicts)):
        show_conflicts_dialog(parent, ctx)


def _result_notes(result: SyncResult) -> list[str]:
    """Merged contacts, changed seats, overbooked pools and personal data replaced by an erasure."""
    notes = [translate("SyncUi", "Zwei Kontakte mit der E-Mail-Adresse {email} wurden zusammengeführt.").format(
             email=m.email) for m in result.merged_contacts]
    if result.seat_changes:
        notes.append(translate("SyncUi", "Geänderte Platzvergabe – bitte die Betroffenen informieren:"))
        notes += [f"• {c.message()}" for c in result.seat_changes]
    if result.overbooked:
        notes.append(translate("SyncUi", "Nach dem Abgleich sind mehr Plätze vergeben als verfügbar – die "
                                         "Plätze bleiben, bis Stornierungen es ausgleichen:"))
        notes += [f"• {pool.message()}" for pool in result.overbooked]
    if result.erased_over_edits:
        notes.append(SyncUi.tr("%n Änderungen an Personendaten wurden durch eine Löschung oder Anonymisierung "
                               "(Datenschutz) ersetzt.", "", len(result.erased_over_edits)))
    return notes


# -- conflicts -----------------------------------------------------------------------------------------------

#: Only for pyside6-lupdate: the field names of sync.conflicts.FIELD_LABELS (no Qt there) reach translate() through
#: a variable; a test keeps this list in step with that dict.
FIELD_LABELS_FOR_LUPDATE = (
    QT_TRANSLATE_NOOP("SyncFields", "Titel"),
    QT_TRANSLATE_NOOP("SyncFields", "Beschreibung"),
    QT_TRANSLATE_NOOP("SyncFields", "Beginn"),
    QT_TRANSLATE_NOOP("SyncFields", "Ende"),
    QT_TRANSLATE_NOOP("SyncFields", "Format"),
    QT_TRANSLATE_NOOP("SyncFields", "Ort"),
    QT_TRANSLATE_NOOP("SyncFields", "Zugangslink"),
    QT_TRANSLATE_NOOP("SyncFields", "Plätze"),
    QT_TRANSLATE_NOOP("SyncFields", "Überbuchung"),
    QT_TRANSLATE_NOOP("SyncFields", "Anmeldeschluss"),
    QT_TRANSLATE_NOOP("SyncFields", "Status"),
    QT_TRANSLATE_NOOP("SyncFields", "Gastgeber"),
    QT_TRANSLATE_NOOP("SyncFields", "E-Mail"),
    QT_TRANSLATE_NOOP("SyncFields", "Vorname"),
    QT_TRANSLATE_NOOP("SyncFields", "Nachname"),
    QT_TRANSLATE_NOOP("SyncFields", "Organisation"),
    QT_TRANSLATE_NOOP("SyncFields", "Kommune"),
    QT_TRANSLATE_NOOP("SyncFields", "Funktion"),
    QT_TRANSLATE_NOOP("SyncFields", "Notizen"),
    QT_TRANSLATE_NOOP("SyncFields", "Reihenfolge"),
    QT_TRANSLATE_NOOP("SyncFields", "Dauer (Minuten)"),
    QT_TRANSLATE_NOOP("SyncFields", "Teilgenommen"),
    QT_TRANSLATE_NOOP("SyncFields", "Anwesenheit (Minuten)"),
    QT_TRANSLATE_NOOP("SyncFields", "Gelöscht"),
    QT_TRANSLATE_NOOP("SyncFields", "Thema"),
    QT_TRANSLATE_NOOP("SyncFields", "Fällig am"),
    QT_TRANSLATE_NOOP("SyncFields", "Erledigt am"),
    QT_TRANSLATE_NOOP("SyncFields", "Kurzbiografie"),
    QT_TRANSLATE_NOOP("SyncFields", "Telefon"),
    QT_TRANSLATE_NOOP("SyncFields", "Anrede"),
    QT_TRANSLATE_NOOP("SyncFields", "Titel (akad.)"),
    QT_TRANSLATE_NOOP("SyncFields", "Bundesland"),
    QT_TRANSLATE_NOOP("SyncFields", "Erfahrung"),
    QT_TRANSLATE_NOOP("SyncFields", "Runde"),
    QT_TRANSLATE_NOOP("SyncFields", "Storniert am"),
    QT_TRANSLATE_NOOP("SyncFields", "Verspätet"),
    QT_TRANSLATE_NOOP("SyncFields", "Text"),
    QT_TRANSLATE_NOOP("SyncFields", "Gruppe"),
    QT_TRANSLATE_NOOP("SyncFields", "Stand"),
    QT_TRANSLATE_NOOP("SyncFields", "Eingeplant für"),
)


def field_label(conflict: Conflict) -> str:
    """The conflicting field's name in the UI language."""
    return translate("SyncFields", conflict.field_label)


#: Only for pyside6-lupdate: the record kinds of sync.conflicts.TABLE_LABELS, kept in step by a test.
TABLE_LABELS_FOR_LUPDATE = (
    QT_TRANSLATE_NOOP("SyncTables", "Reihe"),
    QT_TRANSLATE_NOOP("SyncTables", "Veranstaltung"),
    QT_TRANSLATE_NOOP("SyncTables", "Runde"),
    QT_TRANSLATE_NOOP("SyncTables", "Referent:in"),
    QT_TRANSLATE_NOOP("SyncTables", "Referent:in einer Veranstaltung"),
    QT_TRANSLATE_NOOP("SyncTables", "Programmpunkt"),
    QT_TRANSLATE_NOOP("SyncTables", "Kontakt"),
    QT_TRANSLATE_NOOP("SyncTables", "Anmeldung"),
    QT_TRANSLATE_NOOP("SyncTables", "Aufgabe"),
    QT_TRANSLATE_NOOP("SyncTables", "Themengruppe"),
    QT_TRANSLATE_NOOP("SyncTables", "Themenwunsch"),
)


def record_label(conflict: Conflict) -> str:
    """"Kontakt Anna Becker <anna@…>" with the record kind in the UI language (the names stay as stored)."""
    kind = conflict.table_label
    if conflict.row_label.startswith(kind):
        return translate("SyncTables", kind) + conflict.row_label[len(kind):]
    return conflict.row_label


def display_value(field: str, value: Any) -> str:
    """A conflict value as the coordinator reads it."""
    from odn_desktop.domain.timezone import format_german_datetime

    if field == "deleted_at":
        return translate("SyncUi", "gelöscht") if value else translate("SyncUi", "vorhanden")
    if value is None or value == "":
        return translate("SyncUi", "(leer)")
    if isinstance(value, bool):
        return translate("SyncUi", "ja") if value else translate("SyncUi", "nein")
    if isinstance(value, str) and len(value) >= 19 and value[4] == "-" and "T" in value:
        try:
            return format_german_datetime(datetime.fromisoformat(value))
        except ValueError:
            pass
    return str(value)


class ConflictDialog(QDialog):
    """One row per conflicting field: the record, the field, my value, the server's value, the decision."""

    COLUMNS = ("Datensatz", "Feld", "Meine Fassung", "Fassung des Servers", "Entscheidung")
    # Only for pyside6-lupdate: the column titles reach translate() through a variable.
    _FOR_LUPDATE = (QT_TRANSLATE_NOOP("SyncUi", "Datensatz"), QT_TRANSLATE_NOOP("SyncUi", "Feld"),
                    QT_TRANSLATE_NOOP("SyncUi", "Meine Fassung"), QT_TRANSLATE_NOOP("SyncUi", "Fassung des Servers"),
                    QT_TRANSLATE_NOOP("SyncUi", "Entscheidung"))

    def __init__(self, conflicts: list[Conflict], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self.setWindowTitle(translate("SyncUi", "Konflikte entscheiden"))
        self.conflicts = conflicts
        intro = QLabel(translate("SyncUi", "Diese Felder wurden hier und auf dem Server verschieden geändert. Bis "
                                           "Sie entscheiden, gilt hier Ihre Fassung und auf dem Server die andere."))
        intro.setWordWrap(True)
        self.table = QTableWidget(len(conflicts), len(self.COLUMNS))
        self.table.setObjectName("conflictTable")
        self.table.setTabKeyNavigation(False)  # Tab leaves it for the choices in its last column
        self.table.setAccessibleName(translate("SyncUi", "Konflikte"))
        self.table.setHorizontalHeaderLabels([translate("SyncUi", c) for c in self.COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.choices: list[QComboBox] = []
        for row, c in enumerate(conflicts):
            for col, text in enumerate((record_label(c), field_label(c), display_value(c.field, c.local),
                                        display_value(c.field, c.remote))):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, col, item)
            combo = QComboBox()
            combo.setAccessibleName(translate("SyncUi", "Entscheidung: {record}, {field}").format(
                record=record_label(c), field=field_label(c)))
            combo.addItem(translate("SyncUi", "später entscheiden"), KEEP_OPEN)
            combo.addItem(translate("SyncUi", "meine Fassung behalten"), KEEP_LOCAL)
            combo.addItem(translate("SyncUi", "Fassung des Servers übernehmen"), KEEP_REMOTE)
            self.table.setCellWidget(row, 4, combo)
            self.choices.append(combo)
        all_mine = QPushButton(translate("SyncUi", "Überall &meine Fassung"))
        all_theirs = QPushButton(translate("SyncUi", "Überall Fassung des &Servers"))
        all_mine.clicked.connect(lambda: self.choose_all(KEEP_LOCAL))
        all_theirs.clicked.connect(lambda: self.choose_all(KEEP_REMOTE))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        row_buttons = QHBoxLayout()
        row_buttons.addWidget(all_mine)
        row_buttons.addWidget(all_theirs)
        row_buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(row_buttons)
        layout.addWidget(buttons)
        self.resize(900, 360)

    def choose(self, row: int, keep: str) -> None:
        combo = self.choices[row]
        combo.setCurrentIndex(combo.findData(keep))

    def choose_all(self, keep: str) -> None:
        for row in range(len(self.choices)):
            self.choose(row, keep)

    def decisions(self) -> list[tuple[int, str]]:
        return [(c.conflict_id, str(combo.currentData())) for c, combo in zip(self.conflicts, self.choices,
                                                                                 strict=True)
                if combo.currentData()]


def show_conflicts_dialog(parent: QWidget | None, ctx: AppContext) -> int:
    """Let the coordinator decide open conflicts; returns how many were decided (0 when there are none)."""
    if ctx.db is None:
        return 0
    from odn_desktop.sync import engine

    conflicts = engine.list_conflicts(ctx.db)
    if not conflicts:
        show_message(parent, translate("SyncUi", "Konflikte"), translate("SyncUi", "Es gibt keine offenen Konflikte."))
        return 0
    dialog = ConflictDialog(conflicts, parent)
    if exec_dialog(dialog) != QDialog.DialogCode.Accepted:
        return 0
    decided = 0
    over: dict[tuple[object, object], OverLimitPool] = {}  # per pool, as the last decision left it
    for conflict_id, keep in dialog.decisions():
        try:
            decision = engine.resolve(ctx.db, conflict_id, keep)
            decided += 1
        except UserError as exc:
            show_warning(parent, exc.message)
            continue
        over.update(((pool.event_id, pool.round_id), pool) for pool in decision.overbooked)
    if decided:
        ctx.changed.emit(context.KINDS)
        ctx.status_message.emit(SyncUi.tr("%n Konflikte entschieden; der nächste Abgleich überträgt das.", "", decided))
    if over:
        show_message(parent, translate("SyncUi", "Konflikte"), "\n".join(
            [translate("SyncUi", "Nach den Entscheidungen sind mehr Plätze vergeben als verfügbar – die Plätze "
                                 "bleiben, bis Stornierungen es ausgleichen:")]
            + [f"• {pool.message()}" for pool in over.values()]))
    return decided


# -- actions -------------------------------------------------------------------------------------------------


def make_sync_actions(parent: QWidget, ctx: AppContext) -> list[QAction]:
    """"Synchronisieren" (Ctrl+Shift+S), "Server für den Abgleich …", "Konflikte entscheiden …"."""
    sync_action = QAction(translate("SyncUi", "&Synchronisieren"), parent)
    sync_action.setObjectName("syncAction")
    sync_action.setShortcut(QKeySequence(translate("SyncUi", "Ctrl+Shift+S")))
    sync_action.setStatusTip(translate("SyncUi", "Änderungen mit der gemeinsamen Datenbank des Teams abgleichen"))
    sync_action.triggered.connect(lambda: sync_now(parent, ctx))
    settings_action = QAction(translate("SyncUi", "Server für den &Abgleich …"), parent)
    settings_action.setObjectName("syncSettingsAction")
    settings_action.triggered.connect(lambda: show_sync_settings(parent, ctx))
    conflicts_action = QAction(translate("SyncUi", "&Konflikte entscheiden …"), parent)
    conflicts_action.setObjectName("syncConflictsAction")
    conflicts_action.triggered.connect(lambda: show_conflicts_dialog(parent, ctx))
    return [sync_action, settings_action, conflicts_action]
