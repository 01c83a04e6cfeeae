"""Teilnahmebescheinigungen: who of a meeting gets a certificate of attendance and why, and making them.

The event editor opens it with ``show_certificates(parent, ctx, event_id)``. The list holds everyone who
attended or has imported minutes, with minutes, share of the meeting's duration, "erhält Bescheinigung" or
"keine", and the reason (``services.certificates`` decides: at least the minimum share, or marked attended by
hand). The minimum share is a setting (``domain.settings.CERTIFICATE_MIN_PERCENT``, default 50 %) shown and
changed here; changing it updates the list at once and is remembered for the next time (and for the mail template
"Teilnahmebescheinigung" in the template editor).

Buttons: one PDF per person into a folder, all in one PDF for printing, or ``.eml`` drafts with each person's
PDF attached (``services.mailing`` with the template "certificate"), or sending them (the template editor's send
dialog). The coordinator named under the signature line is the one from the settings (asked for once when none is
set). Cancelling a question or a file dialog writes nothing. The file dialogs and messages go through the module
functions below, which tests replace.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from odn_desktop.domain.errors import UserError
from odn_desktop.domain.settings import CERTIFICATE_MIN_PERCENT
from odn_desktop.ui.infra import context, theme
from odn_desktop.ui.infra.settings import as_settings

if TYPE_CHECKING:
    from odn_desktop.exchange.ics_calendar import Organizer
    from odn_desktop.services.certificates import CertificateCandidate, CertificateContent
    from odn_desktop.ui.infra.context import AppContext
    from odn_desktop.ui.infra.settings import AnySettings

TEMPLATE = "certificate"
#: what drafting or sending certificates changes (the registrations show "Teilnahmebescheinigung versendet am …")
CHANGED_KINDS = ("registrations",)
ModelIndex = QModelIndex | QPersistentModelIndex


def saved_min_percent(settings: AnySettings | None = None) -> int:
    """The minimum share from the settings (0–100), the default when none or nonsense is stored."""
    return as_settings(settings).get(CERTIFICATE_MIN_PERCENT)


def save_min_percent(percent: int, settings: AnySettings | None = None) -> None:
    as_settings(settings).set(CERTIFICATE_MIN_PERCENT, int(percent))


# -- replaceable in tests ------------------------------------------------------------------------------------


def exec_dialog(dialog: QDialog) -> int:
    return dialog.exec()


def choose_directory(parent: QWidget | None, kind: str, title: str, subfolder: str = "") -> Path | None:
    """A folder for files of ``kind`` (``file_dialogs.folder_path``: its last folder; with ``subfolder`` the
    files go into that new folder inside it)."""
    from odn_desktop.ui.infra.file_dialogs import folder_path

    return folder_path(parent, kind, title=title, subfolder=subfolder)


def choose_pdf_file(parent: QWidget | None, title: str, suggestion: str) -> Path | None:
    from odn_desktop.ui.infra.file_dialogs import save_path

    return save_path(parent, "certificates_pdf", suggestion,
                     QCoreApplication.translate("CertificatesDialog", "PDF-Datei (*.pdf)"), title=title)


def show_message(parent: QWidget | None, title: str, text: str) -> None:
    context.show_information(parent, title, text)


def coordinator_or_ask(parent: QWidget | None) -> Organizer | None:
    """The coordinator from the settings (asked for once when none is set); ``None``: cancelled."""
    from .organizer_settings import organizer_or_ask

    return organizer_or_ask(parent)


# -- the list ------------------------------------------------------------------------------------------------


class CertificatesModel(QAbstractTableModel):
    """One row per person who attended or has minutes (``CertificateCandidate`` snapshots); read-only."""

    NAME, ORGANISATION, MINUTES, SHARE, CERTIFICATE, REASON = range(6)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[CertificateCandidate] = []
        self._sort: tuple[int, bool] | None = None  # column, descending
        self._headers = (self.tr("Name"), self.tr("Organisation"), self.tr("Minuten"), self.tr("Anteil"),
                         self.tr("Bescheinigung"), self.tr("Begründung"))

    def set_rows(self, rows: Sequence[CertificateCandidate]) -> None:
        """New rows (in German name order from the service; a chosen sort is applied again)."""
        self.beginResetModel()
        self._rows = list(rows)
        if self._sort is not None:
            self._rows.sort(key=self._sort_key(self._sort[0]), reverse=self._sort[1])
        self.endResetModel()

    def _sort_key(self, column: int) -> Callable[[CertificateCandidate], Any]:
        from odn_desktop.domain.names import german_sort_key, person_sort_key

        def by_name(c: CertificateCandidate) -> Any:
            return person_sort_key(c.last_name, c.first_name)

        keys: dict[int, Callable[[CertificateCandidate], Any]] = {
            self.NAME: by_name,
            self.ORGANISATION: lambda c: (german_sort_key(c.organisation), by_name(c)),
            self.MINUTES: lambda c: (-1 if c.minutes is None else c.minutes, by_name(c)),
            self.SHARE: lambda c: (-1 if c.percent is None else c.percent, by_name(c)),
            self.CERTIFICATE: lambda c: (c.qualifies, by_name(c)),
            self.REASON: lambda c: (german_sort_key(c.reason), by_name(c)),
        }
        return keys.get(column, by_name)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by a column (clicking its header); selections follow their rows."""
        if not 0 <= column < len(self._headers):
            return
        self._sort = (column, order == Qt.SortOrder.DescendingOrder)
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        moved = [(index, self._rows[index.row()]) for index in before]
        self._rows.sort(key=self._sort_key(column), reverse=self._sort[1])
        position = {id(row): n for n, row in enumerate(self._rows)}
        self.changePersistentIndexList(before, [self.index(position[id(row)], index.column()) for index, row in moved])
        self.layoutChanged.emit()

    def rows(self) -> list[CertificateCandidate]:
        return list(self._rows)

    def row_at(self, row: int) -> CertificateCandidate:
        return self._rows[row]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self._headers):
            return self._headers[section]
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole and column in (self.CERTIFICATE, self.REASON):
            return row.reason if row.number is None else self.tr("{reason}; Nummer {number}").format(
                reason=row.reason, number=row.number)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.MINUTES, self.SHARE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.CERTIFICATE:
            return theme.ok_text() if row.qualifies else theme.muted_text()
        return None

    def _text(self, row: CertificateCandidate, column: int) -> str:
        if column == self.NAME:
            return row.name or row.email
        if column == self.ORGANISATION:
            return row.organisation
        if column == self.MINUTES:
            return "–" if row.minutes is None else str(row.minutes)
        if column == self.SHARE:
            return "–" if row.percent is None else f"{row.percent} %"
        if column == self.CERTIFICATE:
            return self.tr("erhält Bescheinigung") if row.qualifies else self.tr("keine")
        return row.reason


# -- the dialog ----------------------------------------------------------------------------------------------


class CertificatesDialog(QDialog):
    def __init__(self, ctx: AppContext, event_id: uuid.UUID, parent: QWidget | None = None, *,
                 settings: AnySettings | None = None) -> None:
        super().__init__(parent)
        from odn_desktop.services.events import event_row
        from odn_desktop.ui.infra.dates import display_date

        self.setObjectName("certificatesDialog")
        self._ctx = ctx
        self.event_id = event_id
        self._settings = as_settings(settings)
        row = ctx.read(lambda s: event_row(s, event_id))
        self._title = row.title
        self._starts_at = row.starts_at
        self._duration = max(int((row.ends_at - row.starts_at).total_seconds() // 60), 0)
        self.setWindowTitle(self.tr("Teilnahmebescheinigungen – {title} ({date})").format(
            title=row.title, date=display_date(row.starts_at)))

        top = self._build_threshold_row()
        self._build_table()
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("certificateSummary")
        self.summary_label.setWordWrap(True)
        buttons = self._build_button_row()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.summary_label)
        layout.addLayout(buttons)
        self.resize(900, 560)

        self.save_button.clicked.connect(self.save_single_files)
        self.print_button.clicked.connect(self.save_single_pdf)
        self.drafts_button.clicked.connect(self.write_drafts)
        self.send_button.clicked.connect(self.open_send_dialog)
        self.percent_spin.valueChanged.connect(self._percent_changed)
        self.reload()

    # -- building the dialog -------------------------------------------------------------------------------

    def _build_threshold_row(self) -> QHBoxLayout:
        """The minimum share of the duration and the rule it gives."""
        self.percent_spin = QSpinBox(self)
        self.percent_spin.setObjectName("minPercentSpin")
        self.percent_spin.setRange(0, 100)
        self.percent_spin.setSuffix(" %")
        self.percent_spin.setValue(saved_min_percent(self._settings))
        self.percent_spin.setAccessibleName(self.tr("Mindestanteil der Dauer"))
        percent_label = QLabel(self.tr("&Mindestanteil der Dauer:"), self)
        percent_label.setBuddy(self.percent_spin)
        self.rule_label = QLabel(self)
        self.rule_label.setObjectName("certificateRule")
        self.rule_label.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(percent_label)
        top.addWidget(self.percent_spin)
        top.addSpacing(12)
        top.addWidget(self.rule_label, 1)
        return top

    def _build_table(self) -> None:
        """Who receives a certificate: the table with its column widths."""
        self.model = CertificatesModel(self)
        self.view = QTableView(self)
        self.view.setObjectName("certificatesView")
        self.view.setTabKeyNavigation(False)  # the arrows move in it, Tab leaves it
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 10)
        self.view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # German name order at first
        self.view.setSortingEnabled(True)
        self.view.setAccessibleName(self.tr("Wer eine Bescheinigung erhält"))
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(CertificatesModel.REASON, QHeaderView.ResizeMode.Stretch)
        metrics = self.view.fontMetrics()
        widths = {CertificatesModel.NAME: "Dr. Sabine Musterfrau-Lang__",
                  CertificatesModel.ORGANISATION: "Landeshauptstadt Düsseldorf",
                  CertificatesModel.MINUTES: "Minuten__", CertificatesModel.SHARE: "100 %__",
                  CertificatesModel.CERTIFICATE: self.tr("erhält Bescheinigung") + "__"}
        for column, sample in widths.items():
            self.view.setColumnWidth(column, metrics.horizontalAdvance(sample))

    def _build_button_row(self) -> QHBoxLayout:
        """Single files, one PDF for printing, drafts, sending; close."""
        self.save_button = QPushButton(self.tr("&Einzeln speichern …"), self)
        self.save_button.setObjectName("saveCertificatesButton")
        self.save_button.setToolTip(self.tr("Eine PDF-Datei je Person in einen Ordner speichern"))
        self.print_button = QPushButton(self.tr("Sammel-&PDF zum Drucken …"), self)
        self.print_button.setObjectName("singlePdfButton")
        self.print_button.setToolTip(self.tr("Alle Bescheinigungen in einer PDF-Datei, eine Seite je Person"))
        self.drafts_button = QPushButton(self.tr("Als E-Mail-Ent&würfe …"), self)
        self.drafts_button.setObjectName("certificateDraftsButton")
        self.drafts_button.setToolTip(self.tr("Eine .eml-Datei je Person mit ihrer Bescheinigung im Anhang, "
                                              "die Outlook als Entwurf öffnet (Vorlage „Teilnahmebescheinigung“)"))
        self.send_button = QPushButton(self.tr("Per E-Mail &senden …"), self)
        self.send_button.setObjectName("certificateSendButton")
        self.send_button.setToolTip(self.tr("Über den Mailserver senden; wer die Bescheinigung schon erhalten hat, "
                                            "wird übersprungen"))
        close = QPushButton(self.tr("Schl&ießen"), self)
        close.setObjectName("closeButton")
        close.clicked.connect(self.reject)
        for button in (self.save_button, self.print_button, self.drafts_button, self.send_button, close):
            button.setAutoDefault(False)  # Enter in the spin box must not start anything
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.drafts_button)
        buttons.addWidget(self.send_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        return buttons

    # -- state ---------------------------------------------------------------------------------------------

    @property
    def min_percent(self) -> int:
        return self.percent_spin.value()

    def qualifying(self) -> list[CertificateCandidate]:
        return [c for c in self.model.rows() if c.qualifies]

    def reload(self) -> None:
        """Read who attended and who qualifies at the current minimum share (one query)."""
        from odn_desktop.services.certificates import certificate_candidates

        percent = self.min_percent
        try:
            rows = self._ctx.read(lambda s: certificate_candidates(s, self.event_id, min_percent=percent))
        except UserError as exc:
            context.show_user_error(self, exc.message)
            rows = []
        self.model.set_rows(rows)
        self._show_rule()
        self._show_summary()

    def _percent_changed(self, value: int) -> None:
        save_min_percent(value, self._settings)
        self.reload()

    def _show_rule(self) -> None:
        minutes = (self._duration * self.min_percent + 99) // 100  # whole minutes reaching the share
        self.rule_label.setText(self.tr(
            "Eine Bescheinigung erhält, wer laut Teilnahmebericht mindestens {minutes} von {duration} Minuten "
            "anwesend war oder von Hand als anwesend markiert ist.").format(minutes=minutes, duration=self._duration))

    def _show_summary(self) -> None:
        rows = self.model.rows()
        yes = sum(1 for c in rows if c.qualifies)
        if not rows:
            text = self.tr("Für diese Veranstaltung ist noch keine Teilnahme erfasst. Importieren Sie den "
                           "Teilnahmebericht (Zoom/Teams) oder markieren Sie die Anwesenheit in den Anmeldungen.")
        else:
            text = self.tr("%n erhalten eine Bescheinigung", "", yes) + ", " + self.tr("{n} nicht").format(
                n=len(rows) - yes)
        self.summary_label.setText(text)
        for button in (self.save_button, self.print_button, self.drafts_button, self.send_button):
            button.setEnabled(yes > 0)

    # -- making certificates -------------------------------------------------------------------------------

    def _contents(self, coordinator_name: str) -> list[CertificateContent]:
        from odn_desktop.services.certificates import certificate_contents

        percent = self.min_percent
        return self._ctx.read(lambda s: certificate_contents(s, self.event_id, min_percent=percent,
                                                             coordinator_name=coordinator_name))

    def _coordinator_name(self) -> str | None:
        """The name under the signature line: from the settings, else asked for; ``None``: cancelled."""
        from odn_desktop.exchange.ics_calendar import environment_name

        from .organizer_settings import saved_name

        name = saved_name(self._settings) or environment_name()
        if name:
            return name
        organizer = coordinator_or_ask(self)
        return organizer.name if organizer is not None else None

    def _file_name(self, kind: str, suffix: str) -> str:
        """"2021-12-02 Teilnahmebescheinigungen Open-Data-Netzwerktreffen.pdf" (``file_dialogs``)."""
        from odn_desktop.ui.infra.file_dialogs import suggested_name

        return suggested_name(kind, self._title, suffix, self._starts_at)

    def save_single_files(self) -> list[Path]:
        """One PDF per person into a chosen folder; nothing is written when a question is cancelled."""
        from odn_desktop.ui.pdf.certificate_pdf import save_certificates

        name = self._coordinator_name()
        folder = choose_directory(self, "certificates", self.tr("Ordner für die Teilnahmebescheinigungen"),
                                  self._file_name("certificates", "")) if name else None
        if name is None or folder is None:
            return []
        try:
            with _busy():
                files = save_certificates(self._contents(name), folder)
        except UserError as exc:
            context.show_user_error(self, exc.message)
            return []
        show_message(self, self.tr("Teilnahmebescheinigungen gespeichert"),
                     self.tr("%n Bescheinigungen gespeichert in {folder}", "", len(files)).format(folder=folder))
        return files

    def save_single_pdf(self) -> Path | None:
        """All certificates in one PDF for printing; ``None`` when cancelled or failed."""
        from odn_desktop.ui.pdf.certificate_pdf import save_certificates_single_pdf

        name = self._coordinator_name()
        suggestion = self._file_name("certificates_pdf", ".pdf")
        path = choose_pdf_file(self, self.tr("Sammel-PDF speichern"), suggestion) if name else None
        if name is None or path is None:
            return None
        try:
            with _busy():
                pages = save_certificates_single_pdf(self._contents(name), path)
        except UserError as exc:
            context.show_user_error(self, exc.message)
            return None
        show_message(self, self.tr("Sammel-PDF gespeichert"),
                     self.tr("%n Bescheinigungen (eine Seite je Person) gespeichert: {path}", "", pages).format(
                         path=path))
        return path

    def _attachments(self, coordinator_name: str) -> dict[uuid.UUID, Any]:
        from odn_desktop.ui.pdf.certificate_mail import certificate_attachments

        with _busy():
            return certificate_attachments(self._contents(coordinator_name))

    def write_drafts(self) -> list[Path]:
        """``.eml`` drafts with each person's PDF attached (the template "Teilnahmebescheinigung")."""
        from odn_desktop.services import mailing

        organizer = coordinator_or_ask(self)
        folder = choose_directory(self, "mail_drafts", self.tr("Ordner für die E-Mail-Entwürfe")) if organizer else None
        if organizer is None or folder is None:
            return []
        percent = self.min_percent
        try:
            attachments = self._attachments(organizer.name)
            result = self._ctx.write(
                lambda s: mailing.write_draft_files(s, self.event_id, TEMPLATE, folder, organizer=organizer,
                                                    attachments=attachments, min_percent=percent),
                CHANGED_KINDS)
        except UserError as exc:
            context.show_user_error(self, exc.message)
            return []
        saved = self.tr("%n Entwürfe mit Bescheinigung gespeichert in {folder}", "", len(result.files)).format(
            folder=result.directory)
        if result.skipped:
            saved += " " + self.tr("(%n Personen übersprungen)", "", len(result.skipped))
        show_message(self, self.tr("Entwürfe gespeichert"),
                     saved + "\n\n" + self.tr("Ein Doppelklick auf eine .eml-Datei öffnet sie in Outlook als "
                                              "Entwurf; prüfen und senden Sie sie von dort."))
        return list(result.files)

    def open_send_dialog(self) -> None:
        """Send with the template editor's send dialog (server, progress, a result per person)."""
        from odn_desktop.services import mailing

        from .mail_send_dialog import SendDialog

        organizer = coordinator_or_ask(self)
        if organizer is None:
            return
        try:
            template = self._ctx.read(lambda s: mailing.load_template(s, TEMPLATE))
            attachments = self._attachments(organizer.name)
        except UserError as exc:
            context.show_user_error(self, exc.message)
            return
        dialog = SendDialog(self._ctx, self.event_id, TEMPLATE, template, None, self, attachments=attachments,
                            min_percent=self.min_percent)
        exec_dialog(dialog)


@contextmanager
def _busy() -> Iterator[None]:
    """The wait cursor while certificates are drawn (on the GUI thread: Qt's PDF painting wants it)."""
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QGuiApplication.restoreOverrideCursor()


def show_certificates(parent: QWidget | None, ctx: AppContext, event_id: uuid.UUID) -> CertificatesDialog | None:
    """The certificates of one event (from the event editor)."""
    if ctx.db is None:
        return None
    try:
        dialog = CertificatesDialog(ctx, event_id, parent)
    except UserError as exc:
        context.show_user_error(parent, exc.message)
        return None
    exec_dialog(dialog)
    return dialog
