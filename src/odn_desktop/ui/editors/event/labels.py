"""German labels of domain values (formats, statuses, meeting and deadline states, agenda kinds, seats), translatable.

The labels live in ``domain`` and ``services.rows`` (no Qt there); the UI translates them at run time under one
context. The list below only lets ``pyside6-lupdate`` find them; a test keeps it in step with the domain.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "DomainLabels"

KNOWN = (
    QT_TRANSLATE_NOOP("DomainLabels", "Online"),
    QT_TRANSLATE_NOOP("DomainLabels", "Präsenz"),
    QT_TRANSLATE_NOOP("DomainLabels", "Hybrid"),
    QT_TRANSLATE_NOOP("DomainLabels", "Entwurf"),
    QT_TRANSLATE_NOOP("DomainLabels", "Anmeldung offen"),
    QT_TRANSLATE_NOOP("DomainLabels", "Anmeldung geschlossen"),
    QT_TRANSLATE_NOOP("DomainLabels", "Durchgeführt"),
    QT_TRANSLATE_NOOP("DomainLabels", "Abgesagt"),
    QT_TRANSLATE_NOOP("DomainLabels", "Beendet"),
    QT_TRANSLATE_NOOP("DomainLabels", "anstehend"),
    QT_TRANSLATE_NOOP("DomainLabels", "bald fällig"),
    QT_TRANSLATE_NOOP("DomainLabels", "überfällig"),
    QT_TRANSLATE_NOOP("DomainLabels", "erledigt"),
    QT_TRANSLATE_NOOP("DomainLabels", "Vernetzung"),
    QT_TRANSLATE_NOOP("DomainLabels", "Vortrag"),
    QT_TRANSLATE_NOOP("DomainLabels", "Fragen und Diskussion"),
    QT_TRANSLATE_NOOP("DomainLabels", "Pause"),
    QT_TRANSLATE_NOOP("DomainLabels", "Sonstiges"),
    QT_TRANSLATE_NOOP("DomainLabels", "Freie Plätze verfügbar"),
    QT_TRANSLATE_NOOP("DomainLabels", "Nur noch wenige Plätze"),
    QT_TRANSLATE_NOOP("DomainLabels", "Ausgebucht – Warteliste"),
)

#: The labels of the fixed deadlines ``services.tasks.event_deadlines`` makes (own tasks keep their typed title).
DEADLINE_LABELS = (
    QT_TRANSLATE_NOOP("DomainLabels", "Anmeldeschluss"),
    QT_TRANSLATE_NOOP("DomainLabels", "Versand Zugangslink"),
)


def label(text: str) -> str:
    """A domain label in the UI language (German source text)."""
    return QCoreApplication.translate(CONTEXT, text)
