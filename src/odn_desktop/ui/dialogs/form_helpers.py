"""Small helpers the dialogs share while building their forms (public, so that no dialog reaches into another's
private names): a label that gives its widget a mnemonic. (The user's settings: ``ui.infra.settings``.)"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget


def buddy(text: str, widget: QWidget) -> QLabel:
    """A label for ``widget``: its mnemonic (``&``) moves the focus there, and it names the widget for screen
    readers."""
    label = QLabel(text)
    label.setBuddy(widget)
    return label
