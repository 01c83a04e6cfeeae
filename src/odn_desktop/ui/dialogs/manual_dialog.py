"""Hilfe › Handbuch (F1): the German user guide shipped with the program, in a window with its contents.

The chapters are the Markdown files ``resources_manual/NN-*.md`` inside the package, with their pictures in
``resources_manual/images/`` (copied from ``docs/manual`` by ``scripts/build_manual.py``; package data, and bundled
by the PyInstaller spec). Qt renders Markdown itself (``QTextBrowser`` with ``MarkdownResource``), pictures
included, so the program needs no converter. Left, the contents: each chapter's title (its ``# `` heading) with
its sections (``## ``); right, the chapter. Links between chapters open in the window, links to the web in the
browser. Pictures are shown at most as wide as the text area (the screenshots are 1366 pixels wide).

``show_manual(parent)`` is the one call the main window makes: one manual window per main window, not modal (the
coordinator can read and work side by side); pressing F1 again brings it to the front.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize, Qt, QTimer, QUrl
from PySide6.QtGui import QImage, QImageReader, QResizeEvent, QTextCursor, QTextDocument, QTextFragment
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

import odn_desktop
from odn_desktop.ui.infra import context

log = logging.getLogger(__name__)

# the manual's folder inside the package
MANUAL_FOLDER = "resources_manual"
# a chapter's file name: two digits (the order), a dash, a name
CHAPTER_PATTERN = "[0-9][0-9]-*.md"
_HEADING = re.compile(r"^(#{1,2})\s+(.+?)\s*#*\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")
# the contents are at most this wide (longer section titles are cut, their tooltip shows them whole)
CONTENTS_MAX_WIDTH = 300
# the item's data: (chapter index, section title or "")
_ROLE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class Chapter:
    path: Path
    title: str  # the "# " heading
    sections: tuple[str, ...]  # the "## " headings, in order


def manual_folder() -> Path:
    """The shipped manual's folder; ``FileNotFoundError`` when it holds no chapter (a broken installation)."""
    folder = Path(odn_desktop.__file__).resolve().parent / MANUAL_FOLDER
    if not any(folder.glob(CHAPTER_PATTERN)):
        raise FileNotFoundError(f"no manual chapters in {folder}")
    return folder


def read_chapter(path: Path) -> Chapter:
    """The chapter's title and section headings (Markdown ATX headings outside code blocks)."""
    title, sections, fenced = "", [], False
    for line in path.read_text(encoding="utf-8").splitlines():
        if _FENCE.match(line):
            fenced = not fenced
            continue
        match = None if fenced else _HEADING.match(line)
        if match is None:
            continue
        if len(match.group(1)) == 1 and not title:
            title = match.group(2)
        elif len(match.group(1)) == 2:
            sections.append(match.group(2))
    return Chapter(path, title or path.stem, tuple(sections))


def chapters(folder: Path | None = None) -> list[Chapter]:
    """Every chapter, in the order of their file names."""
    return [read_chapter(path) for path in sorted((folder or manual_folder()).glob(CHAPTER_PATTERN))]


def _plain(text: str) -> str:
    """A heading as the document shows it: Markdown emphasis and code marks removed."""
    return re.sub(r"[*_`]", "", text).strip()


class ManualDialog(QDialog):
    """The manual: contents on the left, the chapter on the right."""

    def __init__(self, parent: QWidget | None = None, folder: Path | None = None) -> None:
        found = chapters(folder)  # before the window exists: a missing manual leaves no half-built dialog behind
        super().__init__(parent)
        self.setObjectName("manualDialog")
        self.setWindowTitle(self.tr("Handbuch – odn-desktop"))
        self.setWindowFlag(Qt.WindowType.WindowContextHelpButtonHint, False)
        self.chapters = found
        self._image_sizes: dict[str, QSize] = {}
        self._scaled_images: dict[str, QImage] = {}
        self._current = -1

        self.contents = QTreeWidget(self)
        self.contents.setObjectName("manualContents")
        self.contents.setHeaderHidden(True)
        self.contents.setAccessibleName(self.tr("Inhalt des Handbuchs"))
        self.contents.setUniformRowHeights(True)
        for index, chapter in enumerate(self.chapters):
            item = QTreeWidgetItem(self.contents, [_plain(chapter.title)])
            item.setData(0, _ROLE, (index, ""))
            item.setToolTip(0, _plain(chapter.title))
            for section in chapter.sections:
                child = QTreeWidgetItem(item, [_plain(section)])
                child.setData(0, _ROLE, (index, _plain(section)))
                child.setToolTip(0, _plain(section))

        self.browser = QTextBrowser(self)
        self.browser.setObjectName("manualText")
        self.browser.setAccessibleName(self.tr("Text des Handbuchs"))
        self.browser.setOpenExternalLinks(True)  # https links: the web browser; chapter links: here
        self.browser.document().setUndoRedoEnabled(False)
        self.browser.sourceChanged.connect(self._on_source_changed)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.contents)
        splitter.addWidget(self.browser)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)

        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(60)
        self._fit_timer.timeout.connect(self._fit_images)
        self.contents.currentItemChanged.connect(self._on_item_changed)

        self.contents.expandAll()  # measured with every section; then only the chapter read is open
        contents_width = min(max(self.contents.sizeHintForColumn(0) + 40, 220), CONTENTS_MAX_WIDTH)
        self.contents.collapseAll()
        self.resize(self._fitting_size(QSize(contents_width + 780, 720)))
        splitter.setSizes([contents_width, self.width() - contents_width])
        first = self.contents.topLevelItem(0)
        if first is not None:
            self.contents.setCurrentItem(first)

    def _fitting_size(self, wanted: QSize) -> QSize:
        """``wanted``, but no larger than the screen's free area (a 1366×768 laptop with its taskbar)."""
        parent = self.parentWidget()
        screen = parent.screen() if parent is not None else self.screen()  # never None while a screen exists
        free = screen.availableGeometry().size() - QSize(40, 80)  # room for the frame and title bar
        return wanted.boundedTo(free)

    # -- what is shown -------------------------------------------------------------------------------------

    def show_chapter(self, index: int, section: str = "") -> None:
        """Chapter ``index`` (0-based), at ``section`` when given (a "## " heading as shown)."""
        chapter = self.chapters[index]
        item = self.contents.topLevelItem(index)
        if item is not None:
            item.setExpanded(True)
        if index != self._current:
            self._current = index
            self.browser.setSource(QUrl.fromLocalFile(str(chapter.path)),
                                   QTextDocument.ResourceType.MarkdownResource)
        self._fit_images()
        if section:
            self.scroll_to_heading(section)
        else:
            self.browser.verticalScrollBar().setValue(0)

    def current_chapter(self) -> Chapter | None:
        return self.chapters[self._current] if 0 <= self._current < len(self.chapters) else None

    def headings(self, level: int = 1) -> list[str]:
        """The headings of ``level`` in the document shown, as shown."""
        found = []
        block = self.browser.document().begin()
        while block.isValid():
            if block.blockFormat().headingLevel() == level:
                found.append(block.text())
            block = block.next()
        return found

    def picture_names(self) -> list[str]:
        """The pictures of the chapter shown, as the Markdown names them (``images/uebersicht.png``)."""
        names = []
        block = self.browser.document().begin()
        while block.isValid():
            iterator = block.begin()
            while not iterator.atEnd():
                fragment = iterator.fragment()
                if fragment.isValid() and fragment.charFormat().isImageFormat():
                    names.append(fragment.charFormat().toImageFormat().name().split("?", 1)[0])
                iterator += 1
            block = block.next()
        return names

    def picture_readable(self, name: str) -> bool:
        return self._image_size(name).isValid()

    def scroll_to_heading(self, text: str) -> bool:
        """Bring the heading ``text`` (any level) to the top of the text; False when the chapter has none."""
        document = self.browser.document()
        block = document.begin()
        while block.isValid():
            if block.blockFormat().headingLevel() > 0 and block.text().strip() == text:
                cursor = QTextCursor(block)
                self.browser.setTextCursor(cursor)
                top = document.documentLayout().blockBoundingRect(block).top()
                self.browser.verticalScrollBar().setValue(int(top))
                return True
            block = block.next()
        return False

    def _on_item_changed(self, item: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        if item is None:
            return
        index, section = item.data(0, _ROLE)
        self.show_chapter(int(index), str(section))

    def _on_source_changed(self, url: QUrl) -> None:
        """A link to another chapter was followed: its entry in the contents becomes the current one."""
        path = Path(url.toLocalFile()).resolve() if url.isLocalFile() else None
        index = next((n for n, c in enumerate(self.chapters) if path is not None and c.path.resolve() == path), -1)
        if index < 0:
            return
        self._current = index
        self._fit_images()
        item = self.contents.topLevelItem(index)
        if item is not None:
            item.setExpanded(True)
        if item is not None and self.contents.currentItem() is not item:
            self.contents.blockSignals(True)
            self.contents.setCurrentItem(item)
            self.contents.blockSignals(False)

    # -- pictures ------------------------------------------------------------------------------------------

    def _picture_path(self, name: str) -> Path:
        """A picture's file, resolved against the chapter's folder (not ``browser.source()``: that still names the
        previous chapter while ``sourceChanged`` is delivered)."""
        chapter = self.current_chapter()
        return (chapter.path.parent / name) if chapter is not None else Path(name)

    def _image_size(self, name: str) -> QSize:
        """The picture's own size in pixels (read from its file once)."""
        if name not in self._image_sizes:
            path = self._picture_path(name)
            size = QImageReader(str(path)).size()
            if not size.isValid():
                log.warning("manual picture %s missing or unreadable", path)
            self._image_sizes[name] = size
        return self._image_sizes[name]

    def _scaled(self, name: str, width: int) -> str:
        """The picture ``name`` made ``width`` logical pixels wide, smoothly (the text view would scale it without
        smoothing, and screenshots' small text would break up), sharp on a high-DPI screen; registered with the
        document under a name of its own, which is returned."""
        ratio = self.devicePixelRatioF()
        key = f"{name}?width={width}&ratio={ratio:g}"
        image = self._scaled_images.get(key)
        if image is None:
            original = QImage(str(self._picture_path(name)))
            image = original.scaledToWidth(round(width * ratio), Qt.TransformationMode.SmoothTransformation)
            image.setDevicePixelRatio(ratio)
            self._scaled_images[key] = image
        self.browser.document().addResource(QTextDocument.ResourceType.ImageResource, QUrl(key), image)
        return key

    def _fit_images(self) -> None:
        """Every picture at most as wide as the text area, its proportions kept."""
        document = self.browser.document()
        available = self.browser.viewport().width() - 2 * int(document.documentMargin()) - 8
        if available <= 0:
            return
        block = document.begin()
        while block.isValid():
            iterator = block.begin()
            while not iterator.atEnd():
                fragment = iterator.fragment()
                if fragment.isValid() and fragment.charFormat().isImageFormat():
                    self._fit_image(document, fragment, available)
                iterator += 1
            block = block.next()

    def _fit_image(self, document: QTextDocument, fragment: QTextFragment, available: int) -> None:
        image = fragment.charFormat().toImageFormat()
        original = image.name().split("?", 1)[0]
        natural = self._image_size(original)
        if not natural.isValid() or natural.width() <= 0:
            return
        width = min(natural.width(), available)
        name = original if width == natural.width() else self._scaled(original, width)
        if name == image.name() and abs(image.width() - width) < 0.5:
            return
        image.setName(name)
        image.setWidth(width)
        image.setHeight(natural.height() * width / natural.width())
        cursor = QTextCursor(document)
        cursor.setPosition(fragment.position())
        cursor.setPosition(fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor)
        cursor.setCharFormat(image)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_timer.start()


def show_manual(parent: QWidget | None) -> ManualDialog | None:
    """The manual window of ``parent`` (made on first use, then brought to the front); None when the manual is
    missing from the installation (a message says so)."""
    existing = parent.findChild(ManualDialog, "manualDialog") if parent is not None else None
    if existing is not None:
        existing.show()
        existing.raise_()  # open behind the main window, or minimised
        existing.activateWindow()
        return existing
    try:
        dialog = ManualDialog(parent)
    except FileNotFoundError:
        log.warning("manual missing", exc_info=True)
        context.show_user_error(parent, QCoreApplication.translate(
            "ManualDialog", "Das Handbuch fehlt in dieser Installation. Bitte installieren Sie odn-desktop neu."))
        return None
    dialog.show()  # a new window opens in front
    return dialog
