"""„Für Treffen einplanen“: which meeting of the series takes a topic, as what kind of programme item, how long.

``ask_plan`` is the one function the page calls (tests replace it); it returns the choice or ``None``.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from odn_desktop.domain.timezone import format_german_date, to_berlin

if TYPE_CHECKING:
    from odn_desktop.services.wish_rows import EventRef


@dataclass(frozen=True)
class PlanChoice:
    event_id: uuid.UUID
    kind: str  # discussion | talk
    minutes: int


def meeting_label(ref: EventRef) -> str:
    """„Zweites Treffen – Do 02.12.2021, 10:00 Uhr“."""
    local = to_berlin(ref.starts_at)
    return f"{ref.title} – {format_german_date(ref.starts_at)}, {local:%H:%M} Uhr"


class PlanDialog(QDialog):
    def __init__(self, topic: str, meetings: Sequence[EventRef], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PlanDialog")
        self.setWindowTitle(self.tr("Für Treffen einplanen"))
        self._meetings = list(meetings)

        intro = QLabel(self.tr("„{topic}“ wird als Programmpunkt ans Ende des Programms des gewählten Treffens "
                               "gesetzt; die Gruppe gilt dann als eingeplant.").format(topic=topic))
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)

        self.meeting_combo = QComboBox()
        self.meeting_combo.setObjectName("meetingCombo")
        for ref in self._meetings:
            self.meeting_combo.addItem(meeting_label(ref), ref.id)
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("kindCombo")
        self.kind_combo.addItem(self.tr("Fragen und Diskussion"), "discussion")
        self.kind_combo.addItem(self.tr("Vortrag"), "talk")
        self.minutes_spin = QSpinBox()
        self.minutes_spin.setObjectName("minutesSpin")
        self.minutes_spin.setRange(5, 240)
        self.minutes_spin.setSingleStep(5)
        self.minutes_spin.setValue(30)
        self.minutes_spin.setSuffix(self.tr(" Minuten"))

        form = QFormLayout()
        meeting_label_widget = QLabel(self.tr("&Treffen:"))
        meeting_label_widget.setBuddy(self.meeting_combo)
        kind_label = QLabel(self.tr("&Art:"))
        kind_label.setBuddy(self.kind_combo)
        minutes_label = QLabel(self.tr("&Dauer:"))
        minutes_label.setBuddy(self.minutes_spin)
        form.addRow(meeting_label_widget, self.meeting_combo)
        form.addRow(kind_label, self.kind_combo)
        form.addRow(minutes_label, self.minutes_spin)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Einplanen"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Abbrechen"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)

    def choice(self) -> PlanChoice | None:
        event_id = self.meeting_combo.currentData()
        if event_id is None:
            return None
        return PlanChoice(event_id, str(self.kind_combo.currentData()), self.minutes_spin.value())


def ask_plan(parent: QWidget | None, topic: str, meetings: Sequence[EventRef]) -> PlanChoice | None:
    dialog = PlanDialog(topic, meetings, parent)
    return dialog.choice() if dialog.exec() else None
