"""Dates as the window shows them: the German numeric form (``02.12.2021``) with the weekday in the UI language.

``domain.timezone.format_german_date`` writes ``Do 02.12.2021`` for German documents (sheets, PDF lists, mails);
the window says ``Thu 02.12.2021`` when it speaks English. The day stays in the numeric German order in both
languages: the coordinator's data and documents are German, and a date must read the same on screen and paper.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

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
