"""When a registration is accepted: the event's status, the opening time and the deadline, in one place.

The window, the CLI and the import all ask ``admission`` and show its German reason, so a row refused by the import
is refused with the same words the add dialog would use. Admitting someone outside the window is the coordinator's
explicit decision ("Verspätet zulassen", ``--late``); it overrides the deadline and the status alike and marks the
registration as late.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from .deadlines import is_late
from .timezone import format_german_datetime

_CLOSED_STATUS_REASONS = {
    "draft": "Die Veranstaltung ist noch ein Entwurf; die Anmeldung ist noch nicht geöffnet.",
    "closed": "Die Anmeldung zu dieser Veranstaltung ist geschlossen.",
    "held": "Die Veranstaltung hat bereits stattgefunden.",
    "cancelled": "Die Veranstaltung ist abgesagt.",
}

LATE_HINT = "Eine Nachmeldung ist nur mit ausdrücklicher Erlaubnis möglich (Option „Verspätet zulassen“ / --late)."


@dataclass(frozen=True)
class Admission:
    """Whether a registration at ``when`` is accepted; ``reason`` is German and set whenever it is outside the
    window (then ``accepted`` only when it was explicitly allowed, and ``late`` marks it)."""

    accepted: bool
    late: bool
    reason: str | None

    def refusal(self) -> str:
        """The message for a refused registration."""
        return f"{self.reason} {LATE_HINT}" if self.reason else ""


def outside_window_reason(
    status: str,
    opens_at: datetime | None,
    deadline: datetime | None,
    when: datetime,
    *,
    late_allowed_by_event: bool = False,
) -> str | None:
    """Why a registration at ``when`` is outside the event's registration window (``None``: inside)."""
    reason = _CLOSED_STATUS_REASONS.get(status)
    if reason is not None:
        return reason
    if opens_at is not None and when < opens_at:
        return f"Die Anmeldung öffnet erst am {format_german_datetime(opens_at)} Uhr."
    if is_late(when, deadline) and not late_allowed_by_event:
        assert deadline is not None
        return f"Die Anmeldefrist ist am {format_german_datetime(deadline)} Uhr abgelaufen."
    return None


def admission(
    status: str,
    opens_at: datetime | None,
    deadline: datetime | None,
    when: datetime,
    *,
    allow_late: bool = False,
    late_allowed_by_event: bool = False,
) -> Admission:
    """The decision for one registration: accepted inside the window, or outside it only with ``allow_late``.

    ``late`` is also set when the event itself accepts registrations after its deadline: the list shows who came
    after the deadline either way.
    """
    reason = outside_window_reason(status, opens_at, deadline, when, late_allowed_by_event=late_allowed_by_event)
    if reason is None:
        return Admission(True, is_late(when, deadline), None)
    return Admission(allow_late, True, reason)
