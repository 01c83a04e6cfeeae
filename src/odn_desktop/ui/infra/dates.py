"""Dates as the window shows them: the German numeric form (``02.12.2021``) with the weekday in the UI language.

``domain.timezone.format_german_date`` writes ``Do 02.12.2021`` for German documents (sheets, PDF lists, mails);
the window says ``Thu 02.12.2021`` when it speaks English. The day stays in the numeric German order in both
languages: the coordinator's data and documents are German, and a date must read the same on screen and paper.

``typing_friendly`` makes a date (and time) editor take a date typed as written, "17.02.2022 09:30".
"""

from __future__ import annotations

import re
from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDateTimeEdit

from odn_desktop.domain.timezone import WEEKDAY_ABBREVIATIONS, format_german_date

#: Only for pyside6-lupdate: the abbreviations reach translate() through a variable.
WEEKDAYS_FOR_LUPDATE = (
    QT_TRANSLATE_NOOP("Dates", "Mo"),
    QT_TRANSLATE_NOOP("Dates", "Di"),
    QT_TRANSLATE_NOOP("Dates", "Mi"),
    QT_TRANSLATE_NOOP("Dates", "Do"),
    QT_TRANSLATE_NOOP("Dates", "Fr"),
    QT_TRANSLATE_NOOP("Dates", "Sa"),
    QT_TRANSLATE_NOOP("Dates", "So"),
)


def display_date(dt: datetime) -> str:
    """``Do 02.12.2021`` (German UI) / ``Thu 02.12.2021`` (English UI), in Berlin time."""
    weekday, rest = format_german_date(dt).split(" ", 1)
    assert weekday in WEEKDAY_ABBREVIATIONS
    return f"{QCoreApplication.translate('Dates', weekday)} {rest}"


#: what a coordinator types between the parts of a date or time
_WORDS = re.compile(r"\w+")
_SEPARATORS = frozenset(". :,/-")
_TYPING_MODIFIERS = Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier


class _SectionTyping(QObject):
    """Typing a date into a ``QDateTimeEdit`` as it is written: "17.02.2022" gives 17.02.2022.

    Qt's editor misreads that in three ways. After the second digit of the day it moves on to the month by
    itself, and the "." typed next moves on once more, so "02" lands in the year (17.12.2021 from
    "17.02.2022"). A digit typed where the part is not selected (after a click into the day, after Ctrl+A) is
    inserted beside the old digits and refused, so the old day stays (01.02.2022). And it judges a typed day
    by the month shown before the new month is typed: in February "30.03." is cut to "3" and the rest slips
    into the next parts. Here the first digit of a part selects that part (the day, when the cursor is on the
    weekday or everything is selected), so it replaces the old value; a separator right after the editor moved
    on by itself is dropped; and while a day is typed the month shown is one with 31 days, put back when the
    typing ends without a new month.
    """

    def __init__(self, edit: QDateTimeEdit) -> None:
        super().__init__(edit)
        self._edit = edit
        #: the part the last key (a digit) was typed into; None when the last key was something else
        self._digit_section: int | None = None
        #: the month to put back when a typed day ends without a typed month (None: nothing to put back)
        self._month_to_restore: int | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.FocusIn, QEvent.Type.FocusOut):
            self._end_typing()
        if kind != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        text = event.text()
        plain = not (event.modifiers() & ~_TYPING_MODIFIERS)
        edit = self._edit
        if plain and len(text) == 1 and text.isdigit():
            if self._digit_section != edit.currentSectionIndex():
                self._select_part()
            if edit.currentSection() == QDateTimeEdit.Section.MonthSection:
                self._month_to_restore = None  # a month is typed: it stands
            self._digit_section = edit.currentSectionIndex()
            return False
        moved_on = self._digit_section is not None and self._digit_section != edit.currentSectionIndex()
        self._digit_section = None
        if plain and text in _SEPARATORS:
            return moved_on
        self._end_typing()
        return False

    def _select_part(self) -> None:
        """Select the part the cursor is in, so a digit replaces it; the first part when none fits."""
        edit = self._edit
        line = edit.lineEdit()
        index = edit.currentSectionIndex()
        # the parts as shown, in order ("17", "02", "2022", "14", "30", "Do"): Qt names the weekday a
        # DaySection too, so only the text tells a typeable part from the weekday
        parts = _WORDS.findall(line.text())
        numeric = len(parts) == edit.sectionCount() and 0 <= index < len(parts) and parts[index].isdigit()
        if not numeric or (line.hasSelectedText() and line.selectedText() == line.text()):
            index = 0
        if edit.sectionAt(index) == QDateTimeEdit.Section.DaySection:
            self._allow_any_day()  # (before the part is selected: a new date puts the cursor back)
        edit.setCurrentSectionIndex(index)
        edit.setSelectedSection(edit.sectionAt(index))

    def _allow_any_day(self) -> None:
        """A month of 31 days while the day is typed (the month typed next, or the old one, follows)."""
        edit = self._edit
        shown = edit.date()
        if shown.daysInMonth() == 31 or not edit.displayedSections() & QDateTimeEdit.Section.MonthSection:
            return
        if self._month_to_restore is None:
            self._month_to_restore = shown.month()
        edit.setDate(QDate(shown.year(), 1, shown.day()))

    def _end_typing(self) -> None:
        self._digit_section = None
        month, self._month_to_restore = self._month_to_restore, None
        if month is not None:
            typed = self._edit.date()
            last = QDate(typed.year(), month, 1).daysInMonth()
            self._edit.setDate(QDate(typed.year(), month, min(typed.day(), last)))


def typing_friendly(edit: QDateTimeEdit) -> None:
    """Let ``edit`` take a date typed as written (see ``_SectionTyping``); call once per editor."""
    edit.installEventFilter(_SectionTyping(edit))
