"""Ankündigung: the public text of a meeting for the website, previewed, copied or saved.

The preview shows the chosen format: HTML as the website will show it, Markdown and plain text as their source.
"Als formatierten Text kopieren" puts the HTML and the plain text on the clipboard together, so a website editor
pastes headings and lists and a plain text field gets the text. "Speichern …" asks for the file
(``choose_announcement_path``, a function tests replace) and writes it atomically; the file's ending decides the
format, the chosen format supplies the ending when none is typed. The text never holds the private access link
(``services.announcement``).

The event editor opens it with ``show_announcement(parent, ctx, event_id)``.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from odn_desktop.domain.errors import UserError
from odn_desktop.exchange.announcement import Announcement, render_html, render_text
from odn_desktop.services.announcement import (
    FORMAT_NAMES,
    build_announcement,
    format_for_path,
    render_announcement,
    save_announcement_text,
)
from odn_desktop.ui.infra import context

if TYPE_CHECKING:
    from odn_desktop.ui.infra.context import AppContext

# the formats in the order of the choice, with the ending a new file gets
FORMATS = ("html", "markdown", "text")
SUFFIXES = {"html": ".html", "markdown": ".md", "text": ".txt"}


def choose_announcement_path(parent: QWidget | None, title: str, suggestion: str, filter_text: str) -> Path | None:
    """Ask where to save, in the folder last used for announcements (replaced in tests); ``None``: cancelled."""
    from odn_desktop.ui.infra.file_dialogs import save_path

    return save_path(parent, "announcement", suggestion, filter_text, title=title)


def exec_dialog(dialog: QDialog) -> int:
    """Run the modal dialog (replaced in tests)."""
    return dialog.exec()


class AnnouncementDialog(QDialog):
    def __init__(self, announcement: Announcement, parent: QWidget | None = None, *,
                 unsaved_details: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("AnnouncementDialog")
        self.setWindowTitle(self.tr("Ankündigung – {title}").format(title=announcement.title.strip()))
        self.announcement = announcement
        self.saved_path: Path | None = None

        top = self._build_format_row()
        preview_label = self._build_preview()
        self._build_notes(unsaved_details)
        buttons = self._build_buttons()
        self.format_combo.currentIndexChanged.connect(self._show_preview)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(preview_label)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.hint)
        layout.addWidget(self.unsaved_hint)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        QWidget.setTabOrder(self.format_combo, self.preview)
        self.resize(880, 640)
        self._show_preview()

    # -- building the dialog -------------------------------------------------------------------------------

    def _build_format_row(self) -> QHBoxLayout:
        self.format_combo = QComboBox(self)
        self.format_combo.setObjectName("announcementFormat")
        for label in (self.tr("HTML (für die Website)"), self.tr("Markdown"), self.tr("Text")):
            self.format_combo.addItem(label)
        format_label = QLabel(self.tr("&Format:"), self)
        format_label.setBuddy(self.format_combo)
        self.format_combo.setAccessibleName(self.tr("Format"))
        top = QHBoxLayout()
        top.addWidget(format_label)
        top.addWidget(self.format_combo)
        top.addStretch(1)
        return top

    def _build_preview(self) -> QLabel:
        """The announcement as it will look; returns the label that names it."""
        self.preview = QTextBrowser(self)
        self.preview.setObjectName("announcementPreview")
        self.preview.setOpenLinks(False)
        self.preview.document().setDocumentMargin(12)
        self.preview.setAccessibleName(self.tr("Vorschau der Ankündigung"))
        preview_label = QLabel(self.tr("&Vorschau:"), self)
        preview_label.setBuddy(self.preview)
        return preview_label

    def _build_notes(self, unsaved_details: bool) -> None:
        """What the announcement leaves out or does not contain yet, and the status of the last copy or save."""
        self.hint = QLabel(self.tr("Ohne Zugangslink. Stand jetzt: „{status}“ – vor dem Veröffentlichen neu "
                                   "erstellen, wenn sich die Anmeldungen ändern.").format(
                                       status=self.announcement.status_line), self)
        self.hint.setObjectName("announcementHint")
        self.hint.setWordWrap(True)
        self.unsaved_hint = QLabel(self.tr("Ungespeicherte Änderungen in den Details sind noch nicht enthalten."),
                                   self)
        self.unsaved_hint.setObjectName("announcementUnsaved")
        self.unsaved_hint.setWordWrap(True)
        self.unsaved_hint.setVisible(unsaved_details)
        self.status = QLabel(self)
        self.status.setObjectName("announcementStatus")
        self.status.setWordWrap(True)

    def _build_buttons(self) -> QDialogButtonBox:
        """Copy as formatted text, save, close."""
        self.copy_button = QPushButton(self.tr("Als formatierten Text &kopieren"), self)
        self.copy_button.setToolTip(self.tr("HTML und reinen Text in die Zwischenablage, zum Einfügen in den "
                                            "Editor der Website"))
        self.save_button = QPushButton(self.tr("&Speichern …"), self)
        self.save_button.setToolTip(self.tr("Als HTML-, Markdown- oder Textdatei speichern"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.copy_button.clicked.connect(self.copy_formatted)
        self.save_button.clicked.connect(self.save)
        return buttons

    # -- format and preview ----------------------------------------------------------------------------------

    @property
    def fmt(self) -> str:
        return FORMATS[max(0, self.format_combo.currentIndex())]

    def set_format(self, fmt: str) -> None:
        self.format_combo.setCurrentIndex(FORMATS.index(fmt))

    def rendered(self, fmt: str | None = None) -> str:
        """The file content of ``fmt`` (default: the chosen format)."""
        return render_announcement(self.announcement, fmt or self.fmt)

    def _show_preview(self) -> None:
        if self.fmt == "html":
            self.preview.document().setDefaultFont(QGuiApplication.font())
            self.preview.setHtml(render_html(self.announcement))
        else:
            self.preview.document().setDefaultFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
            self.preview.setPlainText(self.rendered())

    # -- copy and save ---------------------------------------------------------------------------------------

    def copy_formatted(self) -> None:
        """HTML (a fragment for the website's editor) and the plain text together on the clipboard."""
        data = QMimeData()
        data.setHtml(render_html(self.announcement))
        data.setText(render_text(self.announcement))
        QGuiApplication.clipboard().setMimeData(data)
        self.status.setText(self.tr("Die Ankündigung ist in der Zwischenablage (formatiert und als Text)."))

    def suggested_name(self) -> str:
        """"2021-12-02 Ankündigung Open-Data-Netzwerktreffen.md" (``file_dialogs.suggested_name``)."""
        from odn_desktop.ui.infra.file_dialogs import suggested_name

        return suggested_name("announcement", self.announcement.title, SUFFIXES[self.fmt], self.announcement.starts_at)

    def save(self) -> Path | None:
        filters = ";;".join((self.tr("HTML-Datei (*.html *.htm)"), self.tr("Markdown-Datei (*.md)"),
                             self.tr("Textdatei (*.txt)")))
        path = choose_announcement_path(self, self.tr("Ankündigung speichern"), self.suggested_name(), filters)
        if path is None:
            return None
        if not path.suffix:
            path = path.with_name(path.name + SUFFIXES[self.fmt])
        try:
            fmt = format_for_path(path)
            save_announcement_text(self.rendered(fmt), path)
        except UserError as exc:
            context.show_user_error(self, exc.message)
            return None
        self.saved_path = path
        self.status.setText(self.tr("Gespeichert ({format}): {path}").format(format=FORMAT_NAMES[fmt], path=path))
        return path


def load_announcement(ctx: AppContext, event_id: uuid.UUID, now: datetime | None = None) -> Announcement:
    return ctx.read(lambda s: build_announcement(s, event_id, now=now))


def show_announcement(parent: QWidget | None, ctx: AppContext, event_id: uuid.UUID, *,
                      unsaved_details: bool = False) -> AnnouncementDialog | None:
    """Build the announcement of ``event_id`` now and show it; a ``UserError`` is shown instead."""
    try:
        announcement = load_announcement(ctx, event_id)
    except UserError as exc:
        context.show_user_error(parent, exc.message)
        return None
    dialog = AnnouncementDialog(announcement, parent, unsaved_details=unsaved_details)
    exec_dialog(dialog)
    return dialog
